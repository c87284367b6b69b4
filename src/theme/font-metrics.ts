// Font metrics read straight from a font file, without a font library: its natural line height as a share of
// the size (Word's "single" spacing, so DOCX line spacing can match the PDF's leading), and advance widths.
import { readFileSync } from "node:fs";
import { forgetWhenChanged, stampFile } from "../world/file-stamps.js";

const cache = new Map<string, number>();
const measures = new Map<string, TextMeasure>();
// The build server forgets a font file that changed between builds (src/world/file-stamps.ts).
forgetWhenChanged((path) => {
  cache.delete(path);
  measures.delete(path);
});

/** (winAscent + winDescent) / unitsPerEm from the OS/2 and head tables; 1.2 when they cannot be read. */
export function naturalLineHeight(path: string): number {
  let ratio = cache.get(path);
  if (ratio === undefined) {
    ratio = 1.2;
    stampFile(path);
    try {
      const bytes = readFileSync(path);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const tables = fontTables(bytes);
      const head = tables?.get("head")?.offset;
      const os2 = tables?.get("OS/2")?.offset;
      if (head !== undefined && os2 !== undefined) {
        const unitsPerEm = view.getUint16(head + 18);
        const height = view.getUint16(os2 + 74) + view.getUint16(os2 + 76);
        if (unitsPerEm > 0 && height > 0) ratio = height / unitsPerEm;
      }
    } catch {
      // A font that cannot be measured keeps the usual ratio; the theme loader has already checked it.
    }
    cache.set(path, ratio);
  }
  return ratio;
}

/** Measures text in a font: the sum of its characters' advance widths, in ems (no kerning). */
export type TextMeasure = (text: string) => number;

/**
 * Advance widths from the font's cmap (formats 4 and 12) and hmtx tables, for the layout to size table
 * columns as the PDF will draw them. A character the font lacks counts one em (a fallback face draws it).
 */
export function textMeasure(path: string): TextMeasure {
  let measure = measures.get(path);
  if (!measure) {
    stampFile(path);
    measures.set(path, (measure = readMeasure(path)));
  }
  return measure;
}

function readMeasure(path: string): TextMeasure {
  const fallback: TextMeasure = (text) => [...text].length * 0.6;
  try {
    const bytes = readFileSync(path);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tables = fontTables(bytes);
    const [head, hhea, hmtx, cmap] = ["head", "hhea", "hmtx", "cmap"].map((tag) => tables?.get(tag));
    if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) return fallback;
    const unitsPerEm = view.getUint16(head.offset + 18) || 1000;
    const metrics = view.getUint16(hhea.offset + 34);
    // The measure keeps copies of the two tables it reads, not the whole file: the layout keeps one measure per
    // face for the process (and in the startup snapshot), where the file's bytes were 0.6 MB a face.
    const hmtxView = tableCopy(bytes, hmtx.offset, 4 * metrics);
    const cmapView = tableCopy(bytes, cmap.offset, cmap.length);
    const advance = (glyph: number): number => hmtxView.getUint16(4 * Math.min(glyph, metrics - 1)) / unitsPerEm;
    const glyphOf = cmapLookup(cmapView, 0);
    if (!glyphOf || metrics === 0) return fallback;
    const widths = new Map<number, number>();
    return (text) => {
      let sum = 0;
      for (const ch of text) {
        const code = ch.codePointAt(0)!;
        let width = widths.get(code);
        if (width === undefined) {
          const glyph = glyphOf(code);
          widths.set(code, (width = glyph ? advance(glyph) : 1));
        }
        sum += width;
      }
      return sum;
    };
  } catch {
    return fallback;
  }
}

/** Where a table lies in a font file. */
export interface FontTable {
  offset: number;
  length: number;
}

/**
 * A TrueType or OpenType file's table directory, by tag; null when it is empty or it, or a table it lists,
 * lies outside the file. The one reader of it: the theme's font check, the measures above, and the HTML page's
 * coverage test and subset.
 */
export function fontTables(bytes: Uint8Array): Map<string, FontTable> | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  if (count === 0 || 12 + 16 * count > bytes.length) return null;
  const tables = new Map<string, FontTable>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > bytes.length) return null;
    tables.set(String.fromCharCode(...bytes.subarray(record, record + 4)), { offset, length });
  }
  return tables;
}

/** `length` bytes of `bytes` from `at`, copied into a buffer of their own (a table past the end is cut short). */
function tableCopy(bytes: Buffer, at: number, length: number): DataView {
  const copy = new Uint8Array(bytes.subarray(at, at + length));
  return new DataView(copy.buffer);
}

/** The Unicode cmap subtable (format 12, else format 4) as code point → glyph id (0: none). */
export function cmapLookup(view: DataView, cmap: number): ((code: number) => number) | undefined {
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const at = cmap + view.getUint32(cmap + 8 + 8 * i);
    if (platform !== 0 && !(platform === 3 && (encoding === 1 || encoding === 10))) continue;
    const format = view.getUint16(at);
    if (format === 12) format12 ??= at;
    if (format === 4) format4 ??= at;
  }
  if (format12 !== undefined) {
    const at = format12;
    const groups = view.getUint32(at + 12);
    return (code) => {
      for (let g = 0; g < groups; g++) {
        const start = view.getUint32(at + 16 + 12 * g);
        if (code < start) return 0;
        if (code <= view.getUint32(at + 20 + 12 * g)) return view.getUint32(at + 24 + 12 * g) + code - start;
      }
      return 0;
    };
  }
  if (format4 === undefined) return undefined;
  const at = format4;
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (code > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (code < start) return 0;
      const delta = view.getUint16(deltas + 2 * s);
      const offset = view.getUint16(offsets + 2 * s);
      if (offset === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(offsets + 2 * s + offset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
