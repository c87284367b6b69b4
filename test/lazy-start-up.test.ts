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

describe("the Unicode tries, inflated by Node's zlib (scripts/stubs/unicode-trie.mjs)", () => {
  it("hold the same data as unicode-trie's own inflating gives, for fontkit's three and unicode-properties' one", async () => {
    const require = createRequire(import.meta.url);
    const UnicodeTrie = require("unicode-trie") as new (data: Uint8Array) => { data: Uint32Array };
    // @ts-expect-error: a build script, plain JavaScript
    const { natively } = (await import("../scripts/stubs/unicode-trie.mjs")) as {
      natively: (data: Uint8Array) => { data: Uint32Array; highStart: number; errorValue: number } | null;
    };
    const sources = [
      readFileSync("node_modules/fontkit/dist/module.mjs", "utf8"),
      readFileSync("node_modules/unicode-properties/dist/module.mjs", "utf8"),
    ];
    // Each trie's data is a base64 literal in the module's source (fontkit decodes it with base64-js too).
    const tries = sources.flatMap((code) => [...code.matchAll(/\("([A-Za-z0-9+/]{200,}={0,2})"\)/g)].map((m) => m[1]!));
    expect(tries.length).toBe(4);
    for (const base64 of tries) {
      const data = new Uint8Array(Buffer.from(base64, "base64"));
      const own = new UnicodeTrie(data);
      const view = new DataView(data.buffer);
      const zlib = natively(data);
      expect(zlib).not.toBeNull();
      expect(Buffer.from(zlib!.data.buffer).equals(Buffer.from(own.data.buffer))).toBe(true);
      expect([zlib!.highStart, zlib!.errorValue]).toEqual([view.getUint32(0, true), view.getUint32(4, true)]);
    }
  });
});
