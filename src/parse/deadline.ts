// Reads a deadline cell: "no deadline" markers, and any date src/parse/date-forms.ts reads (ISO, numeric
// in the meeting's order, written in the five languages). The author's text is always kept; the ISO date is
// added when read.
import type { Deadline } from "../model/minutes.js";
import { defaultDateRules, readDate, type DateRules } from "./date-forms.js";
import { normalizeLabel } from "../i18n/text-match.js";
import { labelsFor, supportedLanguages } from "../i18n/labels.js";

const NO_DEADLINE = new Set([
  "",
  "-",
  "--",
  "—",
  "–",
  "/",
  "//",
  "///",
  "n/a",
  "na",
  "tbd",
  "tba",
  "none",
  "neant",
  "a determiner",
  "a definir",
  "aucune",
]);

export const ACCEPTED_DEADLINE_FORMS = [
  "2022-10-27",
  "27/10/2022",
  "27 octobre 2022",
  "27 October 2022",
  "October 27, 2022",
];

/** The forms to show for a meeting read in `rules`' order: 10/27/2022 in US English. */
export function acceptedDeadlineForms(rules: DateRules = defaultDateRules): string[] {
  return rules.order === "mdy"
    ? ACCEPTED_DEADLINE_FORMS.map((form) => (form === "27/10/2022" ? "10/27/2022" : form))
    : ACCEPTED_DEADLINE_FORMS;
}

// What our own documents print for "no actions" in each language ("k. A." in German) reads back the same way.
for (const language of supportedLanguages) NO_DEADLINE.add(normalizeLabel(labelsFor(language).notApplicable));

export function isNoDeadline(text: string): boolean {
  return NO_DEADLINE.has(normalizeLabel(text));
}

/** The ISO date a deadline cell holds, or undefined. */
export function parseDateText(text: string, rules: DateRules = defaultDateRules): string | undefined {
  return readDate(text, rules)?.iso;
}

/** null for an empty cell; a "no deadline" marker keeps its text; otherwise the text with its date when read. */
export function parseDeadline(text: string, rules: DateRules = defaultDateRules): Deadline | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (isNoDeadline(trimmed)) return { text: trimmed, none: true };
  const date = parseDateText(trimmed, rules);
  return date ? { text: trimmed, date } : { text: trimmed };
}
