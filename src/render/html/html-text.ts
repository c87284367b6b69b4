// Text and inline content as HTML: every character the document holds is escaped here, and links keep only
// the addresses the parser lets through (web, mail, telephone, relative), so nothing a meeting says can
// become markup, a script or a request.
import type { Inline } from "../../model/minutes.js";
import { isSafeUrl } from "../../model/safe-url.js";

/** Text between tags, lines kept (a code block's): `&`, `<` and `>` escaped. */
export function escapeMarkup(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text between tags: escaped, and a newline inside model text is only source wrapping, so it reads as a space. */
export function escapeText(value: string): string {
  return escapeMarkup(value.replace(/\r\n?|\n/g, " "));
}

/** An attribute's value: the renderer writes every attribute in double quotes. */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}

/** Inline content as phrasing markup: strong, em, del, code, links and line breaks. */
export function inlineHtml(inlines: readonly Inline[], linked = false): string {
  return inlines.map((node) => inlineNode(node, linked)).join("");
}

function inlineNode(node: Inline, linked: boolean): string {
  switch (node.type) {
    case "text":
      return escapeText(node.value);
    case "code":
      return `<code>${escapeText(node.value)}</code>`;
    case "break":
      return "<br>";
    case "strong":
      return `<strong>${inlineHtml(node.children, linked)}</strong>`;
    case "emphasis":
      return `<em>${inlineHtml(node.children, linked)}</em>`;
    case "delete":
      return `<del>${inlineHtml(node.children, linked)}</del>`;
    case "link": {
      // A link with no text shows its address, as the PDF does; a link inside a link is its text (HTML cannot nest them).
      const children = node.children.length ? node.children : [{ type: "text" as const, value: node.url }];
      if (linked || !node.url || !isSafeUrl(node.url)) return inlineHtml(children, linked);
      return `<a href="${escapeAttr(node.url.trim())}">${inlineHtml(children, true)}</a>`;
    }
  }
}
