// Warnings about the shape of a document read leniently (no agenda items, several meetings in one
// file: see find-meetings.ts), and the title of a document that gives none in its front matter. The content is never dropped.
import type { RootContent } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import type { Body } from "./agenda-items.js";
import type { DateRules } from "./date-forms.js";
import { findMeetingStarts } from "./find-meetings.js";
import { htmlToText } from "./mdast-to-blocks.js";
import { textOf } from "./node-text.js";
import { isAsideLabel, isNotesLabel, meetingPart, sectionKind } from "./section-labels.js";
import { text } from "../i18n/messages.js";

export { textOf };

/**
 * A short first line in bold, else the first heading, else the file name without its extension.
 * `fromFirstLine` says the bold or HTML-heading first line became the title (it is then not printed twice).
 * `written`: the body before header parts were lifted out of it, where the title is looked for, so that a
 * "## Attendees" section opening the body is seen (and passed over) rather than the item after it.
 */
export function titleFallback(
  nodes: RootContent[],
  fileName: string,
  fromName?: string,
  written: RootContent[] = nodes,
): { title: string; fromFirstLine?: true } | undefined {
  const title = findTitle(written, fileName, fromName);
  if (!title) return undefined;
  const first = nodes[0];
  const isFirstLine =
    (first?.type === "paragraph" &&
      first.children.length === 1 &&
      first.children[0]!.type === "strong" &&
      textOf(first).trim() === title) ||
    (first?.type === "html" && htmlToText(first.value).trim() === title);
  return isFirstLine ? { title, fromFirstLine: true } : { title };
}

function findTitle(nodes: RootContent[], fileName: string, fromName?: string): string | undefined {
  const first = nodes[0];
  const htmlHeading =
    first?.type === "html" ? /^\s*<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/i.exec(first.value)?.[1] : undefined;
  if (htmlHeading && htmlToText(htmlHeading).trim()) return htmlToText(htmlHeading).trim();
  if (first?.type === "paragraph" && first.children.length === 1 && first.children[0]!.type === "strong") {
    const text = textOf(first).trim();
    // "**Agenda**" (a part's label, lifted from "## Agenda") opens the document: it names no meeting.
    if (namesAPart(text.replace(/:$/, ""))) return nameTitle(fileName, fromName);
    if (text && text.length <= 120) return text;
  }
  const heading = nodes.find((n) => n.type === "heading");
  const text = heading
    ? textOf(heading)
        .replace(/\s*\{(?:-|\.unnumbered)\}\s*$/, "")
        .trim()
    : "";
  // A first heading that only labels a part of the meeting ("## Agenda", "## Attendees", "## Notes") names no
  // meeting: the title then comes from the file name and date, as when there is no heading.
  if (text && !namesAPart(text)) return text;
  return nameTitle(fileName, fromName);
}

/** The title made from the file name (with the date, when the caller made one), else the file name's stem. */
function nameTitle(fileName: string, fromName: string | undefined): string | undefined {
  if (fromName) return fromName;
  const stem = fileName.replace(/\.[^.]*$/, "").trim();
  return stem || undefined;
}

const GENERIC_NAMES = /^(index|_index|readme|notes|minutes|meeting|untitled)$/i;

/**
 * A title made from the file name and the date, for a front matter that gives a date but no title and a body
 * with no heading: "content/wg/2024-05-14-tsc-call.md" → "Tsc call – 2024-05-14". A name that says nothing
 * ("index.md", "README.md") gives way to its folder's.
 */
export function titleFromFileName(path: string, date: string | undefined): string | undefined {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const words = (name: string) =>
    name
      .replace(/\.(md|markdown|txt)$/i, "")
      .replace(/\d{4}-\d{2}-\d{2}/g, " ")
      .replace(/[-_\s.]+/g, " ")
      .trim();
  let name = words(parts.pop() ?? "");
  while (parts.length && (!name || GENERIC_NAMES.test(name))) {
    const folder = words(parts.pop()!);
    if (folder && !GENERIC_NAMES.test(folder)) name = folder;
  }
  const title = name ? name[0]!.toUpperCase() + name.slice(1) : "";
  return [title, date].filter(Boolean).join(" – ") || undefined;
}

export function reportStructure(nodes: RootContent[], body: Body, file: VFile, rules?: DateRules): void {
  if (body.items.length === 0 && body.preamble.length > 0) {
    report(file, {
      severity: "warning",
      rule: "structure-no-items",
      message: text("structure-no-items"),
      place: body.preamble[0]?.position?.start ?? { line: 1, column: 1 },
      hint: text("structure-no-items.hint"),
    });
  }
  // Several meetings: the one detector that `minutes split` and `build --split` use too.
  const starts = findMeetingStarts(nodes, rules, file.path);
  if (starts.length < 2) return;
  const lines = starts.map((s) => (s.date ? `${s.line} (${s.date})` : String(s.line)));
  report(file, {
    severity: "warning",
    rule: "structure-several-meetings",
    message: text("structure-several-meetings", { count: starts.length, lines }),
    place: { line: starts[1]!.line, column: 1 },
    hint: text("structure-several-meetings.hint", { file: file.basename ?? "FILE" }),
  });
}

/** Whether a heading is only the label of a part of a meeting, not its name. */
function namesAPart(text: string): boolean {
  return meetingPart(text) !== undefined || sectionKind(text) !== undefined || isAsideLabel(text) || isNotesLabel(text);
}
