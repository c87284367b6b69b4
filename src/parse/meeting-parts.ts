// Lifts the header of a meeting written as ordinary Markdown into front-matter values, the way
// people already write it: "## Attendees" + a list or an attendee table, "**Présents :** A, B, C",
// "Date: 23/09/2022" lines, "* Chair: …" bullets, "Apologies", and an "Agenda" or "Meeting notes" heading
// whose sub-headings are the items. A part is lifted only when the front matter does not give it and it
// can be read whole, so no word is ever lost.
import type { Heading, List, ListItem, Paragraph, RootContent } from "mdast";
import { findDate } from "./date-forms.js";
import { htmlToText } from "./mdast-to-blocks.js";
import { isDatedLabelHeading } from "./meeting-date.js";
import { parseTimeRange } from "./front-matter.js";
import { listPeople, peopleOf, personLike, rawText, tablePeople, type PersonValue } from "./people.js";
import { isAsideLabel, isNotesLabel, meetingPart, type MeetingPart } from "./section-labels.js";

export interface LiftedParts {
  nodes: RootContent[];
  /** Front-matter-shaped values: attendees, absent (people lists), date (ISO), time, location, chair, secretary. */
  values: Record<string, unknown>;
  /** The agenda as planned before a "Meeting notes" section whose sub-headings are the items. */
  plannedAgenda?: RootContent[];
}

const PEOPLE: MeetingPart[] = ["attendees", "absent"];

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
      return personLike(v) ? v : undefined;
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

export function liftMeetingParts(nodes: RootContent[], declared: (key: string) => boolean, itemDepth: number): LiftedParts {
  const values: Record<string, unknown> = {};
  const free = (part: MeetingPart) => !declared(part) && values[part] === undefined;
  const out: RootContent[] = [];
  let inPreamble = true;
  let plannedAgenda: RootContent[] | undefined;
  const notesAt = notesSection(nodes, itemDepth);
  /** Nodes before this index have their headings raised one level: the sub-headings of "Agenda" or "Meeting notes". */
  let raiseUntil = -1;
  const skip = new Set<number>();
  const sectionEnd = (i: number, depth: number) => {
    const end = nodes.findIndex((n, j) => j > i && n.type === "heading" && n.depth <= depth);
    return end < 0 ? nodes.length : end;
  };

  for (let i = 0; i < nodes.length; i++) {
    if (skip.has(i)) continue;
    const written = nodes[i]!;
    const node = i < raiseUntil && written.type === "heading" ? ({ ...written, depth: Math.max(1, written.depth - 1) } as Heading) : written;
    const next = nodes[i + 1];

    if (node.type === "heading") {
      const label = rawText(node.children);
      if (i === notesAt || (node.depth === itemDepth && meetingPart(label) === "agenda" && hasSubHeadings(nodes, i, itemDepth))) {
        // "## Agenda" or "## Meeting notes" then "### Item": the sub-headings are the items.
        raiseUntil = sectionEnd(i, itemDepth);
        continue;
      }
      if (inPreamble && isDatedLabelHeading(label)) {
        // "## Meeting Date/Time: Wednesday 2021/04/07 at 14:00 UTC" says when, like a `Date:` line: a line of the preamble, not an item.
        out.push({ type: "paragraph", children: node.children, ...(node.position ? { position: node.position } : {}) } as Paragraph);
        continue;
      }
      const part = meetingPart(label);
      if (part && PEOPLE.includes(part) && free(part)) {
        const found = sectionPeople(nodes, i + 1, sectionEnd(i, node.depth));
        if (found) {
          values[part] = found.people;
          skip.add(found.index);
          continue;
        }
      }
      if (part === "agenda" && node.depth === itemDepth && inPreamble) {
        if (notesAt > i && plannedAgenda === undefined) {
          // The agenda planned before a "Meeting notes" section: printed as the agenda, the notes' headings as the items.
          const end = sectionEnd(i, itemDepth);
          plannedAgenda = nodes.slice(i + 1, end);
          i = end - 1;
          continue;
        }
        // "## Agenda" then a list, before the items: kept as a bold line and its list.
        out.push({ type: "paragraph", children: [{ type: "strong", children: node.children }], ...(node.position ? { position: node.position } : {}) } as Paragraph);
        continue;
      }
      // "## Links", "## Logistics": printed in the preamble, which goes on after them.
      if (node.depth === itemDepth && !isAsideLabel(label)) inPreamble = false;
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
    if (inPreamble && node.type === "list") {
      const kept = liftLabelBullets(node, values, free);
      if (kept) out.push(kept);
      continue;
    }
    if (inPreamble && node.type === "table" && free("attendees")) {
      // An attendee table with no heading above it: Name | Organisation (or Abbreviation).
      const people = tablePeople(node, true);
      if (people) {
        values.attendees = people;
        continue;
      }
    }
    out.push(node);
  }
  return { nodes: out, values, ...(plannedAgenda ? { plannedAgenda } : {}) };
}

/** Whether the section opened at `i` has headings one level below the items. */
function hasSubHeadings(nodes: RootContent[], i: number, itemDepth: number): boolean {
  for (let j = i + 1; j < nodes.length; j++) {
    const n = nodes[j]!;
    if (n.type !== "heading") continue;
    if (n.depth <= itemDepth) return false;
    if (n.depth === itemDepth + 1) return true;
  }
  return false;
}

/**
 * The "Meeting notes" ("Minutes", "Notes de réunion", "Protokoll") section whose sub-headings are the items:
 * a heading at the items' level with sub-headings, after only header sections (agenda, attendees, links,
 * logistics…). -1 when there is none.
 */
function notesSection(nodes: RootContent[], itemDepth: number): number {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.type !== "heading" || n.depth !== itemDepth) continue;
    const label = rawText(n.children);
    if (isNotesLabel(label) && hasSubHeadings(nodes, i, itemDepth)) return i;
    const part = meetingPart(label);
    if (isAsideLabel(label) || (part && !(part === "agenda" && hasSubHeadings(nodes, i, itemDepth)))) continue;
    return -1;
  }
  return -1;
}

/** The list, table or line of people in an "Attendees" section (other text in it stays), with its index. */
function sectionPeople(nodes: RootContent[], from: number, to: number): { people: PersonValue[]; index: number } | undefined {
  const first = nodes[from];
  // "## Attendees" then "Ana, Bo, Chloé".
  if (first?.type === "paragraph") {
    const people = peopleOf(rawText(first.children));
    if (people) return { people, index: from };
  }
  // "## Attendees (sign yourself in)", maybe a line of instructions, then a list or a table.
  for (let j = from; j < to; j++) {
    const n = nodes[j]!;
    if (n.type !== "list" && n.type !== "table") continue;
    const people = n.type === "list" ? listPeople(n) : tablePeople(n);
    return people ? { people, index: j } : undefined;
  }
  return undefined;
}

/** "* Chair: Ana", "* Scribe(s): Bo", "* Present:" with a list under it: lifted; the other bullets stay. */
function liftLabelBullets(list: List, values: Record<string, unknown>, free: (p: MeetingPart) => boolean): List | undefined {
  const left: ListItem[] = [];
  for (const item of list.children) {
    const [first, second] = item.children;
    const line = first?.type === "paragraph" ? rawText(first.children) : "\n";
    if (item.children.length === 1 && !line.includes("\n")) {
      // The meeting date is the date finder's (meeting-date candidates); bullets give the other parts.
      const read = readLabelLine(line, (p) => p !== "date" && free(p));
      if (read) {
        values[read.part] = read.value;
        continue;
      }
    }
    const lonePart = item.children.length === 2 && second?.type === "list" ? meetingPart(line.replace(/:\s*$/, "")) : undefined;
    const people = lonePart && PEOPLE.includes(lonePart) && free(lonePart) ? listPeople(second as List) : undefined;
    if (people) {
      values[lonePart!] = people;
      continue;
    }
    left.push(item);
  }
  if (left.length === list.children.length) return list;
  return left.length ? { ...list, children: left } : undefined;
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
  if (lonePart && PEOPLE.includes(lonePart) && free(lonePart) && (next?.type === "list" || next?.type === "table")) {
    const people = next.type === "list" ? listPeople(next) : tablePeople(next);
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
