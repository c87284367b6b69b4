// A TrueType font cut down to the characters a page uses, for a web page to carry inline: the glyphs those
// characters name (and the components of composite glyphs), renumbered from 1 after .notdef, with a cmap of
// those characters only, the font's name and OS/2 tables as they are, and a post table without glyph names.
// Layout tables (GSUB, GPOS: ligatures, kerning) are left out, as for the PDF's subsets; hinting is kept.
// A font that is not TrueType (CFF outlines) or that cannot be read is returned null: the caller embeds it whole.
// So is a font that draws a character whose look the browser makes with the layout tables (Arabic letters
// join, Hebrew and Indic marks are placed, Thai and Indic letters reorder): the PDF's subsets are drawn after
// shaping, but a web font is shaped by the browser, which without GSUB/GPOS shows Arabic letters unjoined.
import { cmapLookup, type FontTable, fontTables } from "../../theme/font-metrics.js";

/**
 * Characters drawn right only with the font's layout tables: combining marks, and the scripts that join or
 * reorder (Hebrew to NKo and Arabic's extensions, Indic, Thai and Lao, Myanmar, Khmer, Arabic and Hebrew
 * presentation forms).
 */
const shapedScript = /\p{M}|[\u0590-\u08ff\u0900-\u0eff\u1000-\u109f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/** Tables copied as they are. */
const COPIED = ["OS/2", "name", "cvt ", "fpgm", "prep", "gasp"] as const;

export function subsetFont(font: Uint8Array, text: Iterable<string>): Uint8Array | null {
  try {
    return subset(font, text);
  } catch {
    return null;
  }
}

function subset(font: Uint8Array, text: Iterable<string>): Uint8Array | null {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = fontTables(font);
  if (!tables) return null;
  const table = (tag: string): FontTable => {
    const t = tables.get(tag);
    if (!t) throw new Error(`no ${tag} table`);
    return t;
  };
  if (!tables.has("glyf")) return null;
  const head = table("head").offset;
  const hhea = table("hhea").offset;
  const hmtx = table("hmtx").offset;
  const glyf = table("glyf").offset;
  const loca = table("loca").offset;
  const longLoca = view.getInt16(head + 50) === 1;
  const numGlyphs = view.getUint16(table("maxp").offset + 4);
  const numMetrics = view.getUint16(hhea + 34);
  const glyphOf = cmapLookup(view, table("cmap").offset);
  if (!glyphOf) return null;
  const glyphAt = (gid: number): [number, number] => {
    const at = (i: number): number => (longLoca ? view.getUint32(loca + 4 * i) : 2 * view.getUint16(loca + 2 * i));
    return [glyf + at(gid), glyf + at(gid + 1)];
  };

  // Which glyphs: .notdef, each character's glyph, then the components of composite glyphs.
  const codes = new Map<number, number>();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const gid = glyphOf(code);
    if (gid > 0 && gid < numGlyphs) codes.set(code, gid);
  }
  if ([...codes.keys()].some((code) => shapedScript.test(String.fromCodePoint(code)))) return null;
  const order: number[] = [0];
  const newId = new Map<number, number>([[0, 0]]);
  const include = (gid: number): void => {
    if (newId.has(gid) || gid >= numGlyphs) return;
    newId.set(gid, order.length);
    order.push(gid);
  };
  for (const code of [...codes.keys()].sort((a, b) => a - b)) include(codes.get(code)!);
  for (let i = 0; i < order.length; i++) for (const c of components(view, ...glyphAt(order[i]!))) include(c.gid);

  // glyf and loca, composite glyphs pointing at their components' new ids.
  const glyphs = order.map((gid) => {
    const [start, end] = glyphAt(gid);
    const bytes = copy(font, start, end);
    const edit = new DataView(bytes.buffer);
    for (const c of components(view, start, end)) edit.setUint16(c.at - start, newId.get(c.gid) ?? 0);
    return bytes;
  });
  const padded = glyphs.map((g) => g.length + ((4 - (g.length % 4)) % 4));
  const glyfOut = new Uint8Array(padded.reduce((a, b) => a + b, 0));
  const locaOut = new DataView(new ArrayBuffer(4 * (order.length + 1)));
  let offset = 0;
  glyphs.forEach((g, i) => {
    locaOut.setUint32(4 * i, offset);
    glyfOut.set(g, offset);
    offset += padded[i]!;
  });
  locaOut.setUint32(4 * order.length, offset);

  // hmtx: a full metric for every glyph.
  const hmtxOut = new DataView(new ArrayBuffer(4 * order.length));
  order.forEach((gid, i) => {
    const m = Math.min(gid, numMetrics - 1);
    hmtxOut.setUint16(4 * i, view.getUint16(hmtx + 4 * m));
    const bearing =
      gid < numMetrics
        ? view.getInt16(hmtx + 4 * gid + 2)
        : view.getInt16(hmtx + 4 * numMetrics + 2 * (gid - numMetrics));
    hmtxOut.setInt16(4 * i + 2, bearing);
  });

  const copyOf = (tag: string): Uint8Array => {
    const t = table(tag);
    return copy(font, t.offset, t.offset + t.length);
  };
  const headOut = copyOf("head");
  new DataView(headOut.buffer).setUint32(8, 0); // checkSumAdjustment, set last
  new DataView(headOut.buffer).setInt16(50, 1); // long loca
  const hheaOut = copyOf("hhea");
  new DataView(hheaOut.buffer).setUint16(34, order.length);
  const maxpOut = copyOf("maxp");
  new DataView(maxpOut.buffer).setUint16(4, order.length);
  const postOut = copyOf("post").slice(0, 32);
  new DataView(postOut.buffer).setUint32(0, 0x00030000);

  const out = new Map<string, Uint8Array>([
    ["cmap", cmapTable(new Map([...codes].map(([code, gid]) => [code, newId.get(gid)!])))],
    ["glyf", glyfOut],
    ["head", headOut],
    ["hhea", hheaOut],
    ["hmtx", new Uint8Array(hmtxOut.buffer)],
    ["loca", new Uint8Array(locaOut.buffer)],
    ["maxp", maxpOut],
    ["post", postOut],
  ]);
  for (const tag of COPIED) if (tables.has(tag)) out.set(tag, copyOf(tag));
  return sfnt(out);
}

/** A copy of a range, in a buffer of its own (a Node Buffer's slice shares its memory, and its pool's offset). */
const copy = (bytes: Uint8Array, start: number, end: number): Uint8Array => new Uint8Array(bytes.subarray(start, end));

/** The components of a composite glyph: each one's glyph id and where that id is written. */
function components(view: DataView, start: number, end: number): { gid: number; at: number }[] {
  if (end - start < 10 || view.getInt16(start) >= 0) return [];
  const found: { gid: number; at: number }[] = [];
  let at = start + 10;
  for (;;) {
    const flags = view.getUint16(at);
    found.push({ gid: view.getUint16(at + 2), at: at + 2 });
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020) || at >= end) return found;
  }
}

/** A cmap with a format 4 subtable (the Basic Multilingual Plane) and a format 12 one (every character). */
function cmapTable(map: Map<number, number>): Uint8Array {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const bmp = codes.filter((c) => c <= 0xfffe);
  // Format 4: one segment per character (few characters), then the closing 0xFFFF segment.
  const segments = bmp.length + 1;
  const f4 = new DataView(new ArrayBuffer(16 + 8 * segments));
  f4.setUint16(0, 4);
  f4.setUint16(2, f4.byteLength);
  f4.setUint16(6, 2 * segments);
  const power = 2 ** Math.floor(Math.log2(segments));
  f4.setUint16(8, 2 * power);
  f4.setUint16(10, Math.log2(power));
  f4.setUint16(12, 2 * segments - 2 * power);
  const ends = 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  bmp.forEach((code, s) => {
    f4.setUint16(ends + 2 * s, code);
    f4.setUint16(starts + 2 * s, code);
    f4.setUint16(deltas + 2 * s, (map.get(code)! - code) & 0xffff);
  });
  f4.setUint16(ends + 2 * bmp.length, 0xffff);
  f4.setUint16(starts + 2 * bmp.length, 0xffff);
  f4.setUint16(deltas + 2 * bmp.length, 1);
  // Format 12: one group per character.
  const f12 = new DataView(new ArrayBuffer(16 + 12 * codes.length));
  f12.setUint16(0, 12);
  f12.setUint32(4, f12.byteLength);
  f12.setUint32(12, codes.length);
  codes.forEach((code, g) => {
    f12.setUint32(16 + 12 * g, code);
    f12.setUint32(20 + 12 * g, code);
    f12.setUint32(24 + 12 * g, map.get(code)!);
  });
  const header = new DataView(new ArrayBuffer(4 + 8 * 2));
  header.setUint16(2, 2);
  header.setUint16(4, 3);
  header.setUint16(6, 1);
  header.setUint32(8, header.byteLength);
  header.setUint16(12, 3);
  header.setUint16(14, 10);
  header.setUint32(16, header.byteLength + f4.byteLength);
  return Buffer.concat([header, f4, f12].map((v) => new Uint8Array(v.buffer)));
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(bytes.length + ((4 - (bytes.length % 4)) % 4));
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** The font file: offset table, table records sorted by tag, tables padded to 4 bytes, head's checksum adjustment. */
function sfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = new DataView(new ArrayBuffer(12 + 16 * count));
  header.setUint32(0, 0x00010000);
  header.setUint16(4, count);
  header.setUint16(6, 16 * power);
  header.setUint16(8, Math.log2(power));
  header.setUint16(10, 16 * count - 16 * power);
  const bodies: Uint8Array[] = [];
  let offset = header.byteLength;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    for (let k = 0; k < 4; k++) header.setUint8(12 + 16 * i + k, tag.charCodeAt(k));
    header.setUint32(16 + 16 * i, checksum(bytes));
    header.setUint32(20 + 16 * i, offset);
    header.setUint32(24 + 16 * i, bytes.length);
    const padded = new Uint8Array(bytes.length + ((4 - (bytes.length % 4)) % 4));
    padded.set(bytes);
    bodies.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat([new Uint8Array(header.buffer), ...bodies]);
  const headAt = new DataView(header.buffer).getUint32(20 + 16 * tags.indexOf("head"));
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}
