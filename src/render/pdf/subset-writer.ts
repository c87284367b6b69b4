// The font file of a document's TrueType subset, written straight into one buffer (issue 19). fontkit's
// TTFSubset.encode hands its tables to restructure, which sizes and writes every loca offset and every
// horizontal metric as an object of its own: about 1 ms of each seed render, in every document. The glyphs are
// still gathered by fontkit's own `_addGlyph` (components, their renumbering), and the tables that do not depend
// on the glyphs (head, hhea, maxp, cvt, prep, fpgm) are the bytes fontkit's encode writes for them, taken once per
// font from its encode of a one-glyph subset; hhea's and maxp's glyph counts are then set in place. The bytes are
// fontkit's, byte for byte (test/subset-writer.test.ts compares the two for every shipped face).

// A process that draws several documents (a batch's builder) keeps the last font files it wrote for each face,
// by the glyphs asked for, and their deflated bytes: a document that draws the same glyphs as an earlier one
// (meetings of one template often do) takes both as they are, byte for byte what encoding and deflating again
// would give.
import { deflateSync } from "node:zlib";

/** The part of fontkit's TTFSubset this relies on (fontkit 2.0 internals). */
interface TtfSubset {
  font: {
    loca?: { version: number };
    directory?: { tables: Record<string, unknown> };
    _variationProcessor?: unknown;
    createSubset(): TtfSubset;
  };
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  encode(): Uint8Array;
  _addGlyph(gid: number): number;
  minutesWritesDirectly?: true;
}

/** A table of the template: its tag, and its bytes unless they depend on the glyphs. */
type TemplateTable = { tag: string; bytes: Uint8Array | null };

const templates = new WeakMap<object, TemplateTable[] | null>();
const GLYPH_TABLES = new Set(["glyf", "loca", "hmtx"]);

/** Where the glyph counts sit: hhea's numberOfMetrics, maxp's numGlyphs (both uint16, fixed by the format). */
const HHEA_METRICS = 34;
const MAXP_GLYPHS = 4;

/** Makes `subset` (a subset of a TrueType font, from fontkit's createSubset) write its file directly. */
export function writeSubsetDirectly(subset: unknown): void {
  const s = subset as TtfSubset;
  const font = s.font;
  if (s.minutesWritesDirectly || typeof s._addGlyph !== "function") return;
  if (!font.directory?.tables.glyf || !font.loca || font._variationProcessor) return;
  const encode = s.encode;
  s.minutesWritesDirectly = true;
  s.encode = function (this: TtfSubset) {
    // The glyphs asked for, before the subset adds the parts of composite glyphs: the file depends on them only.
    const key = this.glyphs.join(",");
    let files = written.get(this.font);
    const known = files?.get(key);
    if (known) return known;
    const template = templateOf(this);
    const file = template ? writeSubset(this, template) : encode.call(this);
    if (!files) written.set(this.font, (files = new Map()));
    if (files.size >= WRITTEN_KEPT) files.delete(files.keys().next().value!);
    files.set(key, file);
    return file;
  };
}

/** Font files written, per parsed font (shared by the process's documents, font-book.ts): by the glyphs asked for. */
const written = new WeakMap<object, Map<string, Uint8Array>>();
/** Files kept per font: the oldest goes first. A seed-sized subset is 20–60 KB, twice with its deflated bytes. */
const WRITTEN_KEPT = 4;
/** The deflated bytes of font files kept above (a file dropped there is dropped here). */
const deflated = new WeakMap<Uint8Array, Uint8Array>();

/** The part of pdfkit's embedded font and stream objects the font file's stream relies on (pdfkit 0.20 internals). */
interface KitStream {
  compress: boolean;
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
  finalize(): void;
}
interface KitEmbeddedFont {
  document: { ref(data?: Record<string, unknown>): KitStream };
  embed(): unknown;
  minutesDeflatesOnce?: true;
}

/**
 * Makes `font` (pdfkit's EmbeddedFont of one document) write a font file kept by its subset (above) with the
 * deflated bytes kept beside it. pdfkit's embed opens the font file's stream first (document.ref()) and ends it
 * with the subset's file; that stream is given the deflated bytes instead, with the same dictionary: Length,
 * then Filter, as pdfkit's write and finalize set them.
 */
export function deflateFontFileOnce(embedded: unknown): void {
  const font = embedded as KitEmbeddedFont;
  if (font.minutesDeflatesOnce || typeof font.embed !== "function" || !font.document) return;
  font.minutesDeflatesOnce = true;
  const embed = font.embed;
  font.embed = function (this: KitEmbeddedFont) {
    const doc = this.document;
    const ref = doc.ref;
    doc.ref = (data?: Record<string, unknown>) => {
      doc.ref = ref; // the font file's stream is the first object embed makes
      const stream = ref.call(doc, data);
      const end = stream.end;
      stream.end = function (this: KitStream, chunk?: Uint8Array) {
        if (!chunk || !this.compress || "Length" in this.data || "Filter" in this.data) return end.call(this, chunk);
        let bytes = deflated.get(chunk);
        if (!bytes) {
          bytes = deflateSync(chunk);
          deflated.set(chunk, bytes);
        }
        this.compress = false;
        this.write(bytes);
        this.data.Filter = "FlateDecode";
        this.finalize();
      };
      return stream;
    };
    try {
      return embed.call(this);
    } finally {
      doc.ref = ref;
    }
  };
}

/** The tables fontkit's encode writes for this font, in its order; null when they are not the ones expected. */
function templateOf(subset: TtfSubset): TemplateTable[] | null {
  const font = subset.font;
  let template = templates.get(font);
  if (template !== undefined) return template;
  template = null;
  try {
    const file = font.createSubset().encode();
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const tables: TemplateTable[] = [];
    const count = view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const tag = String.fromCharCode(file[at]!, file[at + 1]!, file[at + 2]!, file[at + 3]!);
      const offset = view.getUint32(at + 8);
      const bytes = file.slice(offset, offset + view.getUint32(at + 12));
      tables.push({ tag, bytes: GLYPH_TABLES.has(tag) ? null : bytes });
    }
    const tags = tables.map((t) => t.tag);
    if (
      GLYPH_TABLES.size === tags.filter((t) => GLYPH_TABLES.has(t)).length &&
      tags.includes("hhea") &&
      tags.includes("maxp")
    )
      template = tables;
  } catch {
    template = null;
  }
  templates.set(font, template);
  return template;
}

/** fontkit's TTFSubset.encode, with the font file written here rather than by restructure. */
function writeSubset(subset: TtfSubset, template: TemplateTable[]): Uint8Array {
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: subset.font.loca!.version };
  subset.hmtx = { metrics: [], bearings: [] };
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);
  const { glyf, loca, hmtx } = subset;
  const shortLoca = loca.version === 0;
  const sizes = template.map(({ tag, bytes }) => {
    if (bytes) return bytes.length;
    if (tag === "glyf") return subset.offset;
    if (tag === "loca") return loca.offsets.length * (shortLoca ? 2 : 4);
    return hmtx.metrics.length * 4;
  });
  const count = template.length;
  let size = 12 + 16 * count;
  for (const s of sizes) size += s;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  // The directory as restructure writes it: "true", the search fields, then tag, no checksum, offset, length.
  out.set([0x74, 0x72, 0x75, 0x65]);
  const power = 2 ** Math.floor(Math.log(count) / Math.LN2);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log(power) / Math.LN2);
  view.setUint16(10, count * 16 - power * 16);
  let offset = 12 + 16 * count;
  template.forEach(({ tag, bytes }, i) => {
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, sizes[i]!);
    if (bytes) {
      out.set(bytes, offset);
      if (tag === "hhea") view.setUint16(offset + HHEA_METRICS, hmtx.metrics.length);
      else if (tag === "maxp") view.setUint16(offset + MAXP_GLYPHS, glyf.length);
    } else if (tag === "glyf") {
      let at = offset;
      for (const g of glyf) {
        out.set(g, at);
        at += g.length;
      }
    } else if (tag === "loca") {
      const offsets = loca.offsets;
      if (shortLoca) for (let k = 0; k < offsets.length; k++) view.setUint16(offset + 2 * k, offsets[k]! >>> 1);
      else for (let k = 0; k < offsets.length; k++) view.setUint32(offset + 4 * k, offsets[k]!);
    } else {
      const metrics = hmtx.metrics;
      for (let k = 0; k < metrics.length; k++) {
        view.setUint16(offset + 4 * k, metrics[k]!.advance);
        view.setInt16(offset + 4 * k + 2, metrics[k]!.bearing);
      }
    }
    offset += sizes[i]!;
  });
  return out;
}
