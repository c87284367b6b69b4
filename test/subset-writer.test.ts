// The PDF's font subsets written directly (src/render/pdf/subset-writer.ts) are fontkit's own encoding, byte for
// byte: every shipped face, subsets of many sizes and orders, with composite glyphs (accented letters) among them.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import shipped from "../src/package/shipped-files.json" with { type: "json" };
import { shippedFont, type ShippedFont } from "../src/package/shipped-files.js";
import { writeSubsetDirectly } from "../src/render/pdf/subset-writer.js";

type Subset = { includeGlyph(id: number): number; encode(): Uint8Array; glyphs: number[] };
type Font = { numGlyphs: number; createSubset(): Subset; glyphForCodePoint(cp: number): { id: number } };
// pdfkit's fontkit, as published (the bundle's patched copy is compared with it by test/bundle-patches.test.ts).
const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(path: string): unknown };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe("a PDF font subset written directly", () => {
  const faces = Object.keys(shipped.fonts).filter((name) => /\.ttf$/.test(shipped.fonts[name as ShippedFont]));

  it("is fontkit's encoding of the same subset, for every shipped face", () => {
    expect(faces.length).toBeGreaterThanOrEqual(10);
    const next = random(19);
    let compared = 0;
    for (const name of faces) {
      const font = fontkit.openSync(shippedFont(name as ShippedFont)) as unknown as Font;
      // Latin text with composite accented letters, then glyphs anywhere in the font, in a random order.
      const text = [..."Réunion du 23 septembre — « Décisions » : ŒUVRE, naïve, 12 % ; Ça va ? ĀǍ"];
      const lists: number[][] = [
        [],
        text.map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id),
        ...[5, 60, 400].map((n) => Array.from({ length: n }, () => Math.floor(next() * font.numGlyphs))),
      ];
      for (const ids of lists) {
        const theirs = font.createSubset();
        const ours = font.createSubset();
        writeSubsetDirectly(ours);
        for (const id of ids) {
          theirs.includeGlyph(id);
          ours.includeGlyph(id);
        }
        const expected = Buffer.from(theirs.encode());
        const written = Buffer.from(ours.encode());
        expect(written.equals(expected), `${name}, ${ids.length} glyphs`).toBe(true);
        // Twice from one subset, as fontkit allows.
        expect(Buffer.from(ours.encode()).equals(expected)).toBe(true);
        compared++;
      }
    }
    expect(compared).toBe(faces.length * 5);
  });

  it("gives a later subset of the same glyphs the file written before, and other glyphs a file of their own", () => {
    // A batch draws meeting after meeting with one parsed font: the file (and its deflated bytes) is kept.
    const font = fontkit.openSync(shippedFont(faces[0] as ShippedFont)) as unknown as Font;
    const ids = [..."Décisions ŒUVRE"].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
    const subsetOf = (list: number[], direct: boolean): Subset => {
      const subset = font.createSubset();
      if (direct) writeSubsetDirectly(subset);
      for (const id of list) subset.includeGlyph(id);
      return subset;
    };
    const first = subsetOf(ids, true).encode();
    const again = subsetOf(ids, true).encode();
    expect(again).toBe(first);
    expect(Buffer.from(again).equals(Buffer.from(subsetOf(ids, false).encode()))).toBe(true);
    const other = subsetOf(ids.slice(0, 5), true).encode();
    expect(other).not.toBe(first);
    expect(Buffer.from(other).equals(Buffer.from(subsetOf(ids.slice(0, 5), false).encode()))).toBe(true);
  });

  it("leaves a subset of a font that is not TrueType outlines to fontkit", () => {
    const subset = {
      font: { directory: { tables: { "CFF ": {} } } },
      _addGlyph: () => 0,
      encode: () => new Uint8Array([1]),
    };
    writeSubsetDirectly(subset);
    expect(subset.encode()).toEqual(new Uint8Array([1]));
    expect((subset as { minutesWritesDirectly?: true }).minutesWritesDirectly).toBeUndefined();
  });
});
