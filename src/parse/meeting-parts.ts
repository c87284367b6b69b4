// Lifts the header of a meeting written as ordinary Markdown into front-matter values, the way
// people already write it: "## Attendees" + a list, "**Présents :** A, B, C", "Date: 23/09/2022"
// lines, "Apologies", and an "Agenda" heading whose sub-headings are the items. A part is lifted only
// when the front matter does not give it and it can be read whole, so no word is ever lost.
import type { Heading, List, Paragraph, PhrasingContent, RootContent } from "mdast";
import { findDate } from "./date-forms.js";
import { htmlToText } from "./mdast-to-blocks.js";
import { parseTimeRange } from "./front-matter.js";
import { meetingPart, type MeetingPart } from "./section-labels.js";

export interface LiftedParts {
  nodes: RootContent[];
  /** Front-matter-shaped values: attendees, absent (string lists), date (ISO), time, location, chair, secretary. */
  values: Record<string, unknown>;
}

const PEOPLE: MeetingPart[] = ["attendees", "absent"];

/** Text of phrasing content with line breaks kept (soft breaks and <br> become "\n"). */
function rawText(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if (n.type === "text" || n.type === "inlineCode") return n.value;
      if (n.type === "break") return "\n";
      if (n.type === "html") return /^<br\s*\/?>$/i.test(n.value.trim()) ? "\n" : "";
      return "children" in n ? rawText(n.children as PhrasingContent[]) : "";
    })
    .join("");
}

const cleanName = (s: string) => s.replace(/\s+/g, " ").replace(/^[\s\-*•·]+|[\s;,.]+$/g, "").trim();

function splitPeople(text: string): string[] {
  return text.split(/[,;\n]/).map(cleanName).filter(Boolean);
}

/** A name, an organisation or "Name (role)", not a sentence: "Everyone was there, except Tom." is not a list of people. */
function nameLike(s: string): boolean {
  const words = s.split(/\s+/);
  if (s.length > 80 || words.length > 8) return false;
  // Names are mostly capitalised: "Ministère de la Santé", "Marc Girard (pouvoir à Sophie Leroy)", "OIM".
  return words.length <= 3 || words.filter((w) => /^[\p{Lu}\d(@]/u.test(w)).length * 2 >= words.length;
}
const peopleOf = (text: string): string[] | undefined => {
  const people = splitPeople(text);
  return people.length && people.every(nameLike) ? people : undefined;
};

/** People of a flat list, or undefined when an item holds more than one line (it stays as content). */
function listPeople(list: List): string[] | undefined {
  const names: string[] = [];
  for (const item of list.children) {
    const only = item.children[0];
    if (item.children.length !== 1 || only?.type !== "paragraph") return undefined;
    const name = cleanName(rawText(only.children).replace(/\n/g, " "));
    if (name && !nameLike(name)) return undefined;
    if (name) names.push(name);
  }
  return names.length ? names : undefined;
}

/** The value of a `label: value` line for the parts that take one value, or undefined if it cannot be read. */
function readValue(part: MeetingPart, value: string): unknown {
  const v = value.trim();
  if (v === "") return undefined;
  switch (part) {
    case "attendees":
    case "absent":
      return peopleOf(v);
    case "chair":
    case "secretary":
      return nameLike(v) ? v : undefined;
    case "date":
      // Printed in the locale's form, so only a line that is just a date is lifted; "5 March 2024
      // (moved from 27 Feb)" stays in the text, where the date is still found.
      return v.split(/\s+/).length <= 5 ? findDate(v) : undefined;
    case "time": {
      const time = parseTimeRange(v);
      return time.start && (!time.end || time.end > time.start) ? v : undefined;
    }
    case "agenda":
      return undefined;
    default:
      return v;
  }
}

const LABEL_LINE = /^\s*([^:]{2,40}?)\s*:\s*(.*)$/;

export function liftMeetingParts(nodes: RootContent[], declared: (key: string) => boolean, itemDepth: 1 | 2): LiftedParts {
  const values: Record<string, unknown> = {};
  const free = (part: MeetingPart) => !declared(part) && values[part] === undefined;
  const out: RootContent[] = [];
  let inPreamble = true;

  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const next = nodes[i + 1];

    if (node.type === "heading") {
      const part = meetingPart(rawText(node.children));
      if (part && PEOPLE.includes(part) && free(part)) {
        const people = next?.type === "list" ? listPeople(next) : next?.type === "paragraph" ? peopleOf(rawText(next.children)) : undefined;
        if (people?.length) {
          values[part] = people;
          i++;
          continue;
        }
      }
      if (part === "agenda" && node.depth === itemDepth) {
        const end = nodes.findIndex((n, j) => j > i && n.type === "heading" && n.depth <= itemDepth);
        const range = nodes.slice(i + 1, end < 0 ? nodes.length : end);
        if (range.some((n) => n.type === "heading" && n.depth === itemDepth + 1)) {
          // "## Agenda" then "### Item": the sub-headings are the items.
          const lifted = range.map((n) => (n.type === "heading" ? ({ ...n, depth: Math.max(1, n.depth - 1) } as Heading) : n));
          out.push(...lifted);
          i += range.length;
          inPreamble = false;
          continue;
        }
        if (inPreamble) {
          // "## Agenda" then a list, before the items: kept as a bold line and its list.
          out.push({ type: "paragraph", children: [{ type: "strong", children: node.children }], ...(node.position ? { position: node.position } : {}) } as Paragraph);
          continue;
        }
      }
      if (node.depth === itemDepth) inPreamble = false;
      out.push(node);
      continue;
    }

    if (inPreamble && node.type === "html") {
      // "<p><strong>Meeting date:</strong>&nbsp;2024-04-02</p>": lifted when every line is a label line.
      const lines = htmlToText(node.value).split("\n").filter((l) => l.trim() !== "");
      const read = lines.map((line) => readLabelLine(line, free));
      if (lines.length && read.every((r) => r !== undefined)) {
        for (const r of read) values[r!.part] = r!.value;
        continue;
      }
    }
    if (inPreamble && node.type === "paragraph") {
      const kept = liftLabelLines(node, next, values, free);
      if (kept === "with-list") {
        i++;
        continue;
      }
      if (kept) out.push(kept);
      continue;
    }
    out.push(node);
  }
  return { nodes: out, values };
}

/** A `Label: value` line naming a header part the document does not give yet, with its value read. */
function readLabelLine(line: string, free: (p: MeetingPart) => boolean): { part: MeetingPart; value: unknown } | undefined {
  const m = LABEL_LINE.exec(line.replace(/\u00a0/g, " "));
  const part = m ? meetingPart(m[1]!.replace(/^[*_]+|[*_]+$/g, "")) : undefined;
  const value = part && free(part) ? readValue(part, m![2]!.replace(/^[*_\s]+/, "")) : undefined;
  return part && value !== undefined ? { part, value } : undefined;
}

/** Reads `Label: value` lines of a paragraph; returns what is left of it, or "with-list" when a label took the next list. */
function liftLabelLines(node: Paragraph, next: RootContent | undefined, values: Record<string, unknown>, free: (p: MeetingPart) => boolean): Paragraph | "with-list" | undefined {
  const text = rawText(node.children);
  const lines = text.split("\n");
  // "**Attendees**" or "Attendees:" alone on its line, followed by a list.
  const lonePart = lines.length === 1 ? meetingPart(text.replace(/:\s*$/, "")) : undefined;
  if (lonePart && PEOPLE.includes(lonePart) && free(lonePart) && next?.type === "list") {
    const people = listPeople(next);
    if (people) {
      values[lonePart] = people;
      return "with-list";
    }
  }
  const left: string[] = [];
  let took = false;
  for (const line of lines) {
    const read = readLabelLine(line, free);
    if (read) {
      values[read.part] = read.value;
      took = true;
    } else left.push(line);
  }
  if (!took) return node;
  if (left.every((l) => l.trim() === "")) return undefined;
  return { type: "paragraph", children: [{ type: "text", value: left.join("\n") }], ...(node.position ? { position: node.position } : {}) };
}
