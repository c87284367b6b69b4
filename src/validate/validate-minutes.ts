// Rules that need the whole model: responsibles against attendees, deadlines against the meeting
// date, agenda numbering, duplicate and empty items, and a declared `agenda:` against the sections.
// Each finding is a message with a rule id and a place; nothing here changes the model.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { inlineText, hasBody, type Minutes, type Point } from "../model/minutes.js";
import { normalizeLabel } from "../parse/text-match.js";
import { peopleIndex, unknownOwners } from "./people-match.js";
import { text } from "../i18n/messages.js";

export interface ValidateContext {
  /** Where a front-matter key's value is written, when there is front matter. */
  frontMatterPlace?: (key: string) => Point;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

/** The number in "1.", "2)", "IV." or undefined. */
function typedNumberValue(typed: string): number | undefined {
  const digits = /^\d+/.exec(typed);
  if (digits) return Number(digits[0]);
  const roman = /^[IVX]+/.exec(typed)?.[0];
  if (!roman) return undefined;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman[i]!]!;
    const next = ROMAN[roman[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function validateMinutes(minutes: Minutes, file: VFile, context: ValidateContext = {}): void {
  checkActions(minutes, file);
  checkItems(minutes, file);
  checkDeclaredAgenda(minutes, file, context);
}

function checkActions(minutes: Minutes, file: VFile): void {
  const { meeting } = minutes;
  const people = [...meeting.attendees, ...(meeting.chair ? [meeting.chair] : []), ...(meeting.secretary ? [meeting.secretary] : [])];
  if (meeting.organisation) people.push({ name: meeting.organisation });
  const index = peopleIndex(people);
  for (const item of minutes.items) {
    for (const action of item.actions) {
      const place = action.position?.start;
      const where = place ? { place } : {};
      const what = inlineText(action.action).trim();
      const responsible = inlineText(action.responsible).trim();
      if (what !== "" && responsible === "") {
        report(file, { severity: "warning", rule: "action-responsible-missing", message: `The action "${short(what)}" has no responsible.`, ...where, hint: "Name the person or organisation in charge in the responsible column." });
      } else if (responsible !== "" && meeting.attendees.length > 0) {
        const unknown = unknownOwners(responsible, index);
        if (unknown.length) {
          const cell = action.responsiblePosition?.start ?? place;
          report(file, { severity: "warning", rule: "action-responsible-unknown", message: `The responsible ${unknown.map((u) => `"${u}"`).join(", ")} is not among the attendees.`, ...(cell ? { place: cell } : {}), hint: "Check the spelling, or add them to `attendees:` in the front matter." });
        }
      }
      if (action.deadline?.date && action.deadline.date < meeting.date) {
        report(file, { severity: "warning", rule: "action-deadline-past", message: `The deadline ${action.deadline.text} is before the meeting date (${meeting.date}).`, ...where, hint: "Check the year and the month of the deadline." });
      }
    }
  }
}

function checkItems(minutes: Minutes, file: VFile): void {
  const seen = new Map<string, number>();
  for (const item of minutes.items) {
    const place = item.position?.start;
    const where = place ? { place } : {};
    if (item.typedNumber !== undefined && item.number !== null) {
      const typed = typedNumberValue(item.typedNumber);
      if (typed !== undefined && typed !== item.number) {
        report(file, { severity: "warning", rule: "agenda-number", message: text("agenda-number", { typed: item.typedNumber, position: item.number }), ...where, hint: text("agenda-number.hint", { position: item.number }) });
      }
    }
    const key = normalizeLabel(item.title);
    const first = seen.get(key);
    if (first !== undefined) {
      report(file, { severity: "warning", rule: "agenda-duplicate-title", message: `The item title "${item.title}" is used twice (first on line ${first}).`, ...where, hint: "Give each agenda item its own title, or merge the two items." });
    } else seen.set(key, place?.line ?? 0);
    if (item.number !== null && !hasBody(item) && !item.noActionsStated) {
      report(file, { severity: "warning", rule: "agenda-empty-item", message: `The item "${item.title}" has no content.`, ...where, hint: 'Write what was said, or "N/A" under the actions label; add {-} after the title for a heading that is listed only.' });
    }
  }
}

function checkDeclaredAgenda(minutes: Minutes, file: VFile, context: ValidateContext): void {
  const declared = minutes.meeting.extra.agenda;
  if (!Array.isArray(declared)) return;
  const titles = minutes.items.map((i) => normalizeLabel(i.title));
  const listed = declared.map((d) => normalizeLabel(String(d).replace(/^\s*(?:\d+|[IVX]+)\s*[.)\-–:]\s+/, "")));
  const missing = declared.filter((_, i) => !titles.includes(listed[i]!));
  const extra = minutes.items.filter((i, n) => !listed.includes(titles[n]!) && !(i.number === null && !hasBody(i)));
  if (missing.length === 0 && extra.length === 0) return;
  const parts = [
    ...(missing.length ? [`declared but not written: ${missing.map((m) => `"${String(m)}"`).join(", ")}`] : []),
    ...(extra.length ? [`written but not declared: ${extra.map((i) => `"${i.title}"`).join(", ")}`] : []),
  ];
  report(file, {
    severity: "warning",
    rule: "agenda-declared",
    message: `The \`agenda:\` in the front matter does not match the items (${parts.join("; ")}).`,
    place: context.frontMatterPlace?.("agenda") ?? { line: 1, column: 1 },
    hint: "Make the list in `agenda:` and the item headings say the same thing, or remove `agenda:`: the agenda is generated from the items.",
  });
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
