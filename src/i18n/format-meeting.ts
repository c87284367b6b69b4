// Locale formatting of dates and people, shared by both renderers so that they print the same text.
import type { Person } from "../model/minutes.js";
import { primaryLanguage } from "./labels.js";

/**
 * Long dates of the built-in languages, as CLDR writes them (test/format-date.test.ts checks every day of
 * several years against Intl). Written out rather than asked of Intl: creating an ICU date formatter is
 * the slowest step of a run from the startup snapshot, and the text no longer depends on Node's ICU version.
 */
const longDates: Record<
  string,
  {
    weekdays: string[];
    months: string[];
    pattern: (weekday: string, day: number, month: string, year: number) => string;
  }
> = {
  fr: {
    weekdays: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
    months: [
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ],
    pattern: (w, d, m, y) => `${w} ${d} ${m} ${y}`,
  },
  en: {
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    pattern: (w, d, m, y) => `${w} ${d} ${m} ${y}`,
  },
  es: {
    weekdays: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
    months: [
      "enero",
      "febrero",
      "marzo",
      "abril",
      "mayo",
      "junio",
      "julio",
      "agosto",
      "septiembre",
      "octubre",
      "noviembre",
      "diciembre",
    ],
    pattern: (w, d, m, y) => `${w} ${d} de ${m} de ${y}`,
  },
  pt: {
    weekdays: ["domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"],
    months: [
      "janeiro",
      "fevereiro",
      "março",
      "abril",
      "maio",
      "junho",
      "julho",
      "agosto",
      "setembro",
      "outubro",
      "novembro",
      "dezembro",
    ],
    pattern: (w, d, m, y) => `${w} ${d} de ${m} de ${y}`,
  },
  de: {
    weekdays: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    months: [
      "Januar",
      "Februar",
      "März",
      "April",
      "Mai",
      "Juni",
      "Juli",
      "August",
      "September",
      "Oktober",
      "November",
      "Dezember",
    ],
    pattern: (w, d, m, y) => `${w} ${d}. ${m} ${y}`,
  },
};

/** "vendredi 23 septembre 2022", "Friday 23 September 2022". */
export function formatDate(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  // Regional variants (fr-CA, pt-BR…) may be written differently, so they are asked of Intl; English is
  // always written the British way, as official minutes are.
  const primary = primaryLanguage(language);
  const own = primary === "en" || language === primary ? longDates[primary] : undefined;
  if (own && date.getUTCFullYear() > 0)
    return own.pattern(
      own.weekdays[date.getUTCDay()]!,
      date.getUTCDate(),
      own.months[date.getUTCMonth()]!,
      date.getUTCFullYear(),
    );
  return intlDate(date, primary === "en" ? "en-GB" : language) ?? iso;
}

/**
 * The days of a meeting held over several days, without weekdays: "26–27 July 2023", "du 26 au 27 juillet
 * 2023", "26.–27. Juli 2023", "del 26 al 27 de julio de 2023", "de 26 a 27 de julho de 2023"; the month
 * and year are written once when both days share them ("30 July – 2 August 2023"). Other languages: the
 * two long dates joined by a dash.
 */
export function formatDateRange(startIso: string, endIso: string, language: string): string {
  const start = new Date(`${startIso}T00:00:00Z`);
  const end = new Date(`${endIso}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || endIso <= startIso)
    return formatDate(startIso, language);
  const own = longDates[primaryLanguage(language)];
  if (!own) return `${formatDate(startIso, language)} – ${formatDate(endIso, language)}`;
  const parts = (d: Date) => ({ day: d.getUTCDate(), month: own.months[d.getUTCMonth()]!, year: d.getUTCFullYear() });
  const a = parts(start);
  const b = parts(end);
  const sameYear = a.year === b.year;
  const sameMonth = sameYear && a.month === b.month;
  return rangePatterns[primaryLanguage(language)]!(a, b, sameMonth, sameYear);
}

type DayParts = { day: number; month: string; year: number };
const rangePatterns: Record<string, (a: DayParts, b: DayParts, sameMonth: boolean, sameYear: boolean) => string> = {
  en: (a, b, sameMonth, sameYear) =>
    sameMonth
      ? `${a.day}–${b.day} ${b.month} ${b.year}`
      : `${a.day} ${a.month}${sameYear ? "" : ` ${a.year}`} – ${b.day} ${b.month} ${b.year}`,
  fr: (a, b, sameMonth, sameYear) =>
    `du ${a.day}${sameMonth ? "" : ` ${a.month}${sameYear ? "" : ` ${a.year}`}`} au ${b.day} ${b.month} ${b.year}`,
  es: (a, b, sameMonth, sameYear) =>
    `del ${a.day}${sameMonth ? "" : ` de ${a.month}${sameYear ? "" : ` de ${a.year}`}`} al ${b.day} de ${b.month} de ${b.year}`,
  pt: (a, b, sameMonth, sameYear) =>
    `de ${a.day}${sameMonth ? "" : ` de ${a.month}${sameYear ? "" : ` de ${a.year}`}`} a ${b.day} de ${b.month} de ${b.year}`,
  de: (a, b, sameMonth, sameYear) =>
    sameMonth
      ? `${a.day}.–${b.day}. ${b.month} ${b.year}`
      : `${a.day}. ${a.month}${sameYear ? "" : ` ${a.year}`} – ${b.day}. ${b.month} ${b.year}`,
};

function intlDate(date: Date, locale: string): string | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).formatToParts(date);
  } catch {
    return undefined;
  }
  // Drop the comma some locales put after the weekday, as official minutes do.
  return parts
    .map((p) => (p.type === "literal" ? p.value.replace(/,\s*/, " ") : p.value))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Name (Organisation), Role", "Name (JD, Organisation)" with the parts that are given. */
export function formatPerson(person: Person): string {
  let out = person.name;
  const inBrackets = [person.abbreviation, person.organisation].filter(Boolean);
  if (inBrackets.length) out += ` (${inBrackets.join(", ")})`;
  if (person.role) out += `, ${person.role}`;
  return out;
}
