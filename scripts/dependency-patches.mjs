// Edits to bundled dependencies, applied by esbuild while it bundles (scripts/build.mjs), never to node_modules:
// - patches/*.patch, in patch-package's format (one git diff per package, paths under node_modules/). Each hunk
//   must match its lines exactly where it says, or the build fails: a dependency that changed under a patch is
//   noticed. What each patch does and what it saves is said in patches/README.md, with its measured gain.
// - Lazy-loading stubs, as esbuild resolutions: pdfkit's `linebreak` and fontkit's brotli load on first use.
// test/bundle-patches.test.ts checks that the bundle writes the bytes the published packages write.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const patchFolder = new URL("../patches/", import.meta.url);

/** The files patches/*.patch edit (path under node_modules/ → hunks), read from the patch files. */
export function readPatches() {
  const files = new Map();
  for (const name of readdirSync(patchFolder)
    .filter((f) => f.endsWith(".patch"))
    .sort()) {
    let hunks;
    let hunk;
    for (const line of readFileSync(new URL(name, patchFolder), "utf8").split("\n")) {
      const file = /^\+\+\+ b\/node_modules\/(.+)$/.exec(line);
      const at = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
      if (file) files.set(file[1], (hunks = files.get(file[1]) ?? []));
      else if (/^(diff |--- |index )/.test(line)) hunk = undefined;
      else if (at) hunks.push((hunk = { patch: name, start: Number(at[1]), old: [], new: [] }));
      else if (hunk && /^[ +-]/.test(line)) {
        if (line[0] !== "+") hunk.old.push(line.slice(1));
        if (line[0] !== "-") hunk.new.push(line.slice(1));
      }
    }
  }
  return files;
}

/** `source` with each hunk applied where it says (no fuzz): throws, naming the patch, when a hunk does not match. */
export function applyHunks(source, hunks, where) {
  const lines = source.split("\n");
  let shift = 0;
  for (const hunk of hunks) {
    const at = hunk.start - 1 + shift;
    if (hunk.old.some((line, i) => lines[at + i] !== line))
      throw new Error(
        `patches/${hunk.patch}: the hunk at line ${hunk.start} no longer matches ${where}; update the patch (the dependency changed)`,
      );
    lines.splice(at, hunk.old.length, ...hunk.new);
    shift += hunk.new.length - hunk.old.length;
  }
  return lines.join("\n");
}

/** The esbuild plugin that applies patches/*.patch to the files they name. */
export function patchFiles() {
  const patches = readPatches();
  return {
    name: "dependency-patches",
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/]/ }, (args) => {
        const relative = args.path
          .slice(args.path.lastIndexOf("node_modules") + "node_modules/".length)
          .replaceAll("\\", "/");
        const hunks = patches.get(relative);
        if (!hunks) return undefined;
        return { contents: applyHunks(readFileSync(args.path, "utf8"), hunks, args.path), loader: "js" };
      });
    },
  };
}

/**
 * Lazy-loading stubs, in both bundles:
 * - pdfkit's `linebreak` serves only pdfkit's own line wrapping, which minutes never uses (it breaks lines itself
 *   and draws with lineBreak: false): its Unicode tables are decoded on first use, not when the PDF chunk loads.
 * - fontkit needs brotli only to read WOFF2 fonts, yet importing it runs brotli's dictionary (a 122,000-number
 *   array literal, 1.4 MB): it is read from dist/brotli-decompress.cjs on first use.
 * - pdfkit's AES serves only encrypted PDFs, which minutes never writes: its tables are built on first use.
 * - fontkit's and unicode-properties' Unicode tries are inflated on first use, not when the PDF chunk loads
 *   (fontkit's three serve its Arabic, Indic and universal shapers only).
 */
export const lazyStubs = {
  name: "lazy-stubs",
  setup(b) {
    b.onResolve({ filter: /^linebreak$/ }, (args) =>
      /[\\/]pdfkit[\\/]/.test(args.importer) ? { path: `${root}scripts/stubs/linebreak.mjs` } : undefined,
    );
    b.onResolve({ filter: /^brotli\/decompress\.js$/ }, (args) =>
      /[\\/]fontkit[\\/]/.test(args.importer) ? { path: `${root}scripts/stubs/brotli-decompress.mjs` } : undefined,
    );
    b.onResolve({ filter: /^@noble\/ciphers\/aes$/ }, (args) =>
      /[\\/]pdfkit[\\/]/.test(args.importer) ? { path: `${root}scripts/stubs/noble-aes.mjs` } : undefined,
    );
    b.onResolve({ filter: /^unicode-trie$/ }, (args) =>
      /[\\/](fontkit|unicode-properties)[\\/]/.test(args.importer)
        ? { path: `${root}scripts/stubs/unicode-trie.mjs` }
        : undefined,
    );
  },
};

/**
 * fflate's Node build loads node:worker_threads when it loads, for async APIs minutes does not use; its browser
 * build is the same code without that. A worker module loaded while the startup snapshot is made leaves the
 * snapshot's process unable to start worker threads (the batch pool), so both bundles take it.
 */
export const fflateWithoutWorkers = {
  name: "fflate-without-workers",
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, () => ({ path: `${root}node_modules/fflate/esm/browser.js` }));
  },
};
