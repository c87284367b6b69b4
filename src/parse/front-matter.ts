// Reads the YAML front matter into MeetingInfo. YAML and schema problems become messages at the
// exact key or value (zod issue paths are mapped back to YAML source ranges); nothing here throws.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { isSupportedLanguage, supportedLanguages } from "../i18n/labels.js";
import type { MeetingInfo, Person, Point, TimeRange } from "../model/minutes.js";
import { frontMatterSchema, knownKeys, type FrontMatter } from "./front-matter-schema.js";
import { closest } from "./text-match.js";

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
}

const MAX_ALIASES = 100;

export function readFrontMatter(source: FrontMatterSource | undefined, fallbacks: Fallbacks, file: VFile): MeetingInfo | undefined {
  const lineCounter = new LineCounter();
  const doc = source ? parseDocument(source.value, { lineCounter, uniqueKeys: true, prettyErrors: false }) : undefined;
  const at = (offset: number | undefined): Point => {
    if (!source) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: source.fenceLine + line, column: col };
  };

  let raw: unknown = {};
  if (doc) {
    for (const error of doc.errors) {
      report(file, { severity: "error", rule: "front-matter-yaml", message: `The front matter is not valid YAML: ${firstLine(error.message)}`, place: at(error.pos[0]), hint: "Check the indentation and quote values that contain a colon." });
    }
    if (doc.errors.length) return undefined;
    try {
      raw = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
    } catch (error) {
      report(file, { severity: "error", rule: "front-matter-yaml", message: `The front matter could not be read: ${firstLine(String((error as Error).message))}`, place: at(0), hint: "Remove YAML aliases (*name) and anchors (&name); write the values out." });
      return undefined;
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      report(file, { severity: "error", rule: "front-matter-shape", message: "The front matter must be a list of `key: value` lines.", place: at(0), hint: "Start with `title: …` and `date: YYYY-MM-DD`." });
      return undefined;
    }
  }
  const values = { ...fallbacksFor(raw as Record<string, unknown>, fallbacks), ...(raw as Record<string, unknown>) };

  for (const key of Object.keys(values)) {
    if (knownKeys.includes(key)) continue;
    const suggestion = closest(key, knownKeys);
    report(file, {
      severity: "warning",
      rule: "front-matter-unknown-key",
      message: `Unknown key \`${key}\`${suggestion ? `: did you mean \`${suggestion}\`?` : "."}`,
      place: at(keyRange(doc, key)),
      hint: suggestion ? `Rename it to \`${suggestion}\`.` : `Known keys: ${knownKeys.join(", ")}.`,
    });
  }

  const result = frontMatterSchema.safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      const key = path.join(".") || "front matter";
      const missing = issue.code === "invalid_type" && doc?.getIn(path) === undefined;
      report(file, {
        severity: "error",
        rule: `front-matter-${String(path[0] ?? "shape")}`,
        message: missing ? `The front matter needs \`${key}\`.` : `\`${key}\` ${issue.message}.`,
        place: at(missing ? 0 : valueRange(doc, path)),
        ...(missing ? { hint: key === "date" ? "Add a line `date: YYYY-MM-DD`, or name the file after the date (2022-09-23-meeting.md), or pass --date." : `Add a line \`${key}: …\`.` } : {}),
      });
    }
    return undefined;
  }
  return toMeetingInfo(result.data, values, file, (key) => at(valueRange(doc, [key])));
}

function fallbacksFor(raw: Record<string, unknown>, fallbacks: Fallbacks): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (raw.title === undefined && fallbacks.title) out.title = fallbacks.title;
  if (raw.date === undefined && fallbacks.date) out.date = fallbacks.date;
  return out;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function keyRange(doc: Document | undefined, key: string): number | undefined {
  if (!doc || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

function valueRange(doc: Document | undefined, path: (string | number)[]): number | undefined {
  for (let n = path.length; n > 0 && doc; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return node.range[0];
  }
  return undefined;
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
    report(file, { severity: "error", rule: "front-matter-language", message: `The language \`${language}\` is not supported.`, place: placeOf("language"), hint: `Use one of: ${supportedLanguages.join(", ")}.` });
  }
  const checkTime = (key: string, time: TimeRange) => {
    if (!time.start) {
      report(file, { severity: "warning", rule: "front-matter-time", message: `\`${key}\` "${time.text}" is not a time I can read; it is printed as written.`, place: placeOf(key), hint: 'Write it as "09:00" or "09:00-11:00".' });
    } else if (time.end && time.end <= time.start) {
      report(file, { severity: "error", rule: "front-matter-time", message: `\`${key}\` ends (${time.end}) before it starts (${time.start}).`, place: placeOf(key), hint: "Write the start time first, e.g. 09:00-11:00." });
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
  if (fm.next_meeting) {
    const next = typeof fm.next_meeting === "string" ? { date: fm.next_meeting } : fm.next_meeting;
    info.nextMeeting = { date: next.date };
    if ("time" in next && next.time) info.nextMeeting.time = parseTimeRange(next.time);
    if ("location" in next && next.location) info.nextMeeting.location = next.location;
  }
  return info;
}
