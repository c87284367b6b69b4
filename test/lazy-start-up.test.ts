// Start-up shortcuts of the bundle (scripts/dependency-patches.mjs) that change no byte of any output, only what the
// PDF chunk runs when it is imported: fontkit's brotli decoder (WOFF2 only) lives in
// dist/brotli-decompress.cjs and pdfkit's linebreak (its own line wrapping, unused) is set up on first use.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const pdfChunk = (): string => {
  const name = readdirSync("dist").find((f) => f.startsWith("render-pdf-"));
  expect(name).toBeDefined();
  return readFileSync(join("dist", name!), "utf8");
};

describe("brotli outside the PDF chunk", () => {
  it("is a file of its own that still decodes brotli data", () => {
    const decompress = createRequire(import.meta.url)("../dist/brotli-decompress.cjs") as (
      input: Uint8Array,
    ) => Uint8Array;
    const text = Buffer.from("Compte rendu de la réunion — ".repeat(200));
    expect(Buffer.from(decompress(brotliCompressSync(text))).equals(text)).toBe(true);
  });

  it("is loaded from that file, not bundled into the PDF renderer chunk", () => {
    const code = pdfChunk();
    expect(code).toContain('"./brotli-decompress.cjs"');
    expect(code).not.toContain("node_modules/brotli/dec/dictionary-data.js");
  });
});

describe("pdfkit's linebreak", () => {
  it("is created on first use: the chunk's top level does not run it", () => {
    const code = pdfChunk();
    // scripts/stubs/linebreak.mjs, which pdfkit imports instead of linebreak: it requires linebreak when called.
    expect(code).toMatch(/function LineBreaker\(\.\.\.args\) \{\n\s+const linebreak = require_\w+\(\);/);
    expect(code).not.toMatch(/^var import_linebreak/m);
  });
});

describe("pdfkit's AES and the Unicode tries of fontkit and unicode-properties", () => {
  it("are built on first use: the chunk's top level does not build them", () => {
    const code = pdfChunk();
    // scripts/stubs/noble-aes.mjs: encryption only, which minutes never asks for.
    expect(code).toMatch(/function cbc\(\.\.\.args\) \{\n\s+return require_\w+\(\)\.cbc\(\.\.\.args\);/);
    expect(code).not.toMatch(/^var (sbox|tableEncoding|tableDecoding|xPowers)\b/m);
    // scripts/stubs/unicode-trie.mjs: each trie is inflated by its first get(), the stub's one `new UnicodeTrie`.
    expect(code.match(/new \(0, LazyUnicodeTrie\)\(/g)?.length).toBeGreaterThanOrEqual(4);
    expect(code.match(/new import_unicode_trie\d*\.default\(/g)?.length).toBe(1);
  });
});
