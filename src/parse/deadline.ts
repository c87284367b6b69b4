// Reads a deadline cell: "no deadline" markers, ISO and day/month/year dates, and dates with
// French or English month names. The author's text is always kept; the ISO date is added when read.
import type { Deadline } from "../model/minutes.js";
import { normalizeLabel } from "./text-match.js";

const NO_DEADLINE = new Set(["", "-", "--", "—", "–", "/", "//", "///", "n/a", "na", "tbd", "tba", "none", "neant", "a determiner", "a definir", "aucune"]);

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  januar: 1, februar: 2, marz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};

/** Month number of an English, French, German or Spanish month name (accents and case aside). */
export function monthNumber(name: string): number | undefined {
  return MONTHS[normalizeLabel(name).replace(/\.$/, "")];
}

export const ACCEPTED_DEADLINE_FORMS = ["2022-10-27", "27/10/2022", "27 octobre 2022", "27 October 2022", "October 27, 2022"];

export function isNoDeadline(text: string): boolean {
  return NO_DEADLINE.has(normalizeLabel(text));
}

/** The ISO form of a real calendar date, or undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseDateText(text: string): string | undefined {
  const t = normalizeLabel(text).replace(/^(le|the|by|avant le|before)\s+/, "");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return isoDate(+m[3]!, +m[2]!, +m[1]!);
  m = /^(?:[a-z]+\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!]) return isoDate(+m[3]!, MONTHS[m[2]!]!, +m[1]!);
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!]) return isoDate(+m[3]!, MONTHS[m[1]!]!, +m[2]!);
  return undefined;
}

/** null for an empty cell; a "no deadline" marker keeps its text; otherwise the text with its date when read. */
export function parseDeadline(text: string): Deadline | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (isNoDeadline(trimmed)) return { text: trimmed, none: true };
  const date = parseDateText(trimmed);
  return date ? { text: trimmed, date } : { text: trimmed };
}
