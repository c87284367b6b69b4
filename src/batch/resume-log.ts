// The resume log (<out>/.minutes-manifest.log): one JSON line per file built, appended as each one
// finishes, so that a build stopped halfway (killed, a CI time-out, Ctrl-C) resumes: the next run reads
// the manifest, then these lines, and skips what was built (the key of each line is checked like the
// manifest's). The manifest written at the end of a run takes the lines in, and the log is removed. A
// line cut short by the kill is ignored, and the next line appended starts on a line of its own.
import { appendFileSync, lstatSync, readFileSync, unlinkSync } from "node:fs";
import type { ManifestEntry } from "./manifest.js";

export const resumeLogName = ".minutes-manifest.log";

interface LogLine extends ManifestEntry {
  /** The input, relative to the manifest's folder (the manifest's own key). */
  input: string;
}

export class ResumeLog {
  /** The log ends in a line cut short: the next line must not be glued to it. */
  private torn = false;

  constructor(readonly path: string) {}

  /** What earlier runs that did not finish recorded, oldest first (a later line for the same input wins). */
  read(): [string, ManifestEntry][] {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      return []; // none (the last run finished), or not a file: nothing to resume
    }
    this.torn = text.length > 0 && !text.endsWith("\n");
    return text.split("\n").flatMap((line) => {
      const entry = parseLine(line);
      if (!entry) return [];
      const { input, ...rest } = entry;
      return [[input, rest]];
    });
  }

  /** Records one built file; a file-system error is thrown (the caller reports it). */
  append(input: string, entry: ManifestEntry): void {
    const line: LogLine = { input, ...entry };
    appendFileSync(this.path, `${this.torn ? "\n" : ""}${JSON.stringify(line)}\n`);
    this.torn = false;
  }

  /** Once the manifest holds every line. Only a file is removed: a folder by that name is left as it is. */
  remove(): void {
    try {
      if (lstatSync(this.path).isFile()) unlinkSync(this.path);
    } catch {
      // Already gone. A log that stays is read again next time and holds nothing the manifest lacks.
    }
  }
}

function parseLine(line: string): LogLine | undefined {
  if (line.trim() === "") return undefined;
  try {
    const data = JSON.parse(line) as Partial<LogLine>;
    const valid =
      typeof data.input === "string" &&
      typeof data.key === "string" &&
      Array.isArray(data.outputs) &&
      data.outputs.every((o) => typeof o === "string");
    return valid ? (data as LogLine) : undefined;
  } catch {
    return undefined; // cut short by a kill (or a full disk)
  }
}
