// `minutes new [--date D] [--from previous.md] [--out FILE]`: writes the next meeting's Markdown file from
// the template, never over an existing file. Registered on the program by cli.ts.
import { mkdir } from "node:fs/promises";
import { dirname, relative } from "node:path";
import type { Command } from "commander";
import { isoDateArg, localToday } from "./cli-dates.js";
import { overwriteProblem, overwritesInput, whyNotWrittenText, writeFixText, writeNew } from "../write-atomically.js";
import { diagnostic, formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { say, sayCount, text } from "../i18n/messages.js";
import { newMeeting } from "../new-meeting/new-meeting.js";
import { valueName, withExamples } from "./localised-help.js";
import type { CommandIo } from "./command-io.js";

export function registerNewCommand(program: Command, io: CommandIo): void {
  const command = program
    .command("new")
    .description(say("help.new"))
    .option(`--date ${valueName("help.value.date")}`, say("help.new.date"), isoDateArg("--date"))
    .option(`--from ${valueName("help.value.previous")}`, say("help.new.from"))
    .option(`-o, --out ${valueName("help.value.file")}`, say("help.new.out"))
    .option(
      `--allow-outside ${valueName("help.value.path")}`,
      say("help.new.allow-outside"),
      (value: string, list: string[] = []) => [...list, value],
    )
    .action(async (opts: { date?: string; from?: string; out?: string; allowOutside?: string[] }) => {
      const created = await newMeeting({ ...opts, cwd: process.cwd(), today: localToday() });
      for (const d of created.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      if (created.diagnostics.some((d) => d.severity === "error")) {
        io.err(`minutes: ${say("new.has-errors", { file: opts.from ?? say("new.the-template") })}\n`);
        io.setExit(1);
        return;
      }
      const refuse = (problem: Diagnostic): void => {
        io.err(`${formatDiagnostic(problem)}\n`);
        io.setExit(1);
      };
      // --from itself (or the template) under the new name: refused like any existing file, with the reason.
      const input = overwritesInput(created.path, [
        ...(opts.from ? [opts.from] : []),
        ...(created.template !== "built-in" ? [created.template] : []),
      ]);
      if (input !== undefined) return refuse(overwriteProblem(input, created.path));
      try {
        // In a repository, the meeting's year folder (minutes/2026/) may not exist yet.
        await mkdir(dirname(created.path), { recursive: true });
        await writeNew(created.path, created.text);
      } catch (error) {
        const why = whyNotWrittenText(error);
        if (why === undefined) throw error;
        const exists = (error as NodeJS.ErrnoException).code === "EEXIST";
        return refuse(
          diagnostic({
            file: created.path,
            line: null,
            column: null,
            severity: "error",
            rule: exists ? "output-exists" : "write-output",
            message: exists ? text("output-exists") : text("write-output.new-meeting", { why }),
            hint: exists ? text("output-exists.hint") : writeFixText(error),
          }),
        );
      }
      // Where it wrote, as the clerk would type it from here.
      const shown = relative(process.cwd(), created.path) || created.path;
      const template =
        created.template === "built-in" ? say("new.built-in") : relative(process.cwd(), created.template);
      const wrote = opts.from
        ? say("new.wrote-from", {
            path: shown,
            actions: sayCount("count.carried", created.carried.length),
            from: opts.from,
            template,
          })
        : say("new.wrote", { path: shown, template });
      io.out(`${wrote}\n`);
    });
  withExamples(command, [
    ["minutes new", say("help.example.new.next")],
    ["minutes new --date 2024-04-09", say("help.example.new.date")],
    ["minutes new --from minutes/2024/2024-03-12.md", say("help.example.new.from")],
  ]);
}
