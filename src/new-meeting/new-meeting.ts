// `minutes new`: the next meeting's Markdown file from a template. In a repository whose config names a
// meetings folder (`meetings: minutes`, as `minutes init` writes it), the file goes to
// <meetings>/<year of the new date>/<date>-<meeting word>.md, from the repository's template
// (`template:`, else .minutes/template.md). With `from`, carries over the previous meeting's title,
// organisation, language, place and people, sets `previous:`, and writes a follow-up table of the actions
// still open (with their ids) for the secretariat to fill in.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { configPath } from "../config/config.js";
import { meetingWord } from "../i18n/sample-meeting.js";
import { isInside } from "../safe-path.js";
import { fillTemplate } from "./fill-template.js";
import { parseDocument } from "yaml";
import { check } from "../build.js";
import { configFor, type Config } from "../config/config.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import { actionLabelsFor, labelsFor } from "../i18n/labels.js";
import type { Minutes, Person, Point } from "../model/minutes.js";
import { decode, type SourceResult } from "../read-source.js";
import { readChain } from "../register/previous-actions.js";
import { pathProblem, projectFolder, resolveSafePath, type PathRules } from "../safe-path.js";
import { buildRegister, stillOpen, type RegisterEntry } from "../register/register.js";
import { builtinTemplate, defaultTitle } from "./builtin-template.js";

export interface NewMeetingOptions {
  /** ISO date of the new meeting; default: the previous meeting's next_meeting, else `today`. */
  date?: string;
  /** The previous meeting's file. */
  from?: string;
  /**
   * Where the new file goes; default: in the config's meetings folder, <meetings>/<year>/, else beside the
   * previous file (in the new date's year folder when it sits in a year folder), else the working folder;
   * named after the previous file with the new date, else <date>-<meeting word>.md in a repository, else <date>.md.
   */
  out?: string;
  /** The folder the command runs in (templates/meeting.md is looked for there too). */
  cwd: string;
  today: string;
  /** --allow-outside: files or folders outside the project folder that `previous:` and `template:` may lead to. */
  allowOutside?: string[];
}

export interface NewMeeting {
  path: string;
  text: string;
  /** Where the template came from: a file, or "built-in". */
  template: string;
  /** The open actions carried into the follow-up table. */
  carried: RegisterEntry[];
  diagnostics: Diagnostic[];
}

const cell = (s: string) =>
  s
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ")
    .trim();

function personValue(p: Person): string | Record<string, string> {
  return p.organisation || p.role
    ? { name: p.name, ...(p.organisation ? { organisation: p.organisation } : {}), ...(p.role ? { role: p.role } : {}) }
    : p.name;
}

/** The follow-up section: an unnumbered item with one row per open action, its status pre-filled. */
export function followUpSection(entries: RegisterEntry[], language: string): string {
  const labels = labelsFor(language);
  const al = actionLabelsFor(language);
  const head = [al.id, labels.action, al.responsible, labels.deadline, labels.status, al.comment];
  const rows = entries.map((e) => [
    e.id,
    e.actionText,
    e.responsibleText,
    e.deadline?.text ?? "",
    al.states[e.state].toLowerCase(),
    "",
  ]);
  const table = [head, head.map(() => "---"), ...rows].map((r) =>
    `| ${r.map(cell).join(" | ")} |`.replace(/ {2}\|/g, " |"),
  );
  return `## ${al.followUpTitle} {-}\n\n${table.join("\n")}\n`;
}

/** A place the template may be: written in the config (`template:`), or one of the usual places. */
interface TemplateCandidate {
  reference: string;
  baseDir: string;
  /** The folder it must stay in (symbolic links resolved). */
  rules: PathRules;
  /** Who names it, for messages: the config file and the place of `template:`, or the path itself. */
  source: string;
  place?: Point;
}

function templateFor(
  candidates: TemplateCandidate[],
  language: string,
): { text: string; source: string } | { problem: Diagnostic } {
  for (const candidate of candidates) {
    const where = resolveSafePath(candidate.reference, candidate.baseDir, candidate.rules);
    if (!where.ok) return { problem: pathProblem(where, "template", candidate.source, candidate.place) };
    const path = where.path;
    if (!existsSync(path)) continue;
    // A folder or a binary file named meeting.md is refused, not read as text (a folder made `new` crash).
    const read: SourceResult = statSync(path).isFile()
      ? decode(readFileSync(path))
      : { ok: false, message: text("template.not-a-file"), hint: text("template.not-a-file.hint") };
    if (!read.ok)
      return {
        problem: diagnostic({
          file: path,
          line: read.place?.line ?? null,
          column: read.place?.column ?? null,
          severity: "error",
          rule: "template",
          message: text("template", { reason: read.message }),
          hint: read.hint,
        }),
      };
    return { text: read.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), source: path };
  }
  return { text: builtinTemplate(language), source: "built-in" };
}

/**
 * Where the template is looked for: the config's `template:` (inside the project folder), then
 * .minutes/template.md (what `minutes init` writes) and templates/meeting.md beside the config, then
 * templates/meeting.md in the working folder.
 */
function templateCandidates(
  config: Config | undefined,
  cwd: string,
  allowOutside: readonly string[],
): TemplateCandidate[] {
  const usual = (dir: string, ...path: string[]): TemplateCandidate => ({
    reference: join(...path),
    baseDir: dir,
    rules: { projectDir: dir, allowOutside },
    source: join(dir, ...path),
  });
  if (!config) return [usual(cwd, "templates", "meeting.md")];
  const rules = { projectDir: config.dir, allowOutside };
  return [
    ...(config.template
      ? [
          {
            reference: config.template,
            baseDir: config.dir,
            rules,
            source: config.path,
            ...(config.places.template ? { place: config.places.template } : {}),
          },
        ]
      : []),
    usual(config.dir, ".minutes", "template.md"),
    usual(config.dir, "templates", "meeting.md"),
    usual(cwd, "templates", "meeting.md"),
  ];
}

/** The new meeting's path when --out does not give it (see NewMeetingOptions.out). */
function defaultPath(
  options: NewMeetingOptions,
  config: Config | undefined,
  date: string,
  language: string,
): { path: string } | { problem: Diagnostic } {
  const year = date.slice(0, 4);
  const fromName = options.from ? basename(options.from) : undefined;
  const word = `${date}-${meetingWord(language)}.md`;
  const name =
    fromName && /\d{4}-\d{2}-\d{2}/.test(fromName)
      ? fromName.replace(/\d{4}-\d{2}-\d{2}/, date)
      : config?.meetings
        ? word
        : `${date}.md`;
  const meetings = config ? configPath(config, "meetings", options.allowOutside ?? []) : undefined;
  if (meetings && "problem" in meetings) return meetings;
  // In the meetings folder: its year folder; a --from elsewhere keeps its own folder.
  if (meetings && (!options.from || isInside(resolve(options.from), meetings.path)))
    return { path: join(meetings.path, year, name) };
  if (options.from) {
    const folder = dirname(resolve(options.from));
    // A previous meeting in a year folder (…/2025/2025-12-11-cc.md): the new one goes to its date's year (…/2026/).
    return { path: join(/^\d{4}$/.test(basename(folder)) ? join(dirname(folder), year) : folder, name) };
  }
  return { path: join(options.cwd, name) };
}

export async function newMeeting(options: NewMeetingOptions): Promise<NewMeeting> {
  const diagnostics: Diagnostic[] = [];
  let previous: Minutes | undefined;
  let carried: RegisterEntry[] = [];
  let fromConfig: Config | undefined;
  if (options.from) {
    // strict: false — what `strict: missing` blocks is for publishing; the previous meeting is only read.
    const checked = await check(options.from, {
      resolvePrevious: false,
      strict: false,
      ...(options.allowOutside ? { allowOutside: options.allowOutside } : {}),
    });
    diagnostics.push(...checked.diagnostics);
    previous = checked.minutes;
    fromConfig = checked.config;
  }
  const date = options.date ?? previous?.meeting.nextMeeting?.date ?? options.today;
  if (options.from && previous) {
    const { chain, diagnostics: chainProblems } = await readChain(options.from, previous, {
      projectDir: projectFolder(options.from, fromConfig),
      allowOutside: options.allowOutside ?? [],
    });
    diagnostics.push(...chainProblems);
    carried = stillOpen(buildRegister(chain, date).entries);
  }
  // check() already found the config that applies to --from.
  const config = fromConfig ?? configFor(options.from ?? join(options.cwd, "new.md")).config;
  const language = previous?.meeting.language ?? config?.language ?? "en";

  const where = options.out !== undefined ? { path: options.out } : defaultPath(options, config, date, language);
  if ("problem" in where)
    return { path: "", text: "", template: "", carried, diagnostics: [...diagnostics, where.problem] };
  const path = where.path;

  const template = templateFor(templateCandidates(config, options.cwd, options.allowOutside ?? []), language);
  if ("problem" in template)
    return { path, text: "", template: "", carried, diagnostics: [...diagnostics, template.problem] };
  const title = previous?.meeting.title ?? defaultTitle(language);
  const followUp = previous ? followUpSection(carried, language) : "";
  let text = fillTemplate(template.text, { date, title });
  if (/\{\{\s*follow_up\s*\}\}/.test(text))
    text = text.replace(/\n?\{\{\s*follow_up\s*\}\}\n?/, followUp ? `\n${followUp}` : "");
  else if (followUp) {
    // Before the first numbered item, else at the end.
    const first = /^##\s+(?!.*\{(?:-|\.unnumbered)\}\s*$).*$/m.exec(text);
    text = first
      ? `${text.slice(0, first.index)}${followUp}\n${text.slice(first.index)}`
      : `${text.replace(/\n*$/, "\n\n")}${followUp}`;
  }

  // Front matter: the template's, with what carries over from the previous meeting set on top.
  const fence = /^---\n([\s\S]*?)\n?---\n/.exec(text);
  const doc = parseDocument(fence ? fence[1]! : "");
  doc.set("date", date);
  // One file for both stages (docs/meeting-cycle.md): a convocation first (`minutes agenda`, which `check`
  // accepts with its items still empty), the minutes once written and `status:` set to draft.
  if (!doc.has("status")) doc.set("status", "agenda");
  if (previous) {
    const m = previous.meeting;
    doc.set("title", m.title);
    doc.set("language", m.language);
    if (m.organisation) doc.set("organisation", m.organisation);
    if (m.location) doc.set("location", m.location);
    if (m.chair) doc.set("chair", personValue(m.chair));
    if (m.secretary) doc.set("secretary", personValue(m.secretary));
    if (m.attendees.length) doc.set("attendees", m.attendees.map(personValue));
    let link = relative(dirname(resolve(path)), resolve(options.from!))
      .split(sep)
      .join("/");
    if (!link.startsWith(".")) link = `./${link}`;
    doc.set("previous", link);
    // The next meeting approves these minutes; `minutes approve` records it in the previous file.
    if (!doc.has("approves")) doc.set("approves", "previous");
    doc.delete("next_meeting");
  }
  const front = `---\n${doc.toString({ lineWidth: 0 })}---\n`;
  text = fence ? front + text.slice(fence[0].length) : `${front}\n${text}`;
  return { path, text, template: template.source, carried, diagnostics };
}
