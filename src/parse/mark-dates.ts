// The date each mark that may start a meeting holds (see find-meetings.ts): written whole ("2024-03-06",
// "March 6, 2024"), or a day and month with no year ("## December 8", "## July 7th Meeting"), whose year
// is that of the last heading above it that is only a year ("# 2021"), else a year in the file's front
// matter or first heading, else in its path (2021-meeting-notes.md). Day-month marks roll over at the new
// year in the order they are written: newest first, a later day than the one before is a year earlier.
import type { RootContent } from "mdast";
import { findDate, findDayMonth, isoCalendarDay, isoDate, type DateRules } from "./date-forms.js";
import { textOf } from "./node-text.js";

export interface Mark {
  depth: number;
  text: string;
  index: number;
}

const YEAR = /(?<![\p{N}])((?:19|20)\d{2})(?![\p{N}])/u;

/** Index of each mark that holds a date → the date, and whether its year was inferred. */
export function markDates(
  marks: readonly Mark[],
  nodes: readonly RootContent[],
  rules: DateRules,
  path: string | undefined,
  wanted: (mark: Mark) => boolean,
): Map<number, { date: string; yearless: boolean }> {
  const dates = new Map<number, { date: string; yearless: boolean }>();
  const dayMonths: { mark: Mark; month: number; day: number; year: number }[] = [];
  const fileYear = yearOfFile(nodes, path);
  let headingYear: number | undefined;
  const byIndex = new Map(marks.map((m) => [m.index, m]));
  nodes.forEach((node, index) => {
    if (node.type === "heading" && /^\s*(?:19|20)\d{2}\s*$/.test(textOf(node)))
      headingYear = Number(textOf(node).trim());
    const mark = byIndex.get(index);
    if (!mark) return;
    const date = findDate(mark.text, rules) ?? compactDate(mark.text);
    if (date) return void dates.set(index, { date, yearless: false });
    const dayMonth = findDayMonth(mark.text, rules);
    const year = headingYear ?? fileYear;
    if (dayMonth && year !== undefined && wanted(mark))
      dayMonths.push({ mark, month: dayMonth.month, day: dayMonth.day, year });
  });
  // The order of writing, from the pairs that follow each other in one year's run: newest first unless most go up.
  const key = (d: { month: number; day: number }) => d.month * 32 + d.day;
  let up = 0;
  let down = 0;
  dayMonths.forEach((d, i) => {
    const before = dayMonths[i - 1];
    if (before && before.year === d.year) key(d) > key(before) ? up++ : down++;
  });
  let shift = 0;
  dayMonths.forEach((d, i) => {
    const before = dayMonths[i - 1];
    if (!before || before.year !== d.year) shift = 0;
    else if (up > down ? key(d) < key(before) : key(d) > key(before)) shift += up > down ? 1 : -1;
    const date = isoDate(d.year + shift, d.month, d.day);
    if (date) dates.set(d.mark.index, { date, yearless: true });
  });
  return dates;
}

/** A year the file states for all its meetings: in its front matter, its first heading, else its path. */
function yearOfFile(nodes: readonly RootContent[], path: string | undefined): number | undefined {
  const yaml = nodes[0]?.type === "yaml" ? nodes[0].value : "";
  const firstHeading = nodes.find((n) => n.type === "heading");
  const found = [
    /^(?:date|title)\s*:.*$/gm.exec(yaml)?.[0] ?? "",
    firstHeading ? textOf(firstHeading) : "",
    path?.split(/[\\/]/).slice(-2).join("/") ?? "",
  ]
    .map((t) => YEAR.exec(t)?.[1])
    .find(Boolean);
  return found ? Number(found) : undefined;
}

/** A date written YYYYMMDD, the whole text ("# 20210706"). */
export function compactDate(text: string): string | undefined {
  const m = /^\s*((?:19|20)\d{6})\s*$/.exec(text);
  return m ? isoCalendarDay(m[1]!)?.iso : undefined;
}
