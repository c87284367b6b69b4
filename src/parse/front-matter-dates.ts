// The front matter's dates (`date`, `next_meeting`, `next_meeting.date`) are written YYYY-MM-DD. Any other
// form is read with the one date reader (src/parse/date-forms.ts) so that the single message proposes the
// ISO form of what was written ("date: 12/03/2024" → "write date: 2024-03-12"), with a fix `check --fix`
// applies when the reading is not in doubt; that case is a warning, the others errors. The values handed on to the schema then hold that reading (or a
// stand-in), so the schema reports nothing twice and the rest of the file is still checked.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text, type MessageId } from "../i18n/messages.js";
import { keyRule } from "../rules.js";
import type { YamlSource } from "../yaml-source.js";
import { isIsoDate, isoCalendarDay, readDate, type DateRules } from "./date-forms.js";
import { valueEdit } from "./yaml-edits.js";

/** A date that stands in for one that could not be read, so that the schema does not report it again. */
const STAND_IN = "2000-01-01";

export interface CheckedDates {
  /** The values with each date field that is not ISO replaced by its reading, or a stand-in. */
  values: Record<string, unknown>;
  /** Some date field could not be read without doubt (each was reported as an error). */
  failed: boolean;
  /** The meeting date as read, when `date` was not ISO but could be read; "" when it could not. */
  date?: string;
}

export function checkFrontMatterDates(
  values: Record<string, unknown>,
  source: YamlSource | undefined,
  file: VFile,
  rules: DateRules,
): CheckedDates {
  const out: Record<string, unknown> = { ...values };
  let failed = false;
  let date: string | undefined;
  const check = (path: string[], value: unknown, set: (v: string) => void): void => {
    if (
      value === undefined ||
      value === null ||
      typeof value === "object" ||
      (typeof value === "string" && isIsoDate(value))
    )
      return;
    // Any other ISO 8601 form (a site generator's 2021-09-15T12:18:14.583Z, 20210915, 2021-W37-3) is its calendar day.
    const day =
      typeof value === "string" || (typeof value === "number" && Number.isInteger(value))
        ? isoCalendarDay(String(value))
        : undefined;
    if (day) {
      set(day.iso);
      return;
    }
    const { read, error } = reportDate(path, value, source, file, rules);
    if (error) failed = true;
    set(read ?? STAND_IN);
    if (error && path.length === 1 && path[0] === "date") date = read ?? "";
  };
  check(["date"], values.date, (v) => (out.date = v));
  const next = values.next_meeting;
  if (next && typeof next === "object" && !Array.isArray(next)) {
    const copy = { ...(next as Record<string, unknown>) };
    check(["next_meeting", "date"], copy.date, (v) => (copy.date = v));
    out.next_meeting = copy;
  } else check(["next_meeting"], next, (v) => (out.next_meeting = v));
  return { values: out, failed, ...(date !== undefined ? { date } : {}) };
}

/**
 * One message for a date field not written YYYY-MM-DD; returns the date read from it, if any, and whether the
 * message is an error. A date that reads only one way (`15/03/2024`, `9 avril 2024`, or `12/03/2024` under a
 * language that says the day comes first) is a warning: the date is kept and `check --fix` writes it ISO. One
 * whose day and month can be swapped with nothing to say which comes first stays an error.
 */
function reportDate(
  path: string[],
  value: unknown,
  source: YamlSource | undefined,
  file: VFile,
  rules: DateRules,
): { read?: string; error: boolean } {
  const key = path.join(".");
  const written = String(value);
  const place = source ? source.valuePlace(path) : { line: 1, column: 1 };
  const rule = keyRule("front-matter", path[0]);
  const say = (
    id: MessageId,
    hint: MessageId,
    params: Record<string, string>,
    fix?: ReturnType<typeof valueEdit>,
    severity: "error" | "warning" = "error",
  ) =>
    report(file, {
      severity,
      rule,
      message: text(id, { key, written, ...params }),
      place,
      hint: text(hint, { key, ...params }),
      ...(fix ? { fix } : {}),
    });
  // A `{{date}}` the template left: `new` fills it; written by hand, the clerk is told what it is.
  if (/^\{\{?\s*[^{}]*\}?\}$/.test(written.trim())) {
    say("front-matter-date.placeholder", "front-matter-date.placeholder.hint", {
      written: written.startsWith("{{") ? written : `{${written}}`,
    });
    return { error: true };
  }
  const read = typeof value === "string" ? readDate(value, rules) : undefined;
  if (read?.otherReading) {
    say("front-matter-date.ambiguous", "front-matter-date.ambiguous.hint", { iso: read.iso, other: read.otherReading });
    return { read: read.iso, error: true };
  }
  if (read) {
    say(
      "front-matter-date.not-iso",
      "front-matter-date.not-iso.hint",
      { iso: read.iso },
      source ? valueEdit(source, path, read.iso) : undefined,
      "warning",
    );
    return { read: read.iso, error: false };
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(written.trim()))
    say("front-matter-date.impossible", "front-matter-date.impossible.hint", {});
  else say("front-matter-date.unreadable", "front-matter-date.unreadable.hint", {});
  return { error: true };
}
