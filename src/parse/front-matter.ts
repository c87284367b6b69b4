// Reads the YAML front matter into MeetingInfo. YAML and schema problems become messages at the
// exact key or value (zod issue paths are mapped back to YAML source ranges); nothing here throws.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { isSupportedLanguage, supportedLanguages } from "../i18n/labels.js";
import type { MeetingInfo, Person, Point, TimeRange } from "../model/minutes.js";
import { asRecord, readYaml, reportUnknownKeys, validateYaml, type YamlSource } from "../yaml-source.js";
import { frontMatterSchema, knownKeys, type FrontMatter } from "./front-matter-schema.js";
import { text } from "../i18n/messages.js";

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
}

const frontMatter = text("yaml.what.front-matter");
const rule = "front-matter";

/** Filled by readFrontMatter: where a key's value is written, for later rules. */
export interface FrontMatterPlaces {
  frontMatterPlace?: (key: string) => Point;
}

export function readFrontMatter(source: FrontMatterSource | undefined, fallbacks: Fallbacks, file: VFile, places: FrontMatterPlaces = {}): MeetingInfo | undefined {
  let yaml: YamlSource | undefined;
  let raw: Record<string, unknown> = {};
  if (source) {
    yaml = readYaml(source.value, file, { lineOffset: source.fenceLine, rule, what: frontMatter });
    if (!yaml) return undefined;
    const record = asRecord(yaml, file, { rule, what: frontMatter, hint: text("front-matter-shape.hint") });
    if (!record) return undefined;
    raw = record;
  }
  const values = { ...fallbacksFor(raw, fallbacks), ...raw };
  reportUnknownKeys(values, knownKeys, yaml, file, "front-matter-unknown-key");
  const data = validateYaml(frontMatterSchema, values, yaml, file, {
    rule,
    what: source ? frontMatter : text("yaml.what.document"),
    invalidHint: (key) => (key.startsWith("date") || key.endsWith("date") || key === "next_meeting" ? text("front-matter-date.hint") : text("front-matter.schema.hint", { key: key.split(".")[0]! })),
    missingHint: (key) => (key === "date" ? text("front-matter-date.missing.hint") : text("yaml-missing.hint", { key })),
  });
  if (!data) return undefined;
  const place = (key: string): Point => (yaml ? yaml.valuePlace([key]) : { line: 1, column: 1 });
  places.frontMatterPlace = place;
  return toMeetingInfo(data, values, file, place);
}

function fallbacksFor(raw: Record<string, unknown>, fallbacks: Fallbacks): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fallbacks.values ?? {})) if (raw[key] === undefined) out[key] = value;
  if (raw.title === undefined && fallbacks.title) out.title = fallbacks.title;
  if (raw.date === undefined && fallbacks.date) out.date = fallbacks.date;
  if (raw.language === undefined && fallbacks.language) out.language = fallbacks.language();
  return out;
}

const toPerson = (p: string | { name: string; organisation?: string | undefined; role?: string | undefined }): Person =>
  typeof p === "string"
    ? { name: p }
    : { name: p.name, ...(p.organisation ? { organisation: p.organisation } : {}), ...(p.role ? { role: p.role } : {}) };

/** "09:00-11:00", "9h00 - 11h00", "9h-11h", "09:00". */
export function parseTimeRange(text: string): TimeRange {
  const one = String.raw`(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?`;
  const m = new RegExp(`^${one}(?:\\s*(?:-|–|—|à|to)\\s*${one})?$`).exec(text.trim());
  const hhmm = (h?: string, mm?: string) => (h !== undefined && +h < 24 && +(mm ?? 0) < 60 ? `${h.padStart(2, "0")}:${mm ?? "00"}` : undefined);
  const start = m ? hhmm(m[1], m[2]) : undefined;
  const end = m && m[3] !== undefined ? hhmm(m[3], m[4]) : undefined;
  return { text, ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

function toMeetingInfo(fm: FrontMatter, values: Record<string, unknown>, file: VFile, placeOf: (key: string) => Point): MeetingInfo {
  const language = fm.language ?? "en";
  if (!isSupportedLanguage(language)) {
    report(file, { severity: "error", rule: "front-matter-language", message: text("front-matter-language", { language }), place: placeOf("language"), hint: text("front-matter-language.hint", { languages: supportedLanguages.join(", ") }) });
  }
  const checkTime = (key: string, time: TimeRange) => {
    if (!time.start) {
      report(file, { severity: "warning", rule: "front-matter-time", message: text("front-matter-time.unreadable", { key, time: time.text }), place: placeOf(key), hint: text("front-matter-time.unreadable.hint") });
    } else if (time.end && time.end <= time.start) {
      report(file, { severity: "error", rule: "front-matter-time", message: text("front-matter-time.order", { key, end: time.end, start: time.start }), place: placeOf(key), hint: text("front-matter-time.order.hint") });
    }
  };
  const time = fm.time !== undefined ? parseTimeRange(fm.time) : undefined;
  if (time) checkTime("time", time);

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (!(key in frontMatterSchema.shape) || ["theme", "status", "agenda"].includes(key)) extra[key] = value;

  const info: MeetingInfo = {
    title: fm.title,
    date: fm.date,
    language,
    attendees: (fm.attendees ?? []).map(toPerson),
    absent: (fm.absent ?? []).map(toPerson),
    extra,
  };
  if (fm.subtitle) info.subtitle = fm.subtitle;
  if (fm.organisation) info.organisation = fm.organisation;
  if (time) info.time = time;
  if (fm.location) info.location = fm.location;
  if (fm.chair) info.chair = toPerson(fm.chair);
  if (fm.secretary) info.secretary = toPerson(fm.secretary);
  if (fm.previous) info.previous = { path: fm.previous, place: placeOf("previous") };
  if (typeof extra.theme === "string") info.themePlace = placeOf("theme");
  if (fm.next_meeting) {
    const next = typeof fm.next_meeting === "string" ? { date: fm.next_meeting } : fm.next_meeting;
    info.nextMeeting = { date: next.date };
    if ("time" in next && next.time) info.nextMeeting.time = parseTimeRange(next.time);
    if ("location" in next && next.location) info.nextMeeting.location = next.location;
  }
  return info;
}
