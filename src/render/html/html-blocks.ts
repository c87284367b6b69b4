// The model's blocks (paragraphs, headings, lists, quotes, tables, code, breaks) as HTML. Headings written
// inside an item sit below the item's h2 and its section labels' h3, as in the PDF's structure tree.
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

function listHtml(list: Extract<Block, { type: "list" }>, depth: number): string {
  const tasks = list.items.some((item) => item.checked !== null);
  const start = Number.isFinite(list.start) ? Math.trunc(list.start) : 1;
  const tag = list.ordered && !tasks ? "ol" : "ul";
  const attrs = tag === "ol" && start !== 1 ? ` start="${start}"` : "";
  // The PDF's bullets by depth: •, –, ▪ (CSS list-style by class).
  const cls = tasks ? "tasks" : tag === "ul" ? `bullets-${depth % 3}` : "numbers";
  const items = list.items.map((item) => listItemHtml(item, depth));
  return `<${tag} class="${cls}"${attrs}>\n${items.join("\n")}\n</${tag}>`;
}

function listItemHtml(item: ListItem, depth: number): string {
  // Task items print their state as the PDF does ("[x]", "[ ]"): text a reader and a screen reader both get.
  const label = item.checked === null ? "" : `<span class="task">${item.checked ? "[x]" : "[ ]"}</span> `;
  const tight =
    item.children.length === 1 && item.children[0]!.type === "paragraph"
      ? `${label}${inlineHtml(item.children[0]!.children)}`
      : `${label}${blocksHtml(item.children, depth + 1)}`;
  return `<li dir="auto">${tight}</li>`;
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
