// The meeting's date, wherever people write it. Every candidate is collected with its source and line —
// the front matter (any ISO 8601 form, a date-time being a calendar day), the title, the file name or path,
// a `Date:` line, dated headings (per-day headings give a first and a last day, "Meeting Date/Time:"
// headings, raw HTML headings) and prose (under a Date / Datum / Date et lieu heading, or the first
// paragraph) — and the date that most independent sources agree on is chosen. When sources disagree, a
// warning names each one with its line, so that a typo never wins silently. A date written without a year
// takes it from another complete date in the file or its path, else the file's first commit, else its
// modification time (facts the caller gathers: the parser does no I/O), with a warning saying which.
// The rules, with their warnings, are documented in docs/real-world-minutes.md ("Finding the date").
import type { Heading, RootContent } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text, type Text } from "../i18n/messages.js";
import type { Minutes } from "../model/minutes.js";
import {
  closestYear,
  defaultDateRules,
  findAllDates,
  findDate,
  findDateAt,
  findDateRange,
  findDayMonth,
  isoCalendarDay,
  isoDate,
  readDate,
  weekdayIn,
  weekdayOf,
  type DateRules,
  type DayMonth,
} from "./date-forms.js";
import { areDaysOfOneMeeting, dateOrderOf, findMeetingStarts, isOnlyADate, MEETING_WORDS } from "./find-meetings.js";
import { suggestKey } from "./key-aliases.js";
import { htmlToText } from "./mdast-to-blocks.js";
import { textOf } from "./node-text.js";
import { normalizeLabel } from "../i18n/text-match.js";
import { isApprovalItem } from "../i18n/cycle-labels.js";

/** What the caller knows of the file, read only when a date has no year (src/file-facts.ts gathers them). */
export interface FileFacts {
  /** Day of the commit that added the file to its git repository (YYYY-MM-DD), if any. Costs a `git log`. */
  firstCommit?: () => string | undefined;
  /** Day the file was last modified (YYYY-MM-DD). */
  modified?: () => string | undefined;
}

/** Where a candidate was written, strongest first when two dates have as many sources each. */
export type DateSourceKind = "front-matter" | "date-line" | "title" | "heading" | "prose" | "file-name";
const PRIORITY: DateSourceKind[] = ["front-matter", "date-line", "title", "heading", "prose", "file-name"];

export interface DateCandidate {
  kind: DateSourceKind;
  /** YYYY-MM-DD: the first day. */
  date: string;
  /** The last day of a meeting over several days. */
  end?: string;
  /** Source line (0 for the file name). */
  line: number;
  /** As written. */
  written: string;
  /** A front-matter date-time, or a site generator's post date: when the page was published, not necessarily the meeting. */
  publication?: boolean;
  /** The year was not written: where it came from. */
  yearFrom?: YearSource;
  /** A numeric date whose day and month can be swapped, in an order nobody stated: the other reading. */
  otherReading?: string;
  /** The year of a heading above it ("# 2021"). */
  yearHint?: number;
}

type YearSource = "file" | "path" | "git" | "mtime";

export interface DateInput {
  /** The YAML between the fences, and the line of the opening fence. */
  frontMatter?: { value: string; fenceLine: number };
  /** The body (front matter excluded), before header parts are lifted out of it. */
  nodes: RootContent[];
  /** The document's title, if it has one (to tell the title's heading from others). */
  title?: string;
  path?: string;
  /** The whole text, for complete dates that give a year to a date written without one. */
  source: string;
  rules: DateRules;
  facts?: FileFacts;
}

export interface MeetingDate {
  date?: string;
  endDate?: string;
  /** Every candidate found, in the order collected. */
  candidates: DateCandidate[];
}

interface Found {
  /** The day the text names; a weekday written with it may have moved its year (`weekdayOf`). */
  weekdayOf?: string;
  date?: string;
  end?: string;
  dayMonth?: DayMonth;
  /** A numeric date read day first that nothing said the order of: its month-first reading. */
  otherReading?: string;
}

const MONTH_FIRST: DateRules = { order: "mdy", stated: true };
const SITE_GENERATOR_KEYS = /^(?:layout|permalink|slug|draft|lastmod|publishDate|aliases|weight|categories)\s*:/m;
const TWO_DIGIT_YEAR = /(?<![\p{N}/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?![\p{N}/.-])/u;

/**
 * The weekday written just before the date ("Friday 12/01/17", "Dienstag, den 12. März", "le mardi 9 août"),
 * not any word of the text that happens to name one ("mon" in French prose).
 */
function weekdayBefore(value: string): number | undefined {
  const at = findDateAt(value, MONTH_FIRST)?.index ?? findDateAt(value)?.index;
  if (at === undefined) return undefined;
  const word = /([\p{L}][\p{L}-]*)\.?,?\s+(?:(?:the|le|den|el|o)\s+)?$/u.exec(
    value.slice(Math.max(0, at - 40), at),
  )?.[1];
  return word ? weekdayIn(word) : undefined;
}

/**
 * "Friday 08 Jan 2020": 8 January 2020 was a Wednesday, 8 January 2021 a Friday. A weekday that the date
 * does not fall on, but the same day a year before or after does, says the year is a typo.
 */
function withWeekday(date: string, value: string): Found {
  const weekday = weekdayBefore(value);
  if (weekday === undefined || weekdayOf(date) === weekday) return { date };
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const fits = [y + 1, y - 1]
    .map((year) => isoDate(year, m, d))
    .filter((iso): iso is string => iso !== undefined && weekdayOf(iso) === weekday);
  return fits.length === 1 ? { date: fits[0]!, weekdayOf: date } : { date };
}

/** A date, a range or (`noYear`) a day and month in `value`: the range first, so "26–27 July" starts on the 26th. */
function dateIn(written: string, rules: DateRules, noYear: boolean, whole = false): Found | undefined {
  // In a field that holds a date ("Meeting Date/Time: Friday 12/01/17 at 14:00 UTC"), a two-digit year is this century's.
  const value = whole
    ? written.replace(TWO_DIGIT_YEAR, (_, a: string, sep: string, b: string, y: string) => `${a}${sep}${b}${sep}20${y}`)
    : written;
  const range = findDateRange(value);
  const date = findDate(value, rules);
  // The lone date found inside a range is one of its days ("26–27 July 2023" holds "27 July 2023").
  if (range && (!date || date === range.start || date === range.last))
    return { date: range.start, ...(range.end ? { end: range.end } : {}) };
  if (date) {
    // 3/2/2023 in a meeting whose order nobody stated: another source may say it is 2 March.
    const other = rules.stated ? undefined : findDate(value, MONTH_FIRST);
    if (!other || other === date) return withWeekday(date, value);
    // "Friday 12/01/17": 1 December 2017 was a Friday, 12 January a Thursday.
    const weekday = weekdayBefore(value);
    if (weekday !== undefined && weekdayOf(other) === weekday && weekdayOf(date) !== weekday) return { date: other };
    return { date, otherReading: other };
  }
  if (!noYear) return undefined;
  const dayMonth = findDayMonth(value, rules, whole);
  return dayMonth ? { dayMonth } : undefined;
}

const DATE_WORDS = new Set(["date", "datum", "fecha", "data", "when", "termin", "dates", "fechas", "datas"]);
const WITH_WORDS = new Set([
  "time",
  "times",
  "heure",
  "heures",
  "horaire",
  "lieu",
  "location",
  "place",
  "venue",
  "uhrzeit",
  "zeit",
  "ort",
  "hora",
  "horario",
  "lugar",
  "local",
  "where",
  "and",
  "et",
  "und",
  "y",
  "e",
  "de",
  "la",
  "du",
  "of",
  "the",
  "meeting",
  "reunion",
  "seance",
  "sitzung",
  "reuniao",
  "call",
  "der",
  "des",
  "el",
  "do",
  "da",
  "&",
]);

/** "Date", "Meeting Date/Time", "Date, Time and Location", "Date et lieu", "Datum und Uhrzeit", "Fecha y hora". */
function isDateLabel(label: string, heading = false): boolean {
  const words = normalizeLabel(label)
    .replace(/[^a-z&]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  if (words.length === 0 || words.length > 7) return false;
  // "## Data" is as likely an item about data; "When" a question.
  if (heading && words.length === 1 && (words[0] === "data" || words[0] === "when")) return false;
  return words.some((w) => DATE_WORDS.has(w)) && words.every((w) => DATE_WORDS.has(w) || WITH_WORDS.has(w));
}

const LABEL_LINE = /^\s*(?:[-*+]\s+)?([^:：]{2,50}?)\s*[:：]\s*(.+)$/;

/** The value of a `Date: …` line (bold label, bullet, "Meeting Date/Time:"), or undefined. */
function dateLineValue(line: string, heading = false): string | undefined {
  const m = LABEL_LINE.exec(line.replace(/\u00a0/g, " "));
  return m && isDateLabel(m[1]!, heading) ? m[2]!.replace(/^[*_\s]+/, "").trim() : undefined;
}

/** A heading that is a `Date: …` line ("Meeting Date/Time: Wednesday 2021/04/07 at 14:00 UTC"): it says when, it is no item. */
export function isDatedLabelHeading(heading: string): boolean {
  const value = dateLineValue(heading, true);
  return value !== undefined && dateIn(value, defaultDateRules, true, true) !== undefined;
}

/** Text of a node with its line breaks (soft breaks stay "\n"). */
function linesOf(node: RootContent): string {
  if (node.type === "html") return htmlToText(node.value);
  return textOf(node);
}

function headingOf(node: RootContent): { depth: number; text: string } | undefined {
  if (node.type === "heading")
    return {
      depth: (node as Heading).depth,
      text: textOf(node)
        .replace(/<!--[\s\S]*?-->/g, "")
        .trim(),
    };
  if (node.type !== "html") return undefined;
  const m = /^\s*<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/i.exec(node.value);
  if (m) return { depth: Number(m[1]), text: htmlToText(m[2]!).replace(/\s+/g, " ").trim() };
  // `<details><summary>Regular meeting - June 8, 2021</summary>`: a folded meeting's heading.
  const summary = /^\s*(?:<details[^>]*>\s*)?<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(node.value);
  return summary ? { depth: 2, text: htmlToText(summary[1]!).replace(/\s+/g, " ").trim() } : undefined;
}

/** A heading or line about another meeting than this one: the next, the previous. */
const OTHER_MEETING =
  /\b(?:next|previous|last|upcoming|following|prochaine?|pr[ée]c[ée]dente?|derni[èe]re?|n[äa]chste[nrs]?|vorige[nrs]?|letzte[nrs]?|pr[óo]xim[ao]|anterior|siguiente|seguinte)\s+(?:meeting|call|sync|session|r[ée]union|s[ée]ance|sitzung|treffen|besprechung|termin|reuni[óo]n|reuni[ãa]o|sesi[óo]n|sess[ãa]o)\b/iu;

/** An agenda item that approves earlier minutes ("1. Approval of the minutes of 5 March"): it dates them. */
function isApprovalHeading(heading: string): boolean {
  return isApprovalItem(heading.replace(/^\s*(?:\d+(?:\.\d+)*[.)]?\s+)/, ""));
}

/** The words before a day in prose: "on (Tuesday,) 19 August", "am 9. März", "le (mardi) 9 août". */
const ON_DAY = /(?:^|[\s(])(?:on|am|le|el|em|no|na|au|vom|du|del)\s+(?:\p{L}+,?\s+)?$/iu;

/** "Day 1: ", "Jour 2 – ", "Tag 1 - " before the date of a per-day heading. */
const DAY_NUMBER = /^(?:day|jour|journ[ée]e|tag|d[ií]a)\s*\d{1,2}\s*[:.,|–—-]?\s*/iu;

const lineOf = (node: RootContent) => node.position?.start.line ?? 1;

/** Every candidate the file holds for its meeting date, in the order found. */
export function collectDateCandidates(input: DateInput): {
  candidates: DateCandidate[];
  noYear: (DateCandidate & { dayMonth: DayMonth })[];
  weekdayFixes: WeekdayFix[];
} {
  const { rules } = input;
  const weekdayFixes: WeekdayFix[] = [];
  const candidates: DateCandidate[] = [];
  const noYear: (DateCandidate & { dayMonth: DayMonth })[] = [];
  const add = (
    kind: DateSourceKind,
    found: Found | undefined,
    line: number,
    written: string,
    extra: Partial<DateCandidate> = {},
  ) => {
    if (found?.weekdayOf)
      weekdayFixes.push({ written: written.trim(), date: found.weekdayOf, corrected: found.date!, line });
    if (found?.date)
      candidates.push({
        kind,
        date: found.date,
        ...(found.end ? { end: found.end } : {}),
        ...(found.otherReading ? { otherReading: found.otherReading } : {}),
        line,
        written: written.trim(),
        ...extra,
      });
    else if (found?.dayMonth)
      noYear.push({ kind, date: "", line, written: written.trim(), dayMonth: found.dayMonth, ...extra });
  };

  // The front matter: `date:` in any ISO 8601 form (or another form the date reader knows), and a date in `title:`.
  if (input.frontMatter) {
    const lines = input.frontMatter.value.split("\n");
    // `Date:`, `meeting_date:`, `datum:` when there is no `date:`: the key the front matter meant (key-aliases.ts warns and renames it).
    const hasDate = lines.some((raw) => /^date\s*:/.test(raw));
    const seenKeys = new Set<string>();
    lines.forEach((raw, i) => {
      const alias = hasDate ? undefined : /^([\p{L}][\p{L}\p{N} _.-]*?)\s*:\s*(.*?)\s*$/u.exec(raw);
      const meant =
        alias && alias[1] !== "date" && (suggestKey(alias[1]!) as { key?: string } | undefined)?.key === "date";
      const m = meant ? ["", "date", alias[2]!] : /^(date|title|excerpt|description|summary)\s*:\s*(.*?)\s*$/.exec(raw);
      if (!m || seenKeys.has(m[1]!)) return;
      seenKeys.add(m[1]!); // A key written twice is a YAML error of its own: its first value only.
      const value = m[2]!
        .replace(/\s+#.*$/, "")
        .replace(/^(["'])(.*)\1$/, "$2")
        .trim();
      const line = input.frontMatter!.fenceLine + 1 + i;
      if (m[1] === "date") {
        const day = isoCalendarDay(value);
        const read = day?.iso ?? readDate(value, rules)?.iso;
        // A date-time, or the date of a site generator's post (Jekyll's `layout:`, `permalink:`, `slug:`; Hugo's
        // `draft:`, `lastmod:`, `publishDate:`, `aliases:`, `weight:`, `categories:`), may be when the page was published.
        const publication = day?.timestamp || SITE_GENERATOR_KEYS.test(input.frontMatter!.value);
        if (read)
          candidates.push({
            kind: "front-matter",
            date: read,
            line,
            written: value,
            ...(publication ? { publication: true } : {}),
          });
      } else if (m[1] === "title") add("title", dateIn(value, rules, false), line, value);
      // A post's excerpt says what happened: "Am 09.03.2019 fand die Generalversammlung statt".
      else add("prose", dateIn(value, rules, false), line, value);
    });
  }

  // A file that holds several meetings: the first one's part speaks for the file (`minutes split` splits it).
  const starts = findMeetingStarts(input.nodes, rules);
  const nodes =
    starts.length >= 2 && starts[1]!.kind === "heading" ? input.nodes.slice(0, starts[1]!.index) : input.nodes;

  const title = input.title?.trim();
  let titleSeen = false;
  let firstHeading = true;
  // The first meeting of running notes, as src/parse/find-meetings.ts finds it ("## Meeting - 28 September 2021 - (1600 ET)").
  // A start that announces the next meeting ("## April 28, 2023 Working Group Meeting <--- NEXT MEETING", still empty) is not one held.
  const held = starts.filter((s) => !OTHER_MEETING.test(s.heading));
  const firstStart = starts.length >= 2 && held[0]?.kind === "heading" ? held[0] : undefined;
  // (Its year may come from a year heading above it, "# 2021" then "## December 8": then it says so.)
  if (firstStart?.date)
    candidates.push({
      kind: "heading",
      date: firstStart.date,
      line: firstStart.line,
      written: firstStart.heading,
      ...(findDate(firstStart.heading, rules) ? {} : { yearFrom: "file" as const }),
    });
  let namedMeeting = firstStart?.date !== undefined;
  let otherMeeting = false;
  let dayMonthSeen = false;
  let headingCount = 0;
  let yearHeading: number | undefined;
  let firstParagraph = true;
  const dayHeadings: { date: string; line: number; written: string }[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const heading = headingOf(node);
    const near = i < 15;
    if (heading && (OTHER_MEETING.test(heading.text) || isApprovalHeading(heading.text))) {
      // "## Next meeting", "## Prochaine réunion", "## 1. Approbation du procès-verbal de la séance du
      // 15 janvier": its date is another meeting's.
      otherMeeting = true;
      firstHeading = false;
      continue;
    }
    if (heading) {
      otherMeeting = false;
      headingCount++;
    }
    const year = heading ? /^\s*((?:19|20)\d{2})\s*$/.exec(heading.text)?.[1] : undefined;
    if (year) {
      // "# 2021" above "## December 8": the year of the days under it.
      yearHeading = +year;
      continue;
    }
    if (heading) {
      const value = dateLineValue(heading.text, true);
      if (!titleSeen && title && heading.text === title) {
        titleSeen = true;
        add("title", dateIn(heading.text, rules, true), lineOf(node), heading.text);
      } else if (value !== undefined) {
        // "## Meeting Date/Time: Wednesday 2021/04/07 at 14:00 UTC"
        add("heading", dateIn(value, rules, true, true), lineOf(node), heading.text);
      } else if (isDateLabel(heading.text, true)) {
        // "## Date", "## Date et lieu", "## Datum": the prose under it, up to the next heading.
        for (let j = i + 1; j < nodes.length && !headingOf(nodes[j]!); j++) {
          const prose = linesOf(nodes[j]!);
          const found = dateIn(prose, rules, true, true);
          if (found) {
            add("prose", found, lineOf(nodes[j]!), prose.split("\n")[0]!);
            break;
          }
        }
      } else if (
        findDate(heading.text, rules) &&
        (isOnlyADate(heading.text.replace(DAY_NUMBER, ""), rules) || startsWithDate(heading.text, rules))
      ) {
        const date = findDateRange(heading.text)?.start ?? findDate(heading.text, rules);
        if (date) dayHeadings.push({ date, line: lineOf(node), written: heading.text });
      } else if (!dayMonthSeen && isOnlyADayMonth(heading.text, rules)) {
        // "## December 8" in running notes under "# 2021": the first (newest) meeting's day.
        dayMonthSeen = true;
        add(
          "heading",
          { dayMonth: findDayMonth(heading.text, rules, true)! },
          lineOf(node),
          heading.text,
          yearHeading ? { yearHint: yearHeading } : {},
        );
      } else if (
        !namedMeeting &&
        ((firstHeading && (heading.depth <= 2 || node.type === "html")) ||
          (MEETING_WORDS.test(heading.text) && (node.type === "html" || headingCount <= 2)))
      ) {
        // The first heading, or the first that names a meeting at the top or in HTML ("<summary>Regular meeting - June 8, 2021"),
        // not an item that names another one ("1. Approbation du procès-verbal de la séance du 6 février 2024").
        const found = dateIn(heading.text, rules, false);
        if (found) namedMeeting = true;
        add("heading", found, lineOf(node), heading.text);
      }
      firstHeading = false;
      if (node.type === "heading") continue;
    }
    if (!near || otherMeeting) continue;
    if (node.type === "table") {
      // A header table: "| Date | 2023-03-02 |".
      for (const row of node.children) {
        const [label, value] = row.children.map((cell) => textOf(cell).trim());
        if (label && value && isDateLabel(label))
          add(
            "date-line",
            dateIn(value, rules, true, true),
            row.position?.start.line ?? lineOf(node),
            `${label}: ${value}`,
          );
      }
      continue;
    }
    // `Date: …` lines in paragraphs, lists and HTML at the top of the document.
    const lines =
      node.type === "list"
        ? node.children.map((item) => textOf(item)).join("\n")
        : node.type === "paragraph" || node.type === "html"
          ? linesOf(node)
          : "";
    let labelled = false;
    for (const [offset, line] of lines.split("\n").entries()) {
      // "**Next meeting**" then "Date: …": the lines after it are the next meeting's.
      if (OTHER_MEETING.test(line)) {
        labelled = true;
        break;
      }
      const value = dateLineValue(line);
      if (value === undefined) continue;
      const found = dateIn(value, rules, true, true);
      if (found) {
        labelled = true;
        add("date-line", found, lineOf(node) + offset, line);
      }
    }
    // The first paragraph: "The board met on Tuesday, August 9, 2016", "Le conseil s'est réuni le mardi 9 août 2016".
    // (The document's first paragraph: before any heading but the first, which is often the title.)
    if (node.type === "paragraph" && firstParagraph && !labelled && headingCount <= 1) {
      const prose = linesOf(node);
      const found = dateIn(prose, rules, true);
      // A bold line with no date ("**<h1>Protokoll der Mitgliederversammlung</h1>**") is a title, not the first paragraph.
      if (!found && node.children.length === 1 && node.children[0]!.type === "strong") continue;
      firstParagraph = false;
      // A day without a year counts in prose only after "on", "am", "le"…: "Am 09. März fand die Generalversammlung statt".
      const dayMonth = found?.dayMonth && ON_DAY.test(prose.slice(0, found.dayMonth.index)) ? found : undefined;
      if (!(title && prose.trim() === title))
        add(
          "prose",
          found?.date ? found : dayMonth,
          lineOf(node),
          prose.split("\n").find((l) => findDate(l, rules) || findDayMonth(l, rules)) ?? prose,
        );
    }
  }
  if (dayHeadings.length) {
    const dates = dayHeadings.map((d) => d.date);
    const first = dayHeadings[0]!;
    if (dayHeadings.length >= 2 && areDaysOfOneMeeting(dates)) {
      candidates.push({
        kind: "heading",
        date: dates[0]!,
        end: dates.at(-1)!,
        line: first.line,
        written: first.written,
      });
    } else candidates.push({ kind: "heading", date: first.date, line: first.line, written: first.written });
  }

  // The file name, else a folder of its path: 2023-03-16-board.md, 20230316.md, 2023/03/16/notes.md.
  const fromPath = pathDate(input.path, rules);
  if (fromPath) candidates.push({ kind: "file-name", date: fromPath.date, line: 0, written: fromPath.written });
  return { candidates, noYear, weekdayFixes };
}

/** A date whose weekday moved it a year: as written, and the day used. */
interface WeekdayFix {
  written: string;
  date: string;
  corrected: string;
  line: number;
}

function pathDate(path: string | undefined, rules: DateRules): { date: string; written: string } | undefined {
  if (!path) return undefined;
  const parts = path.split(/[\\/]/);
  const name = parts.at(-1)!.replace(/\.[^.]*$/, "");
  const compact = /(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(name);
  const year = compact ? +compact[1]! : 0;
  const date = compact && year >= 1900 && year <= 2100 ? isoDate(year, +compact[2]!, +compact[3]!) : undefined;
  if (date) return { date, written: parts.at(-1)! };
  const other = findDate(name.replace(/_/g, " "), rules);
  if (other) return { date: other, written: parts.at(-1)! };
  const folders = /(?:^|[\\/])((?:19|20)\d{2})[\\/](\d{2})[\\/](\d{2})(?=[\\/])/.exec(path);
  const folderDate = folders ? isoDate(+folders[1]!, +folders[2]!, +folders[3]!) : undefined;
  return folderDate ? { date: folderDate, written: folders![0]!.replace(/^[\\/]/, "") } : undefined;
}

/** A year the path gives: a complete date in it, or a folder or name part that is a year (minutes/2023/…). */
function pathYear(path: string | undefined): { reference?: string; year?: number } | undefined {
  if (!path) return undefined;
  const full =
    findAllDates(path.replace(/[\\/_]/g, " "))[0] ??
    /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/.exec(path)?.slice(1).join("-");
  if (full && isoCalendarDay(full)) return { reference: isoCalendarDay(full)!.iso };
  const year = /(?:^|[\\/_.\s-])((?:19|20)\d{2})(?=$|[\\/_.\s-])/.exec(path)?.[1];
  return year ? { year: +year } : undefined;
}

/** Gives each date written without a year its year: another complete date in the file or its path, else git, else mtime. */
function giveYears(
  all: (DateCandidate & { dayMonth: DayMonth })[],
  full: DateCandidate[],
  input: DateInput,
): DateCandidate[] {
  // A year heading above the day ("# 2021" then "## December 8") gives it.
  const hinted = all
    .filter((c) => c.yearHint)
    .flatMap(({ dayMonth, ...c }) => {
      const date = isoDate(c.yearHint!, dayMonth.month, dayMonth.day);
      return date ? [{ ...c, date, yearFrom: "file" as const }] : [];
    });
  const noYear = all.filter((c) => !c.yearHint);
  if (noYear.length === 0) return hinted;
  let reference: { date?: string; year?: number; from: YearSource } | undefined;
  const fromPath = pathYear(input.path);
  const inFile = full.find((c) => c.kind !== "file-name")?.date ?? findAllDates(input.source, input.rules)[0];
  if (fromPath?.reference) reference = { date: fromPath.reference, from: "path" };
  else if (inFile) reference = { date: inFile, from: "file" };
  else if (fromPath?.year) reference = { year: fromPath.year, from: "path" };
  else {
    const commit = input.facts?.firstCommit?.();
    if (commit) reference = { date: commit, from: "git" };
    else {
      const modified = input.facts?.modified?.();
      if (modified) reference = { date: modified, from: "mtime" };
    }
  }
  if (!reference) return hinted;
  return [
    ...hinted,
    ...noYear.flatMap(({ dayMonth, ...candidate }) => {
      const date = reference.date
        ? closestYear(dayMonth, reference.date)
        : isoDate(reference.year!, dayMonth.month, dayMonth.day);
      return date ? [{ ...candidate, date, yearFrom: reference.from }] : [];
    }),
  ];
}

/** A heading that opens with its date, a weekday aside: "December 14th, 2016, 11a - Noon (Pacific Time) - recording". */
function startsWithDate(heading: string, rules: DateRules): boolean {
  const found = findDateAt(heading, rules);
  return (
    found !== undefined &&
    /^[\p{L}]*[,.\s]*$/u.test(heading.slice(0, found.index)) &&
    (found.index === 0 || weekdayIn(heading.slice(0, found.index)) !== undefined)
  );
}

/** A heading that says only a day and a month, a weekday or a time aside: "December 8", "Wed, Dec 8 (2pm)". */
function isOnlyADayMonth(heading: string, rules: DateRules): boolean {
  const found = findDayMonth(heading, rules, true);
  if (!found || findDate(heading, rules)) return false;
  return (
    heading
      .replace(/\([^)]*\)/g, " ")
      .split(/[\s,;:|–—-]+/)
      .filter(Boolean).length <= 4
  );
}

const sourceText = (c: DateCandidate): Text =>
  c.kind === "file-name"
    ? text("date-source.file-name", { written: c.written })
    : text(`date-source.${c.kind}`, { line: c.line, written: c.written });

/**
 * The meeting date: the day most independent sources agree on (each kind of source counts once), the
 * stronger source first when as many agree on two days. `fallback` (--date) is taken when nothing but the
 * file name gives one. Warnings: date-from-timestamp, date-sources-disagree, date-year-inferred.
 */
export function findMeetingDate(given: DateInput, file: VFile, fallback?: string): MeetingDate {
  // A file whose numeric dates read only month first (12/13/2016) is read month first, unless its language or the locale says.
  const input = { ...given, rules: dateOrderOf(given.source.split("\n"), given.rules) };
  const { candidates: full, noYear, weekdayFixes } = collectDateCandidates(input);
  const all = [...full, ...giveYears(noYear, full, input)];
  if (all.length === 0) return { ...(fallback ? { date: fallback } : {}), candidates: [] };
  if (fallback && all.every((c) => c.kind === "file-name")) return { date: fallback, candidates: all };

  // A front-matter date-time is when the page was published: the day the title or a `Date:` line names wins.
  let voters = all;
  const stamp = all.find((c) => c.kind === "front-matter" && c.publication);
  // (A front-matter date-time, or a Jekyll post's date: the title, a Date: line, a heading or the text naming another day.)
  const stated = all.find((c) => c.kind !== "front-matter" && c.kind !== "file-name" && stamp && c.date !== stamp.date);
  if (stamp && stated) {
    voters = all.filter((c) => c !== stamp && !(c.kind === "file-name" && c.date === stamp.date));
    report(file, {
      severity: "warning",
      rule: "date-from-timestamp",
      message: text("date-from-timestamp", {
        written: stamp.written,
        line: stamp.line,
        date: stated.date,
        source: sourceText(stated),
      }),
      place: { line: stamp.line, column: 1 },
      hint: text("date-from-timestamp.hint", { date: stated.date }),
    });
  }

  // A swappable numeric date that another source gives the other way round is read that way (3/2/2023 with a file named 2023-03-02).
  voters = voters.map((c) =>
    c.otherReading &&
    voters.some((o) => o !== c && o.date === c.otherReading) &&
    !voters.some((o) => o !== c && o.date === c.date)
      ? { ...c, date: c.otherReading }
      : c,
  );
  const byDate = new Map<string, DateCandidate[]>();
  for (const c of voters) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
  const score = (group: DateCandidate[]) => new Set(group.map((c) => c.kind)).size;
  const strongest = (group: DateCandidate[]) => Math.min(...group.map((c) => PRIORITY.indexOf(c.kind)));
  const [date, group] = [...byDate.entries()].sort(
    ([, a], [, b]) => score(b) - score(a) || strongest(a) - strongest(b),
  )[0]!;
  const end = group.find((c) => c.end)?.end;

  // Running text names other days ("La fête du 4 mai a réuni…", "the minutes of 1 February were approved"): when the
  // front matter or a Date: line states the day, a first paragraph that names another is no disagreement.
  const dayStated = group.some((c) => (c.kind === "front-matter" && !c.publication) || c.kind === "date-line");
  const disagreeing = voters.filter((c) => c.date !== date && !(dayStated && c.kind === "prose"));
  if (disagreeing.length > 0) {
    const others = disagreeing;
    const place = others.find((c) => c.line > 0)?.line ?? group.find((c) => c.line > 0)?.line ?? 1;
    report(file, {
      severity: "warning",
      rule: "date-sources-disagree",
      message: text("date-sources-disagree", {
        date,
        sources: voters
          .filter((c) => c.date === date || disagreeing.includes(c))
          .map((c) => text("date-source.with-date", { source: sourceText(c), date: c.date })),
        agree: score(group),
      }),
      place: { line: place, column: 1 },
      hint: text("date-sources-disagree.hint", { date }),
    });
  }
  for (const fix of weekdayFixes.filter((f) => f.corrected === date)) {
    report(file, {
      severity: "warning",
      rule: "date-weekday-mismatch",
      message: text("date-weekday-mismatch", { written: fix.written, date: fix.date, corrected: fix.corrected }),
      place: { line: Math.max(fix.line, 1), column: 1 },
      hint: text("date-weekday-mismatch.hint", { corrected: fix.corrected }),
    });
  }
  const inferred = group.every((c) => c.yearFrom) ? group[0] : undefined;
  if (inferred?.yearFrom) {
    report(file, {
      severity: "warning",
      rule: "date-year-inferred",
      message: text(`date-year-inferred.${inferred.yearFrom}`, {
        written: inferred.written,
        date,
        year: date.slice(0, 4),
      }),
      place: { line: Math.max(inferred.line, 1), column: 1 },
      hint: text("date-year-inferred.hint", { date }),
    });
  }
  return { date, ...(end ? { endDate: end } : {}), candidates: all };
}

/**
 * Deadlines written without a year ("19 Aug") take the meeting's year, or the next one when that day would
 * fall before the meeting. Neither is an error.
 */
export function completeDeadlines(minutes: Minutes, rules: DateRules): void {
  const meeting = minutes.meeting.date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meeting)) return;
  const year = +meeting.slice(0, 4);
  for (const item of minutes.items) {
    for (const action of item.actions) {
      const deadline = action.deadline;
      if (!deadline || deadline.date || deadline.none) continue;
      const dayMonth = findDayMonth(deadline.text, rules, true);
      if (!dayMonth) continue;
      const same = isoDate(year, dayMonth.month, dayMonth.day);
      const date = same && same < meeting ? isoDate(year + 1, dayMonth.month, dayMonth.day) : same;
      if (date) deadline.date = date;
    }
  }
}
