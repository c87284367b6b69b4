// Draws one laid-out line at a given place: each segment with its face and colour, code fills, underlines,
// strike-through, link annotations (tagged as Link), and stand-in glyphs that carry their real text.
import { RIGHT_TO_LEFT } from "./bidi-line.js";
import type { KitFont } from "./font-book.js";
import type { Segment, TextLine } from "./line-breaker.js";
import type { Tag, PageWriter } from "./page-writer.js";
import type { TextStyle } from "./pdf-styles.js";

export interface LineBox {
  height: number;
  /** From the top of the line box to the baseline. */
  ascent: number;
}

export function lineBox(w: PageWriter, style: TextStyle): LineBox {
  const natural = w.fonts.metrics("regular", style.size);
  const height = style.size * style.leading;
  return { height, ascent: (height - natural.height) / 2 + natural.ascent };
}

/**
 * Draws `line` with its left edge at `x` and the top of its line box at `top`, as content of `tag`;
 * with no tag it is drawn as a pagination artifact (a table header repeated on a new page).
 */
export function drawTextLine(
  w: PageWriter,
  line: TextLine,
  x: number,
  top: number,
  box: LineBox,
  tag: Tag | null,
): void {
  const baseline = top + box.ascent;
  const segs = line.segments;
  const fills = (doc: PDFKit.PDFDocument): void => {
    for (const s of segs) {
      if (!s.style.code) continue;
      const pad = s.style.size * 0.2;
      doc
        .rect(x + s.x - pad / 2, baseline - s.style.size * 0.95, s.width + pad, s.style.size * 1.3)
        .fill(w.styles.colors.codeFill);
    }
  };
  if (tag === null) {
    w.artifact((doc) => {
      fills(doc);
      segs.forEach((s) => drawSegment(w, s, x, baseline));
    }, "Pagination");
    return;
  }
  if (segs.some((s) => s.style.code)) w.artifact(fills);
  for (let i = 0; i < segs.length; ) {
    const link = segs[i]!.style.link;
    let j = i + 1;
    while (j < segs.length && link !== null && segs[j]!.style.link === link) j++;
    const group = segs.slice(i, j);
    if (link === null) {
      w.content(tag, () => group.forEach((s) => drawSegment(w, s, x, baseline)));
    } else {
      // One Link element per line fragment, holding its text and its annotation, as PDF/UA asks.
      const linkTag = w.tag("Link", tag);
      w.content(linkTag, () => group.forEach((s) => drawSegment(w, s, x, baseline)));
      // Segments are in logical order: in right-to-left text the first one is not the leftmost.
      const left = Math.min(...group.map((s) => s.x));
      const right = Math.max(...group.map((s) => s.x + s.width));
      w.doc.link(x + left, top, right - left, box.height, link, {
        structParent: linkTag,
        Contents: new String(link),
      } as unknown as PDFKit.Mixins.AnnotationOption);
      w.end(linkTag);
    }
    i = j;
  }
}

function drawSegment(w: PageWriter, s: Segment, x: number, baseline: number): void {
  const { doc } = w;
  const left = x + s.x;
  const font = w.fonts.use(s.style.font, s.style.size);
  doc.fillColor(s.style.color);
  drawRun(doc, font, s.style.size, left, baseline, s.text, s.actual);
  if (!s.style.underline && !s.style.strike) return;
  const width = w.fonts.width(s.text.replace(/ +$/, ""), s.style.font, s.style.size);
  const thickness = Math.max(0.4, s.style.size * 0.055);
  const rule = (y: number): void => {
    doc.rect(left, y - thickness / 2, width, thickness).fill(s.style.color);
  };
  if (s.style.underline) rule(baseline + s.style.size * 0.13);
  if (s.style.strike) rule(baseline - s.style.size * 0.28);
}

/**
 * Text whose glyphs may not read back as its characters through the font's ToUnicode map, which gives each glyph
 * one text in the order drawn: a Devanagari vowel sign drawn before its consonant (कि read "िक"), a conjunct's
 * glyph (क्षत्रिय read "क्षित्रय"), a mark placed on its own, Thai's and Lao's vowel AM (ำ, ຳ: a letter, not a
 * mark, drawn as a circle and the glyph of า, so that จำนวน read "จำานวน"). Such a run is drawn inside a
 * Span whose ActualText is its text, which copy, search and text extraction read instead of the glyphs.
 * Not right to left: poppler spreads an ActualText left to right over its glyphs and then reads a right-to-left
 * word backwards, so an Arabic or Hebrew run would come out reversed (docs/themes.md).
 */
const MAY_MISREAD = /[\p{M}\u0e33\u0eb3]/u;

/** The operator that opens a Span whose ActualText is `text` (closed by EMC). */
const actualText = (text: string): string => `/Span <</ActualText <${utf16Hex(text)}>>> BDC`;

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** pdfkit's number format in content streams (PDFObject.number): at most six decimals. */
const kitNum = (n: number): number => Math.round(n * 1e6) / 1e6;

/** A glyph's place from pdfkit's `encode`, in thousandths of the font size. */
interface GlyphPlace {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/**
 * Draws `text` with its baseline's left end at (x, baseline); `actual` is the real text behind stand-in glyphs.
 * Plain text gets the operators pdfkit's `doc.text(text, x, baseline, { lineBreak: false, baseline:
 * "alphabetic" })` writes (its `_fragment`), byte for byte (test/pdf-glyph-run.test.ts), written directly:
 * pdfkit's call parses its options, measures the text twice more than it shapes it (for links and underlines,
 * which minutes draws itself, and to advance its own cursor, which minutes never reads) and writes each
 * operator apart; with 24,000 segments in the 257 KB meeting that was a tenth of the render. A segment holding
 * a line feed (none does) goes to pdfkit, which would draw its lines side by side.
 */
export function drawRun(
  doc: PDFKit.PDFDocument,
  font: KitFont,
  size: number,
  x: number,
  baseline: number,
  text: string,
  actual: string | null,
): void {
  if (text.length === 0 && actual === null) return;
  if (actual === null && text.includes("\n")) {
    doc.text(text, x, baseline, { lineBreak: false, baseline: "alphabetic" });
    return;
  }
  const page = doc.page as unknown as { height: number; fonts: Record<string, unknown> };
  if (actual !== null) {
    drawStandIn(doc, page, font, size, x, baseline, text, actual);
    return;
  }
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const y = page.height - baseline;
  const rightToLeft = RIGHT_TO_LEFT.test(text);
  const span = !rightToLeft && MAY_MISREAD.test(text) ? `\n${actualText(text)}` : "";
  const start = `q\n1 0 0 -1 0 ${kitNum(page.height)} cm${span}\nBT\n1 0 0 1 ${kitNum(x)} ${kitNum(y)} Tm\n/${font.id} ${kitNum(size)} Tf`;
  const end = span ? "\nET\nEMC\nQ" : "\nET\nQ";
  // Right-to-left text goes the long way, where each glyph's text is checked (ownText).
  const glyphs = rightToLeft ? null : glyphArray(font as EmbeddedKitFont, text);
  if (glyphs !== null) {
    doc.addContent(`${start}${glyphs ? `\n[${glyphs}] TJ` : ""}${end}`);
    return;
  }
  const [encoded, places] = font.encode(text) as unknown as [string[], GlyphPlace[]];
  const own = rightToLeft ? ownText(font as EmbeddedKitFont, text, encoded) : null;
  const scale = size / 1000;
  let out = start;
  // One TJ array per run of glyphs; a glyph that is offset (a mark) gets its own text matrix.
  let commands = "";
  let last = 0;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const place = places[cur - 1]!;
      const hex = encoded.slice(last, cur).join("");
      commands += `${commands ? " " : ""}<${hex}> ${kitNum(-(place.xAdvance - place.advanceWidth))}`;
    }
    last = cur;
  };
  const flush = (i: number): void => {
    addSegment(i);
    if (commands) {
      out += `\n[${commands}] TJ`;
      commands = "";
    }
  };
  let hadOffset = false;
  let i = 0;
  for (; i < places.length; i++) {
    const place = places[i]!;
    // A mark (offset) is drawn alone at its own text matrix; so is a glyph whose document text is another's, in
    // a Span with its own text.
    const actual = own?.[i];
    const offset = Boolean(place.xOffset || place.yOffset);
    if (!offset && hadOffset) {
      out += `\n1 0 0 1 ${kitNum(x)} ${kitNum(y)} Tm`;
      hadOffset = false;
    }
    if (offset || actual !== undefined) {
      flush(i);
      if (offset) {
        out += `\n1 0 0 1 ${kitNum(x + place.xOffset * scale)} ${kitNum(y + place.yOffset * scale)} Tm`;
        hadOffset = true;
      }
      if (actual !== undefined) out += `\n${actualText(actual)}`;
      flush(i + 1);
      if (actual !== undefined) out += "\nEMC";
    } else if (place.xAdvance - place.advanceWidth !== 0) addSegment(i + 1);
    x += place.xAdvance * scale;
  }
  flush(i);
  doc.addContent(`${out}${end}`);
}

/**
 * The text of each glyph `encode` gave for `text` whose document text (the ToUnicode map: the characters of the
 * glyph's first use in the document) is not its own, by index; none when all read right. A glyph one
 * right-to-left letter shares with others has a use of its own for each (keepGlyphCodePoints in
 * pdfkit-library.ts): Noto Sans Arabic draws ج, ح and خ with one dotless glyph, so that without this محمد was
 * copied as مجمد. A Span per glyph, not per run: poppler reads a Span over several right-to-left glyphs backwards.
 */
function ownText(font: EmbeddedKitFont, text: string, encoded: string[]): (string | undefined)[] | null {
  const { glyphs } = font.layout(text);
  let own: (string | undefined)[] | null = null;
  for (let i = 0; i < encoded.length; i++) {
    const used = glyphs[i]?.codePoints;
    const mapped = font.unicode[Number.parseInt(encoded[i]!, 16)];
    if (!used || !mapped || (used.length === mapped.length && used.every((cp, k) => cp === mapped[k]))) continue;
    own ??= [];
    own[i] = String.fromCodePoint(...used);
  }
  return own;
}

/** pdfkit's embedded font, as its `encode` reads it (pdfkit 0.20 internals). */
interface EmbeddedKitFont extends KitFont {
  layout(text: string): { glyphs: { codePoints: number[] }[] };
  layoutCached(text: string): {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
    positions: GlyphPlace[];
  };
  subset: { includeGlyph(id: number): number };
  font: object;
  widths: number[];
  unicode: number[][];
  scale: number;
}

/**
 * A word as drawRun writes it in a TJ array (pdfkit's layout cuts text after each space or tab): its glyphs, and
 * after each kerned glyph (by index) that glyph's adjustment; `last` is its last glyph's adjustment. It depends
 * only on the font, so it is kept for the process (by fontkit font, which font-book.ts shares by file).
 */
interface WordGlyphs {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  /** Pairs: index of a kerned glyph, its adjustment. */
  kerned: (number | string)[];
  last: string | null;
}

/** Words by fontkit font; null: a glyph is offset (a mark), whose text matrix depends on its place on the line. */
const fontWords = new WeakMap<object, Map<string, WordGlyphs | null>>();
const FONT_WORDS_MAX = 50_000;
/** A document font's glyphs in hex, by glyph id: a glyph enters the subset the first time it is drawn. */
const documentHex = new WeakMap<KitFont, string[]>();

/**
 * A word's part of a TJ array in one document: the hex up to each kerned glyph and that glyph's adjustment,
 * then the hex after the last one (`tail`), and the adjustment of its last glyph (null when it has no glyph).
 */
interface WordHex {
  kerned: string[];
  tail: string;
  last: string | null;
}
const documentWords = new WeakMap<KitFont, Map<string, WordHex | null>>();

/**
 * The inside of the TJ array drawRun writes for `text` (what pdfkit's `encode` and the loop below it give), made
 * from each word's glyphs, kept for the process, and its hex, kept for the document: a glyph enters the
 * document's subset the first time it is drawn, in the order pdfkit's `encode` adds it. Null when this cannot
 * give it (a font pdfkit does not embed, or a glyph with an offset).
 */
function glyphArray(font: EmbeddedKitFont, text: string): string | null {
  if (typeof font.layoutCached !== "function" || !font.subset || !font.font) return null;
  let words = documentWords.get(font);
  if (!words) documentWords.set(font, (words = new Map()));
  let commands = "";
  let pending = "";
  let last: string | null = null;
  let from = 0;
  for (let index = 0; index <= text.length; ) {
    const code = text.charCodeAt(index);
    if ((index === text.length && from < index) || code === 32 || code === 9) {
      const word = text.slice(from, ++index);
      from = index;
      let hex = words.get(word);
      if (hex === undefined) words.set(word, (hex = wordHex(font, word)));
      if (hex === null) return null;
      const { kerned } = hex;
      for (let k = 0; k < kerned.length; k += 2) {
        commands += `${commands ? " " : ""}<${pending}${kerned[k]}> ${kerned[k + 1]}`;
        pending = "";
      }
      pending += hex.tail;
      if (hex.last !== null) last = hex.last;
    } else index++;
  }
  if (pending) commands += `${commands ? " " : ""}<${pending}> ${last}`;
  return commands;
}

/** A word's part in this document, from its glyphs kept for the process. */
function wordHex(font: EmbeddedKitFont, word: string): WordHex | null {
  let words = fontWords.get(font.font);
  if (!words || words.size > FONT_WORDS_MAX) fontWords.set(font.font, (words = new Map()));
  let run = words.get(word);
  if (run === undefined) words.set(word, (run = wordGlyphs(font, word)));
  if (run === null) return null;
  let hexes = documentHex.get(font);
  if (!hexes) documentHex.set(font, (hexes = []));
  const { glyphs, kerned } = run;
  const out: string[] = [];
  let tail = "";
  let k = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    tail += hexes[glyph.id] ?? include(font, hexes, glyph);
    if (kerned[k] === i) {
      out.push(tail, kerned[k + 1] as string);
      tail = "";
      k += 2;
    }
  }
  return { kerned: out, tail, last: run.last };
}

/** A glyph's first drawing in a document: what pdfkit's `encode` does for it. */
function include(font: EmbeddedKitFont, hexes: string[], glyph: WordGlyphs["glyphs"][number]): string {
  const gid = font.subset.includeGlyph(glyph.id);
  if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
  if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
  return (hexes[glyph.id] = `0000${gid.toString(16)}`.slice(-4));
}

function wordGlyphs(font: EmbeddedKitFont, word: string): WordGlyphs | null {
  const { glyphs, positions } = font.layoutCached(word);
  const kerned: (number | string)[] = [];
  let last: string | null = null;
  for (let i = 0; i < glyphs.length; i++) {
    const place = positions[i]!;
    if (place.xOffset || place.yOffset) return null;
    const kern = place.xAdvance - place.advanceWidth;
    last = `${kitNum(-kern)}`;
    if (kern !== 0) kerned.push(i, last);
  }
  return { glyphs: [...glyphs], kerned, last };
}

function utf16Hex(text: string): string {
  let out = "FEFF";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return out;
}

/**
 * Replacement glyphs wrapped in a Span whose ActualText is the original text. Written as raw operators so
 * the EMC comes before the graphics state is restored: poppler places ActualText with the CTM in force at
 * EMC, and pdfkit's text() restores its own transform before we could close the span.
 */
function drawStandIn(
  doc: PDFKit.PDFDocument,
  page: { height: number; fonts: Record<string, unknown> },
  font: KitFont,
  size: number,
  x: number,
  baseline: number,
  text: string,
  actual: string,
): void {
  const [encoded] = font.encode(text);
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  doc.addContent(
    `q 1 0 0 -1 0 ${num(page.height)} cm ${actualText(actual)} ` +
      `BT 1 0 0 1 ${num(x)} ${num(page.height - baseline)} Tm /${font.id} ${num(size)} Tf [<${encoded.join("")}>] TJ ET EMC Q`,
  );
}
