// The theme's TTF faces inside one pdfkit document: selecting, measuring, and finding which face can draw
// which character. Characters the text faces lack come from the mono and symbols faces, then from fallback
// faces (the theme's, the shipped script fonts, installed CJK and emoji packages), each loaded on the first
// character that needs it. A character no face has is drawn as U+FFFD, keeps its real text as ActualText,
// and is reported, so the build can warn.
import { readFileSync } from "node:fs";
import { checkFont } from "../../theme/check-file.js";
import { forgetWhenChanged, stampFile } from "../../world/file-stamps.js";
import type { FallbackFace } from "../fallback-fonts.js";
import type { FontKey } from "./pdf-styles.js";
import { keepGlyphCodePoints, skipMissingAnchors } from "./pdfkit-library.js";
import { useShapingTable } from "./shaping-table.js";
import { deflateFontFileOnce, writeSubsetDirectly } from "./subset-writer.js";

/** The part of pdfkit's embedded font object this renderer relies on (pdfkit 0.20 internals). */
export interface KitFont {
  id: string;
  ascender: number;
  descender: number;
  widthOfString(text: string, size: number): number;
  encode(text: string): [string[], { xAdvance: number }[]];
  ref(): unknown;
  /** fontkit's subset of the glyphs this document draws, written into the file when it ends. */
  subset?: unknown;
  /** pdfkit's shaped-word cache (absent when the document disables it). */
  layoutCache?: Record<string, unknown>;
  font?: {
    hasGlyphForCodePoint?: (codePoint: number) => boolean;
    availableFeatures?: string[];
    GSUB?: unknown;
    GPOS?: unknown;
    morx?: unknown;
  };
}

/** A face of the theme (FontKey), or a fallback face named by its file. */
export type FaceKey = FontKey | `fallback:${string}`;

/** A stretch of text that one face draws. `actual` is set when the text is a stand-in for missing glyphs. */
export interface Piece {
  text: string;
  font: FaceKey;
  actual: string | null;
}

export interface Fallbacks {
  /** The fallback faces in the order they are tried; asked once, on the first character the text faces lack. */
  faces: () => FallbackFace[];
  /** Told of each character that no face has. */
  onMissing?: ((character: string) => void) | undefined;
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

/**
 * Widths at size 1000 by font file, then text, shared by the renders of a process like the shaped words: a
 * width depends only on the font, and a batch measures the same words meeting after meeting (pdfkit's
 * `widthOfString` lays the text out again word by word on each call). Started afresh past a bound.
 */
const sharedWidths = new Map<string, Map<string, number>>();
const WIDTHS_MAX = 100_000;

function widthsOf(path: string): Map<string, number> {
  let widths = sharedWidths.get(path);
  if (!widths || widths.size > WIDTHS_MAX) sharedWidths.set(path, (widths = new Map()));
  return widths;
}

/** Fallback font files that are not fonts (checked by content once per process, before fontkit reads them). */
const unusable = new Set<string>();

function usableFont(path: string): boolean {
  if (parsed.has(path)) return true;
  if (unusable.has(path)) return false;
  stampFile(path);
  let ok = false;
  try {
    ok = checkFont(readFileSync(path)).ok;
  } catch {
    ok = false;
  }
  if (!ok) unusable.add(path);
  return ok;
}

/** restructure's DecodeStream, through which a parsed font reads its file's bytes (fontkit 2). */
interface FontStream {
  buffer: Uint8Array;
  view: DataView;
  length: number;
}

function streamOf(font: unknown): FontStream | undefined {
  const stream = (font as { stream?: Partial<FontStream> } | null)?.stream;
  return stream?.buffer instanceof Uint8Array && stream.view instanceof DataView ? (stream as FontStream) : undefined;
}

function pointStream(stream: FontStream, bytes: Uint8Array): void {
  stream.buffer = bytes;
  stream.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  stream.length = bytes.length;
}

// The build server forgets a font file that changed between builds (src/world/file-stamps.ts).
forgetWhenChanged((path) => {
  parsed.delete(path);
  shapedWords.delete(path);
  sharedWidths.delete(path);
  unusable.delete(path);
});

/** Font files whose bytes were set aside while the startup snapshot was made, with their length. */
const setAside = new Map<string, number>();

/**
 * For the startup snapshot (src/start/snapshot-entry.ts): leaves the parsed fonts' file bytes out of it, and
 * keeps their tables. Node holds the whole blob in memory for the run, on top of the heap it makes from it,
 * so each byte left out counts twice: the seed's faces are 4.2 MB. `readFontFilesAgain` puts them back.
 */
export function setFontFilesAside(): void {
  for (const [path, font] of parsed) {
    const stream = streamOf(font);
    if (!stream) continue;
    setAside.set(path, stream.length);
    pointStream(stream, new Uint8Array(0));
  }
}

/**
 * Reads again the font files set aside in the snapshot, when it starts; returns the first file that is no
 * longer what the snapshot was made with (gone, or of another length), for the caller to report.
 */
export function readFontFilesAgain(): string | undefined {
  for (const [path, length] of setAside) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return path;
    }
    if (bytes.length !== length) return path;
    const stream = streamOf(parsed.get(path));
    if (stream) pointStream(stream, bytes);
  }
  setAside.clear();
  return undefined;
}

/** What to hand pdfkit for a font file: the parsed font once there is one, else the path. */
export function fontSource(path: string): string {
  return (parsed.get(path) ?? path) as string;
}
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
/** Marks and joiners stay with the face of the letter before them when it has them, so a word is shaped whole. */
const CLINGS = /^[\p{M}\u200c\u200d]$/u;
const BOLD_KEYS: ReadonlySet<FontKey> = new Set(["bold", "boldItalic", "heading"]);
export const REPLACEMENT = "\ufffd";

type KitDocument = { _font: KitFont; _fontFamilies: Record<string, KitFont> };

export class FontBook {
  private readonly fonts = new Map<FaceKey, KitFont>();
  private readonly paths = new Map<FaceKey, string>();
  private readonly coverage = new Map<FaceKey, Map<number, boolean>>();
  /** Widths at size 1000 by face, then text (shared by the faces of one file, and across renders). */
  private readonly widths = new Map<FaceKey, Map<string, number>>();
  private fallbackList: FallbackFace[] | undefined;
  /** The fallback face found for a code point (negative: in bold), null when none has it. */
  private readonly fallbackFound = new Map<number, FaceKey | null>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    files: Record<FontKey, string>,
    private readonly fallbacks: Fallbacks = { faces: () => [] },
  ) {
    for (const key of KEYS) {
      // The regular face is the one the document was created with (createPdfDocument); taking it as is
      // keeps font ids, and so the bytes, the same whether the parsed font came from the cache or not.
      this.register(key, files[key], key !== "regular");
    }
    doc.font(files.regular);
  }

  /** Adds a face to the document under `key`: pdfkit embeds it only if something is drawn with it. */
  private register(key: FaceKey, path: string, select: boolean): KitFont {
    const kit = this.doc as unknown as KitDocument;
    if (!parsed.has(path)) stampFile(path);
    if (select) {
      const source = fontSource(path);
      // A path source must not get a family name: fontkit would read it as a face inside a collection.
      if (source === path) this.doc.font(source);
      else this.doc.font(source, path);
    }
    const font = kit._font;
    if (font.layoutCache) font.layoutCache = sharedLayoutCache(path);
    if (font.subset) writeSubsetDirectly(font.subset);
    deflateFontFileOnce(font);
    // The path is the key use() selects the face by.
    kit._fontFamilies[path] ??= font;
    if (font.font && !parsed.has(path)) {
      keepGlyphCodePoints(font.font);
      skipMissingAnchors(font.font);
      useShapingTable(font.font, path);
      parsed.set(path, font.font);
    }
    this.fonts.set(key, font);
    this.paths.set(key, path);
    this.coverage.set(key, new Map());
    this.widths.set(key, widthsOf(path));
    return font;
  }

  /**
   * The key of a fallback face, loading it on first use (the document's current font is left as it was);
   * null for a file that is not a font fontkit can read (a damaged or planted package file is passed over).
   */
  private fallbackFace(path: string): FaceKey | null {
    const key: FaceKey = `fallback:${path}`;
    if (this.fonts.has(key)) return key;
    if (!usableFont(path)) return null;
    const kit = this.doc as unknown as KitDocument;
    const current = kit._font;
    try {
      this.register(key, path, true);
      return key;
    } catch {
      unusable.add(path);
      return null;
    } finally {
      kit._font = current;
    }
  }

  /** Makes `font` at `size` the document's current font and returns pdfkit's font object. */
  use(font: FaceKey, size: number): KitFont {
    this.doc.font(this.paths.get(font)!).fontSize(size);
    return this.get(font);
  }

  get(font: FaceKey): KitFont {
    return this.fonts.get(font)!;
  }

  /** Width in points, cached per face and string: the same words recur across a document. */
  width(text: string, font: FaceKey, size: number): number {
    const widths = this.widths.get(font)!;
    let w = widths.get(text);
    if (w === undefined) {
      w = this.get(font).widthOfString(text, 1000);
      widths.set(text, w);
    }
    return (w * size) / 1000;
  }

  /** Distance from the top of a line box of `size` to the baseline, and the box's natural height. */
  metrics(font: FaceKey, size: number): { ascent: number; height: number } {
    const f = this.get(font);
    return { ascent: (f.ascender / 1000) * size, height: ((f.ascender - f.descender) / 1000) * size };
  }

  /** Whether the face has OpenType or AAT layout tables: fontkit reverses right-to-left words only then. */
  hasLayoutTables(font: FaceKey): boolean {
    const f = this.get(font).font;
    return Boolean(f && (f.GSUB || f.GPOS || f.morx));
  }

  /** Whether the face has an OpenType feature, e.g. "rtlm" (mirrored forms, applied right to left). */
  hasFeature(font: FaceKey, tag: string): boolean {
    return this.get(font).font?.availableFeatures?.includes(tag) ?? false;
  }

  /** Whether the face has every character of `text`: then it draws the whole text (the common case). */
  private coversAll(font: FaceKey, text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (!this.covers(font, cp)) return false;
    }
    return true;
  }

  covers(font: FaceKey, codePoint: number): boolean {
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
   * The first fallback face that has the character, in bold when asked and the face has a bold: faces for
   * other scripts are not even opened.
   */
  private fallback(ch: string, codePoint: number, bold: boolean): FaceKey | null {
    const cacheKey = bold ? -codePoint - 1 : codePoint;
    let found = this.fallbackFound.get(cacheKey);
    if (found !== undefined) return found;
    found = null;
    for (const face of (this.fallbackList ??= this.fallbacks.faces())) {
      if (face.chars && !face.chars.test(ch)) continue;
      const key = this.fallbackFace(bold ? face.files.bold : face.files.regular);
      if (key && this.covers(key, codePoint)) {
        found = key;
        break;
      }
    }
    this.fallbackFound.set(cacheKey, found);
    return found;
  }

  /**
   * Splits text by the face that can draw it: the requested face, else the mono face (it has arrows and
   * geometric shapes the text face lacks), else the symbols face (dingbats such as ➤ ✓ ☐ ★), else the first
   * fallback face that has it, else a replacement glyph that carries the original text. Faces that draw
   * nothing are not embedded.
   */
  pieces(text: string, font: FaceKey): Piece[] {
    if (this.coversAll(font, text)) return text ? [{ text, font, actual: null }] : [];
    const out: Piece[] = [];
    const add = (ch: string, face: FaceKey): void => {
      const last = out[out.length - 1];
      if (last && last.font === face && last.actual === null) last.text += ch;
      else out.push({ text: ch, font: face, actual: null });
    };
    const bold = BOLD_KEYS.has(font as FontKey);
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const last = out[out.length - 1];
      if (last && last.actual === null && last.font !== font && CLINGS.test(ch) && this.covers(last.font, cp)) {
        add(ch, last.font);
        continue;
      }
      if (this.covers(font, cp)) add(ch, font);
      else if (this.covers("mono", cp)) add(ch, "mono");
      else if (this.covers("symbols", cp)) add(ch, "symbols");
      else {
        const face = IGNORABLE.test(ch) ? null : this.fallback(ch, cp, bold);
        if (face) add(ch, face);
        else if (IGNORABLE.test(ch)) {
          // Joiners and variation selectors belong to the missing character before them, and draw nothing.
          if (last && last.actual !== null) last.actual += ch;
        } else {
          // One stand-in per character, so the line breaker can cut between them like between letters.
          out.push({ text: REPLACEMENT, font, actual: ch });
          this.fallbacks.onMissing?.(ch);
        }
      }
    }
    return out.filter((p) => p.text.length > 0);
  }
}
