// Locale formatting of dates and people, shared by both renderers so that they print the same text.
import type { Person } from "../model/minutes.js";
import { primaryLanguage } from "./labels.js";

/** Formatters by locale: creating one costs about a millisecond, and a document formats many dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

/** "vendredi 23 septembre 2022", "Friday 23 September 2022". */
export function formatDate(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = primaryLanguage(language) === "en" ? "en-GB" : language;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dateFormat(locale).formatToParts(date);
  } catch {
    return iso;
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
