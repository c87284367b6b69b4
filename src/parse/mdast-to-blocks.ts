// Converts mdast (remark-parse + remark-gfm) into model blocks and inlines, keeping every word the
// author wrote: raw HTML becomes its text, images their alt text and address, references their target.
import type { DateRules } from "./date-forms.js";
import type { Definition, Nodes, PhrasingContent, RootContent, TableRow } from "mdast";
import type { Block, Inline, Span } from "../model/minutes.js";
import { splitHeadingAttributes } from "./heading-attributes.js";

export interface ConvertContext {
  /** Link and image definitions by lower-cased identifier. */
  definitions: Map<string, Definition>;
  /** Depth of the heading that opens the current agenda item (sub-headings are relative to it). */
  headingBase: number;
  /** How numeric dates are read (deadlines): the meeting's order. */
  dateRules?: DateRules;
}

export function spanOf(node: Nodes): Span | undefined {
  const p = node.position;
  return p
    ? { start: { line: p.start.line, column: p.start.column }, end: { line: p.end.line, column: p.end.column } }
    : undefined;
}

/** Where a table cell's text starts and ends (the cell itself when it is empty); undefined for no cell. */
export function cellSpan(row: TableRow, index: number): Span | undefined {
  const cell = index >= 0 ? row.children[index] : undefined;
  return cell ? spanOf(cell.children[0] ?? cell) : undefined;
}

const withSpan = (block: Block, node: Nodes): Block => {
  const position = spanOf(node);
  return position ? { ...block, position } : block;
};

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  laquo: "«",
  raquo: "»",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  rsquo: "’",
  lsquo: "‘",
  euro: "€",
};

/** The readable text of a fragment of raw HTML: tags dropped, <br> kept as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|li|tr)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** Soft line breaks inside a paragraph are spaces in the output. */
const flow = (value: string): string => value.replace(/[ \t]*\r?\n[ \t]*/g, " ");

function textToInlines(value: string): Inline[] {
  const out: Inline[] = [];
  value.split("\n").forEach((line, i) => {
    if (i > 0) out.push({ type: "break" });
    if (line) out.push({ type: "text", value: line });
  });
  return out;
}

export function toInlines(nodes: PhrasingContent[], ctx: ConvertContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push({ type: "text", value: flow(node.value) });
        break;
      case "strong":
      case "emphasis":
      case "delete":
        out.push({ type: node.type, children: toInlines(node.children, ctx) });
        break;
      case "inlineCode":
        out.push({ type: "code", value: node.value });
        break;
      case "break":
        out.push({ type: "break" });
        break;
      case "link":
        out.push({ type: "link", url: node.url, children: toInlines(node.children, ctx) });
        break;
      case "linkReference": {
        const def = ctx.definitions.get(node.identifier.toLowerCase());
        const children = toInlines(node.children, ctx);
        out.push(def ? { type: "link", url: def.url, children } : { type: "text", value: `[${flowText(children)}]` });
        break;
      }
      case "image":
      case "imageReference": {
        const url = node.type === "image" ? node.url : ctx.definitions.get(node.identifier.toLowerCase())?.url;
        const alt = node.alt || url || "image";
        out.push(url ? { type: "link", url, children: [{ type: "text", value: alt }] } : { type: "text", value: alt });
        break;
      }
      case "footnoteReference":
        out.push({ type: "text", value: `[${node.label ?? node.identifier}]` });
        break;
      case "html":
        out.push(...textToInlines(htmlToText(node.value)));
        break;
    }
  }
  return out;
}

function flowText(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.type === "text" || i.type === "code" ? i.value : "children" in i ? flowText(i.children) : " "))
    .join("");
}

export function toBlocks(nodes: RootContent[], ctx: ConvertContext): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const block = toBlock(node, ctx);
    if (block) out.push(block);
  }
  return out;
}

/** `### Salaries {.confidential}` inside an item: the heading loses its braces and opens a sub-section held in camera. */
function withoutConfidentialMark(heading: Extract<Block, { type: "heading" }>): Block {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== "text") return heading;
  const split = splitHeadingAttributes(last.value);
  if (!split.attributes?.confidential) return heading;
  const children = [...heading.children.slice(0, -1), ...(split.title ? [{ ...last, value: split.title }] : [])];
  return { ...heading, children, confidential: true };
}

function toBlock(node: RootContent, ctx: ConvertContext): Block | undefined {
  switch (node.type) {
    case "paragraph":
      return withSpan({ type: "paragraph", children: toInlines(node.children, ctx) }, node);
    case "heading": {
      const heading: Block = {
        type: "heading",
        level: Math.max(1, node.depth - ctx.headingBase),
        children: toInlines(node.children, ctx),
      };
      return withSpan(withoutConfidentialMark(heading), node);
    }
    case "list":
      return withSpan(
        {
          type: "list",
          ordered: node.ordered === true,
          start: node.start ?? 1,
          items: node.children.map((item) => ({
            checked: item.checked ?? null,
            children: toBlocks(item.children, ctx),
          })),
        },
        node,
      );
    case "blockquote":
      return withSpan({ type: "blockquote", children: toBlocks(node.children, ctx) }, node);
    case "table": {
      const [head, ...body] = node.children;
      const cells = (row: typeof head) => (row ? row.children.map((cell) => toInlines(cell.children, ctx)) : []);
      return withSpan(
        { type: "table", align: (node.align ?? []).map((a) => a ?? null), header: cells(head), rows: body.map(cells) },
        node,
      );
    }
    case "code":
      return withSpan({ type: "code", lang: node.lang ?? null, value: node.value }, node);
    case "thematicBreak":
      return withSpan({ type: "thematicBreak" }, node);
    case "html": {
      const text = htmlToText(node.value).trim();
      return text ? withSpan({ type: "paragraph", children: textToInlines(text) }, node) : undefined;
    }
    case "footnoteDefinition": {
      const blocks = toBlocks(node.children, ctx);
      const first = blocks[0];
      const label: Inline = { type: "text", value: `[${node.label ?? node.identifier}] ` };
      if (first?.type === "paragraph") return withSpan({ ...first, children: [label, ...first.children] }, node);
      return withSpan({ type: "blockquote", children: [{ type: "paragraph", children: [label] }, ...blocks] }, node);
    }
    case "definition":
      // Definitions are resolved into the links that use them.
      return undefined;
    default:
      // yaml (front matter) and anything phrasing-level at block level.
      if ("children" in node && Array.isArray(node.children)) {
        return { type: "paragraph", children: toInlines(node.children as PhrasingContent[], ctx) };
      }
      if (node.type !== "yaml" && "value" in node && typeof node.value === "string") {
        return { type: "paragraph", children: textToInlines(node.value) };
      }
      return undefined;
  }
}
