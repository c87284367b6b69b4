// `minutes new [--date D] [--from previous.md] [--out FILE]`: writes the next meeting's Markdown file from
// the template, never over an existing file. Registered on the program by cli.ts.
import type { Command } from "commander";
import { isoDateArg, localToday } from "./cli-dates.js";
import { overwriteProblem, overwritesInput, whyNotWritten, writeFix, writeNew } from "../batch/write-atomically.js";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { newMeeting } from "../new-meeting/new-meeting.js";

export function registerNewCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("new")
    .description("create the next meeting's Markdown file from the template; --from carries over people and open actions")
    .option("--date <YYYY-MM-DD>", "meeting date (default: the previous meeting's next_meeting, else today)", isoDateArg("--date"))
    .option("--from <previous.md>", "the previous meeting: its attendees, language, organisation and open actions carry over")
    .option("-o, --out <file>", "the file to write (default: the previous file's name with the new date, else <date>.md)")
    .option("--allow-outside <path>", "let `previous:` and the config's `template:` lead to this file or folder outside the project folder; repeatable", (value: string, list: string[] = []) => [...list, value])
    .action(async (opts: { date?: string; from?: string; out?: string; allowOutside?: string[] }) => {
      const created = await newMeeting({ ...opts, cwd: process.cwd(), today: localToday() });
      for (const d of created.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      if (created.diagnostics.some((d) => d.severity === "error")) {
        process.stderr.write(`minutes: ${opts.from ?? "the template"} has errors; fix them first, nothing was written\n`);
        setExit(1);
        return;
      }
      const refuse = (problem: Diagnostic): void => {
        process.stderr.write(`${formatDiagnostic(problem)}\n`);
        setExit(1);
      };
      // --from itself (or the template) under the new name: refused like any existing file, with the reason.
      const input = overwritesInput(created.path, [...(opts.from ? [opts.from] : []), ...(created.template !== "built-in" ? [created.template] : [])]);
      if (input !== undefined) return refuse(overwriteProblem(input, created.path));
      try {
        await writeNew(created.path, created.text);
      } catch (error) {
        const why = whyNotWritten(error);
        if (why === undefined) throw error;
        const exists = (error as NodeJS.ErrnoException).code === "EEXIST";
        return refuse({
          file: created.path, line: null, column: null, severity: "error", rule: exists ? "output-exists" : "write-output",
          message: exists ? "This file already exists; I do not overwrite it, and nothing was written." : `The new meeting could not be written (${why}); nothing was written.`,
          hint: exists ? "Give another name with --out, or another --date." : writeFix(error),
        });
      }
      const carried = opts.from ? ` with ${created.carried.length} open action${created.carried.length === 1 ? "" : "s"} from ${opts.from}` : "";
      process.stdout.write(`wrote ${created.path}${carried} (template: ${created.template})\n`);
    });
}
