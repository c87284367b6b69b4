// One agenda point of the compte-rendu as a tagged section: numbered heading over the layout's rule, each
// section's bold label and blocks, the action table (shaded header, the layout's column proportions), notes
// after it; plus the next-meeting line.
import type { ActionTable, DocumentLayout, ItemLayout } from "../../layout/document-layout.js";
import type { Rule } from "../../layout/geometry.js";
import { bodyContext, drawBlocks } from "./blocks.js";
import { longestWords, weightedWidths } from "./column-widths.js";
import { anchorItem } from "./item-anchors.js";
import type { PageWriter } from "./page-writer.js";
import { drawParagraph } from "./paragraph.js";
import { pdfColor } from "./pdf-styles.js";
import { drawTable } from "./table.js";
import { drawBanner } from "./front-matter.js";
import type { TableCell } from "./table-row.js";
import { inlineRuns, runStyle, textRuns } from "./text-runs.js";

/** Draws `item`; `destination` names its heading for the agenda's links. */
export function drawAgendaItem(w: PageWriter, item: ItemLayout, destination: string, rule: Rule): void {
  const { text, space } = w.styles;
  const sect = w.tag("Sect", w.root);
  const ctx = bodyContext(w, sect);
  const line = text.body.size * text.body.leading;
  // The heading keeps with its first section label and that label's own keep (three lines), so a
  // heading never ends a page alone.
  const keep = space.sectionBefore + text.sectionLabel.size * text.sectionLabel.leading + space.listItem + 1 + 3 * line;

  w.gap(space.itemBefore);
  const heading = w.tag("H2", sect);
  drawParagraph(w, textRuns(item.heading, text.itemHeading), {
    x: w.left,
    width: w.width,
    style: text.itemHeading,
    tag: heading,
    keepWithNext: keep,
    onFirstLine: (top) => anchorItem(w, item.heading, destination, top),
  });
  w.end(heading);
  w.y += 2;
  const y = w.y;
  w.artifact((doc) => doc.rect(w.left, y, w.width, rule.thickness).fill(pdfColor(rule.color)));
  w.y += rule.thickness;
  if (item.banner) {
    w.gap(space.sectionBefore);
    drawBanner(w, item.banner);
  }
  if (item.intro) {
    w.gap(space.sectionBefore);
    drawBlocks(w, item.intro, ctx);
  }

  for (const section of item.sections) {
    w.gap(space.sectionBefore);
    const label = w.tag("H3", sect);
    drawParagraph(w, textRuns(section.label, text.sectionLabel), {
      x: w.left,
      width: w.width,
      style: text.sectionLabel,
      tag: label,
      // Enough for a table header and its first row, so a label never ends a page alone.
      keepWithNext: 3 * line,
    });
    w.end(label);
    w.gap(space.listItem + 1);
    drawBlocks(w, section.blocks, ctx);
  }

  if (item.actions) drawActionTable(w, item.actions, sect);

  if (item.actionNotes.length) {
    w.gap(space.blockAfter);
    drawBlocks(w, item.actionNotes, ctx);
  }
  w.end(sect);
}

function drawActionTable(w: PageWriter, actions: ActionTable, sect: ReturnType<PageWriter["tag"]>): void {
  const { text, space, colors } = w.styles;
  w.gap(space.sectionBefore);
  // Header cells in the heading colour, as the DOCX "Table Heading" style.
  const head = { ...text.cell, bold: true, color: colors.primary };
  const header = actions.columns.map(
    (column): TableCell => ({
      paragraphs: [{ runs: textRuns(column, head), bullet: false }],
      style: head,
      align: "left",
      scope: "Column",
      fill: colors.headerFill,
    }),
  );
  const rows = actions.rows.map((row) =>
    actions.columns.map(
      (_, c): TableCell => ({
        paragraphs: [{ runs: inlineRuns(row[c] ?? [], text.cell, w.styles), bullet: false }],
        style: text.cell,
        align: "left",
        scope: null,
        fill: null,
      }),
    ),
  );
  // The layout's proportions; a column is widened only where its longest word (a heading such as
  // "Responsable", a date) would otherwise be cut, which Word does not do (it breaks the word).
  const { weights } = actions;
  const cells = [header, ...rows].map((row) => row.map((cell) => cell.paragraphs.flatMap((p) => p.runs)));
  const widths = weightedWidths(w.width, weights, longestWords(cells, 2 * w.styles.table.padX + 1, w.fonts));
  drawTable(w, { x: w.left, widths, header, rows, parent: sect });
}

export function drawNextMeeting(w: PageWriter, layout: DocumentLayout): void {
  const next = layout.nextMeeting;
  if (!next) return;
  const { text, space } = w.styles;
  w.gap(space.itemBefore + space.paragraph);
  const tag = w.tag("P", w.root);
  const label = { ...text.body, bold: true, color: w.styles.colors.primary };
  const runs = [...textRuns(next.label, label), { kind: "text" as const, text: next.text, style: runStyle(text.body) }];
  drawParagraph(w, runs, { x: w.left, width: w.width, style: text.body, tag });
  w.end(tag);
}

/** The signature block (the theme's `signatures:`), after the next-meeting line. */
export function drawSignatures(w: PageWriter, layout: DocumentLayout): void {
  if (!layout.signatures?.length) return;
  w.gap(w.styles.space.itemBefore + w.styles.space.paragraph);
  drawBlocks(w, layout.signatures, bodyContext(w, w.root));
}
