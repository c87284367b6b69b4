// The names of a file's meetings once split: YYYY-MM-DD-<slug>.md, the slug made from the meeting's name
// (its heading without its date, times and words in brackets, or the file's title), and -2, -3… when two would be the same.
import { monthNumber } from "../parse/date-forms.js";

/**
 * "Board meeting, 5 March 2024" → "board-meeting"; "Meeting 14 — March 14, 2024" → "meeting-14";
 * "Réunion du conseil" → "reunion-du-conseil". The date goes (numeric dates, years, a month name and its
 * day), other numbers stay.
 */
export function slugOf(label: string): string {
  const words = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/g, " ")
    // Words in brackets and clock times: "(1600 ET)", "[recording]", "14:00-15:30 UTC".
    .replace(/\([^)]*\)|\[[^\]]*\]|\b\d{1,2}[:h]\d{2}\b(?:\s*[ap]m)?(?:\s*(?:utc|gmt|cet|cest))?/g, " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const isDay = (w: string | undefined) => w !== undefined && /^\d{1,2}(?:st|nd|rd|th|er|e)?$/.test(w);
  const dropped = new Set<number>();
  words.forEach((word, i) => {
    if (/^(?:1[89]|20)\d{2}$/.test(word)) dropped.add(i);
    if (monthNumber(word) === undefined || /^\d/.test(word)) return;
    dropped.add(i);
    // The day after the month ("March 14, 2024"), else before it ("5 March 2024").
    if (isDay(words[i + 1])) dropped.add(i + 1);
    else if (isDay(words[i - 1])) dropped.add(i - 1);
  });
  let slug = "";
  for (const word of words.filter((_, i) => !dropped.has(i))) {
    if (slug && slug.length + 1 + word.length > 50) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 50);
  }
  return slug;
}

/** One name per meeting, in order: the date (or "undated"), the slug (or "meeting"), and a number when taken. */
export function meetingFileNames(meetings: readonly { date: string | undefined; label: string }[]): string[] {
  const taken = new Set<string>();
  return meetings.map(({ date, label }) => {
    const stem = `${date ?? "undated"}-${slugOf(label) || "meeting"}`;
    let name = `${stem}.md`;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.md`;
    taken.add(name);
    return name;
  });
}
