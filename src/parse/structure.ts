// Warnings about the shape of a document read leniently (no agenda items, several meetings in one
// file), and the title of a document that gives none in its front matter. The content is never dropped.
import type { RootContent } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import type { Body } from "./agenda-items.js";
import { findDate } from "./date-forms.js";
import { htmlToText } from "./mdast-to-blocks.js";
import { text } from "../i18n/messages.js";

const MEETING_WORDS = /\b(meeting|minutes|call|sync|r[ée]union|s[ée]ance|conseil|compte[- ]rendu|comit[ée]|sitzung|protokoll|besprechung|reuni[óo]n|acta|sesi[óo]n)\b/i;

export function textOf(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map((c) => textOf(c as { children?: unknown[]; value?: unknown })).join(" ");
}

/**
 * A short first line in bold, else the first heading, else the file name without its extension.
 * `fromFirstLine` says the bold or HTML-heading first line became the title (it is then not printed twice).
 */
export function titleFallback(nodes: RootContent[], fileName: string): { title: string; fromFirstLine?: true } | undefined {
  const title = findTitle(nodes, fileName);
  if (!title) return undefined;
  const first = nodes[0];
  const isFirstLine =
    (first?.type === "paragraph" && first.children.length === 1 && first.children[0]!.type === "strong" && textOf(first).trim() === title) ||
    (first?.type === "html" && htmlToText(first.value).trim() === title);
  return isFirstLine ? { title, fromFirstLine: true } : { title };
}

function findTitle(nodes: RootContent[], fileName: string): string | undefined {
  const first = nodes[0];
  const htmlHeading = first?.type === "html" ? /^\s*<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/i.exec(first.value)?.[1] : undefined;
  if (htmlHeading && htmlToText(htmlHeading).trim()) return htmlToText(htmlHeading).trim();
  if (first?.type === "paragraph" && first.children.length === 1 && first.children[0]!.type === "strong") {
    const text = textOf(first).trim();
    if (text && text.length <= 120) return text;
  }
  const heading = nodes.find((n) => n.type === "heading");
  if (heading) return textOf(heading).replace(/\s*\{(?:-|\.unnumbered)\}\s*$/, "").trim() || undefined;
  const stem = fileName.replace(/\.[^.]*$/, "").trim();
  return stem || undefined;
}

export function reportStructure(nodes: RootContent[], body: Body, file: VFile): void {
  if (body.items.length === 0 && body.preamble.length > 0) {
    report(file, {
      severity: "warning",
      rule: "structure-no-items",
      message: text("structure-no-items"),
      place: body.preamble[0]?.position?.start ?? { line: 1, column: 1 },
      hint: text("structure-no-items.hint"),
    });
  }
  // Several meetings: several top-level headings with different dates, or a second front matter.
  const starts: { line: number; date: string }[] = [];
  const top = nodes.reduce((m, n) => (n.type === "heading" ? Math.min(m, n.depth) : m), 7);
  for (const node of nodes) {
    if (node.type !== "heading" && node.type !== "paragraph") continue;
    const text = textOf(node);
    const line = node.position?.start.line ?? 1;
    if (/(^|\n|\s)title\s*:.*\bdate\s*:/is.test(text)) starts.push({ line, date: `front matter ${line}` });
    else if (node.type === "heading" && node.depth === top && MEETING_WORDS.test(text)) {
      const date = findDate(text);
      if (date) starts.push({ line, date });
    }
  }
  const distinct = new Set(starts.map((s) => s.date));
  const secondFrontMatter = starts.some((s) => s.date.startsWith("front matter"));
  if (distinct.size >= 2 || secondFrontMatter) {
    const lines = starts.map((s) => s.line);
    report(file, {
      severity: "warning",
      rule: "structure-several-meetings",
      message: lines.length > 1 ? text("structure-several-meetings.lines", { lines: lines.join(", ") }) : text("structure-several-meetings.another", { line: lines[0]! }),
      place: { line: lines[lines.length > 1 ? 1 : 0]!, column: 1 },
      hint: text("structure-several-meetings.hint"),
    });
  }
}
