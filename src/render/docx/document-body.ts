// The body of the compte-rendu, in the layout's order and with its texts only: title block, info table, preamble,
// agenda, each item (heading, labelled sections, action table, notes), next meeting.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  HeadingLevel,
  InternalHyperlink,
  LineRuleType,
  Paragraph,
  paragraph,
  pushRun,
  type ParagraphChild,
  Tab,
  TextRun,
} from "./docx-library.js";
import { agendaEntryParts, agendaTargets } from "../../layout/agenda-targets.js";
import type { DocumentLayout, InfoRow, ItemLayout } from "../../layout/document-layout.js";
import type { Inline } from "../../model/minutes.js";
import { blockContent } from "./block-content.js";
import { eighths, topScope, twips, type DocxContext } from "./docx-context.js";
import { collapseSpacers, gridTable, spacedTable, type CellContent } from "./grid-table.js";
import { inlineRuns, paragraphDirection, textRuns } from "./inline-runs.js";
import { LIST_HANGING } from "./list-numbering.js";
import { logoImage } from "./logo-image.js";
import { agendaTabStops, StyleId } from "./style-table.js";

type Flow = ReturnType<typeof blockContent>;

/** The draft banner and the logo above the title, when the theme and the front matter ask for them. */
function titleExtras(layout: DocumentLayout, ctx: DocxContext): Paragraph[] {
  const out: Paragraph[] = [];
  if (layout.draft?.mark === "banner")
    out.push(paragraph({ style: StyleId.draftBanner, children: textRuns(layout.draft.text) }));
  const logo = ctx.theme.logo;
  if (logo?.placement === "title") {
    const contentPoints = ctx.contentWidth / 20;
    const scale = Math.min(1, contentPoints / logo.width);
    out.push(
      new Paragraph({
        alignment: ctx.theme.layout.titleAlign === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
        // Single spacing: the body's proportional spacing can be under 100%, which would clip the picture.
        spacing: { after: twips(10), line: 240, lineRule: LineRuleType.AUTO },
        keepNext: true,
        children: [logoImage(logo, { width: logo.width * scale, height: logo.height * scale })],
      }),
    );
  }
  return out;
}

function titleBlock(layout: DocumentLayout, ctx: DocxContext): Paragraph[] {
  const lines: [string, string][] = [];
  if (layout.organisation) lines.push([StyleId.organisation, layout.organisation]);
  lines.push([StyleId.title, layout.title]);
  if (layout.subtitle) lines.push([StyleId.subtitle, layout.subtitle]);
  const block = lines.map(([style, text]) =>
    paragraph({ style, children: textRuns(text), ...paragraphDirection(text) }),
  );
  // The layout's rule under the title (a share of the width, in the accent colour): an empty paragraph as
  // tall as the gap above the rule, with the rule as its bottom border; its spacing after is the gap below.
  const rule = layout.geometry.titleRule;
  const side = Math.round((ctx.contentWidth * (1 - rule.widthShare)) / 2);
  const indent = ctx.theme.layout.titleAlign === "center" ? { left: side, right: side } : { right: 2 * side };
  block.push(
    new Paragraph({
      indent,
      spacing: { before: 0, after: twips(rule.gapAfter), line: twips(rule.gapBefore), lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size: eighths(rule.thickness), color: rule.color, space: 1 } },
      children: [],
    }),
  );
  return block;
}

function infoValue(row: InfoRow, ctx: DocxContext): CellContent {
  if (typeof row.value === "string")
    return [paragraph({ style: StyleId.tableText, children: textRuns(row.value), ...paragraphDirection(row.value) })];
  const ref = ctx.lists.begin(false, 1);
  return row.value.map((entry) =>
    paragraph({
      style: StyleId.tableText,
      numbering: { reference: ref.reference, level: 0, instance: ref.instance },
      indent: { left: LIST_HANGING, hanging: LIST_HANGING - 60 },
      children: textRuns(entry),
      ...paragraphDirection(entry),
    }),
  );
}

function infoTable(layout: DocumentLayout, ctx: DocxContext): Flow {
  if (layout.info.length === 0) return [];
  const rows = layout.info.map((row) => [
    [paragraph({ style: StyleId.tableHeading, children: textRuns(row.label) })],
    infoValue(row, ctx),
  ]);
  return spacedTable(
    gridTable(ctx, {
      weights: [...layout.geometry.infoColumns],
      header: null,
      rows,
      indent: 0,
      shadeFirstColumn: true,
    }),
  );
}

function actionTable(item: ItemLayout, ctx: DocxContext): Flow {
  if (!item.actions) return [];
  const { columns, rows } = item.actions;
  const cell = (style: string, children: ReturnType<typeof inlineRuns>, content: Inline[] | string): CellContent => [
    paragraph({ style, children, ...paragraphDirection(content) }),
  ];
  const grid = gridTable(ctx, {
    weights: item.actions.weights,
    header: columns.map((label) => cell(StyleId.tableHeading, textRuns(label), label)),
    rows: rows.map((row: Inline[][]) => row.map((inlines) => cell(StyleId.tableText, inlineRuns(inlines), inlines))),
    indent: 0,
  });
  return spacedTable(grid);
}

/** The bookmark on the `index`-th item's heading, which its agenda entry links to. */
const itemBookmark = (index: number): string => `item_${index + 1}`;

function agenda(layout: DocumentLayout, ctx: DocxContext): Paragraph[] {
  const targets = agendaTargets(layout);
  const tabStops = agendaTabStops(ctx.theme, layout.geometry);
  return layout.agenda.map((line, i) => {
    const target = targets[i] ?? null;
    // The Agenda Entry style's tab stops: the number right-aligned in its column, then the text.
    const { number, text } = agendaEntryParts(line);
    const lead = new TextRun({ children: [new Tab(), number ?? "", new Tab()] });
    const title =
      target === null
        ? textRuns(text)
        : [new InternalHyperlink({ anchor: itemBookmark(target), children: textRuns(text) })];
    const children = [lead, ...title];
    return new Paragraph({ style: StyleId.agendaEntry, tabStops, children, ...paragraphDirection(line) });
  });
}

function itemFlow(item: ItemLayout, bookmark: string, ctx: DocxContext): Flow {
  const heading = new Bookmark({ id: bookmark, children: textRuns(item.heading) });
  const out: Flow = [
    paragraph({ heading: HeadingLevel.HEADING_1, children: [heading], ...paragraphDirection(item.heading) }),
  ];
  if (item.banner) out.push(paragraph({ style: StyleId.draftBanner, children: textRuns(item.banner) }));
  if (item.intro) for (const p of blockContent(item.intro, ctx, topScope)) out.push(p);
  for (const section of item.sections) {
    out.push(paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(section.label) }));
    for (const p of blockContent(section.blocks, ctx, topScope)) out.push(p);
  }
  for (const p of actionTable(item, ctx)) out.push(p);
  for (const p of blockContent(item.actionNotes, ctx, topScope)) out.push(p);
  return out;
}

function nextMeetingRuns(label: string, text: string): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  pushRun(children, { text: label, style: StyleId.label });
  for (const run of textRuns(text)) children.push(run);
  return children;
}

function nextMeeting(layout: DocumentLayout): Paragraph[] {
  const next = layout.nextMeeting;
  if (!next) return [];
  return [
    paragraph({
      style: StyleId.nextMeeting,
      children: nextMeetingRuns(next.label, next.text),
    }),
  ];
}

export function documentBody(layout: DocumentLayout, ctx: DocxContext): Flow {
  return collapseSpacers([
    ...titleExtras(layout, ctx),
    ...titleBlock(layout, ctx),
    ...infoTable(layout, ctx),
    ...blockContent(layout.preamble, ctx, topScope),
    // A document without agenda items (the action register) has no agenda.
    ...(layout.agenda.length
      ? [paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(layout.agendaTitle) })]
      : []),
    // The agenda as planned (before a "Meeting notes" section) is drawn as written; else the items' headings, linked.
    ...(layout.agendaBlocks ? blockContent(layout.agendaBlocks, ctx, topScope) : agenda(layout, ctx)),
    ...(layout.followUp ? itemFlow(layout.followUp, "follow_up", ctx) : []),
    ...layout.items.flatMap((item, i) => itemFlow(item, itemBookmark(i), ctx)),
    ...nextMeeting(layout),
    ...(layout.signatures ? blockContent(layout.signatures, ctx, topScope) : []),
  ]);
}
