// Reads the YAML front matter into MeetingInfo. YAML and schema problems become messages at the
// exact key or value (zod issue paths are mapped back to YAML source ranges); nothing here throws.
// Unknown keys get our key when one is meant (src/parse/key-aliases.ts), dates not written YYYY-MM-DD the
// ISO form of what was written (src/parse/front-matter-dates.ts), example values of the init sample a
// `placeholder-left` warning. A front matter with errors still gives what can be read, marked incomplete,
// so that the rest of the file is checked in the same pass.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { isSupportedLanguage, supportedLanguages } from "../i18n/labels.js";
import type { MeetingInfo, Person, Point, TimeRange } from "../model/minutes.js";
import { asRecord, readYaml, validateYaml, type YamlSource } from "../yaml-source.js";
import { dateRules } from "./date-forms.js";
import { checkFrontMatterDates } from "./front-matter-dates.js";
import { attendeesKey, reportFrontMatterKeys } from "./key-aliases.js";
import { quotePlaceholders, reportExampleValues } from "./placeholders.js";
import { frontMatterSchema, type FrontMatter } from "./front-matter-schema.js";
import { text } from "../i18n/messages.js";
import { readCycleFields } from "./cycle-fields.js";

export interface FrontMatterSource {
  /** The YAML text between the --- fences. */
  value: string;
  /** Line of the opening --- fence in the file. */
  fenceLine: number;
}

/** Values found elsewhere (first heading, file name) for documents without front matter. */
export interface Fallbacks {
  title?: string;
  date?: string;
  /** From the config file or a guess from the text, for meetings that do not say; asked only then. */
  language?: () => string;
  /** Header values read from the body ("Attendees: …", "## Apologies"), used for keys the front matter lacks. */
  values?: Record<string, unknown>;
  /** The config file's `organisation`, for meetings that name none. */
  organisation?: string;
  /** The user's locale (LC_ALL, LC_TIME or LANG): the order of numeric dates in a meeting in plain `en`. */
  locale?: string;
}

const frontMatter = text("yaml.what.front-matter");
const rule = "front-matter";

/** Filled by readFrontMatter: where a key's value is written, for later rules. */
export interface FrontMatterPlaces {
  frontMatterPlace?: (key: string) => Point;
  /** The front matter has errors: the meeting returned is what could be read, for checking the rest of the file. */
  incomplete?: boolean;
}

export function readFrontMatter(
  source: FrontMatterSource | undefined,
  fallbacks: Fallbacks,
  file: VFile,
  places: FrontMatterPlaces = {},
): MeetingInfo | undefined {
  let yaml: YamlSource | undefined;
  let raw: Record<string, unknown> = {};
  if (source) {
    yaml = readYaml(quotePlaceholders(source.value), file, { lineOffset: source.fenceLine, rule, what: frontMatter });
    if (!yaml) return undefined;
    const record = asRecord(yaml, file, { rule, what: frontMatter, hint: text("front-matter-shape.hint") });
    if (!record) return undefined;
    raw = record;
  }
  const values: Record<string, unknown> = { ...fallbacksFor(raw, fallbacks), ...raw };
  // `members:` (a Hugo or HackMD list) with no `attendees:`: the list is the attendees.
  const peopleKey = attendeesKey(raw);
  if (peopleKey) values.attendees = raw[peopleKey];
  const language = typeof values.language === "string" ? values.language : "en";
  reportFrontMatterKeys(values, yaml, file, language, raw);
  reportExampleValues(raw, yaml, file);
  const dates = checkFrontMatterDates(values, yaml, file, dateRules(language, fallbacks.locale));
  const data = validateYaml(frontMatterSchema, dates.values, yaml, file, {
    rule,
    what: source ? frontMatter : text("yaml.what.document"),
    invalidHint: (key) =>
      key.startsWith("date") || key.endsWith("date") || key === "next_meeting"
        ? text("front-matter-date.hint")
        : text("front-matter.schema.hint", { key: key.split(".")[0]! }),
    missingHint: (key) =>
      key === "date" ? text("front-matter-date.missing.hint") : text("yaml-missing.hint", { key }),
  });
  const place = (key: string): Point => (yaml ? yaml.valuePlace([key]) : { line: 1, column: 1 });
  places.frontMatterPlace = place;
  if (data && !dates.failed) return toMeetingInfo(data, values, file, place);
  places.incomplete = true;
  const meeting = toMeetingInfo(data ?? readablePart(dates.values), values, file, place);
  if (dates.date !== undefined) meeting.date = dates.date;
  return meeting;
}

/** The keys the schema accepts, without those it refused; title and date empty when refused or missing. */
function readablePart(values: Record<string, unknown>): FrontMatter {
  const refused = new Set(
    (frontMatterSchema.safeParse(values).error?.issues ?? []).map((issue) => String(issue.path[0] ?? "")),
  );
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !refused.has(key)));
  const partial = frontMatterSchema.partial().safeParse(kept);
  return { title: "", date: "", ...(partial.success ? partial.data : {}) } as FrontMatter;
}

function fallbacksFor(raw: Record<string, unknown>, fallbacks: Fallbacks): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fallbacks.values ?? {})) if (raw[key] === undefined) out[key] = value;
  if (raw.title === undefined && fallbacks.title) out.title = fallbacks.title;
  if (raw.date === undefined && fallbacks.date) out.date = fallbacks.date;
  if (raw.language === undefined && fallbacks.language) out.language = fallbacks.language();
  if (raw.organisation === undefined && out.organisation === undefined && fallbacks.organisation)
    out.organisation = fallbacks.organisation;
  return out;
}

/** A person as the front matter and the config write one: a name, or {name, organisation, abbreviation, role}. */
export const toPerson = (
  p:
    | string
    | { name: string; organisation?: string | undefined; abbreviation?: string | undefined; role?: string | undefined },
): Person =>
  typeof p === "string"
    ? { name: p }
    : {
        name: p.name,
        ...(p.organisation ? { organisation: p.organisation } : {}),
        ...(p.abbreviation ? { abbreviation: p.abbreviation } : {}),
        ...(p.role ? { role: p.role } : {}),
      };

/** "09:00-11:00", "9h00 - 11h00", "9h-11h", "09:00". */
export function parseTimeRange(text: string): TimeRange {
  const one = String.raw`(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?`;
  const m = new RegExp(`^${one}(?:\\s*(?:-|–|—|à|to)\\s*${one})?$`).exec(text.trim());
  const hhmm = (h?: string, mm?: string) =>
    h !== undefined && +h < 24 && +(mm ?? 0) < 60 ? `${h.padStart(2, "0")}:${mm ?? "00"}` : undefined;
  const start = m ? hhmm(m[1], m[2]) : undefined;
  const end = m && m[3] !== undefined ? hhmm(m[3], m[4]) : undefined;
  return { text, ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

function toMeetingInfo(
  fm: FrontMatter,
  values: Record<string, unknown>,
  file: VFile,
  placeOf: (key: string) => Point,
): MeetingInfo {
  const language = fm.language ?? "en";
  if (!isSupportedLanguage(language)) {
    report(file, {
      severity: "error",
      rule: "front-matter-language",
      message: text("front-matter-language", { language }),
      place: placeOf("language"),
      hint: text("front-matter-language.hint", { languages: supportedLanguages.join(", ") }),
    });
  }
  const checkTime = (key: string, time: TimeRange) => {
    if (!time.start) {
      report(file, {
        severity: "warning",
        rule: "front-matter-time",
        message: text("front-matter-time.unreadable", { key, time: time.text }),
        place: placeOf(key),
        hint: text("front-matter-time.unreadable.hint"),
      });
    } else if (time.end && time.end <= time.start) {
      report(file, {
        severity: "error",
        rule: "front-matter-time",
        message: text("front-matter-time.order", { key, end: time.end, start: time.start }),
        place: placeOf(key),
        hint: text("front-matter-time.order.hint"),
      });
    }
  };
  const time = fm.time !== undefined ? parseTimeRange(fm.time) : undefined;
  if (time) checkTime("time", time);

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values))
    if (!(key in frontMatterSchema.shape) || ["theme", "status", "agenda"].includes(key)) extra[key] = value;

  const info: MeetingInfo = {
    title: fm.title,
    date: fm.date,
    language,
    attendees: (fm.attendees ?? []).map(toPerson),
    absent: (fm.absent ?? []).map(toPerson),
    extra,
  };
  if (fm.guests?.length) info.guests = fm.guests.map(toPerson);
  if (fm.excused?.length) info.excused = fm.excused.map(toPerson);
  if (fm.subtitle) info.subtitle = fm.subtitle;
  if (fm.organisation) info.organisation = fm.organisation;
  if (time) info.time = time;
  if (fm.location) info.location = fm.location;
  if (fm.chair) info.chair = toPerson(fm.chair);
  if (fm.secretary) info.secretary = toPerson(fm.secretary);
  if (fm.previous) info.previous = { path: fm.previous, place: placeOf("previous") };
  if (typeof extra.theme === "string") info.themePlace = placeOf("theme");
  readCycleFields(info, fm, file, placeOf, toPerson);
  if (fm.next_meeting) {
    const next = typeof fm.next_meeting === "string" ? { date: fm.next_meeting } : fm.next_meeting;
    info.nextMeeting = { date: next.date };
    if ("time" in next && next.time) info.nextMeeting.time = parseTimeRange(next.time);
    if ("location" in next && next.location) info.nextMeeting.location = next.location;
  }
  return info;
}
