// Finds a meeting date written in running text: "2022-09-23", "23/09/2022", "23.09.2022",
// "23 September 2022", "le 23 septembre 2022", "September 23, 2022", "23. September 2022",
// "23 de septiembre de 2022". Day-first for numeric dates, as in French, German and Spanish.
import { isoDate, monthNumber } from "./deadline.js";

/** Global patterns, read with matchAll (which copies them, so they hold no state between calls). */
const PATTERNS: { re: RegExp; read: (m: RegExpMatchArray) => string | undefined }[] = [
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, read: (m) => isoDate(+m[1]!, +m[2]!, +m[3]!) },
  { re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g, read: (m) => isoDate(+m[3]!, +m[2]!, +m[1]!) },
  { re: /\b(\d{1,2})(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b/gu, read: (m) => month(m[2]!, (n) => isoDate(+m[3]!, n, +m[1]!)) },
  { re: /\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/gu, read: (m) => month(m[1]!, (n) => isoDate(+m[3]!, n, +m[2]!)) },
];

function month(name: string, then: (n: number) => string | undefined): string | undefined {
  const n = monthNumber(name);
  return n === undefined ? undefined : then(n);
}

/** The first real calendar date written in the text, as YYYY-MM-DD, or undefined. */
export function findDateInText(text: string): string | undefined {
  let best: { index: number; date: string } | undefined;
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const date = read(m);
      if (date && (!best || m.index < best.index)) best = { index: m.index, date };
      if (date) break;
    }
  }
  return best?.date;
}
