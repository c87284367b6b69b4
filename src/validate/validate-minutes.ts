// Rules that need the whole model: responsibles against attendees, deadlines against the meeting
// date, agenda numbering, duplicate and empty items, and a declared `agenda:` against the sections.
// Each finding is a message with a rule id and a place; nothing here changes the model.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { inlineText, hasBody, type Minutes, type Point } from "../model/minutes.js";
import { normalizeLabel } from "../i18n/text-match.js";
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
  const people = [
    ...meeting.attendees,
    ...(meeting.chair ? [meeting.chair] : []),
    ...(meeting.secretary ? [meeting.secretary] : []),
  ];
  if (meeting.organisation) people.push({ name: meeting.organisation });
  const index = peopleIndex(people);
  for (const item of minutes.items) {
    for (const action of item.actions) {
      const place = action.position?.start;
      const where = place ? { place } : {};
      const what = inlineText(action.action).trim();
      const responsible = inlineText(action.responsible).trim();
      if (what !== "" && responsible === "") {
        report(file, {
          severity: "warning",
          rule: "action-responsible-missing",
          message: text("action-responsible-missing", { action: short(what) }),
          ...where,
          hint: text("action-responsible-missing.hint"),
        });
      } else if (responsible !== "" && meeting.attendees.length > 0 && !minutes.body) {
        const unknown = unknownOwners(responsible, index);
        if (unknown.length) {
          const cell = action.responsiblePosition?.start ?? place;
          report(file, {
            severity: "warning",
            rule: "action-responsible-unknown",
            message: text("action-responsible-unknown", { names: unknown.map((u) => `"${u}"`).join(", ") }),
            ...(cell ? { place: cell } : {}),
            hint: text("action-responsible-unknown.hint"),
          });
        }
      }
      if (action.deadline?.date && action.deadline.date < meeting.date) {
        report(file, {
          severity: "warning",
          rule: "action-deadline-past",
          message: text("action-deadline-past", { deadline: action.deadline.text, date: meeting.date }),
          ...where,
          hint: text("action-deadline-past.hint"),
        });
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
        report(file, {
          severity: "warning",
          rule: "agenda-number",
          message: text("agenda-number", { typed: item.typedNumber, position: item.number }),
          ...where,
          hint: text("agenda-number.hint", { position: item.number }),
        });
      }
    }
    const key = normalizeLabel(item.title);
    const first = seen.get(key);
    if (first !== undefined) {
      report(file, {
        severity: "warning",
        rule: "agenda-duplicate-title",
        message: text("agenda-duplicate-title", { title: item.title, line: first }),
        ...where,
        hint: text("agenda-duplicate-title.hint"),
      });
    } else seen.set(key, place?.line ?? 0);
    // A convocation (status: agenda) lists its items before the meeting: empty is what they should be.
    if (item.number !== null && !hasBody(item) && !item.noActionsStated && minutes.meeting.status !== "agenda") {
      report(file, {
        severity: "warning",
        rule: "agenda-empty-item",
        message: text("agenda-empty-item", { title: item.title }),
        ...where,
        hint: text("agenda-empty-item.hint"),
      });
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
  const declaredOnly = text("agenda-declared.missing", { titles: missing.map((m) => `"${String(m)}"`).join(", ") });
  const writtenOnly = text("agenda-declared.extra", { titles: extra.map((i) => `"${i.title}"`).join(", ") });
  const differences =
    missing.length && extra.length
      ? text("agenda-declared.both", { missing: declaredOnly, extra: writtenOnly })
      : missing.length
        ? declaredOnly
        : writtenOnly;
  report(file, {
    severity: "warning",
    rule: "agenda-declared",
    message: text("agenda-declared", { differences }),
    place: context.frontMatterPlace?.("agenda") ?? { line: 1, column: 1 },
    hint: text("agenda-declared.hint"),
  });
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
