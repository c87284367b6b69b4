// One reader of the dates people write, for every date field — the meeting's `date:` and `next_meeting`,
// action deadlines, --date — and for dates in running text: ISO (2024-03-12), numeric dates (12/03/2024,
// 12.03.2024; day first, month first only in US English) and written dates in English, French, Spanish,
// Portuguese and German ("March 12, 2024", "12 mars 2024", "12 de marzo de 2024", "12. März 2024").
import { normalizeLabel } from "../i18n/text-match.js";

/** Which number comes first in a numeric date. */
export type DateOrder = "dmy" | "mdy";

export interface DateRules {
  order: DateOrder;
  /** The order is known (the meeting's language or the user's locale says it); plain `en` alone does not. */
  stated: boolean;
}

/** A date read from what was written. */
export interface DateReading {
  iso: string;
  /** A numeric date whose day and month could be swapped, read in an order nobody stated: the other reading. */
  otherReading?: string;
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  janv: 1, fevr: 2, fev: 2, avr: 4, juil: 7,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janeiro: 1, fevereiro: 2, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  januar: 1, janner: 1, februar: 2, marz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};

/** Words that may open a date field ("le 12 mars 2024", "by March 12, 2024", "Tuesday 12 March 2024"). */
const OPENING_WORDS = [
  "le", "the", "on", "by", "before", "until", "avant le", "d'ici le", "pour le", "au plus tard le", "el", "antes del", "para el", "hasta el", "o", "em", "ate", "am", "bis", "bis zum", "vor dem",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
  "segunda-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira", "segunda", "terca", "quarta", "quinta", "sexta",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
];
const opening = new RegExp(`^(?:(?:${OPENING_WORDS.map((w) => w.replace(/[-']/g, "\\$&")).join("|")}),?\\s+)+`);

/** The pieces of a date, shared by the whole-field reader and the finder in running text. */
const ISO = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
const NUMERIC = String.raw`(\d{1,2})([/.-])(\d{1,2})\2(\d{4})`;
const DAY_FIRST = String.raw`(\d{1,2})(?:er|st|nd|rd|th|º|ª|\.)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})`;
const MONTH_FIRST = String.raw`(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`;

type Read = (m: RegExpMatchArray, rules: DateRules) => DateReading | undefined;

const FORMS: { source: string; read: Read }[] = [
  { source: ISO, read: (m) => reading(isoDate(+m[1]!, +m[2]!, +m[3]!)) },
  { source: NUMERIC, read: (m, rules) => numeric(+m[1]!, +m[3]!, +m[4]!, rules) },
  { source: DAY_FIRST, read: (m) => written(m[2]!, +m[1]!, +m[3]!) },
  { source: MONTH_FIRST, read: (m) => written(m[1]!, +m[2]!, +m[3]!) },
];
const WHOLE = FORMS.map(({ source, read }) => ({ re: new RegExp(`^${source}\\.?$`, "iu"), read }));
/** Global patterns for running text, read with matchAll (which copies them, so they hold no state between calls). */
const IN_TEXT = FORMS.map(({ source, read }) => ({ re: new RegExp(String.raw`(?<![\p{L}\p{N}])${source}(?![\p{L}\p{N}])`, "giu"), read }));

/** Day first, unless nothing says otherwise: then day first too, but a swappable date is flagged. */
export const defaultDateRules: DateRules = { order: "dmy", stated: false };

/**
 * How numeric dates are read for a meeting in `language` (a tag such as fr, en-US), written by a user whose
 * locale is `locale` (LC_ALL, LC_TIME or LANG, e.g. en_US.UTF-8): month first only in US English. A
 * meeting in plain `en` follows the user's locale; with no locale either, day first, as in British English.
 */
export function dateRules(language: string | undefined, locale?: string): DateRules {
  const tag = subtags(language);
  if (tag.language && tag.language !== "en") return { order: "dmy", stated: true };
  if (tag.language === "en" && tag.region) return { order: tag.region === "us" ? "mdy" : "dmy", stated: true };
  const user = subtags(locale);
  if (user.language === "en" && user.region) return { order: user.region === "us" ? "mdy" : "dmy", stated: true };
  if (user.language && user.language !== "en" && user.language !== "c" && user.language !== "posix") return { order: "dmy", stated: true };
  return defaultDateRules;
}

function subtags(tag: string | undefined): { language?: string; region?: string } {
  const parts = (tag ?? "").trim().toLowerCase().split(/[.@]/)[0]!.split(/[-_]/).filter(Boolean);
  if (parts.length === 0) return {};
  const region = parts.slice(1).find((p) => /^[a-z]{2}$|^\d{3}$/.test(p));
  return { language: parts[0]!, ...(region ? { region } : {}) };
}

/** The ISO form of a real calendar date, or undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0-99 as 1900-1999
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether the text is already a real date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isoDate(+m[1]!, +m[2]!, +m[3]!) !== undefined;
}

/** Month number of an English, French, Spanish, Portuguese or German month name (accents and case aside). */
export function monthNumber(name: string): number | undefined {
  return MONTHS[normalizeLabel(name).replace(/\.$/, "")];
}

/** The date a whole field holds ("12/03/2024", "le 12 mars 2024", "March 12, 2024"), or undefined. */
export function readDate(text: string, rules: DateRules = defaultDateRules): DateReading | undefined {
  const t = normalizeLabel(text).replace(opening, "");
  for (const { re, read } of WHOLE) {
    const m = re.exec(t);
    if (m) return read(m, rules);
  }
  return undefined;
}

/** The first real calendar date written in running text, as YYYY-MM-DD, or undefined. */
export function findDate(text: string, rules: DateRules = defaultDateRules): string | undefined {
  let best: { index: number; date: string } | undefined;
  for (const { re, read } of IN_TEXT) {
    for (const m of text.matchAll(re)) {
      const date = read(m, rules)?.iso;
      if (date && (!best || m.index < best.index)) best = { index: m.index, date };
      if (date) break;
    }
  }
  return best?.date;
}

function reading(iso: string | undefined, otherReading?: string): DateReading | undefined {
  return iso === undefined ? undefined : { iso, ...(otherReading ? { otherReading } : {}) };
}

function numeric(first: number, second: number, year: number, rules: DateRules): DateReading | undefined {
  const dayFirst = isoDate(year, second, first);
  const monthFirst = isoDate(year, first, second);
  const [wanted, other] = rules.order === "dmy" ? [dayFirst, monthFirst] : [monthFirst, dayFirst];
  if (rules.stated) return reading(wanted);
  // Nobody said which comes first: a date that reads only one way is that date; one that reads both ways is
  // read in the default order, and the other reading is kept so that a message can offer both.
  if (wanted && other && wanted !== other) return reading(wanted, other);
  return reading(wanted ?? other);
}

function written(monthName: string, day: number, year: number): DateReading | undefined {
  const month = monthNumber(monthName);
  return month === undefined ? undefined : reading(isoDate(year, month, day));
}
