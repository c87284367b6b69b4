// Finds a meeting date written in running text: "2022-09-23", "23/09/2022", "23.09.2022",
// "23 September 2022", "le 23 septembre 2022", "September 23, 2022", "23. September 2022",
// "23 de septiembre de 2022". The forms are those of every date field (src/parse/date-forms.ts).
import { defaultDateRules, findDate, type DateRules } from "./date-forms.js";

/** The first real calendar date written in the text, as YYYY-MM-DD, or undefined. */
export function findDateInText(text: string, rules: DateRules = defaultDateRules): string | undefined {
  return findDate(text, rules);
}
