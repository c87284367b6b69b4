// Finds and parses the meetings under the given paths (files, or folders searched recursively for .md
// files). A file that cannot be read or parsed becomes diagnostics; the others still count.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathKey } from "../batch/batch-paths.js";
import { check } from "../build.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import type { Meeting } from "../register/register.js";
import { publicEditions, type Edition } from "../model/public-edition.js";

/** Files a folder search leaves out: they are not meetings. */
const NOT_MEETINGS = /^(readme|changelog|license|licence|contributing|index)\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(["node_modules", "templates", "dist"]);

export interface LoadedMeetings {
  meetings: Meeting[];
  diagnostics: Diagnostic[];
  /** Every file read: the meeting files (parsed or not) and the config files that applied. An export must not overwrite one. */
  read: string[];
}

async function meetingFiles(path: string, diagnostics: Diagnostic[]): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    diagnostics.push(
      diagnostic({
        file: path,
        line: null,
        column: null,
        severity: "error",
        rule: "read",
        message: text("read.nothing-here"),
        hint: text("read.nothing-here.hint"),
      }),
    );
    return [];
  }
  if (info.isFile()) return [path];
  const out: string[] = [];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, "en"));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) out.push(...(await meetingFiles(child, diagnostics)));
    else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name) && !NOT_MEETINGS.test(entry.name)) out.push(child);
  }
  return out;
}

/** `edition: "public"`: every meeting as publicEditions() leaves it (items held in camera reduced to their number). */
export async function loadMeetings(paths: string[], options: { edition?: Edition } = {}): Promise<LoadedMeetings> {
  const diagnostics: Diagnostic[] = [];
  // One meeting named twice ("minutes" and its absolute path; "a/x.md" and "A\X.md" on Windows) is read
  // once: read twice, its actions would clash with themselves.
  const seen = new Set<string>();
  const files = (await Promise.all(paths.map((p) => meetingFiles(p, diagnostics)))).flat().filter((file) => {
    const key = pathKey(file);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  const meetings: Meeting[] = [];
  const read = new Set(files);
  for (const file of files) {
    // strict: false — the register reads meetings; what `strict: missing` blocks is for publishing.
    const result = await check(file, { resolvePrevious: false, strict: false });
    diagnostics.push(...result.diagnostics);
    if (result.minutes) meetings.push({ path: file, minutes: result.minutes });
    if (result.config) read.add(result.config.path);
  }
  if (options.edition === "public") {
    const shown = publicEditions(meetings.map((m) => m.minutes));
    meetings.forEach((m, i) => (m.minutes = shown[i]!));
  }
  return { meetings, diagnostics, read: [...read] };
}
