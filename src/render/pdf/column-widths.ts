// Column widths that always add up to the available width: content-based widths (like HTML's automatic table
// layout) for Markdown tables, and each column's longest word, the PDF's last check on the layout's widths.
import { proportionalWidths } from "../../layout/column-fit.js";
import type { FontBook } from "./font-book.js";
import type { Run } from "./text-runs.js";

export { proportionalWidths, weightedWidths } from "../../layout/column-fit.js";

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
    for (const word of run.text.split(/ +/))
      if (word) longestWord = Math.max(longestWord, fonts.width(word, font, size));
  }
  return { longestWord, longestLine: Math.max(longestLine, line) };
}
