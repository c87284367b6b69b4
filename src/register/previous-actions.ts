// The compte-rendu's follow-up section: when the front matter names the previous meeting, read it (and
// the meetings it names in turn) through the build's world, build the register of that chain plus this
// meeting, and list every action of the chain still open after this meeting (as `minutes new --from` carries
// them), the previous meeting's actions, and the ones followed up, with their status after this meeting.
import { dirname, resolve } from "node:path";
import { diagnostic, type Diagnostic, type DiagnosticFields } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import { pathProblem, type PathRules } from "../safe-path.js";
import { actionLabelsFor } from "../i18n/labels.js";
import type { Minutes, PreviousActions } from "../model/minutes.js";
import { actionsInCamera } from "../model/public-edition.js";
import { parseMinutes } from "../parse/parse-minutes.js";
import { readSource } from "../read-source.js";
import { World } from "../world/world.js";
import { buildRegister, stillOpen, type Meeting } from "./register.js";

/** How far back the chain of `previous:` links is followed. */
const MAX_CHAIN = 50;

// Building a folder of meetings reads each chain again: parsed meetings are kept for the process, keyed
// by path and the hash of the bytes the world read, so N meetings cost N parses rather than N × chain length.
const parsedCache = new Map<string, Minutes | undefined>();
const CACHE_LIMIT = 1000;

export async function readMeeting(
  path: string,
  language: string | undefined,
  world: World,
): Promise<Minutes | undefined> {
  const source = await readSource(path, world);
  const key = `${path}\0${world.hashOf(path) ?? ""}\0${language ?? ""}`;
  if (source.ok && parsedCache.has(key)) return parsedCache.get(key);
  const minutes = source.ok
    ? parseMinutes(source.text, { path, ...(language ? { language } : {}) }).minutes
    : undefined;
  if (parsedCache.size >= CACHE_LIMIT) parsedCache.clear();
  parsedCache.set(key, minutes);
  return minutes;
}

export interface PreviousResult {
  previousActions?: PreviousActions;
  diagnostics: Diagnostic[];
}

export interface Chain {
  /** This meeting first, then the previous one, and so on back. */
  chain: Meeting[];
  diagnostics: Diagnostic[];
  /** True when the chain was cut at MAX_CHAIN meetings: older actions are not known. */
  truncated: boolean;
}

/**
 * This meeting and the meetings its `previous:` links lead to, newest first. Problems are diagnostics.
 * Every link must stay inside the project folder (`rules`): one that leaves it is an error, and not read.
 */
export async function readChain(
  input: string,
  minutes: Minutes,
  rules: PathRules,
  language?: string,
  world: World = new World(),
): Promise<Chain> {
  const diagnostics: Diagnostic[] = [];
  const chain: Meeting[] = [{ path: input, minutes }];
  const ref = minutes.meeting.previous;
  if (!ref) return { chain, diagnostics, truncated: false };
  const seen = new Set([resolve(input)]);
  let from = input;
  let link = ref;
  // Where a broken link is reported, and how: at this meeting's `previous:` an error, further down the chain a warning.
  let place: Omit<DiagnosticFields, "message"> = {
    file: input,
    line: ref.place.line,
    column: ref.place.column,
    severity: "error",
    rule: "front-matter-previous",
  };
  let truncated = false;
  for (let depth = 0; ; depth++) {
    if (depth === MAX_CHAIN) {
      truncated = true;
      break;
    }
    const where = world.resolve(link.path, dirname(from), rules);
    if (!where.ok) {
      // An escape is an error wherever it is in the chain: the file is not read.
      diagnostics.push(pathProblem(where, "previous", from, link.place));
      break;
    }
    const path = where.path;
    if (seen.has(path)) break;
    seen.add(path);
    if (world.kind(path) === undefined) {
      diagnostics.push(
        diagnostic({
          ...place,
          message: text("front-matter-previous.missing", { reference: link.path, path }),
          hint: text("front-matter-previous.missing.hint"),
        }),
      );
      break;
    }
    const parsed = await readMeeting(path, language, world);
    if (!parsed) {
      diagnostics.push(
        diagnostic({
          ...place,
          message: text("front-matter-previous.unreadable", { reference: link.path }),
          hint: text("front-matter-previous.unreadable.hint", { reference: link.path }),
        }),
      );
      break;
    }
    chain.push({ path, minutes: parsed });
    const next = parsed.meeting.previous;
    if (!next) break;
    // Problems further down the chain are warnings: this meeting can still be built.
    place = {
      file: path,
      line: next.place.line,
      column: next.place.column,
      severity: "warning",
      rule: "front-matter-previous",
    };
    from = path;
    link = next;
  }
  return { chain, diagnostics, truncated };
}

export async function previousActions(
  input: string,
  minutes: Minutes,
  rules: PathRules,
  language?: string,
  world?: World,
): Promise<PreviousResult> {
  if (!minutes.meeting.previous) return { diagnostics: [] };
  const { chain, diagnostics, truncated } = await readChain(input, minutes, rules, language, world);
  const previous = chain[1];
  if (!previous) return { diagnostics };
  const register = buildRegister(chain, minutes.meeting.date);
  // Unknown ids in this meeting's follow-ups are reported at their place.
  // (Past a chain of MAX_CHAIN meetings, an id may be older than what was read: then only a warning.)
  diagnostics.push(
    ...register.diagnostics
      .filter((d) => d.file === input)
      .map((d) => (truncated ? { ...d, severity: "warning" as const } : d)),
  );
  // Every action of the chain still open (an overdue one of three meetings ago stays until someone closes
  // it), the previous meeting's actions, those it followed up, and those this meeting follows up: the section
  // replaces this meeting's own follow-up item (see layout.ts), so every row the author wrote is in it.
  const followedUp = new Set(
    [previous.minutes, minutes].flatMap((m) => m.items.flatMap((i) => (i.followUps ?? []).map((f) => f.id))),
  );
  const open = new Set(stillOpen(register.entries));
  const labels = actionLabelsFor(minutes.meeting.language);
  // Actions decided in camera in any meeting of the chain: marked, so that the public edition leaves them out.
  const secret = actionsInCamera(chain.map((m) => m.minutes));
  const actions = register.entries
    .filter(
      (e) => e.meeting.path !== input && (open.has(e) || e.meeting.path === previous.path || followedUp.has(e.id)),
    )
    .map((e) => ({
      id: e.id,
      action: [{ type: "text" as const, value: e.actionText }],
      responsible: e.responsible,
      deadline: e.deadline,
      status: labels.states[e.state] + (e.overdue ? ` (${labels.overdue})` : ""),
      comment: e.comment ? [{ type: "text" as const, value: e.comment }] : [],
      ...(secret.has(e.id) ? { confidential: true } : {}),
    }));
  return {
    previousActions: { date: previous.minutes.meeting.date, title: previous.minutes.meeting.title, actions },
    diagnostics,
  };
}
