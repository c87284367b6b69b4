// Draws a whole table down the page: keeps the header with the first row, moves a row that does not fit to
// the next page, splits a row taller than a page, and repeats the header (as an artifact) on each new page.
import type { PageWriter, Tag } from "./page-writer.js";
import { drawRowSlice, layoutRow, rowHeight, tagRow, type LaidRow, type RowTags, type TableCell } from "./table-row.js";

export interface TableSpec {
  x: number;
  widths: number[];
  header: TableCell[] | null;
  rows: TableCell[][];
  parent: Tag;
  /** Horizontal cell padding, when not the theme's (tight for tables with many columns). */
  padX?: number;
}

export function drawTable(w: PageWriter, spec: TableSpec): void {
  const { widths } = spec;
  if (widths.length === 0 || (spec.header === null && spec.rows.length === 0)) return;
  const table = w.tag("Table", spec.parent);
  const header = spec.header ? layoutRow(w, spec.header, widths, spec.padX) : null;
  const zero = widths.map(() => 0);
  const headerHeight = header ? rowHeight(w, header, zero) : 0;
  // A header taller than a third of a page is drawn once: repeating it would leave little room for rows.
  const repeat = header !== null && headerHeight <= w.pageHeight / 3;
  const minSlice = 2 * w.styles.table.padY + 2 * w.styles.text.cell.size * w.styles.text.cell.leading;

  const newPage = (): void => {
    w.newPage();
    if (repeat) drawRowSlice(w, header, spec.x, widths, zero, Infinity, true, null);
  };

  const firstRow = spec.rows[0] ? layoutRow(w, spec.rows[0], widths, spec.padX) : null;
  const first = firstRow ? rowHeight(w, firstRow, zero) : 0;
  w.ensure(Math.min(headerHeight + Math.min(first, minSlice), w.pageHeight));
  if (header) {
    const tags = tagRow(w, table, header);
    drawAll(w, header, spec.x, widths, tags, () => w.newPage());
    w.end(tags.row);
  }

  spec.rows.forEach((cells, i) => {
    // Rows are laid out one at a time, as they are drawn, so a long table holds one row in memory.
    const row = i === 0 && firstRow ? firstRow : layoutRow(w, cells, widths, spec.padX);
    const fresh = w.pageHeight - (repeat ? headerHeight : 0);
    const height = rowHeight(w, row, zero);
    if (height > w.room && (height <= fresh || w.room < minSlice)) newPage();
    const tags = tagRow(w, table, row);
    drawAll(w, row, spec.x, widths, tags, newPage);
    w.end(tags.row);
  });
  w.end(table);
}

/** Draws the row in as many slices as pages it needs; every slice takes at least one line, so it ends. */
function drawAll(w: PageWriter, row: LaidRow, x: number, widths: number[], tags: RowTags, newPage: () => void): void {
  let from = widths.map(() => 0);
  for (;;) {
    const force = w.atTop || w.room >= w.pageHeight / 2;
    from = drawRowSlice(w, row, x, widths, from, w.room, force, tags);
    if (from.every((n, c) => n >= (row.lines[c]?.length ?? 0))) return;
    newPage();
  }
}
