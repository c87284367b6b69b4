// Right-to-left text in the PDF: the Unicode bidirectional algorithm (UAX #9, by bidi-js) resolves the
// embedding levels of a whole paragraph, then each broken line is put in visual order (L1, L2), with
// brackets mirrored. Paragraphs without a right-to-left character skip all of it, so their bytes do not change.
import bidiModule, { type Bidi } from "bidi-js";
import type { FaceKey, FontBook } from "./font-book.js";
import { sameStyle, type RunStyle } from "./text-runs.js";

/** One unit of a broken line, in logical order: a space or a piece of one face (never holding a space). */
export interface LineAtom {
  text: string;
  style: RunStyle;
  width: number;
  actual: string | null;
  space: boolean;
}

/** A stretch drawn with one call: `x` is its visual place from the line's start, `text` what pdfkit is given. */
export interface PlacedText {
  text: string;
  style: RunStyle;
  x: number;
  width: number;
  actual: string | null;
}

/** Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms) and RLM, RLE, RLO, RLI. */
export const RIGHT_TO_LEFT =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Scripts fontkit shapes right to left: it then reverses the glyphs of a word itself. It takes a word's
 * script from its first character that is not Common, Inherited or Unknown (fontkit's Script.forString).
 */
const FONTKIT_RTL =
  /\p{sc=Arabic}|\p{sc=Hebrew}|\p{sc=Syriac}|\p{sc=Thaana}|\p{sc=Cypriot}|\p{sc=Kharoshthi}|\p{sc=Phoenician}|\p{sc=Nko}|\p{sc=Lydian}|\p{sc=Avestan}|\p{sc=Imperial_Aramaic}|\p{sc=Inscriptional_Pahlavi}|\p{sc=Inscriptional_Parthian}|\p{sc=Old_South_Arabian}|\p{sc=Old_Turkic}|\p{sc=Samaritan}|\p{sc=Mandaic}|\p{sc=Meroitic_Cursive}|\p{sc=Meroitic_Hieroglyphs}|\p{sc=Manichaean}|\p{sc=Mende_Kikakui}|\p{sc=Nabataean}|\p{sc=Old_North_Arabian}|\p{sc=Palmyrene}|\p{sc=Psalter_Pahlavi}/u;
const SCRIPTED = /[^\p{sc=Common}\p{sc=Inherited}\p{sc=Unknown}]/u;

/** A character with what clings to it (marks, variation selectors, a joiner and the next character), kept together when a stretch is reversed. */
const CLUSTER = /.(?:[\p{M}\ufe0e\ufe0f\p{Emoji_Modifier}]|\u200d.)*/gsu;

// bidi-js is CommonJS whose module.exports is the factory; its types describe it as an ES default export.
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ??
  bidiModule) as unknown as () => Bidi;
let engine: Bidi | undefined;

export interface ParagraphLevels {
  text: string;
  levels: ReturnType<Bidi["getEmbeddingLevels"]>;
  /** The paragraph's first strong character is right to left (P2, P3): its lines are set from the right. */
  rtl: boolean;
}

/** The paragraph's embedding levels, or null when it holds nothing right to left (then logical order is visual). */
export function paragraphLevels(text: string): ParagraphLevels | null {
  if (!RIGHT_TO_LEFT.test(text)) return null;
  // The factory builds bidi-js's tables: done once, and only for a document that has right-to-left text.
  engine ??= bidiFactory();
  const levels = engine.getEmbeddingLevels(text);
  return { text, levels, rtl: (levels.paragraphs[0]?.level ?? 0) % 2 === 1 };
}

/** Whether fontkit lays `text` out right to left in `face`, reversing its glyphs (only faces with layout tables do). */
function shapedRightToLeft(fonts: FontBook, face: FaceKey, text: string): boolean {
  const first = SCRIPTED.exec(text)?.[0];
  return first !== undefined && FONTKIT_RTL.test(first) && fonts.hasLayoutTables(face);
}

const reversed = (text: string): string => (text.match(CLUSTER) ?? []).reverse().join("");

interface Run {
  /** Logical range in the paragraph text, end excluded. */
  start: number;
  end: number;
  atom: LineAtom;
  odd: boolean;
}

/**
 * The atoms of one line (logical order; `start` is the first one's offset in the paragraph text), placed in
 * visual order. The result stays in logical order, which is the order the content is written and read
 * back, while each stretch's `x` is where it is seen. A space that ends the line logically is hung outside
 * the text, at the side where the line ends.
 */
export function placeLine(
  atoms: LineAtom[],
  start: number,
  paragraph: ParagraphLevels,
  fonts: FontBook,
): { placed: PlacedText[]; width: number } {
  const { text, levels } = paragraph;
  const bidi = engine!;
  const length = atoms.reduce((n, a) => n + a.text.length, 0);
  const atomAt: LineAtom[] = [];
  for (const atom of atoms) for (let i = 0; i < atom.text.length; i++) atomAt.push(atom);
  // L1 and L2: bidi-js gives the stretches to reverse, in order; applied to the line's logical indices.
  const order = Array.from({ length }, (_, i) => start + i);
  for (const [from, to] of bidi.getReorderSegments(text, levels, start, start + length - 1)) {
    order.splice(from! - start, to! - from! + 1, ...order.slice(from! - start, to! - start + 1).reverse());
  }
  // Visual stretches: one atom, one level, logically contiguous.
  const runs: Run[] = [];
  for (const index of order) {
    const atom = atomAt[index - start]!;
    const odd = levels.levels[index]! % 2 === 1;
    const last = runs[runs.length - 1];
    if (last && last.atom === atom && last.odd === odd && (odd ? index === last.start - 1 : index === last.end)) {
      if (odd) last.start = index;
      else last.end = index + 1;
    } else runs.push({ start: index, end: index + 1, atom, odd });
  }
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, start + length - 1);
  const placed: (PlacedText & { from: number; plain: boolean })[] = [];
  let x = 0;
  for (const run of runs) {
    const { atom } = run;
    const logical = text.slice(run.start, run.end);
    const font = atom.style.font;
    const byFont = atom.actual === null && shapedRightToLeft(fonts, font, logical);
    // A right-to-left stretch is mirrored here unless fontkit shapes it right to left with the font's own mirrored forms.
    const mirror = run.odd && !(byFont && fonts.hasFeature(font, "rtlm"));
    let drawn = mirror
      ? Array.from({ length: run.end - run.start }, (_, i) => mirrored.get(run.start + i) ?? text[run.start + i]).join(
          "",
        )
      : logical;
    // The glyphs must come out reversed exactly for an odd level; fontkit reverses a right-to-left word itself.
    if (run.odd !== byFont && atom.actual === null) drawn = reversed(drawn);
    const width = atom.text === logical ? atom.width : fonts.width(drawn, font, atom.style.size);
    const previous = placed[placed.length - 1];
    const plain = !run.odd && !byFont;
    // Left-to-right stretches of one style that follow each other logically are drawn as one, as without bidi.
    if (
      previous &&
      plain &&
      previous.plain &&
      previous.actual === null &&
      atom.actual === null &&
      sameStyle(previous.style, atom.style) &&
      previous.from + previous.text.length === run.start
    ) {
      previous.text += drawn;
      previous.width = fonts.width(previous.text, font, atom.style.size);
    } else placed.push({ text: drawn, style: atom.style, x, width, actual: atom.actual, from: run.start, plain });
    x += width;
  }
  // The space kept at a wrapped line's end (L1 sets it to the paragraph level) is hung outside the text.
  const last = atoms[atoms.length - 1];
  const trailing = last?.space ? last.width : 0;
  const shift = paragraph.rtl ? -trailing : 0;
  placed.sort((a, b) => a.from - b.from);
  return {
    placed: placed.map(({ from: _from, plain: _plain, ...p }) => ({ ...p, x: p.x + shift })),
    width: x - trailing,
  };
}
