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
import {
  columnsLine,
  listPeople,
  listPeopleByColumns,
  peopleOf,
  personLike,
  rawText,
  tablePeople,
  type PersonValue,
} from "./people.js";
import { isAsideLabel, isNotesLabel, meetingPart, type MeetingPart } from "./section-labels.js";
import { normalizeLabel } from "../i18n/text-match.js";

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

export function liftMeetingParts(
  source: RootContent[],
  declared: (key: string) => boolean,
  itemDepth: number,
): LiftedParts {
  const nodes = notesItemsAsHeadings(source, itemDepth);
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
    const node =
      i < raiseUntil && written.type === "heading"
        ? ({ ...written, depth: Math.max(1, written.depth - 1) } as Heading)
        : written;
    const next = nodes[i + 1];

    if (node.type === "heading") {
      const label = rawText(node.children);
      if (
        i === notesAt ||
        (node.depth === itemDepth && headingPart(label) === "agenda" && hasSubHeadings(nodes, i, itemDepth))
      ) {
        // "## Agenda" or "## Meeting notes" then "### Item": the sub-headings are the items.
        raiseUntil = sectionEnd(i, itemDepth);
        continue;
      }
      if (inPreamble && isDatedLabelHeading(label)) {
        // "## Meeting Date/Time: Wednesday 2021/04/07 at 14:00 UTC" says when, like a `Date:` line: a line of the preamble, not an item.
        out.push({
          type: "paragraph",
          children: node.children,
          ...(node.position ? { position: node.position } : {}),
        } as Paragraph);
        continue;
      }
      // "### **Moderator: Danny Ryan**", "### **Notes: William Schwab**": a header line written as a heading.
      const roleLine = /^\s*([^:]{2,20}?)\s*:\s*(\S.{0,60})$/.exec(label);
      const role = roleLine ? meetingPart(roleLine[1]!) : undefined;
      const person = roleLine?.[2]?.trim() ?? "";
      if ((role === "chair" || role === "secretary") && free(role) && personLike(person) && capitalisedNames(person)) {
        values[role] = person;
        continue;
      }
      const part = headingPart(label);
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
        out.push({
          type: "paragraph",
          children: [{ type: "strong", children: node.children }],
          ...(node.position ? { position: node.position } : {}),
        } as Paragraph);
        continue;
      }
      // "## Links", "## Logistics": printed in the preamble, which goes on after them.
      if (node.depth === itemDepth && !isAsideLabel(label)) inPreamble = false;
      out.push(node);
      continue;
    }

    if (inPreamble && node.type === "html") {
      // "<p><strong>Meeting date:</strong>&nbsp;2024-04-02</p>": lifted when every line is a label line.
      const lines = htmlToText(node.value)
        .split("\n")
        .filter((l) => l.trim() !== "");
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
    if (!inPreamble && node.type === "list" && (free("chair") || free("secretary"))) {
      // "- Assign roles" with "- Facilitator: Ryan" and "- Scribe: Mark" under it, in the notes.
      const kept = liftRoleBullets(node, values, free);
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
  rolesFromAttendees(values, free);
  return { nodes: out, values, ...(plannedAgenda ? { plannedAgenda } : {}) };
}

/** The part a heading names; "## Agenda: [github issues](…)" is the agenda too. */
function headingPart(written: string): MeetingPart | undefined {
  const label = written.replace(/^\s*(?:\d+|[IVX]+)\s*[.)\-–:]\s*/, "");
  return meetingPart(label) ?? (meetingPart(label.replace(/\s*:[\s\S]*$/, "")) === "agenda" ? "agenda" : undefined);
}

const CHAIR_ROLE =
  /^(chair|chairperson|chairman|chairwoman|co-chair|president|presidente|presidence|vorsitz|vorsitzende|vorsitzender|voorzitter|moderator|moderatorin|facilitator|animateur|animatrice)$/;
const SECRETARY_ROLE =
  /^(secretary|minutes|takes minutes|taking notes|notuleert|minute taker|minutes taker|note taker|notetaker|notes|scribe|secretaire|secretaire de seance|protokoll|protokollant|protokollantin|schriftfuhrer|schriftfuhrerin|secretaris|notulist|notulen|secretario|secretaria)$/;

/** "Danny Ryan", "James Hancock and Hudson Jameson": every word a capitalised name, or a word joining two. */
const capitalisedNames = (text: string): boolean =>
  text.split(/\s+/).every((w) => /^[\p{Lu}@]/u.test(w) || /^(and|&|und|et|y|e|en)$/.test(w));

/** "Anneke (Voorzitter)", "Ben Clarke (minutes)" among the attendees: the chair and the secretary, when nothing else names them. */
function rolesFromAttendees(values: Record<string, unknown>, free: (p: MeetingPart) => boolean): void {
  const attendees = Array.isArray(values.attendees) ? (values.attendees as PersonValue[]) : [];
  for (const person of attendees) {
    const m = typeof person === "string" ? /^(.+?)\s*\(([^()]+)\)$/.exec(person) : null;
    if (!m) continue;
    const role = normalizeLabel(m[2]!);
    if (CHAIR_ROLE.test(role) && free("chair")) values.chair = m[1]!;
    else if (SECRETARY_ROLE.test(role) && free("secretary")) values.secretary = m[1]!;
  }
}

/** Labels that name the chair or the secretary wherever they are written ("Notes" and "Minutes" only at the top). */
const ROLE_LABEL =
  /^(chair|chairs|co-chairs|facilitator|moderator|host|scribe|scribes|secretary|note taker|note-taker|minute taker|minutes taker|notetaker)$/;

/** "- Facilitator: Ryan", "- Scribe: Mark" anywhere in a list of the notes: lifted when the value is a capitalised name. */
function liftRoleBullets(
  list: List,
  values: Record<string, unknown>,
  free: (p: MeetingPart) => boolean,
): List | undefined {
  let changed = false;
  const items: ListItem[] = [];
  for (const item of list.children) {
    const [first] = item.children;
    const line = first?.type === "paragraph" ? rawText(first.children) : "";
    const m = item.children.length === 1 ? /^\s*([^:]{2,20}?)\s*:\s*(\S.{0,60})$/.exec(line) : null;
    const label = m ? normalizeLabel(m[1]!.replace(/^[*_]+|[*_]+$/g, "").replace(/\s*\(s\)$/, "")) : "";
    const part = ROLE_LABEL.test(label) ? meetingPart(label) : undefined;
    const value = m?.[2]?.replace(/^[*_\s]+|[*_\s]+$/g, "") ?? "";
    if (part && free(part) && personLike(value) && capitalisedNames(value)) {
      values[part] = value;
      changed = true;
      continue;
    }
    const children = item.children.map((child) => {
      if (child.type !== "list") return child;
      const kept = liftRoleBullets(child, values, free);
      if (kept !== child) changed = true;
      return kept;
    });
    items.push({ ...item, children: children.filter((c): c is NonNullable<typeof c> => c !== undefined) });
  }
  if (!changed) return list;
  return items.length ? { ...list, children: items } : undefined;
}

/**
 * A "Meeting notes" section whose items are not headings: one-line paragraphs each followed by a list
 * (W3C's "[Issue 471](…): title" then bullets), or the entries of a list that repeat the planned agenda's
 * (a "Minutes" list that follows the agenda point by point). They become headings one level below the
 * section, as if written so; nothing else changes.
 */
function notesItemsAsHeadings(nodes: RootContent[], itemDepth: number): RootContent[] {
  const at = nodes.findIndex((n) => n.type === "heading" && n.depth === itemDepth && isNotesLabel(rawText(n.children)));
  if (at < 0 || hasSubHeadings(nodes, at, itemDepth)) return nodes;
  let end = nodes.findIndex((n, j) => j > at && n.type === "heading" && n.depth <= itemDepth);
  if (end < 0) end = nodes.length;
  const heading = (from: Paragraph | ListItem, children: Paragraph["children"]): Heading =>
    ({
      type: "heading",
      depth: itemDepth + 1,
      children,
      ...(from.position ? { position: from.position } : {}),
    }) as Heading;
  const section = nodes.slice(at + 1, end);
  // One-line paragraphs followed by a list.
  const titles = section.filter(
    (n, j) => n.type === "paragraph" && section[j + 1]?.type === "list" && isTitleLine(rawText(n.children)),
  );
  if (titles.length >= 2) {
    const rewritten = section.map((n) => (titles.includes(n) ? heading(n as Paragraph, (n as Paragraph).children) : n));
    return [...nodes.slice(0, at + 1), ...rewritten, ...nodes.slice(end)];
  }
  // A list whose entries are the planned agenda's.
  const agendaAt = nodes.findIndex(
    (n, j) => j < at && n.type === "heading" && n.depth === itemDepth && headingPart(rawText(n.children)) === "agenda",
  );
  const planned = agendaAt >= 0 ? nodes.slice(agendaAt + 1, at).find((n): n is List => n.type === "list") : undefined;
  if (!planned) return nodes;
  const entry = (item: ListItem) =>
    item.children[0]?.type === "paragraph" ? normalizeLabel(rawText(item.children[0].children)) : "";
  const agenda = new Set(planned.children.map(entry).filter(Boolean));
  const rewritten: RootContent[] = [];
  let matched = 0;
  for (const n of section) {
    if (n.type !== "list" || n.children.filter((item) => agenda.has(entry(item))).length < 2) {
      rewritten.push(n);
      continue;
    }
    let pending: ListItem[] = [];
    const flush = () => {
      if (pending.length) rewritten.push({ ...n, children: pending });
      pending = [];
    };
    for (const item of n.children) {
      const first = item.children[0];
      if (first?.type === "paragraph" && agenda.has(entry(item))) {
        flush();
        matched++;
        rewritten.push(heading(item, first.children), ...(item.children.slice(1) as RootContent[]));
      } else pending.push(item);
    }
    flush();
  }
  return matched >= 2 ? [...nodes.slice(0, at + 1), ...rewritten, ...nodes.slice(end)] : nodes;
}

/** A line that reads as a title: short, one line, not a sentence ending in a full stop. */
const isTitleLine = (text: string): boolean =>
  !text.includes("\n") && text.trim().length > 0 && text.length <= 160 && !/[.:;,]\s*$/.test(text);

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
    const part = headingPart(label);
    if (isAsideLabel(label) || (part && !(part === "agenda" && hasSubHeadings(nodes, i, itemDepth)))) continue;
    return -1;
  }
  return -1;
}

/** The list, table or line of people in an "Attendees" section (other text in it stays), with its index. */
function sectionPeople(
  nodes: RootContent[],
  from: number,
  to: number,
): { people: PersonValue[]; index: number } | undefined {
  // "## Attendees (sign yourself in)", maybe a line of instructions, then a list or a table.
  // A line that names the columns ("Name / Institution / Github Handle") tells how the entries are written.
  let columns: ReturnType<typeof columnsLine>;
  for (let j = from; j < to; j++) {
    const n = nodes[j]!;
    if (n.type === "paragraph") columns ??= columnsLine(rawText(n.children));
    if (n.type !== "list" && n.type !== "table") continue;
    const people = n.type === "list" ? ((columns && listPeopleByColumns(n, columns)) ?? listPeople(n)) : tablePeople(n);
    if (people) return { people, index: j };
    break;
  }
  // "## Attendees" then "Ana, Bo, Chloé".
  const first = nodes[from];
  const people = first?.type === "paragraph" && !columns ? peopleOf(rawText(first.children)) : undefined;
  return people ? { people, index: from } : undefined;
}

/** "* Chair: Ana", "* Scribe(s): Bo", "* Present:" with a list under it: lifted; the other bullets stay. */
function liftLabelBullets(
  list: List,
  values: Record<string, unknown>,
  free: (p: MeetingPart) => boolean,
): List | undefined {
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
    const lonePart =
      item.children.length === 2 && second?.type === "list" ? meetingPart(line.replace(/:\s*$/, "")) : undefined;
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
function readLabelLine(
  line: string,
  free: (p: MeetingPart) => boolean,
): { part: MeetingPart; value: unknown } | undefined {
  const m = LABEL_LINE.exec(line.replace(/\u00a0/g, " "));
  const part = m ? meetingPart(m[1]!.replace(/^[*_]+|[*_]+$/g, "")) : undefined;
  const value = part && free(part) ? readValue(part, m![2]!.replace(/^[*_\s]+/, "")) : undefined;
  return part && value !== undefined ? { part, value } : undefined;
}

/** Reads `Label: value` lines of a paragraph; returns what is left of it, or "with-list" when a label took the next list. */
function liftLabelLines(
  node: Paragraph,
  next: RootContent | undefined,
  values: Record<string, unknown>,
  free: (p: MeetingPart) => boolean,
): Paragraph | "with-list" | undefined {
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
  // "Présents: Ana, Bo,⏎Chloé, Dan": one comma list over several lines. Not when a line end broke a link
  // ("[Yann](/qui-sommes-⏎nous/yann/)"): its address is text then, and lifting the names would drop it.
  const head = LABEL_LINE.exec(lines[0]!.replace(/\u00a0/g, " "));
  const headPart = head ? meetingPart(head[1]!.replace(/^[*_]+|[*_]+$/g, "")) : undefined;
  const goesOn = lines.slice(0, -1).every((l) => /[,-]\s*$/.test(l));
  if (
    headPart &&
    PEOPLE.includes(headPart) &&
    free(headPart) &&
    lines.length > 1 &&
    head![2]!.trim() &&
    goesOn &&
    !lines.slice(1).some((l) => LABEL_LINE.test(l))
  ) {
    const joined = [head![2]!, ...lines.slice(1)].reduce((all, line) =>
      all.endsWith("-") ? all + line.trim() : `${all} ${line.trim()}`,
    );
    const people = joined.includes("](") ? undefined : peopleOf(joined.replace(/^[*_\s]+/, ""));
    if (people) {
      values[headPart] = people;
      return undefined;
    }
  }
  const left: string[] = [];
  let took = false;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const read = readLabelLine(line, free);
    if (read) {
      values[read.part] = read.value;
      took = true;
      continue;
    }
    // "Présents:" then one name per line (hard line breaks), as far as the lines read as names.
    const alone = /^\s*([^:]{2,40}?)\s*:\s*$/.exec(line);
    const part = alone ? meetingPart(alone[1]!.replace(/^[*_]+|[*_]+$/g, "")) : undefined;
    if (part && PEOPLE.includes(part) && free(part)) {
      let end = l + 1;
      while (
        end < lines.length &&
        lines[end]!.trim() &&
        !LABEL_LINE.test(lines[end]!) &&
        peopleOf(lines[end]!)?.length === 1
      )
        end++;
      if (end > l + 1) {
        values[part] = lines.slice(l + 1, end).map((n) => peopleOf(n)![0]!);
        took = true;
        l = end - 1;
        continue;
      }
    }
    left.push(line);
  }
  if (!took) return node;
  if (left.every((l) => l.trim() === "")) return undefined;
  return {
    type: "paragraph",
    children: [{ type: "text", value: left.join("\n") }],
    ...(node.position ? { position: node.position } : {}),
  };
}
