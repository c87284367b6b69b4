// Every table of the compte-rendu (info, GFM, actions) in one shape: full content width, fixed column widths,
// thin single borders, a shaded bold header row that repeats on each page, and rows that never split.
import {
  BorderStyle,
  type Paragraph,
  paragraph,
  ShadingType,
  type Table,
  table,
  type TableSpec,
} from "./docx-library.js";
import type { DocxContext } from "./docx-context.js";
import { StyleId } from "./style-table.js";

export type CellContent = (Paragraph | Table)[];

export interface GridSpec {
  /** Relative column widths; the columns share the available width in these proportions. */
  weights: number[];
  /** Header row cells, or null for a table without one (the info table). */
  header: CellContent[] | null;
  rows: CellContent[][];
  /** Left indent in twips, for tables inside list items and quotes. */
  indent: number;
  /** Shades the first column like a header (the info table's labels). */
  shadeFirstColumn?: boolean;
}

/** Splits `total` twips by weight; the last column takes the rounding rest so the sum is exact. */
export function columnWidths(weights: number[], total: number): number[] {
  const safe = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = safe.reduce((a, b) => a + b, 0);
  const widths = safe.map((w) => Math.floor((total * w) / sum));
  const used = widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += total - used;
  return widths;
}

const emptyCell = (): CellContent => [paragraph({ style: StyleId.tableText })];

export function gridTable(ctx: DocxContext, spec: GridSpec): Table {
  const { colors } = ctx.theme;
  const columnCount = Math.max(1, spec.weights.length, spec.header?.length ?? 0, ...spec.rows.map((row) => row.length));
  const weights = Array.from({ length: columnCount }, (_, i) => spec.weights[i] ?? 1);
  // Deep nesting must not push a table off the page: keep at least half the text width.
  const indent = Math.min(spec.indent, Math.floor(ctx.contentWidth / 2));
  const total = ctx.contentWidth - indent;
  const widths = columnWidths(weights, total);
  const line = { style: BorderStyle.SINGLE, size: 4, color: colors.border };
  const side = ctx.theme.layout.tables === "grid" ? line : { style: BorderStyle.NONE, size: 0, color: "auto" };
  const fill = { type: ShadingType.CLEAR, color: "auto" as const, fill: colors.tableHeaderFill };

  const row = (cells: CellContent[], header: boolean): TableSpec["rows"][number] => ({
    ...(header ? { tableHeader: true as const } : {}),
    cells: widths.map((width, i) => {
      const content = cells[i];
      const shaded = header || (spec.shadeFirstColumn === true && i === 0);
      return { width, children: content?.length ? content : emptyCell(), ...(shaded ? { shading: fill } : {}) };
    }),
  });

  const rows = [...(spec.header ? [row(spec.header, true)] : []), ...spec.rows.map((cells) => row(cells, false))];
  if (rows.length === 0) rows.push(row([], false));

  return table({
    rows,
    width: total,
    columnWidths: widths,
    indent,
    // Tells Word (and pandoc) which edges are headings, so the info table's first row is not taken for one.
    tableLook: {
      firstRow: spec.header !== null,
      firstColumn: spec.shadeFirstColumn === true,
      lastRow: false,
      lastColumn: false,
    },
    style: StyleId.table,
    borders: { top: line, bottom: line, left: side, right: side, insideHorizontal: line, insideVertical: side },
    margins: ctx.margins,
  });
}

const spacers = new WeakSet<object>();

/**
 * Word joins two tables that touch into one and gives a table no space above or below, so a small fixed-height
 * paragraph goes on each side of every table; `collapseSpacers` then drops the doubles between neighbours.
 */
export function tableSpacer(): Paragraph {
  const spacer = paragraph({ style: StyleId.tableSpacer });
  spacers.add(spacer);
  return spacer;
}

/** A table framed by spacers. */
export const spacedTable = (table: Table): (Paragraph | Table)[] => [tableSpacer(), table, tableSpacer()];

export function collapseSpacers<T>(flow: T[]): T[] {
  return flow.filter((item, i) => {
    if (typeof item !== "object" || item === null || !spacers.has(item)) return true;
    const previous = flow[i - 1];
    return i > 0 && !(typeof previous === "object" && previous !== null && spacers.has(previous));
  });
}
