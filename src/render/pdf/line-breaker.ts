// Cuts styled runs into lines that fit a width: breaks only at spaces (never hyphenates), and cuts a word
// between characters only when the word alone is wider than the line. Lines of a paragraph with
// right-to-left text are then put in visual order (bidi-line.ts). Pure measuring, no drawing.
import { paragraphLevels, placeLine, type LineAtom } from "./bidi-line.js";
import type { FontBook } from "./font-book.js";
import { sameStyle, type Run, type RunStyle } from "./text-runs.js";

export interface Segment {
  text: string;
  style: RunStyle;
  /** Offset from the start of the line. */
  x: number;
  width: number;
  /** The real text behind replacement glyphs, for characters no face can draw. */
  actual: string | null;
}

export interface TextLine {
  /** In logical order (the order they are written and read back); `x` places each where it is seen. */
  segments: Segment[];
  width: number;
  /** The paragraph's first strong character is right to left: the line is set from the right edge. */
  rtl?: true;
}

/** Where a line of `width` starts in a box `room` wide: "left" means the start edge, the right one for a right-to-left line. */
export function lineOffset(
  line: TextLine,
  room: number,
  align: "left" | "center" | "right" | null | undefined,
): number {
  const free = Math.max(0, room - line.width);
  if (align === "center") return free / 2;
  return align === "right" || line.rtl ? free : 0;
}

type Atom =
  | { kind: "space"; style: RunStyle; width: number }
  | { kind: "piece"; text: string; style: RunStyle; width: number; actual: string | null };
type Word = Extract<Atom, { kind: "piece" }>[];

const EPSILON = 0.01;
/** Made once: esbuild writes a literal with `\p{…}` as `new RegExp(…)`, which inside the loop compiled it per run. */
const SEPARATORS = /[\t\u2028\u2029]/g;
const CONTROLS = /\p{Cc}/gu;

export function breakLines(runs: Run[], maxWidth: number, fonts: FontBook): TextLine[] {
  const width = Math.max(maxWidth, 1);
  const lines: Atom[][] = [];
  /** Lines that a hard break ends. */
  const broken = new Set<number>();
  let line: Atom[] = [];
  let lineWidth = 0;
  let pendingSpace: Atom | null = null;

  const finish = (hard = false): void => {
    if (hard) broken.add(lines.length);
    lines.push(line);
    line = [];
    lineWidth = 0;
    pendingSpace = null;
  };
  const placeWord = (word: Word): void => {
    const w = word.reduce((sum, a) => sum + a.width, 0);
    const space = pendingSpace?.width ?? 0;
    if (line.length && lineWidth + space + w <= width + EPSILON) {
      line.push(pendingSpace!, ...word);
      lineWidth += space + w;
      pendingSpace = null;
      return;
    }
    if (line.length) {
      // The space the line breaks at stays, invisible at the line end, so that text taken from the
      // structure tree or copied reads "word word" rather than "wordword".
      if (pendingSpace) line.push(pendingSpace);
      finish();
    }
    if (w <= width + EPSILON) {
      line.push(...word);
      lineWidth = w;
      return;
    }
    const chunks = cutWord(word, width, fonts);
    chunks.forEach((chunk, i) => {
      line.push(...chunk);
      lineWidth = chunk.reduce((sum, a) => sum + a.width, 0);
      if (i < chunks.length - 1) finish();
    });
  };

  let word: Word = [];
  const flushWord = (): void => {
    if (word.length) placeWord(word);
    word = [];
  };
  for (const run of runs) {
    if (run.kind === "break") {
      flushWord();
      finish(true);
      continue;
    }
    const text = run.text.replace(SEPARATORS, " ").replace(CONTROLS, "");
    for (const part of text.split(/( +)/)) {
      if (!part) continue;
      if (part.startsWith(" ")) {
        flushWord();
        if (line.length)
          pendingSpace = { kind: "space", style: run.style, width: fonts.width(" ", run.style.font, run.style.size) };
        continue;
      }
      for (const piece of fonts.pieces(part, run.style.font)) {
        const style = piece.font === run.style.font ? run.style : { ...run.style, font: piece.font };
        word.push({
          kind: "piece",
          text: piece.text,
          style,
          actual: piece.actual,
          width: pieceWidth(piece.text, piece.font, style.size, fonts),
        });
      }
    }
  }
  flushWord();
  if (line.length) finish();
  return inVisualOrder(lines, broken, fonts) ?? lines.map((atoms) => toSegments(atoms, fonts));
}

const atomText = (atom: Atom): string => (atom.kind === "space" ? " " : atom.text);

/**
 * The lines placed by the bidirectional algorithm, run over the whole paragraph (a hard break reads as a line
 * separator); null when the paragraph has no right-to-left character.
 */
function inVisualOrder(lines: Atom[][], broken: Set<number>, fonts: FontBook): TextLine[] | null {
  const starts: number[] = [];
  let text = "";
  lines.forEach((atoms, i) => {
    starts.push(text.length);
    for (const atom of atoms) text += atomText(atom);
    if (broken.has(i)) text += "\u2028";
  });
  const paragraph = paragraphLevels(text);
  if (!paragraph) return null;
  return lines.map((atoms, i) => {
    const units: LineAtom[] = atoms.map((a) => ({
      text: atomText(a),
      style: a.style,
      width: a.width,
      actual: a.kind === "piece" ? a.actual : null,
      space: a.kind === "space",
    }));
    const { placed, width } = placeLine(units, starts[i]!, paragraph, fonts);
    return { segments: placed, width, ...(paragraph.rtl ? { rtl: true as const } : {}) };
  });
}

/** Longer than any line: such a word is cut anyway (cutWord), so it is measured the way it is cut. */
const LONG_WORD = 1000;

/**
 * The width of a piece of a word. A long one is the sum of its clusters' widths (each measured once and
 * cached by the font book): shaping a 2 MB word in one call took 1.3 GB of fontkit glyph objects and most
 * of a 25-second build, for a width that only says "cut me".
 */
function pieceWidth(text: string, font: RunStyle["font"], size: number, fonts: FontBook): number {
  if (text.length <= LONG_WORD) return fonts.width(text, font, size);
  let width = 0;
  for (const cluster of text.match(CLUSTER) ?? []) width += fonts.width(cluster, font, size);
  return width;
}

/** Cuts an over-wide word into chunks that each fit, measuring character by character. */
function cutWord(word: Word, width: number, fonts: FontBook): Word[] {
  const chunks: Word[] = [];
  let chunk: Word = [];
  let used = 0;
  const push = (atom: Word[number]): void => {
    if (chunk.length && used + atom.width > width + EPSILON) {
      chunks.push(chunk);
      chunk = [];
      used = 0;
    }
    const last = chunk[chunk.length - 1];
    if (last && last.style === atom.style && last.actual === null && atom.actual === null) {
      last.text += atom.text;
      last.width += atom.width;
    } else chunk.push({ ...atom });
    used += atom.width;
  };
  for (const piece of word) {
    if (piece.actual !== null) push(piece);
    // Cut between clusters: a mark, a variation selector or a joined character stays with what it belongs to.
    else
      for (const ch of piece.text.match(CLUSTER) ?? [])
        push({ ...piece, text: ch, width: fonts.width(ch, piece.style.font, piece.style.size) });
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** A character with the marks, variation selectors and joined characters that follow it. */
const CLUSTER = /.(?:[\p{M}\ufe0e\ufe0f\p{Emoji_Modifier}]|\u200d.)*/gsu;

/** Merges atoms of one style into segments drawn with one call each, so words stay whole for extraction. */
function toSegments(atoms: Atom[], fonts: FontBook): TextLine {
  const segments: Segment[] = [];
  for (const atom of atoms) {
    const text = atom.kind === "space" ? " " : atom.text;
    const actual = atom.kind === "piece" ? atom.actual : null;
    const last = segments[segments.length - 1];
    if (last && last.actual === null && actual === null && sameStyle(last.style, atom.style)) {
      last.text += text;
    } else {
      segments.push({ text, style: atom.style, x: 0, width: 0, actual });
    }
  }
  let x = 0;
  for (const s of segments) {
    s.x = x;
    s.width = fonts.width(s.text, s.style.font, s.style.size);
    x += s.width;
  }
  // Alignment measures the visible text, without the space kept at a wrapped line's end.
  const last = atoms[atoms.length - 1];
  const trailing = last?.kind === "space" ? last.width : 0;
  return { segments, width: x - trailing };
}
