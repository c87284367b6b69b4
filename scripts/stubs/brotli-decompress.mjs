// fontkit's brotli (WOFF2 fonts only), loaded from dist/brotli-decompress.cjs on its first use (see
// scripts/dependency-patches.mjs). The startup snapshot's require() loads only Node's own modules, so the file
// is read and run as CommonJS here, in both bundles (it requires nothing).
import { readFileSync } from "node:fs";

let loaded;
export default function decompress(...args) {
  if (!loaded) {
    const module = { exports: {} };
    new Function("module", "exports", readFileSync(new URL("./brotli-decompress.cjs", import.meta.url), "utf8"))(
      module,
      module.exports,
    );
    loaded = module.exports;
  }
  return loaded(...args);
}
