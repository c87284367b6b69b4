// Draws a Markdown (GFM) table block: shaded bold header, per-column alignment, content-based widths,
// and tighter, smaller text when there are many columns so that words still fit whole.
import type { Block, Inline } from "../../model/minutes.js";
import type { BlockContext } from "./block-context.js";
import { contentWidths, minimumTableWidth } from "./column-widths.js";
import type { PageWriter } from "./page-writer.js";
import { drawTable } from "./table.js";
import type { TableCell } from "./table-row.js";
import type { TextStyle } from "./pdf-styles.js";
import { inlineRuns, type Run } from "./text-runs.js";

type TableBlock = Extract<Block, { type: "table" }>;

/** Smallest size a wide table shrinks to so that its words fit whole; below it, words are cut instead. */
const MIN_SIZE = 6.5;

export function drawMarkdownTable(w: PageWriter, block: TableBlock, ctx: BlockContext): void {
  const { styles } = w;
  const columns = block.rows.reduce((m, r) => Math.max(m, r.length), block.header.length);
  if (columns === 0) return;
  const dense = columns > 4;
  const padX = dense ? Math.min(styles.table.padX, 3) : styles.table.padX;
  const pad = 2 * padX + 1;
  let base = dense ? styles.text.denseCell : styles.text.cell;
  let table = buildCells(w, block, columns, base);
  // Many columns: shrink the text until the longest words fit, rather than cut them mid-word.
  const minimum = minimumTableWidth(runsOf(table), pad, w.fonts);
  if (minimum > ctx.width) {
    // A little under the exact fit, so rounding in the measures cannot push a word over.
    const factor = (0.97 * (ctx.width - columns * pad)) / Math.max(minimum - columns * pad, 1);
    const size = Math.max(MIN_SIZE, Math.min(base.size, base.size * factor));
    if (size < base.size) {
      base = { ...base, size };
      table = buildCells(w, block, columns, base);
    }
  }
  const widths = contentWidths(ctx.width, runsOf(table), pad, w.fonts);
  w.gap(styles.space.blockBefore);
  drawTable(w, { x: ctx.x, widths, header: table.header, rows: table.rows, parent: ctx.parent, padX });
}

function buildCells(
  w: PageWriter,
  block: TableBlock,
  columns: number,
  base: TextStyle,
): { header: TableCell[]; rows: TableCell[][] } {
  const { styles } = w;
  const headStyle = { ...base, bold: true, color: styles.colors.primary };
  const pad = (row: Inline[][]): Inline[][] => Array.from({ length: columns }, (_, c) => row[c] ?? []);
  const cell = (inlines: Inline[], c: number, header: boolean): TableCell => {
    const style = header ? headStyle : base;
    return {
      paragraphs: [{ runs: inlineRuns(inlines, style, styles), bullet: false }],
      style,
      align: block.align[c] ?? "left",
      scope: header ? "Column" : null,
      fill: header ? styles.colors.headerFill : null,
    };
  };
  return {
    header: pad(block.header).map((c, i) => cell(c, i, true)),
    rows: block.rows.map((r) => pad(r).map((c, i) => cell(c, i, false))),
  };
}

function runsOf(table: { header: TableCell[]; rows: TableCell[][] }): Run[][][] {
  return [table.header, ...table.rows].map((r) => r.map((c) => c.paragraphs[0]!.runs));
}
