// `minutes new [--date D] [--from previous.md] [--out FILE]`: writes the next meeting's Markdown file from
// the template, never over an existing file. Registered on the program by cli.ts.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { isoDateArg, localToday } from "./cli-dates.js";
import { formatDiagnostic } from "../diagnostics.js";
import { newMeeting } from "../new-meeting/new-meeting.js";



export function registerNewCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("new")
    .description("create the next meeting's Markdown file from the template; --from carries over people and open actions")
    .option("--date <YYYY-MM-DD>", "meeting date (default: the previous meeting's next_meeting, else today)", isoDateArg("--date"))
    .option("--from <previous.md>", "the previous meeting: its attendees, language, organisation and open actions carry over")
    .option("-o, --out <file>", "the file to write (default: the previous file's name with the new date, else <date>.md)")
    .action(async (opts: { date?: string; from?: string; out?: string }) => {
      const created = await newMeeting({ ...opts, cwd: process.cwd(), today: localToday() });
      for (const d of created.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      if (created.diagnostics.some((d) => d.severity === "error")) {
        process.stderr.write(`minutes: ${opts.from ?? "the template"} has errors; fix them first, nothing was written\n`);
        setExit(1);
        return;
      }
      try {
        await writeFile(created.path, created.text, { flag: "wx" });
      } catch (error) {
        const code = (error as { code?: string }).code;
        process.stderr.write(code === "EEXIST" ? `minutes: ${created.path} already exists; I do not overwrite it. Give another name with --out.\n` : `minutes: could not write ${created.path}: ${(error as Error).message}\n`);
        setExit(1);
        return;
      }
      const carried = opts.from ? ` with ${created.carried.length} open action${created.carried.length === 1 ? "" : "s"} from ${opts.from}` : "";
      process.stdout.write(`wrote ${created.path}${carried} (template: ${created.template})\n`);
    });
}
