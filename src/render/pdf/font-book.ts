// The theme's TTF faces inside one pdfkit document: selecting, measuring, and finding which face can draw
// which character. A character no face has is drawn as U+FFFD and keeps its real text as ActualText.
import type { FontKey } from "./pdf-styles.js";

/** The part of pdfkit's embedded font object this renderer relies on (pdfkit 0.20 internals). */
export interface KitFont {
  id: string;
  ascender: number;
  descender: number;
  widthOfString(text: string, size: number): number;
  encode(text: string): [string[], { xAdvance: number }[]];
  ref(): unknown;
  /** pdfkit's shaped-word cache (absent when the document disables it). */
  layoutCache?: Record<string, unknown>;
  font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean };
}

/** A stretch of text that one face draws. `actual` is set when the text is a stand-in for missing glyphs. */
export interface Piece {
  text: string;
  font: FontKey;
  actual: string | null;
}

const KEYS: FontKey[] = ["regular", "bold", "italic", "boldItalic", "mono", "symbols", "heading"];

/**
 * Parsed fonts by file, shared by all renders in the process: fontkit decodes the OpenType tables lazily
 * and that decoding is most of a render's time. pdfkit accepts a parsed font wherever it takes a path;
 * subsets stay per document, so sharing changes no output byte.
 */
const parsed = new Map<string, unknown>();

/**
 * Shaped words by font file, shared by all renders in the process like the parsed fonts: shaping a word
 * (fontkit's OpenType lookups) is the largest cost of a warm render, and the same words recur from one
 * meeting to the next. pdfkit keeps this cache per document; a shaped run depends only on the font, and
 * glyphs enter each document's own subset when drawn, so sharing it changes no output byte. Emptied
 * when it grows past a bound, so a long batch of varied meetings does not hold every word ever seen.
 */
const shapedWords = new Map<string, { words: Record<string, unknown>; uses: number }>();
const SHAPED_WORDS_MAX = 50_000;
/** Counting a cache's words takes milliseconds once it is large: it is done every so many renders. */
const COUNT_EVERY = 32;

function sharedLayoutCache(path: string): Record<string, unknown> {
  let cache = shapedWords.get(path);
  if (!cache || (++cache.uses % COUNT_EVERY === 0 && Object.keys(cache.words).length > SHAPED_WORDS_MAX)) {
    cache = { words: Object.create(null) as Record<string, unknown>, uses: 0 };
    shapedWords.set(path, cache);
  }
  return cache.words;
}

/** What to hand pdfkit for a font file: the parsed font once there is one, else the path. */
export function fontSource(path: string): string {
  return (parsed.get(path) ?? path) as string;
}
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
export const REPLACEMENT = "\ufffd";

export class FontBook {
  private readonly fonts = new Map<FontKey, KitFont>();
  private readonly coverage = new Map<FontKey, Map<number, boolean>>();
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly files: Record<FontKey, string>,
  ) {
    const kit = doc as unknown as { _font: KitFont; _fontFamilies: Record<string, KitFont> };
    for (const key of KEYS) {
      const path = files[key];
      // The regular face is the one the document was created with (createPdfDocument); taking it as is
      // keeps font ids, and so the bytes, the same whether the parsed font came from the cache or not.
      if (key !== "regular") {
        const source = fontSource(path);
        // A path source must not get a family name: fontkit would read it as a face inside a collection.
        if (source === path) doc.font(source);
        else doc.font(source, path);
      }
      const font = kit._font;
      if (font.layoutCache) font.layoutCache = sharedLayoutCache(path);
      // The path is the key use() selects the face by.
      kit._fontFamilies[path] ??= font;
      if (font.font) parsed.set(path, font.font);
      this.fonts.set(key, font);
      this.coverage.set(key, new Map());
    }
    doc.font(files.regular);
  }

  /** Makes `font` at `size` the document's current font and returns pdfkit's font object. */
  use(font: FontKey, size: number): KitFont {
    this.doc.font(this.files[font]).fontSize(size);
    return this.get(font);
  }

  get(font: FontKey): KitFont {
    return this.fonts.get(font)!;
  }

  /** Width in points, cached per face and string: the same words recur across a document. */
  width(text: string, font: FontKey, size: number): number {
    const key = `${font}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.get(font).widthOfString(text, 1000);
      this.widths.set(key, w);
    }
    return (w * size) / 1000;
  }

  /** Distance from the top of a line box of `size` to the baseline, and the box's natural height. */
  metrics(font: FontKey, size: number): { ascent: number; height: number } {
    const f = this.get(font);
    return { ascent: (f.ascender / 1000) * size, height: ((f.ascender - f.descender) / 1000) * size };
  }

  covers(font: FontKey, codePoint: number): boolean {
    const cache = this.coverage.get(font)!;
    let has = cache.get(codePoint);
    if (has === undefined) {
      const probe = this.get(font).font?.hasGlyphForCodePoint;
      has = probe ? probe.call(this.get(font).font, codePoint) : true;
      cache.set(codePoint, has);
    }
    return has;
  }

  /**
   * Splits text by the face that can draw it: the requested face, else the mono face (it has arrows and
   * geometric shapes the text face lacks), else the symbols face (dingbats such as ➤ ✓ ☐ ★), else a
   * replacement glyph that carries the original text. Faces that draw nothing are not embedded.
   */
  pieces(text: string, font: FontKey): Piece[] {
    const out: Piece[] = [];
    const add = (ch: string, face: FontKey): void => {
      const last = out[out.length - 1];
      if (last && last.font === face && last.actual === null) last.text += ch;
      else out.push({ text: ch, font: face, actual: null });
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (this.covers(font, cp)) add(ch, font);
      else if (this.covers("mono", cp)) add(ch, "mono");
      else if (this.covers("symbols", cp)) add(ch, "symbols");
      else if (IGNORABLE.test(ch)) {
        // Joiners and variation selectors belong to the missing character before them, and draw nothing.
        const last = out[out.length - 1];
        if (last && last.actual !== null) last.actual += ch;
      } else {
        // One stand-in per character, so the line breaker can cut between them like between letters.
        out.push({ text: REPLACEMENT, font, actual: ch });
      }
    }
    return out.filter((p) => p.text.length > 0);
  }
}
