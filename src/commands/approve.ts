// `minutes approve [paths]`: records in the approved file's front matter what the approving meeting says
// (issue 22, part 5). A meeting approves the previous minutes with `approves: previous` (or a path), or with an
// agenda item "Approval of the minutes…" in any of the five languages; the file approved is `approves:`'s path,
// else `previous:`. Its front matter gets `status: approved` and `approved: {date, by}` (the approving meeting's
// date and title unless --date/--by say otherwise); every other byte of the file stays as it was
// (parse/front-matter-keys.ts), and the file is replaced atomically.
import { readFile } from "node:fs/promises";
import { Argument, type Command } from "commander";
import { diagnostic, formatDiagnostic } from "../diagnostics.js";
import { say, text } from "../i18n/messages.js";
import { setFrontMatterKeys } from "../parse/front-matter-keys.js";
import { approvalTarget } from "../register/approval.js";
import { projectFolder } from "../safe-path.js";
import { writeAtomically, writeProblem } from "../write-atomically.js";
import { isoDateArg } from "./cli-dates.js";
import type { CommandIo } from "./command-io.js";
import { loadMeetings } from "./load-meetings.js";
import { valueName, withExamples } from "./localised-help.js";

interface ApproveOptions {
  date?: string;
  by?: string;
  dryRun?: boolean;
}

export function registerApproveCommand(program: Command, io: CommandIo): void {
  const command = program
    .command("approve")
    .description(say("help.approve"))
    .addArgument(
      new Argument(`[${say("help.value.files")}...]`, say("help.approve.meetings")).default(
        ["."],
        say("help.default.this-folder"),
      ),
    )
    .option(`--date ${valueName("help.value.date")}`, say("help.approve.date"), isoDateArg("--date"))
    .option(`--by ${valueName("help.value.name")}`, say("help.approve.by"))
    .option("--dry-run", say("help.approve.dry-run"))
    .action(async (paths: string[], opts: ApproveOptions) => {
      const loaded = await loadMeetings(paths);
      const errors = loaded.diagnostics.filter((d) => d.severity === "error");
      for (const d of errors) io.err(`${formatDiagnostic(d)}\n`);
      if (errors.length) io.setExit(1);
      // Named one by one, a file that approves nothing is an error; in a folder, such files are simply not approvers.
      const named = paths.length === 1 && /\.(md|markdown)$/i.test(paths[0]!);
      for (const { path, minutes } of loaded.meetings) {
        // A convocation (status: agenda) approves nothing yet: the meeting has not been held.
        if (minutes.meeting.status === "agenda") continue;
        if (!minutes.meeting.approves) {
          if (named) {
            io.err(
              `${formatDiagnostic(
                diagnostic({
                  file: path,
                  line: 1,
                  column: 1,
                  severity: "error",
                  rule: "approve-nothing",
                  message: text("approve-nothing", { file: path }),
                  hint: text("approve-nothing.hint"),
                }),
              )}\n`,
            );
            io.setExit(1);
          }
          continue;
        }
        const rules = { projectDir: projectFolder(path, undefined), allowOutside: [] };
        const target = await approvalTarget(path, minutes, rules, minutes.meeting.language);
        if (!target) continue;
        if (target.recorded) {
          io.err(
            `minutes: ${say("approve.already", { file: target.path, date: target.minutes?.meeting.approved?.date ?? "" })}\n`,
          );
          continue;
        }
        const date = opts.date ?? minutes.meeting.date;
        const by = opts.by ?? minutes.meeting.title;
        const source = await readFile(target.path, "utf8");
        const edited = setFrontMatterKeys(source, {
          status: "approved",
          approved: `{ date: ${date}, by: ${JSON.stringify(by)} }`,
        });
        if (edited === undefined) continue;
        if (!opts.dryRun) {
          try {
            await writeAtomically(target.path, new TextEncoder().encode(edited));
          } catch (error) {
            const problem = writeProblem(target.path, error, (why) =>
              text("write-output.output", { output: target.path, why }),
            );
            if (problem === undefined) throw error;
            io.err(`${formatDiagnostic(problem)}\n`);
            io.setExit(1);
            continue;
          }
        }
        io.out(`${say("approve.done", { file: target.path, date, by })}\n`);
      }
    });
  withExamples(command, [
    ["minutes approve 2025-04-09-board.md", say("help.example.approve.one")],
    ["minutes approve minutes", say("help.example.approve.folder")],
  ]);
}
