// `minutes actions [paths...]`: the action register of every meeting under the paths, as a terminal table
// or exported (csv, json, md, ics, pdf, docx, html), with filters. Registered on the program by cli.ts.
import { exportRefused, registerLook, writeExport, meetingsArgument } from "./register-output.js";
import { Option, type Command } from "commander";
import { isoDateArg, localToday } from "./cli-dates.js";
import type { CommandIo } from "./command-io.js";
import { usageProblem, valueName, withExamples } from "./localised-help.js";
import { formatDiagnostic } from "../diagnostics.js";
import { say, sayCount } from "../i18n/messages.js";
import { loadRenderer } from "../render/renderers.js";
import { filterRegister, parseStatusList, type RegisterFilter } from "../register/filter-register.js";
import { loadMeetings } from "./load-meetings.js";
import { editionOption, type Edition } from "./edition-option.js";
import { buildRegister } from "../register/register.js";
import { registerIcs, type IcsKind } from "../register/register-ics.js";
import { layoutRegister } from "../register/register-layout.js";
import { registerCsv, registerJson, registerMarkdown, registerTable } from "../register/register-text.js";

const registerFormats = ["table", "csv", "json", "md", "ics", "pdf", "docx", "html"] as const;
type RegisterFormat = (typeof registerFormats)[number];

interface ActionsOptions {
  format: RegisterFormat;
  out?: string;
  status?: string;
  responsible?: string;
  overdue?: boolean;
  since?: string;
  today?: string;
  icsKind: IcsKind;
  language?: string;
  allowOutside?: string[];
  edition?: Edition;
}

export function registerActionsCommand(program: Command, io: CommandIo): void {
  const date = valueName("help.value.date");
  const command = program
    .command("actions")
    .description(say("help.actions"))
    .addArgument(meetingsArgument())
    .addOption(
      new Option(`-f, --format ${valueName("help.value.format")}`, say("help.actions.format"))
        .choices([...registerFormats])
        .default("table"),
    )
    .option(`-o, --out ${valueName("help.value.file")}`, say("help.actions.out"))
    .option(`--status ${valueName("help.value.list")}`, say("help.actions.status"))
    .option(`--responsible ${valueName("help.value.name")}`, say("help.actions.responsible"))
    .option("--overdue", say("help.actions.overdue"))
    .option(`--since ${date}`, say("help.actions.since"), isoDateArg("--since"))
    .option(`--today ${date}`, say("help.actions.today"), isoDateArg("--today"))
    .addOption(
      new Option(`--ics-kind ${valueName("help.value.kind")}`, say("help.actions.ics-kind"))
        .choices(["event", "todo"])
        .default("event"),
    )
    .option(`--language ${valueName("help.value.language")}`, say("help.actions.language"))
    .addOption(editionOption())
    .option(
      `--allow-outside ${valueName("help.value.path")}`,
      say("help.actions.allow-outside"),
      (value: string, list: string[] = []) => [...list, value],
    )
    .action(async (paths: string[], opts: ActionsOptions) => {
      const filter: RegisterFilter = {};
      if (opts.status !== undefined) {
        const { states, unknown } = parseStatusList(opts.status);
        if (unknown.length || !states.length) {
          io.err(usageProblem(say("usage.status", { value: unknown.join(", ") || opts.status }), "minutes actions"));
          io.setExit(2);
          return;
        }
        filter.status = states;
      }
      if (opts.responsible !== undefined) filter.responsible = opts.responsible;
      if (opts.overdue) filter.overdue = true;
      if (opts.since) filter.since = opts.since;

      const loaded = await loadMeetings(paths, opts.edition ? { edition: opts.edition } : {});
      const register = buildRegister(loaded.meetings, opts.today ?? localToday());
      const diagnostics = [...loaded.diagnostics, ...register.diagnostics];
      for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      const failed = diagnostics.some((d) => d.severity === "error");
      if (failed) io.setExit(1);
      // A file export is written only when every meeting was read without error, and never over one of them.
      const out =
        opts.out ??
        (opts.format === "pdf" || opts.format === "docx" || opts.format === "html"
          ? `action-register.${opts.format}`
          : undefined);
      if (out !== undefined && exportRefused(out, loaded.read, failed, io)) return;
      const entries = filterRegister(register.entries, filter);
      const stamp = register.latest ?? register.today;

      let output: string | Uint8Array;
      switch (opts.format) {
        case "csv":
          output = registerCsv(entries);
          break;
        case "json":
          output = registerJson(register, entries);
          break;
        case "md":
          output = registerMarkdown(entries);
          break;
        case "ics": {
          output = registerIcs(entries, { kind: opts.icsKind, stamp });
          const undated = entries.filter((e) => !e.deadline?.date).length;
          if (undated) io.err(`minutes: ${sayCount("actions.undated", undated)}\n`);
          break;
        }
        case "pdf":
        case "docx":
        case "html": {
          const look = registerLook(paths, loaded.meetings, opts, io);
          if (!look) return;
          const layout = layoutRegister(register, entries, {
            language: look.language,
            theme: look.theme,
            ...(look.organisation ? { organisation: look.organisation } : {}),
          });
          output = await (await loadRenderer(opts.format))(layout, {
            theme: look.theme,
            timestamp: new Date(`${stamp}T00:00:00Z`),
          });
          break;
        }
        default:
          output = registerTable(entries, io.streams.out.columns || 120);
      }
      if (out === undefined) {
        io.out(output);
        return;
      }
      if (!(await writeExport(out, output, io))) return;
      io.err(`${say("actions.wrote", { path: out, actions: sayCount("count.action", entries.length) })}\n`);
    });
  const name = say("help.example.responsible");
  withExamples(command, [
    ["minutes actions minutes", say("help.example.actions.table")],
    [`minutes actions minutes --overdue --responsible ${name}`, say("help.example.actions.overdue", { name })],
    ["minutes actions minutes -f csv -o actions.csv", say("help.example.actions.csv")],
  ]);
}
