// pdfkit's `linebreak`, loaded on its first use (see scripts/dependency-patches.mjs): esbuild bundles the
// require() below as a module that runs when first called.
export default function LineBreaker(...args) {
  const linebreak = require("linebreak");
  return new (linebreak.default ?? linebreak)(...args);
}
