// The HTML page's fonts (src/render/html/): a subset keeps each character of the text on a glyph with the
// original's advance width and holds little else; composite glyphs bring their components; WOFF wraps the
// same tables, each inflating back to the font's own bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { shippedFont } from "../src/package/shipped-files.js";
import { subsetFont } from "../src/render/html/font-subset.js";
import { woff } from "../src/render/html/woff.js";
import { cmapLookup, textMeasure } from "../src/theme/font-metrics.js";
import { tempDir } from "./helpers/minutes-repo.js";

/** The font's tables by tag. */
function tables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const found = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + 16 * i;
    const offset = view.getUint32(at + 8);
    found.set(
      Buffer.from(font.subarray(at, at + 4)).toString("latin1"),
      font.subarray(offset, offset + view.getUint32(at + 12)),
    );
  }
  return found;
}

describe("the HTML page's font subsets", () => {
  const regular = shippedFont("noto-sans-regular");
  const original = readFileSync(regular);
  // Accented letters are composite glyphs in Noto Sans (a base letter and an accent).
  const text = "Réunion du 23 septembre — « Décisions » : ŒUVRE, naïve, 12 % ; Ça va ?";
  const subset = subsetFont(original, text)!;
  const dir = tempDir("font-subset");

  it("draws every character of the text with the original's advance widths", () => {
    expect(subset).not.toBeNull();
    writeFileSync(join(dir, "subset.ttf"), subset);
    const originalWidth = textMeasure(regular);
    const subsetWidth = textMeasure(join(dir, "subset.ttf"));
    for (const ch of new Set(text)) expect(subsetWidth(ch), ch).toBeCloseTo(originalWidth(ch), 6);
    // A character left out has no glyph: the measure counts it one em.
    expect(subsetWidth("Z")).toBe(1);
  });

  it("is not made for text the browser shapes with the layout tables: Arabic letters join, marks are placed", () => {
    // Without GSUB the browser draws each Arabic letter in its isolated form: the font goes whole instead.
    const arabic = readFileSync(shippedFont("noto-sans-arabic-regular"));
    expect(subsetFont(arabic, "اجتماع فريق البرمجيات")).toBeNull();
    expect(subsetFont(original, "Re\u0301union")).toBeNull();
    // The same font, drawing only what needs no shaping (its digits), is still cut down.
    expect(subsetFont(arabic, "0123456789")).not.toBeNull();
  });

  it("holds only those glyphs and their components, and no layout table", () => {
    const kept = tables(subset);
    const glyphs = new DataView(kept.get("maxp")!.buffer, kept.get("maxp")!.byteOffset).getUint16(4);
    expect(glyphs).toBeGreaterThan(new Set(text).size - 1);
    expect(glyphs).toBeLessThan(80);
    expect([...kept.keys()]).not.toContain("GPOS");
    expect([...kept.keys()]).toEqual(
      expect.arrayContaining(["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"]),
    );
    expect(subset.length).toBeLessThan(original.length / 20);
  });

  it("brings the components of composite glyphs (é, Œ…), renumbered", () => {
    const kept = tables(subset);
    const view = (t: string) => new DataView(kept.get(t)!.buffer, kept.get(t)!.byteOffset, kept.get(t)!.byteLength);
    const glyphs = view("maxp").getUint16(4);
    const glyphOf = cmapLookup(view("cmap"), 0)!;
    const loca = (gid: number) => view("loca").getUint32(4 * gid);
    const glyf = view("glyf");
    let composites = 0;
    for (const ch of new Set(text)) {
      const gid = glyphOf(ch.codePointAt(0)!);
      const start = loca(gid);
      if (loca(gid + 1) - start < 10 || glyf.getInt16(start) >= 0) continue;
      composites++;
      // Each component: flags, then its glyph id, which must name a glyph of the subset that has an outline.
      let at = start + 10;
      for (;;) {
        const flags = glyf.getUint16(at);
        const component = glyf.getUint16(at + 2);
        expect(component, ch).toBeGreaterThan(0);
        expect(component, ch).toBeLessThan(glyphs);
        expect(loca(component + 1) - loca(component), ch).toBeGreaterThan(0);
        at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
        if (!(flags & 0x20)) break;
      }
    }
    expect(composites).toBeGreaterThanOrEqual(3);
  });

  it("wraps the same tables as WOFF, each inflating back to the font's bytes", () => {
    const wrapped = Buffer.from(woff(subset));
    expect(wrapped.toString("latin1", 0, 4)).toBe("wOFF");
    expect(wrapped.readUInt32BE(8)).toBe(wrapped.length);
    const own = tables(subset);
    expect(wrapped.readUInt16BE(12)).toBe(own.size);
    for (let i = 0; i < own.size; i++) {
      const entry = 44 + 20 * i;
      const tag = wrapped.toString("latin1", entry, entry + 4);
      const [offset, stored, length] = [4, 8, 12].map((k) => wrapped.readUInt32BE(entry + k)) as [
        number,
        number,
        number,
      ];
      const data = wrapped.subarray(offset, offset + stored);
      expect(Buffer.from(stored < length ? inflateSync(data) : data).equals(Buffer.from(own.get(tag)!)), tag).toBe(
        true,
      );
    }
    expect(woff(subset)).toEqual(woff(subset));
  });
});
