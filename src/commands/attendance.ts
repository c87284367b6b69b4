// `minutes attendance [paths...]`: attendance of the body's members (config `members:`) across the
// meetings under the paths, per member and per meeting, with the quorum: a terminal table, CSV or JSON.
// Registered on the program by cli.ts.
import { Option, type Command } from "commander";
import { diagnostic, formatDiagnostic } from "../diagnostics.js";
import { say, sayCount, text } from "../i18n/messages.js";
import { attendanceCsv, attendanceJson, attendanceTable, buildAttendance } from "../register/attendance-register.js";
import type { CommandIo } from "./command-io.js";
import { loadMeetings } from "./load-meetings.js";
import { isoDateArg } from "./cli-dates.js";
import { inPeriod } from "../register/decision-register.js";
import { editionOption, type Edition } from "./edition-option.js";
import { valueName, withExamples } from "./localised-help.js";
import { exportRefused, writeExport, meetingsArgument } from "./register-output.js";

const attendanceFormats = ["table", "csv", "json"] as const;

interface AttendanceOptions {
  format: (typeof attendanceFormats)[number];
  out?: string;
  since?: string;
  until?: string;
  edition?: Edition;
}

export function registerAttendanceCommand(program: Command, io: CommandIo): void {
  const command = program
    .command("attendance")
    .description(say("help.attendance"))
    .addArgument(meetingsArgument())
    .addOption(
      new Option(`-f, --format ${valueName("help.value.format")}`, say("help.attendance.format"))
        .choices([...attendanceFormats])
        .default("table"),
    )
    .option(`-o, --out ${valueName("help.value.file")}`, say("help.attendance.out"))
    .option(`--since ${valueName("help.value.date")}`, say("help.attendance.since"), isoDateArg("--since"))
    .option(`--until ${valueName("help.value.date")}`, say("help.attendance.until"), isoDateArg("--until"))
    .addOption(editionOption())
    .action(async (paths: string[], opts: AttendanceOptions) => {
      // --edition public: each meeting as its public edition shows it (items held in camera reduced to their number).
      const loaded = await loadMeetings(paths, opts.edition ? { edition: opts.edition } : {});
      for (const d of loaded.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      const failed = loaded.diagnostics.some((d) => d.severity === "error");
      if (failed) io.setExit(1);
      const register = buildAttendance(
        loaded.meetings.filter(({ minutes: { meeting } }) => inPeriod(meeting.date, opts)),
      );
      if (register.meetings.length === 0 && loaded.meetings.length > 0) {
        const problem = diagnostic({
          file: paths[0] ?? ".",
          line: null,
          column: null,
          severity: "error",
          rule: "attendance-no-members",
          message: text("attendance-no-members"),
          hint: text("attendance-no-members.hint"),
        });
        io.err(`${formatDiagnostic(problem)}\n`);
        io.setExit(1);
        return;
      }
      if (opts.out !== undefined && exportRefused(opts.out, loaded.read, failed, io)) return;
      const output =
        opts.format === "csv"
          ? attendanceCsv(register)
          : opts.format === "json"
            ? attendanceJson(register)
            : attendanceTable(register, io.streams.out.columns || 120);
      if (opts.out === undefined) {
        io.out(output);
        return;
      }
      if (!(await writeExport(opts.out, output, io))) return;
      io.err(
        `${say("attendance.wrote", { path: opts.out, meetings: sayCount("count.file", register.meetings.length) })}\n`,
      );
    });
  withExamples(command, [
    ["minutes attendance minutes", say("help.example.attendance.table")],
    ["minutes attendance minutes -f csv -o attendance.csv", say("help.example.actions.csv")],
  ]);
}
