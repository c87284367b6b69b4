// One table row, shared by the info, action and Markdown tables: wraps each cell's text to its column,
// and draws the row, or a slice of it when it runs over a page, with fills, borders and structure tags.
import { breakLines, lineOffset, type TextLine } from "./line-breaker.js";
import type { PageWriter, Tag } from "./page-writer.js";
import type { TextStyle } from "./pdf-styles.js";
import { drawTextLine, lineBox, type LineBox } from "./text-line.js";
import { textRuns, type Run } from "./text-runs.js";

export interface CellParagraph {
  runs: Run[];
  /** Shown as a bullet line inside the cell (attendee lists), tagged L/LI. */
  bullet: boolean;
}

export interface TableCell {
  paragraphs: CellParagraph[];
  style: TextStyle;
  align: "left" | "center" | "right";
  /** Header cells are tagged TH with this scope. */
  scope: "Row" | "Column" | null;
  fill: string | null;
}

interface CellLine {
  line: TextLine;
  dx: number;
  paragraph: number;
  first: boolean;
}

export interface LaidRow {
  cells: TableCell[];
  lines: CellLine[][];
  boxes: LineBox[];
  bullet: TextLine;
  bulletIndent: number;
  padX: number;
}

interface ParagraphTags {
  body: Tag;
  label: Tag | null;
}

export interface RowTags {
  row: Tag;
  paragraphs: ParagraphTags[][];
}

export function layoutRow(w: PageWriter, cells: TableCell[], widths: number[], padX = w.styles.table.padX): LaidRow {
  // The bullet takes the colour and size of the cell that has the list (not of a header-coloured label cell).
  const style = (cells.find((cell) => cell.paragraphs.some((p) => p.bullet)) ?? cells[0])?.style ?? w.styles.text.cell;
  const bullet = breakLines(textRuns("•", { ...style, bold: false }), 1000, w.fonts)[0]!;
  // Close to the text: a wide gap makes text extraction read the bullets as a column of their own.
  const bulletIndent = bullet.width + w.styles.list.labelGap;
  const lines = cells.map((cell, c) => {
    const inner = Math.max((widths[c] ?? 0) - 2 * padX, 1);
    const out: CellLine[] = [];
    cell.paragraphs.forEach((p, paragraph) => {
      const width = p.bullet ? Math.max(inner - bulletIndent, 1) : inner;
      breakLines(p.runs, width, w.fonts).forEach((line, i) => {
        out.push({
          line,
          dx: (p.bullet ? bulletIndent : 0) + lineOffset(line, width, cell.align),
          paragraph,
          first: i === 0,
        });
      });
    });
    return out;
  });
  return { cells, lines, boxes: cells.map((cell) => lineBox(w, cell.style)), bullet, bulletIndent, padX };
}

/** Height of the row from line positions `from` on; a cell with no text still holds one empty line. */
export function rowHeight(w: PageWriter, row: LaidRow, from: number[]): number {
  let tallest = 0;
  row.lines.forEach((lines, c) => {
    const left = lines.length - (from[c] ?? 0);
    tallest = Math.max(tallest, Math.max(left, 0) * row.boxes[c]!.height);
  });
  const oneLine = Math.min(...row.boxes.map((b) => b.height));
  return Math.max(tallest, oneLine) + 2 * w.styles.table.padY;
}

export function tagRow(w: PageWriter, table: Tag, row: LaidRow): RowTags {
  const tr = w.tag("TR", table);
  const paragraphs = row.cells.map((cell) => {
    const td = w.tag(cell.scope ? "TH" : "TD", tr, cell.scope ? { scope: cell.scope } : {});
    let list: Tag | null = null;
    return cell.paragraphs.map((p): ParagraphTags => {
      if (!p.bullet) {
        list = null;
        return { body: td, label: null };
      }
      list ??= w.tag("L", td);
      const li = w.tag("LI", list);
      return { label: w.tag("Lbl", li), body: w.tag("LBody", li) };
    });
  });
  return { row: tr, paragraphs };
}

/**
 * Draws the lines from `from` that fit in `room` (at least one line when `force`), with the row's fills and
 * borders sized to the slice. Returns the next line positions; `tags` null draws the slice as an artifact.
 */
export function drawRowSlice(
  w: PageWriter,
  row: LaidRow,
  x: number,
  widths: number[],
  from: number[],
  room: number,
  force: boolean,
  tags: RowTags | null,
): number[] {
  const { padY, border } = w.styles.table;
  const { padX } = row;
  const next = from.slice();
  let used = 0;
  row.lines.forEach((lines, c) => {
    const box = row.boxes[c]!;
    let height = 0;
    while (
      next[c]! < lines.length &&
      (height + box.height <= room - 2 * padY || (force && height === 0 && used === 0))
    ) {
      next[c]!++;
      height += box.height;
    }
    used = Math.max(used, height);
  });
  const done = next.every((n, c) => n >= row.lines[c]!.length);
  const height = done ? rowHeight(w, row, from) : used + 2 * padY;
  const top = w.y;
  const xs = widths.map((_, c) => x + widths.slice(0, c).reduce((a, b) => a + b, 0));
  w.artifact((doc) => {
    row.cells.forEach((cell, c) => {
      if (cell.fill) doc.rect(xs[c]!, top, widths[c]!, height).fill(cell.fill);
    });
    doc.lineWidth(border).strokeColor(w.styles.colors.border);
    if (w.styles.look.tables === "lines") {
      // Horizontal rules only, across the whole row.
      const right = xs[xs.length - 1]! + widths[widths.length - 1]!;
      doc
        .moveTo(x, top)
        .lineTo(right, top)
        .moveTo(x, top + height)
        .lineTo(right, top + height)
        .stroke();
    } else row.cells.forEach((_, c) => doc.rect(xs[c]!, top, widths[c]!, height).stroke());
  });
  row.lines.forEach((lines, c) => {
    let y = top + padY;
    for (let i = from[c]!; i < next[c]!; i++) {
      const item = lines[i]!;
      const ptags = tags?.paragraphs[c]?.[item.paragraph] ?? null;
      const left = xs[c]! + padX;
      if (item.first && row.cells[c]!.paragraphs[item.paragraph]!.bullet) {
        drawTextLine(w, row.bullet, left, y, row.boxes[c]!, ptags?.label ?? null);
      }
      drawTextLine(w, item.line, left + item.dx, y, row.boxes[c]!, ptags?.body ?? null);
      y += row.boxes[c]!.height;
    }
  });
  w.y = top + height;
  return next;
}
