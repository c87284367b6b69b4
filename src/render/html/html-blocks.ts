// The model's blocks (paragraphs, headings, lists, quotes, tables, code, breaks) as HTML. Headings written
// inside an item sit below the item's h2 and its section labels' h3, as in the PDF's structure tree.
import { itemLabels, listBullets } from "../../layout/list-marks.js";
import type { Block, Inline, ListItem, TableAlign } from "../../model/minutes.js";
import { escapeMarkup, inlineHtml } from "./html-text.js";

export function blocksHtml(blocks: readonly Block[], depth = 0): string {
  return blocks.map((block) => blockHtml(block, depth)).join("\n");
}

function blockHtml(block: Block, depth: number): string {
  switch (block.type) {
    case "paragraph":
      return `<p dir="auto">${inlineHtml(block.children)}</p>`;
    case "heading": {
      const level = Math.max(1, Math.floor(block.level) || 1);
      const tag = `h${Math.min(level + 3, 6)}`;
      return `<${tag} class="level-${Math.min(level, 3)}" dir="auto">${inlineHtml(block.children)}</${tag}>`;
    }
    case "list":
      return listHtml(block, depth);
    case "blockquote":
      return `<blockquote>\n${blocksHtml(block.children, depth)}\n</blockquote>`;
    case "table":
      return markdownTableHtml(block);
    case "code":
      return `<pre><code>${escapeMarkup(block.value)}</code></pre>`;
    case "thematicBreak":
      return "<hr>";
  }
}

/**
 * A list, its labels as the PDF prints them: numbers ("9.", "10.") and task states ("[x]", "[ ]") are text that
 * hangs before the item (so a reader, a screen reader and a copy all get them), bullets are the list's markers
 * (•, –, ▪ by depth). The list is indented as the PDF's: at least its indent, more for wide labels.
 */
function listHtml(list: Extract<Block, { type: "list" }>, depth: number): string {
  const start = Number.isFinite(list.start) ? Math.trunc(list.start) : 1;
  const labels = itemLabels(list);
  const tag = list.ordered ? "ol" : "ul";
  const attrs = tag === "ol" && start !== 1 ? ` start="${start}"` : "";
  const widest = labels.reduce((m, l) => Math.max(m, l?.length ?? 0), 0);
  const classes = [
    tag === "ul" ? `bullets-${depth % listBullets.length}` : "numbers",
    ...(widest ? [`hang-${Math.min(widest, 8)}`] : []),
  ];
  const items = list.items.map((item, i) => listItemHtml(item, labels[i] ?? null, depth));
  return `<${tag} class="${classes.join(" ")}"${attrs}>\n${items.join("\n")}\n</${tag}>`;
}

function listItemHtml(item: ListItem, label: string | null, depth: number): string {
  const hung = label === null ? "" : `<span class="label">${label}</span>`;
  const content =
    item.children.length === 1 && item.children[0]!.type === "paragraph"
      ? inlineHtml(item.children[0]!.children)
      : blocksHtml(item.children, depth + 1);
  return `<li${label === null ? "" : ' class="labelled"'} dir="auto">${hung}${content}</li>`;
}

function markdownTableHtml(block: Extract<Block, { type: "table" }>): string {
  const columns = block.rows.reduce((m, r) => Math.max(m, r.length), block.header.length);
  const align = (c: number): string => {
    const a: TableAlign = block.align[c] ?? null;
    return a && a !== "left" ? ` class="align-${a}"` : "";
  };
  const cells = (row: readonly Inline[][], tag: "th" | "td"): string =>
    Array.from({ length: columns }, (_, c) => {
      const scope = tag === "th" ? ' scope="col"' : "";
      return `<${tag}${scope}${align(c)} dir="auto">${inlineHtml(row[c] ?? [])}</${tag}>`;
    }).join("");
  const dense = columns > 4 ? ' class="grid dense"' : ' class="grid"';
  return `<table${dense}>
<thead><tr>${cells(block.header, "th")}</tr></thead>
<tbody>
${block.rows.map((row) => `<tr>${cells(row, "td")}</tr>`).join("\n")}
</tbody>
</table>`;
}
