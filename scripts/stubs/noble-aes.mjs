// pdfkit's AES (@noble/ciphers/aes), loaded on its first use (see scripts/dependency-patches.mjs): it serves only
// encrypted PDFs, which minutes never writes, yet importing it builds its S-box tables. esbuild bundles the
// require() below as a module that runs when first called.
export function cbc(...args) {
  return require("@noble/ciphers/aes").cbc(...args);
}

export function ecb(...args) {
  return require("@noble/ciphers/aes").ecb(...args);
}
