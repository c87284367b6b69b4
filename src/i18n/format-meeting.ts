// Locale formatting of dates, times and people, shared by both renderers so that they print the same text.
import type { Person, TimeRange } from "../model/minutes.js";
import { primaryLanguage } from "./labels.js";

/** "vendredi 23 septembre 2022", "Friday 23 September 2022". */
export function formatDate(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = primaryLanguage(language) === "en" ? "en-GB" : language;
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
    return iso;
  }
  // Drop the comma some locales put after the weekday, as official minutes do.
  return parts
    .map((p) => (p.type === "literal" ? p.value.replace(/,\s*/, " ") : p.value))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** "9 h 00 – 11 h 00" in French, "09:00–11:00" elsewhere; the author's text when it was not a time range. */
export function formatTime(time: TimeRange, language: string): string {
  if (!time.start) return time.text;
  const one = (hhmm: string): string => {
    if (primaryLanguage(language) !== "fr") return hhmm;
    const [h, m] = hhmm.split(":");
    return `${Number(h)}\u00a0h\u00a0${m}`;
  };
  return time.end ? `${one(time.start)} – ${one(time.end)}` : one(time.start);
}

/** "Name (Organisation), Role" with the parts that are given. */
export function formatPerson(person: Person): string {
  let out = person.name;
  if (person.organisation) out += ` (${person.organisation})`;
  if (person.role) out += `, ${person.role}`;
  return out;
}
