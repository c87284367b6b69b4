// Splits the Markdown body into agenda items and, inside each, into discussion, decisions and
// actions. Rule: items are the `##` headings, unless the document has two or more `#` headings,
// in which case items are the `#` headings. A single `#` heading is the document's title. With no `##`
// at all, items are the shallowest headings below the title (`# Title` then `### Item`s).
// Sections such as "Links" or "Logistics" are not items (isAsideLabel): before the first item they are
// part of the preamble, after it part of the item they follow.
import { findDate, type DateRules } from "./date-forms.js";
import type { Heading, Paragraph, RootContent, Strong } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { inlineText, type AgendaItem, type Block } from "../model/minutes.js";
import { readActionBullets } from "./action-bullets.js";
import { splitHeadingAttributes } from "./heading-attributes.js";
import { actionColumns, readActionTable } from "./action-table.js";
import { isNoDeadline } from "./deadline.js";
import { spanOf, toBlocks, toInlines, type ConvertContext } from "./mdast-to-blocks.js";
import { followUpColumns, readFollowUpTable } from "./follow-up-table.js";
import {
  allSectionLabels,
  isAsideLabel,
  isFollowUpLabel,
  isHeaderSection,
  isNotesLabel,
  meetingPart,
  sectionKind,
  type SectionKind,
} from "./section-labels.js";
import { closest, normalizeLabel } from "../i18n/text-match.js";
import { text } from "../i18n/messages.js";

export interface Body {
  /** The text of the single `#` heading, when the items are `##` headings. */
  documentTitle?: string;
  preamble: Block[];
  items: AgendaItem[];
}

const UNNUMBERED = /\s*\{(?:-|\.unnumbered)\}\s*$/;
const TYPED_NUMBER = /^\s*((?:\d+|[IVX]+)\s*[.)\-–:])(?=\s)\s*/;

export function itemDepth(nodes: RootContent[]): number {
  let h1 = 0;
  let below = 7;
  let belowAny = 7;
  for (const n of nodes) {
    if (n.type !== "heading") continue;
    if (n.depth === 1) {
      // "# Agenda", "# Notes", "# Attendance" under a "# Title" do not make the `#`s the items.
      const label = headingText(n);
      if (!isHeaderSection(label) && !isNotesLabel(label) && !(meetingPart(label) === "agenda")) h1++;
    } else {
      belowAny = Math.min(belowAny, n.depth);
      // "## Attendees" or "## Links" above "### Topic"s does not make the `##`s the items.
      if (!isHeaderSection(headingText(n))) below = Math.min(below, n.depth);
    }
  }
  return h1 >= 2 ? 1 : below < 7 ? below : belowAny < 7 ? belowAny : 2;
}

const headingText = (node: Heading): string =>
  inlineText(toInlines(node.children, { definitions: new Map(), headingBase: 0 }));

/**
 * A document with no heading below its title, whose topics are bold lines ("**1. Welcome**", "**Budget**"):
 * two or more such lines become the items' headings. Not a bold first line (the title), a section or header
 * label ("**Decisions**", "**Attendees**"), nor a line that is only a date (running notes' meeting starts).
 */
export function boldLinesAsHeadings(nodes: RootContent[]): RootContent[] {
  if (nodes.some((n) => n.type === "heading" && n.depth > 1) || nodes.filter((n) => n.type === "heading").length > 1)
    return nodes;
  const lines = nodes.filter((n, i): n is Paragraph => i > 0 && n.type === "paragraph" && isBoldTopic(n));
  if (lines.length < 2) return nodes;
  return nodes.map((n) =>
    lines.includes(n as Paragraph)
      ? ({
          type: "heading",
          depth: 2,
          children: ((n as Paragraph).children[0] as Strong).children,
          ...(n.position ? { position: n.position } : {}),
        } as Heading)
      : n,
  );
}

function isBoldTopic(node: Paragraph): boolean {
  const [strong, rest, ...more] = node.children;
  if (strong?.type !== "strong" || more.length || (rest && !(rest.type === "text" && /^\s*:?\s*$/.test(rest.value))))
    return false;
  const text = inlineText(toInlines(strong.children, { definitions: new Map(), headingBase: 0 }))
    .replace(/:\s*$/, "")
    .trim();
  if (!text || text.includes("\n") || text.length > 100) return false;
  if (sectionKind(text) || meetingPart(text) || isFollowUpLabel(text) || isAsideLabel(text)) return false;
  const date = findDate(text);
  return !(date && text.split(/\s+/).length <= 4);
}

/** Whether a heading opens an agenda item at this depth (not "Links", "Logistics", "Video call"…). */
export function isItemHeading(node: RootContent, depth: number): boolean {
  return (
    node.type === "heading" &&
    node.depth === depth &&
    !isAsideLabel(inlineText(toInlines(node.children, { definitions: new Map(), headingBase: 0 })))
  );
}

export function splitBody(
  nodes: RootContent[],
  definitions: ConvertContext["definitions"],
  file: VFile,
  dateRules?: DateRules,
): Body {
  const depth = itemDepth(nodes);
  const body: Body = { preamble: [], items: [] };
  let index = 0;
  const preamble: RootContent[] = [];
  for (; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (isItemHeading(node, depth)) break;
    if (depth >= 2 && node.type === "heading" && node.depth === 1 && body.documentTitle === undefined) {
      body.documentTitle = inlineText(toInlines(node.children, { definitions, headingBase: 0 })).trim();
      continue;
    }
    preamble.push(node);
  }
  body.preamble = toBlocks(preamble, { definitions, headingBase: depth - 1 });

  let number = 0;
  while (index < nodes.length) {
    const heading = nodes[index] as Heading;
    let end = index + 1;
    while (
      end < nodes.length &&
      !(
        nodes[end]!.type === "heading" &&
        (nodes[end] as Heading).depth < depth &&
        !isHeaderSection(headingText(nodes[end] as Heading))
      ) &&
      !isItemHeading(nodes[end]!, depth)
    )
      end++;
    const item = readItem(heading, nodes.slice(index + 1, end), depth, definitions, file, dateRules);
    if (item.number !== null) item.number = ++number;
    body.items.push(item);
    index = end;
  }
  return body;
}

function labelOf(node: RootContent, ctx: ConvertContext): SectionKind | "followUp" | undefined {
  let label: string | undefined;
  if (node.type === "heading") label = inlineText(toInlines(node.children, ctx));
  // A paragraph that is only a bold label, as in "**Points de discussion clés**".
  else if (node.type === "paragraph" && node.children.length === 1 && node.children[0]!.type === "strong") {
    label = inlineText(toInlines((node as Paragraph).children, ctx));
  }
  if (label === undefined) return undefined;
  return isFollowUpLabel(label) ? "followUp" : sectionKind(label);
}

function readItem(
  heading: Heading,
  nodes: RootContent[],
  depth: number,
  definitions: ConvertContext["definitions"],
  file: VFile,
  dateRules: DateRules | undefined,
): AgendaItem {
  const split = splitHeadingAttributes(inlineText(toInlines(heading.children, { definitions, headingBase: 0 })).trim());
  let title = split.title;
  const unnumbered = UNNUMBERED.test(title) || split.attributes?.unnumbered === true;
  title = title.replace(UNNUMBERED, "");
  const typed = TYPED_NUMBER.exec(title);
  const item: AgendaItem = {
    number: unnumbered ? null : 0,
    title,
    discussion: [],
    decisions: [],
    actions: [],
    actionNotes: [],
  };
  if (typed && typed[0].length < title.length) {
    item.typedNumber = typed[1]!.trim();
    item.title = title.slice(typed[0].length).trim();
  }
  const position = spanOf(heading);
  if (position) item.position = position;
  const attributes = split.attributes;
  if (attributes?.confidential) item.confidential = true;
  if (attributes?.presenter) item.presenter = attributes.presenter;
  if (attributes?.duration !== undefined) item.duration = attributes.duration;
  if (attributes?.badDuration !== undefined)
    report(file, {
      severity: "warning",
      rule: "item-duration",
      message: text("item-duration", { duration: attributes.badDuration }),
      place: position?.start,
      hint: text("item-duration.hint"),
    });

  // Sub-headings count from the item heading, or from the label headings when labels are headings.
  const labelDepth = nodes.find(
    (n): n is Heading => n.type === "heading" && labelOf(n, { definitions, headingBase: 0 }) !== undefined,
  )?.depth;
  const ctx: ConvertContext = { definitions, headingBase: labelDepth ?? depth, ...(dateRules ? { dateRules } : {}) };
  // A follow-up section (an item titled "Suivi des actions", or such a label inside an item) holds tables
  // that report on earlier actions by id; they stay in the discussion as written, and are read as follow-ups.
  let followUp = isFollowUpLabel(title);
  // An item titled "Decisions" or "Action items" (a meeting-wide list) starts in that section.
  let section: SectionKind = (followUp ? undefined : sectionKind(item.title)) ?? "discussion";
  for (const node of nodes) {
    // A section that is not an item ("## Links" after the last item) belongs to its discussion, as written.
    if (node.type === "heading" && node.depth <= depth) {
      followUp = false;
      section = "discussion";
      item.discussion.push(...toBlocks([node], ctx));
      continue;
    }
    const kind = labelOf(node, ctx);
    if (kind === "followUp") {
      followUp = true;
      section = "discussion";
      item.discussion.push(...toBlocks([node], ctx));
      continue;
    }
    if (kind) {
      followUp = false;
      section = kind;
      continue;
    }
    const followUpTable = followUp && node.type === "table" ? followUpColumns(node, ctx) : undefined;
    if (node.type === "table" && followUpTable) {
      (item.followUps ??= []).push(...readFollowUpTable(node, followUpTable, ctx, file));
      item.discussion.push(...toBlocks([node], ctx));
      continue;
    }
    warnNearLabel(node, ctx, file);
    if (node.type === "table") {
      const columns = actionColumns(node, ctx);
      if (columns) {
        const rows = readActionTable(node, columns, ctx, file);
        // A table whose only row says "N/A" states that the item has no actions (looked for only then).
        const saysNone = (): boolean =>
          node.children.slice(1).some((row) =>
            row.children.some((cell) => {
              const cellText = inlineText(toInlines(cell.children, ctx)).trim();
              return cellText !== "" && isNoDeadline(cellText);
            }),
          );
        if (rows.length === 0 && saysNone()) item.noActionsStated = true;
        for (const row of rows) item.actions.push(row);
        continue;
      }
    }
    if (section === "actions" && node.type === "list") {
      const read = readActionBullets(node, ctx, file);
      item.actions.push(...read.actions);
      if (read.rest.length) item.actionNotes.push(...toBlocks([{ ...node, children: read.rest }], ctx));
      continue;
    }
    if (section === "actions" && node.type === "paragraph" && isNoDeadline(inlineText(toInlines(node.children, ctx)))) {
      item.noActionsStated = true;
      continue;
    }
    const blocks = toBlocks([node], ctx);
    if (section === "actions") {
      if (node.type === "table") {
        const place = spanOf(node);
        report(file, {
          severity: "warning",
          rule: "action-table-columns",
          message: text("action-table-columns"),
          place: place?.start,
          hint: text("action-table-columns.hint"),
        });
      }
      item.actionNotes.push(...blocks);
    } else item[section].push(...blocks);
  }
  return item;
}

/** A heading or bold line that is almost a section label ("Decsions") is probably a typo. */
function warnNearLabel(node: RootContent, ctx: ConvertContext, file: VFile): void {
  const isBoldLine = node.type === "paragraph" && node.children.length === 1 && node.children[0]!.type === "strong";
  if (node.type !== "heading" && !isBoldLine) return;
  const written = inlineText(toInlines((node as Heading | Paragraph).children, ctx)).trim();
  const label = normalizeLabel(written);
  if (label.length < 4) return;
  const suggestion = closest(label, allSectionLabels);
  if (!suggestion) return;
  const place = spanOf(node);
  report(file, {
    severity: "warning",
    rule: "section-label-unknown",
    message: text("section-label-unknown", { written, suggestion }),
    place: place?.start,
    hint: text("section-label-unknown.hint", { suggestion }),
  });
}
