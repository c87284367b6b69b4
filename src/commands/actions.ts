// `minutes actions [paths...]`: the action register of every meeting under the paths, as a terminal table
// or exported (csv, json, md, ics, pdf, docx, html), with filters. Registered on the program by cli.ts.
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { overwriteProblem, overwritesInput, writeAtomically, writeProblem } from "../write-atomically.js";
import { Argument, Option, type Command } from "commander";
import { isoDateArg, localToday } from "./cli-dates.js";
import type { CommandIo } from "./command-io.js";
import { usageProblem, valueName, withExamples } from "./localised-help.js";
import { configFor } from "../config/config.js";
import { diagnostic, formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { say, sayCount, text } from "../i18n/messages.js";
import { loadRenderer } from "../render/renderers.js";
import { filterRegister, parseStatusList, type RegisterFilter } from "../register/filter-register.js";
import { loadMeetings } from "./load-meetings.js";
import { buildRegister, inMeetingOrder } from "../register/register.js";
import { registerIcs, type IcsKind } from "../register/register-ics.js";
import { layoutRegister } from "../register/register-layout.js";
import { registerCsv, registerJson, registerMarkdown, registerTable } from "../register/register-text.js";
import { loadTheme } from "../theme/load-theme.js";
import { defaultTheme } from "../theme/default-theme.js";

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
}

/** A file export refused because the meetings have errors: a partial register must not replace a good one. */
function notWritten(out: string): Diagnostic {
  return diagnostic({
    file: out,
    line: null,
    column: null,
    severity: "error",
    rule: "not-written",
    message: text("not-written"),
    hint: text("not-written.hint"),
  });
}

export function registerActionsCommand(program: Command, io: CommandIo): void {
  const date = valueName("help.value.date");
  const command = program
    .command("actions")
    .description(say("help.actions"))
    .addArgument(
      new Argument(`[${say("help.value.files")}...]`, say("help.actions.meetings")).default(
        ["."],
        say("help.default.this-folder"),
      ),
    )
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

      const loaded = await loadMeetings(paths);
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
      if (out !== undefined) {
        const input = overwritesInput(out, loaded.read);
        const refused = input !== undefined ? overwriteProblem(input, out) : failed ? notWritten(out) : undefined;
        if (refused) {
          io.err(`${formatDiagnostic(refused)}\n`);
          io.setExit(1);
          return;
        }
      }
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
          const ordered = inMeetingOrder(loaded.meetings);
          const latest = ordered[ordered.length - 1]?.minutes.meeting;
          const config = configFor(resolve(paths[0] ?? ".", "x")).config;
          const language = opts.language ?? config?.language ?? latest?.language ?? "en";
          // The register takes the repository's theme (config `theme:`), like the compte-rendu.
          const themed = config?.theme
            ? loadTheme(
                {
                  reference: config.theme,
                  baseDir: config.dir,
                  source: config.path,
                  ...(config.places.theme ? { place: config.places.theme } : {}),
                },
                { projectDir: config.dir, allowOutside: opts.allowOutside ?? [] },
              )
            : { theme: defaultTheme(), diagnostics: [] };
          for (const d of themed.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
          if (!themed.theme) {
            io.setExit(1);
            return;
          }
          const layout = layoutRegister(register, entries, {
            language,
            theme: themed.theme,
            ...(latest?.organisation ? { organisation: latest.organisation } : {}),
          });
          output = await (await loadRenderer(opts.format))(layout, {
            theme: themed.theme,
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
      try {
        await mkdir(dirname(resolve(out)), { recursive: true });
        await writeAtomically(out, typeof output === "string" ? new TextEncoder().encode(output) : output);
      } catch (error) {
        const problem = writeProblem(out, error, (why) => text("write-output.export", { why }));
        if (problem === undefined) throw error;
        io.err(`${formatDiagnostic(problem)}\n`);
        io.setExit(1);
        return;
      }
      io.err(`${say("actions.wrote", { path: out, actions: sayCount("count.action", entries.length) })}\n`);
    });
  const name = say("help.example.responsible");
  withExamples(command, [
    ["minutes actions minutes", say("help.example.actions.table")],
    [`minutes actions minutes --overdue --responsible ${name}`, say("help.example.actions.overdue", { name })],
    ["minutes actions minutes -f csv -o actions.csv", say("help.example.actions.csv")],
  ]);
}
