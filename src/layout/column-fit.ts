// Column widths of the tables the layout decides, measured once for both formats: each table keeps its
// proportions (geometry.ts), except that a column narrower than its longest word (a heading such as
// "Responsable", a date, an action id) is widened to it and the others share what is left. The words are
// measured in the theme's own fonts, as the PDF draws them; the DOCX gets the same widths, so Word no longer
// breaks "Responsible" inside the word where the PDF widened its column.
import { inlineText, type Inline } from "../model/minutes.js";
import { textMeasure } from "../theme/font-metrics.js";
import { pageSize, type Theme } from "../theme/theme.js";

/** Splits `total` by weight; weights of 0 or less get nothing. */
export function proportionalWidths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(b, 0), 0);
  if (sum <= 0) return weights.map(() => total / Math.max(weights.length, 1));
  return weights.map((w) => (total * Math.max(w, 0)) / sum);
}

/**
 * Fixed proportions, except that no column is narrower than its longest word when all of them fit:
 * such a column gets its minimum and the others share what is left by their weights.
 */
export function weightedWidths(total: number, weights: number[], minimums: number[]): number[] {
  const min = weights.map((_, c) => minimums[c] ?? 0);
  if (min.reduce((a, b) => a + b, 0) > total) return proportionalWidths(total, weights);
  const fixed = new Set<number>();
  for (;;) {
    const left = total - [...fixed].reduce((a, c) => a + min[c]!, 0);
    const free = weights.map((w, c) => (fixed.has(c) ? 0 : w));
    const shares = proportionalWidths(left, free);
    const widths = weights.map((_, c) => (fixed.has(c) ? min[c]! : shares[c]!));
    const short = widths.findIndex((w, c) => !fixed.has(c) && w < min[c]!);
    if (short < 0) return widths;
    fixed.add(short);
  }
}

/** Gives a table's columns their final proportions from its headings and cells. */
export type ColumnFit = (weights: readonly number[], headings: string[], rows: Inline[][][]) => number[];

/** What the fit reads from the theme: the text width, the cell text size and the body fonts. */
export type FitTheme = Pick<Theme, "page" | "sizes"> & {
  fonts: { body: { files: Pick<Theme["fonts"]["body"]["files"], "regular" | "bold"> } };
};

/** Without a theme's fonts the proportions are kept as they are. */
export const keepProportions: ColumnFit = (weights) => [...weights];

/** `padX`: a cell's padding on each side, in points (both formats pad cells alike). */
export function columnFit(theme: FitTheme, padX: number): ColumnFit {
  const total = pageSize(theme).width - theme.page.margins.left - theme.page.margins.right;
  const size = theme.sizes.body;
  const regular = textMeasure(theme.fonts.body.files.regular);
  const bold = textMeasure(theme.fonts.body.files.bold);
  // The PDF's rule: a word fits when it and the padding (plus a point for the borders) fit. Words split at
  // spaces only: a no-break space (French "Date\u00a0:") keeps its two sides together.
  const longest = (text: string, measure: (s: string) => number): number =>
    Math.max(0, ...text.split(/[ \t\n]+/).map((word) => measure(word) * size)) + 2 * padX + 1;
  return (weights, headings, rows) => {
    const minimums = weights.map((_, c) =>
      Math.max(longest(headings[c] ?? "", bold), ...rows.map((row) => longest(inlineText(row[c] ?? []), regular))),
    );
    return weightedWidths(total, [...weights], minimums).map((w) => Math.round(w * 100) / 100);
  };
}
