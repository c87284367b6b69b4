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
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
  janv: 1,
  fevr: 2,
  fev: 2,
  avr: 4,
  juil: 7,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  janeiro: 1,
  fevereiro: 2,
  marco: 3,
  maio: 5,
  junho: 6,
  julho: 7,
  setembro: 9,
  outubro: 10,
  novembro: 11,
  dezembro: 12,
  januar: 1,
  janner: 1,
  februar: 2,
  marz: 3,
  maerz: 3,
  juni: 6,
  juli: 7,
  oktober: 10,
  dezember: 12,
  // Dutch, met in real minutes (Fronteers): "24 mei 2023".
  januari: 1,
  februari: 2,
  maart: 3,
  mei: 5,
  augustus: 8,
};

/** Words that may open a date field ("le 12 mars 2024", "by March 12, 2024", "Tuesday 12 March 2024"). */
const OPENING_WORDS = [
  "le",
  "the",
  "on",
  "by",
  "due",
  "due by",
  "due on",
  "no later than",
  "before",
  "until",
  "avant le",
  "d'ici le",
  "pour le",
  "au plus tard le",
  "el",
  "antes del",
  "para el",
  "hasta el",
  "o",
  "em",
  "ate",
  "am",
  "bis",
  "bis zum",
  "vor dem",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "lunes",
  "martes",
  "miercoles",
  "jueves",
  "viernes",
  "sabado",
  "domingo",
  "segunda-feira",
  "terca-feira",
  "quarta-feira",
  "quinta-feira",
  "sexta-feira",
  "segunda",
  "terca",
  "quarta",
  "quinta",
  "sexta",
  "montag",
  "dienstag",
  "mittwoch",
  "donnerstag",
  "freitag",
  "samstag",
  "sonnabend",
  "sonntag",
];
const opening = new RegExp(`^(?:(?:${OPENING_WORDS.map((w) => w.replace(/[-']/g, "\\$&")).join("|")}),?\\s+)+`);

/** The pieces of a date, shared by the whole-field reader and the finder in running text. */
const ISO = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
/** Year first with slashes or dots, as in "Meeting Date: 2021/04/07" or "2021.04.07". */
const YEAR_FIRST = String.raw`(\d{4})([/.])(\d{1,2})\2(\d{1,2})`;
const NUMERIC = String.raw`(\d{1,2})([/.-])(\d{1,2})\2(\d{4})`;
const DAY_FIRST = String.raw`(\d{1,2})(?:er|st|nd|rd|th|º|ª|\.)?\s+(?:de\s+|of\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})`;
const MONTH_FIRST = String.raw`(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`;

type Read = (m: RegExpMatchArray, rules: DateRules) => DateReading | undefined;

const FORMS: { source: string; read: Read }[] = [
  { source: ISO, read: (m) => reading(isoDate(+m[1]!, +m[2]!, +m[3]!)) },
  // 2022/19/5 (the Ethereum calls' notes once wrote year, day, month): a date that reads only that way.
  { source: YEAR_FIRST, read: (m) => reading(isoDate(+m[1]!, +m[3]!, +m[4]!) ?? isoDate(+m[1]!, +m[4]!, +m[3]!)) },
  { source: NUMERIC, read: (m, rules) => numeric(+m[1]!, +m[3]!, +m[4]!, rules) },
  { source: DAY_FIRST, read: (m) => written(m[2]!, +m[1]!, +m[3]!) },
  { source: MONTH_FIRST, read: (m) => written(m[1]!, +m[2]!, +m[3]!) },
];
const WHOLE = FORMS.map(({ source, read }) => ({ re: new RegExp(`^${source}\\.?$`, "iu"), read }));
/**
 * Every form of a full date (in a whole field, in running text, or a range of days) has a year of four digits, and
 * a day and month without a year have a digit: text without them needs none of the patterns, whose first use costs
 * their compilation (`\p{L}` with `iu`), and whose run over long text is the bulk of the date finders' time.
 */
const HAS_YEAR = /\d{4}/;
const HAS_DIGIT = /\d/;
/** Global patterns for running text, read with matchAll (which copies them, so they hold no state between calls). */
const IN_TEXT = FORMS.map(({ source, read }) => ({
  re: new RegExp(String.raw`(?<![\p{L}\p{N}])${source}(?![\p{L}\p{N}])`, "giu"),
  read,
}));

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
  if (user.language && user.language !== "en" && user.language !== "c" && user.language !== "posix")
    return { order: "dmy", stated: true };
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
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
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
  if (!HAS_YEAR.test(t)) return undefined;
  for (const { re, read } of WHOLE) {
    const m = re.exec(t);
    if (m) return read(m, rules);
  }
  return undefined;
}

/** The first real calendar date written in running text, as YYYY-MM-DD, or undefined. */
export function findDate(text: string, rules: DateRules = defaultDateRules): string | undefined {
  return findDateAt(text, rules)?.date;
}

/** The first real calendar date written in running text, with where it starts. */
export function findDateAt(
  text: string,
  rules: DateRules = defaultDateRules,
): { index: number; date: string } | undefined {
  if (!HAS_YEAR.test(text)) return undefined;
  let best: { index: number; date: string } | undefined;
  for (const { re, read } of IN_TEXT) {
    for (const m of text.matchAll(re)) {
      const date = read(m, rules)?.iso;
      if (date && (!best || m.index < best.index)) best = { index: m.index, date };
      if (date) break;
    }
  }
  return best;
}

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sun: 0,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
  sonntag: 0,
  montag: 1,
  dienstag: 2,
  mittwoch: 3,
  donnerstag: 4,
  freitag: 5,
  samstag: 6,
  sonnabend: 6,
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  "segunda-feira": 1,
  "terca-feira": 2,
  "quarta-feira": 3,
  "quinta-feira": 4,
  "sexta-feira": 5,
};

/** The day of the week a text names ("Friday 12/01/17", "le mardi 9 août"), 0 for Sunday. */
export function weekdayIn(text: string): number | undefined {
  for (const word of normalizeLabel(text).split(/[^a-z-]+/)) if (word in WEEKDAYS) return WEEKDAYS[word];
  return undefined;
}

/** The day of the week of an ISO date, 0 for Sunday. */
export const weekdayOf = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

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

/**
 * The calendar day of any ISO 8601 date or date-time, as written (no time-zone conversion: the day the
 * author wrote): 2021-09-15, 20210915, 2021-09-15T12:18:14.583Z, 2021-09-15 12:18:14 +0000 (Jekyll),
 * 2021-W37-3 (week date), 2021-258 (ordinal date). `timestamp` says a time of day was written with it.
 */
export function isoCalendarDay(written: string): { iso: string; timestamp: boolean } | undefined {
  const t = written.trim();
  const m =
    /^(\d{4})(?:(-?)(?:(\d{2})\2(\d{2})|W(\d{2})\2?([1-7])|(\d{3})))(?:[T ](\d{2})(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?)?(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?$/i.exec(
      t,
    );
  if (!m) return undefined;
  const [, y, , month, day, week, weekday, ordinal, hour] = m;
  const year = +y!;
  // Compact forms without a separator must not be read in a value such as "2021258" by accident: a time is
  // part of a timestamp only when a date was matched, which the pattern already ensures.
  let iso: string | undefined;
  if (month !== undefined) iso = isoDate(year, +month, +day!);
  else if (week !== undefined) {
    // ISO week 1 holds 4 January; its Monday is the first day of the ISO year.
    const jan4 = new Date(0);
    jan4.setUTCFullYear(year, 0, 4);
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
    const date = new Date(monday.getTime() + ((+week - 1) * 7 + (+weekday! - 1)) * 86400000);
    const weeks = +week >= 1 && +week <= 53;
    iso = weeks ? isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) : undefined;
  } else if (ordinal !== undefined) {
    const date = new Date(0);
    date.setUTCFullYear(year, 0, +ordinal);
    iso =
      +ordinal >= 1 && date.getUTCFullYear() === year
        ? isoDate(year, date.getUTCMonth() + 1, date.getUTCDate())
        : undefined;
  }
  if (hour !== undefined && +hour > 24) return undefined;
  return iso ? { iso, timestamp: hour !== undefined } : undefined;
}

/** A day and month written without a year ("19 Aug", "Aug 19th", "le 19 août", "19. August", "19 de agosto"). */
export interface DayMonth {
  month: number;
  day: number;
  /** Where it starts in the text. */
  index: number;
}

const DAY_MONTH = String.raw`(\d{1,2})(?:er|st|nd|rd|th|º|ª|\.)?\s+(?:de\s+|of\s+)?(\p{L}+)\.?`;
const MONTH_DAY = String.raw`(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?`;
const NO_YEAR_AFTER = String.raw`(?![\p{L}\p{N}])(?!\.?,?\s*(?:(?:de|del)\s+)?\d{4})`;
const DAY_MONTH_RES = [DAY_MONTH, MONTH_DAY].map(
  (source) => new RegExp(String.raw`(?<![\p{L}\p{N}])${source}${NO_YEAR_AFTER}`, "giu"),
);
const NUMERIC_DAY_MONTH = /^(?:\p{L}+,?\s+)?(\d{1,2})[/.](\d{1,2})\.?$/u;
/**
 * A maximal run of letters, as the patterns above read a month's name: `\p{L}` under `iu` is `\p{L}` and U+0345
 * (a combining mark that case-folds to a Greek iota), every code point checked; without `i` it compiles in a
 * fraction of the time.
 */
const LETTERS = /[\p{L}\u0345]+/gu;

/**
 * Whether a run of letters in `text` names a month: the name both patterns capture is such a run (nothing
 * letter-like on either side), so text without one needs neither pattern, whose compilation (`\p{L}` with `iu`,
 * three times each) and interpreted first runs are most of the meeting finder's time in a cold run.
 */
function namesAMonth(text: string): boolean {
  for (const m of text.matchAll(LETTERS)) if (monthNumber(m[0]) !== undefined) return true;
  return false;
}

/**
 * The first day and month written with no year in `text`, month names only ("19 Aug, 03:00-04.00pm"); in a
 * whole field (`whole`), a numeric "19/08" or "19.08." too, in the meeting's order. A date that has its
 * year is not one: read it with findDate.
 */
export function findDayMonth(text: string, rules: DateRules = defaultDateRules, whole = false): DayMonth | undefined {
  if (!HAS_DIGIT.test(text)) return undefined;
  let best: DayMonth | undefined;
  if (namesAMonth(text))
    DAY_MONTH_RES.forEach((re, dayFirst) => {
      for (const m of text.matchAll(re)) {
        const [day, name] = dayFirst === 0 ? [+m[1]!, m[2]!] : [+m[2]!, m[1]!];
        const month = monthNumber(name);
        // Any leap year, so that 29 February is a day that exists.
        if (month === undefined || !isoDate(2000, month, day)) continue;
        if (!best || m.index < best.index) best = { month, day, index: m.index };
        break;
      }
    });
  if (best || !whole) return best;
  const n = NUMERIC_DAY_MONTH.exec(normalizeLabel(text).replace(opening, ""));
  if (!n) return undefined;
  const [day, month] = rules.order === "mdy" ? [+n[2]!, +n[1]!] : [+n[1]!, +n[2]!];
  return isoDate(2000, month, day) ? { month, day, index: 0 } : undefined;
}

/** The day and month in the year that brings it closest to `reference` (YYYY-MM-DD): a year either side at most. */
export function closestYear(dayMonth: { month: number; day: number }, reference: string): string | undefined {
  const year = +reference.slice(0, 4);
  const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const options = [year - 1, year, year + 1]
    .map((y) => isoDate(y, dayMonth.month, dayMonth.day))
    .filter((d): d is string => d !== undefined);
  return options.sort((a, b) => Math.abs(at(a) - at(reference)) - Math.abs(at(b) - at(reference)))[0];
}

/** A first and a last day; no last day for two meetings named together ("réunions du 18 et 25 février 2013"). */
export interface DateRange {
  start: string;
  end?: string;
  /** The last day written, a range's end or not. */
  last: string;
  index: number;
}

const RANGE_WORDS = String.raw`\s*(?:-|–|—|/|&|to|till|until|through|thru|and|au|et|al|a|y|e|bis|und)\s*`;
const SUFFIX = String.raw`(?:er|st|nd|rd|th|º|ª)?\.?`;
const RANGES: { re: RegExp; read: (m: RegExpMatchArray) => DateRange | undefined }[] = [
  // "26–27 July 2023", "du 26 au 27 juillet 2023", "26.–27. Juli 2023", "del 26 al 27 de julio de 2023"
  {
    re: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(\d{1,2})${SUFFIX}${RANGE_WORDS}(\d{1,2})${SUFFIX}\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?![\p{L}\p{N}])`,
      "giu",
    ),
    read: (m) => range(m, +m[4]!, m[3]!, +m[1]!, m[3]!, +m[2]!),
  },
  // "30 July – 2 August 2023", "du 30 juillet au 2 août 2023"
  {
    re: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(\d{1,2})${SUFFIX}\s+(?:de\s+)?(\p{L}+)\.?${RANGE_WORDS}(\d{1,2})${SUFFIX}\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?![\p{L}\p{N}])`,
      "giu",
    ),
    read: (m) => range(m, +m[5]!, m[2]!, +m[1]!, m[4]!, +m[3]!),
  },
  // "July 26-27, 2023", "July 30 – August 2, 2023"
  {
    re: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?${RANGE_WORDS}(?:(\p{L}+)\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\p{L}\p{N}])`,
      "giu",
    ),
    read: (m) => range(m, +m[5]!, m[1]!, +m[2]!, m[3] ?? m[1]!, +m[4]!),
  },
  // "2023-07-26 to 2023-07-27", "2023-07-26/27"
  {
    re: /(?<![\p{L}\p{N}])(\d{4})-(\d{1,2})-(\d{1,2})\s*(?:-|–|—|\/|to|au|bis|al|a)\s*(?:(\d{4})-(\d{1,2})-)?(\d{1,2})(?![\p{L}\p{N}])/giu,
    read: (m) => {
      const start = isoDate(+m[1]!, +m[2]!, +m[3]!);
      const end = isoDate(m[4] ? +m[4] : +m[1]!, m[5] ? +m[5] : +m[2]!, +m[6]!);
      return start && end && end > start ? { start, end, last: end, index: m.index! } : undefined;
    },
  },
];

/** "26 and 27 July" is one meeting over two days; "18 et 25 février" two meetings, the first one's day first. */
function joined(m: RegExpMatchArray, found: DateRange | undefined): DateRange | undefined {
  if (!found?.end || !/\s(?:and|et|und|y|e|&)\s/iu.test(m[0])) return found;
  const days = (Date.parse(`${found.end}T00:00:00Z`) - Date.parse(`${found.start}T00:00:00Z`)) / 86_400_000;
  return days === 1 ? found : { start: found.start, last: found.last, index: found.index };
}

function range(
  m: RegExpMatchArray,
  year: number,
  firstMonth: string,
  firstDay: number,
  lastMonth: string,
  lastDay: number,
): DateRange | undefined {
  const a = monthNumber(firstMonth);
  const b = monthNumber(lastMonth);
  const start = a === undefined ? undefined : isoDate(year, a, firstDay);
  const end = b === undefined ? undefined : isoDate(year, b, lastDay);
  return start && end && end > start ? { start, end, last: end, index: m.index! } : undefined;
}

/** The first range of days written in `text` ("26–27 July 2023", "du 26 au 27 juillet 2023", "July 26-27, 2023"). */
export function findDateRange(text: string): DateRange | undefined {
  if (!HAS_YEAR.test(text)) return undefined;
  let best: DateRange | undefined;
  for (const { re, read } of RANGES) {
    for (const m of text.matchAll(re)) {
      const found = joined(m, read(m));
      if (found && (!best || found.index < best.index)) best = found;
      if (found) break;
    }
  }
  return best;
}

/** Every real calendar date written in running text, in order, as YYYY-MM-DD. */
export function findAllDates(text: string, rules: DateRules = defaultDateRules): string[] {
  const found: { index: number; date: string }[] = [];
  for (const { re, read } of IN_TEXT) {
    for (const m of text.matchAll(re)) {
      const date = read(m, rules)?.iso;
      if (date) found.push({ index: m.index, date });
    }
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.date);
}
