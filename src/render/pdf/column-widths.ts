// Column widths that always add up to the available width: fixed proportions for the info and action
// tables, and content-based widths (like HTML's automatic table layout) for Markdown tables.
import type { FontBook } from "./font-book.js";
import type { Run } from "./text-runs.js";

export function proportionalWidths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(b, 0), 0);
  if (sum <= 0) return weights.map(() => total / Math.max(weights.length, 1));
  return weights.map((w) => (total * Math.max(w, 0)) / sum);
}

/**
 * Each column gets at least its longest word (when all of them fit), then the remaining width in
 * proportion to how much more its longest line would like. `cells` is rows of cells; `pad` is the
 * horizontal padding inside one cell.
 */
export function contentWidths(total: number, cells: Run[][][], pad: number, fonts: FontBook): number[] {
  const columns = cells.reduce((m, r) => Math.max(m, r.length), 0);
  if (columns === 0) return [];
  const min = new Array<number>(columns).fill(0);
  const max = new Array<number>(columns).fill(0);
  for (const row of cells) {
    row.forEach((runs, c) => {
      const { longestWord, longestLine } = measure(runs, fonts);
      min[c] = Math.max(min[c]!, longestWord + pad);
      max[c] = Math.max(max[c]!, longestLine + pad);
    });
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  // Not even the longest words fit: they will be cut, so split by word length.
  if (sumMin > total) return proportionalWidths(total, min);
  // Short columns get a floor, paid for only from the width the words leave over.
  const floor = Math.min(total / columns, pad + 24);
  const floorWant = min.map((w) => Math.max(w, floor) - w);
  const floorSum = floorWant.reduce((a, b) => a + b, 0);
  const lo = min.map((w, c) => w + (floorSum > 0 ? floorWant[c]! * Math.min(1, (total - sumMin) / floorSum) : 0));
  const hi = max.map((w, c) => Math.max(w, lo[c]!));
  const sumLo = lo.reduce((a, b) => a + b, 0);
  const sumHi = hi.reduce((a, b) => a + b, 0);
  // Everything fits on one line: share the spare width in proportion to the natural widths.
  if (sumHi <= total) return proportionalWidths(total, hi);
  // Give each column its longest word, then share the rest by how much more each would like.
  const spare = Math.max(total - sumLo, 0);
  const want = sumHi - sumLo;
  return lo.map((w, c) => w + (want > 0 ? (spare * (hi[c]! - w)) / want : spare / columns));
}

/** Each column's longest word plus padding: the narrowest it can be without cutting a word. */
export function longestWords(cells: Run[][][], pad: number, fonts: FontBook): number[] {
  const widest: number[] = [];
  for (const row of cells) {
    row.forEach((runs, c) => {
      widest[c] = Math.max(widest[c] ?? 0, measure(runs, fonts).longestWord + pad);
    });
  }
  return widest;
}

/** The narrowest the table can be without cutting a word. */
export function minimumTableWidth(cells: Run[][][], pad: number, fonts: FontBook): number {
  return longestWords(cells, pad, fonts).reduce((a, b) => a + b, 0);
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

function measure(runs: Run[], fonts: FontBook): { longestWord: number; longestLine: number } {
  let longestWord = 0;
  let longestLine = 0;
  let line = 0;
  for (const run of runs) {
    if (run.kind === "break") {
      longestLine = Math.max(longestLine, line);
      line = 0;
      continue;
    }
    const { font, size } = run.style;
    line += fonts.width(run.text, font, size);
    for (const word of run.text.split(/ +/)) if (word) longestWord = Math.max(longestWord, fonts.width(word, font, size));
  }
  return { longestWord, longestLine: Math.max(longestLine, line) };
}
