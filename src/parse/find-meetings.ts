// Where the meetings of a file that holds several start: the one detector behind the
// `structure-several-meetings` warning, `minutes split` and `minutes build --split`.
//
// The rule (docs/real-world-minutes.md, "Files that hold many meetings"):
// - A second front matter (`---`, then `title:`/`date:` lines, then `---`) after the first starts a meeting;
//   when there is one, the front matters alone say where meetings start.
// - Otherwise a heading starts a meeting when it holds a date and is either only a date (with a weekday, a
//   time or words in brackets: `## 2024-03-06`, `## Wednesday, 6 March 2024 (14:00 UTC)`) or names a
//   meeting (`# Meeting 12 — March 6, 2024`, `## Board meeting, 5 March 2024`). The level is the
//   shallowest one with two or more such headings that are at least half of that level's headings (a
//   meeting whose items mention other meetings' dates is not taken for several). Below the headings, the
//   `<summary>` of `<details>` blocks count the same way, then lines in bold alone that are only a date
//   (`**12/13/2016**`), however many other bold lines there are. At a level where two or more headings
//   start meetings so, a heading that opens with a date (`## 2024-03-06 - Cancelled`) starts one too (and
//   such headings alone start meetings, unless the file's title holds a date), and
//   so does a shallower heading that would start one (`# January 14th Meeting` among `##` meetings).
// - Last, paragraphs opened by a `Date:` line (`**Date:** 2024-03-06`) at the top or after a horizontal rule
//   (`---`), with two or more dates among them.
// - A day and month with no year (`## December 8`, `## July 7th Meeting`) counts once its year is known:
//   a heading above that is only a year, the file's front matter or first heading, its path (mark-dates.ts).
// - Dated headings whose dates follow day after day in the order written (at most a weekend skipped, a week
//   in all) are the days of one meeting (`## Wednesday, 26 July 2023`, `## Thursday, 27 July 2023`).
import type { Heading, Paragraph, RootContent } from "mdast";
import { defaultDateRules, findDate, readDate, type DateRules } from "./date-forms.js";
import { htmlToText } from "./mdast-to-blocks.js";
import { compactDate, markDates, type Mark } from "./mark-dates.js";
import { textOf } from "./node-text.js";

export interface MeetingStart {
  /** "front-matter": a `---` block of `key: value` lines; "heading": a Markdown or HTML heading. */
  kind: "front-matter" | "heading";
  /** Index of the first node of the meeting in the nodes given (for a front matter: its opening `---`). */
  index: number;
  /** Source line of that node. */
  line: number;
  /** The heading's text (empty for a front matter). */
  heading: string;
  /** Heading level (1-6); 0 for a front matter. */
  depth: number;
  /** The meeting's date, YYYY-MM-DD, when one is written. */
  date?: string;
}

export const MEETING_WORDS =
  /\b(meeting|minutes|notes|agenda|call|sync|stand-?up|session|assembly|agm|r[ée]union|s[ée]ance|conseil|compte[- ]rendu|comit[ée]|assembl[ée]e|sitzung|protokoll|besprechung|versammlung|reuni[óo]n|reuni[ãa]o|acta|ata|sesi[óo]n|sess[ãa]o|vergadering|notulen)\b/i;

/** A time as headings write it ("14:00", "2:30 pm", "14h", "04.00pm"); a bare number is none (it may be part of a date). */
const CLOCK = String.raw`(?<![\p{N}./-])\d{1,2}(?::\d{2}(?:\s*[ap]m)?|\.\d{2}\s*[ap]m|h\d{0,2}|\s*[ap]m)(?![\p{L}\p{N}])`;
/** A time or a range, with "at" before and a time zone after: "at 14:00", "14h-15h30 UTC", "03:00-04.00pm". */
const TIME = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:at|à|um|a las|às)\s+)?${CLOCK}(?:\s*[-–—]\s*(?:${CLOCK}|\d{1,2}(?::\d{2})?))?(?:\s*(?:utc|gmt|[a-z]{1,3}t)(?![\p{L}]))?`,
  "giu",
);

/**
 * The starts of the meetings `nodes` hold (the body of a Markdown file, its first front matter included
 * or not), in document order; empty when the nodes hold one meeting. `path`, the file's, may give the year
 * of headings that write none ("## December 8" in 2021-meeting-notes.md).
 */
export function findMeetingStarts(
  nodes: readonly RootContent[],
  rules: DateRules = defaultDateRules,
  path?: string,
): MeetingStart[] {
  const frontMatters = frontMatterStarts(nodes, rules);
  if (frontMatters.length > 0) {
    // The first meeting: the file's own front matter (or whatever comes first) up to the second.
    const own: MeetingStart = {
      kind: "front-matter",
      index: 0,
      line: nodes[0]?.position?.start.line ?? 1,
      heading: "",
      depth: 0,
      ...yamlDate(nodes[0], rules),
    };
    return [own, ...frontMatters];
  }
  return headingStarts(nodes, rules, path);
}

function yamlDate(node: RootContent | undefined, rules: DateRules): { date?: string } {
  if (node?.type !== "yaml") return {};
  const date = dateOfFields(node.value, rules);
  return date ? { date } : {};
}

/** The date of `key: value` lines: the `date:` field's (quotes aside), read whole or found in it. */
function dateOfFields(fields: string, rules: DateRules): string | undefined {
  const value = /^date\s*:\s*(.*)$/im
    .exec(fields)?.[1]
    ?.trim()
    .replace(/^(["'])(.*)\1$/, "$2");
  if (!value) return undefined;
  return readDate(value, rules)?.iso ?? findDate(value, rules) ?? /^(\d{4}-\d{2}-\d{2})T/.exec(value)?.[1];
}

/** `---` followed by `key: value` lines (a setext heading or a paragraph to the Markdown parser) naming a title or a date. */
function frontMatterStarts(nodes: readonly RootContent[], rules: DateRules): MeetingStart[] {
  const starts: MeetingStart[] = [];
  nodes.forEach((node, index) => {
    const next = nodes[index + 1];
    if (node.type !== "thematicBreak" || !next || (next.type !== "heading" && next.type !== "paragraph")) return;
    // A front matter's fields follow its `---` at once; after a blank line they are a paragraph of the text.
    if (next.position?.start.line !== (node.position?.end.line ?? 0) + 1) return;
    const lines = textOf(next).split("\n");
    const fields = lines.every((l) => /^\s*$|^[\p{L}_][\p{L}\p{N}_ -]*\s*:|^\s+\S|^-\s/u.test(l));
    if (!fields || !lines.some((l) => /^(title|date)\s*:/i.test(l))) return;
    const date = dateOfFields(lines.join("\n"), rules);
    starts.push({
      kind: "front-matter",
      index,
      line: node.position?.start.line ?? 1,
      heading: "",
      depth: 0,
      ...(date ? { date } : {}),
    });
  });
  return starts;
}

/** Marks below the six heading levels: a `<details>` block's `<summary>`, a line in bold alone, a paragraph opened by a `Date:` line. */
export const SUMMARY_LEVEL = 7;
export const BOLD_LEVEL = 8;
export const DATE_LINE_LEVEL = 9;

/** "Date: …", "**Meeting date:** …", "Date and time: …", "Datum: …" opening a paragraph: the value. */
const DATE_LINE =
  /^[\s*_]*(?:meeting\s+|r[ée]union\s+)?(?:date|datum|fecha|data)(?:\s*(?:\/|,|and|&|et|und|y|e)\s*(?:time|heure|zeit|uhrzeit|hora|lieu|place|location|ort|lugar|local))*[\s*_]*[:：][\s*_]*(.+)$/i;

function headingStarts(nodes: readonly RootContent[], given: DateRules, path: string | undefined): MeetingStart[] {
  // Nodes before this one are all front matter and headings (the top of the file).
  const top = nodes.findIndex((n) => n.type !== "yaml" && n.type !== "heading");
  const marks = nodes.flatMap((node, index) => {
    const mark = meetingMarkOf(node);
    // A `Date:` line opens a meeting after a horizontal rule, or at the top (not "Date: …" under "## Next meeting").
    if (mark?.depth === DATE_LINE_LEVEL && top >= 0 && index > top && nodes[index - 1]?.type !== "thematicBreak")
      return [];
    return mark ? [{ ...mark, index, line: node.position?.start.line ?? 1 }] : [];
  });
  const rules = dateOrderOf(
    marks.map((m) => m.text),
    given,
  );
  const named = (m: Mark) => m.depth < BOLD_LEVEL && MEETING_WORDS.test(m.text);
  const only = (m: Mark) => isOnlyADate(m.text, rules);
  const dates = markDates(marks, nodes, rules, path, (m) => only(m) || named(m));
  const start = (h: (typeof marks)[number], date: string): MeetingStart => ({
    kind: "heading",
    index: h.index,
    line: h.line,
    heading: h.text.trim(),
    depth: h.depth,
    date,
  });
  // Headings that open with a date ("## December 14th, 2016, 11a - Noon") start meetings too, unless the file's
  // title holds a date: then they are its items that mention dates ("## 2024-03-01: release").
  const title = marks.find((m) => m.depth <= 6);
  const titleDated =
    title !== undefined &&
    findDate(title.text, rules) !== undefined &&
    marks.filter((m) => m.depth === title.depth).length === 1;
  const strong = marks.flatMap((h) => {
    const dated = dates.get(h.index);
    if (dated && (only(h) || named(h) || h.depth === DATE_LINE_LEVEL)) return [start(h, dated.date)];
    const opening = h.depth < BOLD_LEVEL && !titleDated ? opensWithDate(h.text, rules) : undefined;
    return opening ? [start(h, opening)] : [];
  });
  const depths = [...new Set(marks.map((h) => h.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = marks.filter((h) => h.depth === depth);
    const strongHere = strong.filter((s) => s.depth === depth);
    if (strongHere.length < 2) continue;
    // Where meetings start so, a heading that opens with a date ("2024-03-06 - Cancelled", "March 6, 2024: planning") starts one too.
    const byIndex = new Map(strongHere.map((s) => [s.index, s]));
    const starts = level.flatMap((h) => {
      const found = byIndex.get(h.index);
      if (found) return [found];
      const date = opensWithDate(h.text, rules);
      return date ? [start(h, date)] : [];
    });
    if (areDaysOfOneMeeting(starts.map((s) => s.date!))) return [];
    // `Date:` lines: a meeting may write its date twice; several meetings write several dates.
    if (depth === DATE_LINE_LEVEL && new Set(starts.map((s) => s.date)).size < 2) continue;
    // Bold lines are labels as often as not ("**Attendees**"): there, only lines that are a date alone count, and no share is asked.
    if (depth < BOLD_LEVEL && starts.length * 2 < level.length) continue;
    // A meeting whose heading went a level up by mistake (`# January 14th Meeting` among `##` ones) starts one too.
    const above = strong.filter((s) => s.depth < depth && s.index > starts[0]!.index);
    return [...starts, ...above].sort((a, b) => a.index - b.index);
  }
  return [];
}

/**
 * The date a heading opens with: "2024-03-06 - Cancelled", "March 6, 2024: planning", "April 7th, 2021 notes",
 * "December 14th, 2016, 11a - Noon (Pacific Time) - recording", "20210706 notes".
 */
export function opensWithDate(text: string, rules: DateRules): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2}|\d{8})(?![\p{N}])/u.exec(text)?.[1];
  if (iso) return findDate(iso, rules) ?? compactDate(iso);
  // The longest run of the first pieces (cut at spaces and before , : | ( and a spaced dash) that is a whole date.
  const pieces = text.split(/(?=\s|[,:|(])/);
  let found: string | undefined;
  for (let k = 1; k < Math.min(pieces.length, 9); k++) {
    const before = pieces.slice(0, k).join("");
    const date = findDate(before, rules);
    if (date && isOnlyADate(before, rules)) found = date;
  }
  return found;
}

/**
 * Numeric dates in the order the meeting starts need: a file whose dates read only month first
 * (`**12/13/2016**`, `**9/27/2016**`) is read month first throughout, unless its language says otherwise.
 */
export function dateOrderOf(texts: readonly string[], rules: DateRules): DateRules {
  if (rules.stated) return rules;
  const valid = (order: DateRules["order"]) =>
    texts.filter((t) => findDate(t, { order, stated: true }) !== undefined).length;
  return valid("mdy") > valid("dmy") ? { order: "mdy", stated: true } : rules;
}

/**
 * What may open a meeting: a heading (Markdown or HTML, levels 1-6), the `<summary>` of a `<details>` block
 * (SUMMARY_LEVEL), a paragraph whose first line is in bold alone (BOLD_LEVEL), or one whose first line is a
 * `Date:` line (DATE_LINE_LEVEL: the mark's text is the date written).
 */
export function meetingMarkOf(node: RootContent): { depth: number; text: string } | undefined {
  const heading = headingOf(node);
  if (heading) return heading;
  if (node.type === "html") {
    const summary = /^\s*(?:<details[^>]*>\s*)?<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(node.value);
    return summary ? { depth: SUMMARY_LEVEL, text: htmlToText(summary[1]!).replace(/\s+/g, " ").trim() } : undefined;
  }
  if (node.type !== "paragraph") return undefined;
  const dateLine = DATE_LINE.exec(firstLineOf(node))?.[1]?.trim();
  if (dateLine) return { depth: DATE_LINE_LEVEL, text: dateLine };
  if (node.children[0]?.type !== "strong") return undefined;
  const next = node.children[1];
  if (next && next.type !== "break" && !(next.type === "text" && /^[ \t]*\n/.test(next.value))) return undefined;
  return { depth: BOLD_LEVEL, text: textOf(node.children[0]).trim() };
}

/** `textOf(node).split("\n")[0]`, without the text of the lines after the first. */
function firstLineOf(node: Paragraph): string {
  let line = "";
  for (const [i, child] of node.children.entries()) {
    const text = textOf(child);
    const end = text.indexOf("\n");
    line += (i > 0 ? " " : "") + (end < 0 ? text : text.slice(0, end));
    if (end >= 0) break;
  }
  return line;
}

/** A Markdown heading, or an HTML one (`<h3>Dec 14, 2023 | Title</h3>`) standing alone. */
export function headingOf(node: RootContent): { depth: number; text: string } | undefined {
  if (node.type === "heading") return { depth: (node as Heading).depth, text: textOf(node) };
  if (node.type !== "html") return undefined;
  const m = /^\s*<h([1-6])[^>]*>([\s\S]*?)<\/h\1>\s*$/i.exec(node.value);
  return m ? { depth: Number(m[1]), text: htmlToText(m[2]!).trim() } : undefined;
}

/** The heading says nothing but a date, or a day and month with no year: a weekday, a time and words in brackets aside. */
export function isOnlyADate(text: string, rules: DateRules = defaultDateRules): boolean {
  const bare = text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(TIME, " ")
    .replace(/[\s,;:|–—-]+$/u, "")
    .trim();
  if (bare === "") return false;
  // "December 8", "July 21st": read as the date it would be in any year.
  return (
    readDate(bare, rules) !== undefined ||
    compactDate(bare) !== undefined ||
    (findDate(bare, rules) === undefined && readDate(`${bare} 2000`, rules) !== undefined)
  );
}

const DAY = 86_400_000;

/** Dates that follow day after day (a weekend may be skipped), a week at most from first to last. */
export function areDaysOfOneMeeting(dates: readonly string[]): boolean {
  const times = dates.map((d) => Date.parse(`${d}T00:00:00Z`));
  if (times.at(-1)! - times[0]! > 7 * DAY) return false;
  return times.every((t, i) => {
    if (i === 0) return true;
    const gap = t - times[i - 1]!;
    return gap === DAY || (gap === 3 * DAY && new Date(times[i - 1]!).getUTCDay() === 5);
  });
}
