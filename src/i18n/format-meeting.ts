// Locale formatting of dates and people, shared by both renderers so that they print the same text.
import type { Person } from "../model/minutes.js";
import { primaryLanguage } from "./labels.js";

/**
 * Long dates of the built-in languages, as CLDR writes them (test/format-date.test.ts checks every day of
 * several years against Intl). Written out rather than asked of Intl: creating an ICU date formatter is
 * the slowest step of a run from the startup snapshot, and the text no longer depends on Node's ICU version.
 */
const longDates: Record<string, { weekdays: string[]; months: string[]; pattern: (weekday: string, day: number, month: string, year: number) => string }> = {
  fr: {
    weekdays: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
    months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    pattern: (w, d, m, y) => `${w} ${d} ${m} ${y}`,
  },
  en: {
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    pattern: (w, d, m, y) => `${w} ${d} ${m} ${y}`,
  },
  es: {
    weekdays: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
    months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    pattern: (w, d, m, y) => `${w} ${d} de ${m} de ${y}`,
  },
  pt: {
    weekdays: ["domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"],
    months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    pattern: (w, d, m, y) => `${w} ${d} de ${m} de ${y}`,
  },
  de: {
    weekdays: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
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
  if (own && date.getUTCFullYear() > 0) return own.pattern(own.weekdays[date.getUTCDay()]!, date.getUTCDate(), own.months[date.getUTCMonth()]!, date.getUTCFullYear());
  return intlDate(date, primary === "en" ? "en-GB" : language) ?? iso;
}

function intlDate(date: Date, locale: string): string | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(date);
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

/** "Name (Organisation), Role" with the parts that are given. */
export function formatPerson(person: Person): string {
  let out = person.name;
  if (person.organisation) out += ` (${person.organisation})`;
  if (person.role) out += `, ${person.role}`;
  return out;
}
