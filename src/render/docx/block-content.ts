// Block model → Word paragraphs and tables: paragraphs, sub-headings, nested lists (numbered through Word
// numbering), quotes with a left rule, shaded code, GFM tables and thematic breaks, at any nesting depth.
import {
  AlignmentType,
  HeadingLevel,
  type Paragraph,
  paragraph,
  pushRun,
  type ParagraphChild,
} from "./docx-library.js";
import { inlineText, type Block, type Inline, type ListItem, type TableAlign } from "../../model/minutes.js";
import { twips, type BlockScope, type DocxContext } from "./docx-context.js";
import { gridTable, spacedTable, type CellContent } from "./grid-table.js";
import { inlineRuns, paragraphDirection, xmlSafe } from "./inline-runs.js";
import { LIST_HANGING, LIST_STEP, MAX_LIST_LEVEL } from "./list-numbering.js";
import { StyleId } from "./style-table.js";

type Flow = (Paragraph | ReturnType<typeof gridTable>)[];

const QUOTE_STEP = 240;
const headingStyles = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

const alignment = (align: TableAlign | undefined) =>
  align === "right" ? AlignmentType.RIGHT : align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;

/** Nesting keeps pushing right, but never past half the text width, so a 50-deep list still has room for text. */
const capIndent = (ctx: DocxContext, indent: number): number => Math.min(indent, Math.floor(ctx.contentWidth / 2));

function textParagraph(
  children: ParagraphChild[],
  scope: BlockScope,
  style?: string,
  afterList = false,
  direction: { bidirectional?: true } = {},
): Paragraph {
  return paragraph({
    style: style ?? (scope.quoted ? StyleId.quote : scope.listLevel >= 0 ? "ListParagraph" : StyleId.normal),
    children,
    ...direction,
    ...(scope.indent > 0 ? { indent: { left: scope.indent } } : {}),
    // List items sit close together; the text that follows a list needs the gap back.
    ...(afterList ? { spacing: { before: twips(4) } } : {}),
  });
}

/** Code keeps its lines and leading spaces; tabs become spaces because Word's tab stops would not line up. */
function codeRuns(value: string): ParagraphChild[] {
  const lines = xmlSafe(value).replace(/\r\n?/g, "\n").split("\n");
  const out: ParagraphChild[] = [];
  lines.forEach((line, i) => {
    let column = 0;
    const text = line.replace(/\t|[^\t]+/g, (part) => {
      if (part !== "\t") {
        column += part.length;
        return part;
      }
      const pad = 4 - (column % 4);
      column += pad;
      return " ".repeat(pad);
    });
    pushRun(out, { text, ...(i > 0 ? { break: 1 } : {}) });
  });
  return out;
}

function columnWeights(header: Inline[][], rows: Inline[][][]): number[] {
  const count = rows.reduce((m, r) => Math.max(m, r.length), Math.max(header.length, 1));
  return Array.from({ length: count }, (_, i) => {
    const longest = rows.reduce(
      (m, r) => Math.max(m, inlineText(r[i] ?? []).length),
      inlineText(header[i] ?? []).length,
    );
    return Math.min(Math.max(longest, 6), 36);
  });
}

function table(block: Extract<Block, { type: "table" }>, ctx: DocxContext, scope: BlockScope): Flow {
  const cell = (inlines: Inline[], i: number, style: string): CellContent => {
    const direction = paragraphDirection(inlines);
    // A right-to-left cell with no alignment of its own starts at the right.
    const align = direction.bidirectional && !block.align[i] ? AlignmentType.START : alignment(block.align[i]);
    return [paragraph({ style, alignment: align, children: inlineRuns(inlines), ...direction })];
  };
  const grid = gridTable(ctx, {
    weights: columnWeights(block.header, block.rows),
    header: block.header.length ? block.header.map((c, i) => cell(c, i, StyleId.tableHeading)) : null,
    rows: block.rows.map((r) => r.map((c, i) => cell(c, i, StyleId.tableText))),
    indent: scope.indent,
  });
  return spacedTable(grid);
}

function list(block: Extract<Block, { type: "list" }>, ctx: DocxContext, scope: BlockScope): Flow {
  const ref = ctx.lists.begin(block.ordered, block.start);
  const depth = scope.listLevel + 1;
  const level = Math.min(depth, MAX_LIST_LEVEL);
  const left = capIndent(ctx, scope.indent + LIST_STEP);
  const itemScope: BlockScope = { indent: left, quoted: scope.quoted, listLevel: depth };
  return block.items.flatMap((item) => listItem(item, ctx, itemScope, level, ref));
}

function listItem(
  item: ListItem,
  ctx: DocxContext,
  scope: BlockScope,
  level: number,
  ref: { reference: string; instance: number },
): Flow {
  const [first, ...rest] = item.children;
  const lead = first?.type === "paragraph" ? first : undefined;
  const children: ParagraphChild[] = [];
  if (item.checked !== null) pushRun(children, { text: item.checked ? "☑ " : "☐ " });
  if (lead) for (const child of inlineRuns(lead.children)) children.push(child);
  const marker = paragraph({
    style: scope.quoted ? StyleId.quote : "ListParagraph",
    numbering: { reference: ref.reference, level, instance: ref.instance },
    indent: { left: scope.indent, hanging: LIST_HANGING },
    children,
    ...(lead ? paragraphDirection(lead.children) : {}),
  });
  return [marker, ...blockContent(lead ? rest : item.children, ctx, scope)];
}

export function blockContent(blocks: Block[], ctx: DocxContext, scope: BlockScope): Flow {
  const out: Flow = [];
  let previous: Block["type"] | undefined;
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph":
        out.push(
          textParagraph(
            inlineRuns(block.children),
            scope,
            undefined,
            previous === "list",
            paragraphDirection(block.children),
          ),
        );
        break;
      case "heading": {
        const index = Math.min(Math.max(Math.floor(block.level) || 1, 1), headingStyles.length) - 1;
        out.push(
          paragraph({
            heading: headingStyles[index]!,
            children: inlineRuns(block.children),
            ...paragraphDirection(block.children),
            ...(scope.indent > 0 ? { indent: { left: scope.indent } } : {}),
          }),
        );
        break;
      }
      case "list":
        for (const p of list(block, ctx, scope)) out.push(p);
        break;
      case "blockquote":
        for (const p of blockContent(block.children, ctx, {
          ...scope,
          indent: capIndent(ctx, scope.indent + QUOTE_STEP),
          quoted: true,
        }))
          out.push(p);
        break;
      case "table":
        for (const p of table(block, ctx, scope)) out.push(p);
        break;
      case "code":
        out.push(textParagraph(codeRuns(block.value), scope, StyleId.code));
        break;
      case "thematicBreak":
        out.push(textParagraph([], scope, StyleId.separator));
        break;
    }
    previous = block.type;
  }
  return out;
}
