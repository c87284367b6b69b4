// `minutes actions [paths...]`: the action register of every meeting under the paths, as a terminal table
// or exported (csv, json, md, ics, pdf, docx), with filters. Registered on the program by cli.ts.
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { overwriteProblem, overwritesInput, writeAtomically, writeProblem } from "../batch/write-atomically.js";
import { InvalidArgumentError, Option, type Command } from "commander";
import { isoDateArg, localToday } from "./cli-dates.js";
import { configFor } from "../config/config.js";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { loadLayoutRenderer } from "../render/renderers.js";
import { filterRegister, parseStatusList, type RegisterFilter } from "../register/filter-register.js";
import { loadMeetings } from "../register/load-meetings.js";
import { buildRegister, inMeetingOrder } from "../register/register.js";
import { registerIcs, type IcsKind } from "../register/register-ics.js";
import { layoutRegister } from "../register/register-layout.js";
import { registerCsv, registerJson, registerMarkdown, registerTable } from "../register/register-text.js";
import { loadTheme } from "../theme/load-theme.js";
import { defaultTheme } from "../theme/theme.js";

const registerFormats = ["table", "csv", "json", "md", "ics", "pdf", "docx"] as const;
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
  return { file: out, line: null, column: null, severity: "error", rule: "not-written", message: "The meetings have errors (above), so the export was not written; the file is as it was.", hint: "Fix the errors, then export again." };
}

export function registerActionsCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("actions")
    .description("list the actions of every meeting under the paths, with follow-ups applied; or export them")
    .argument("[paths...]", "meeting files or folders (searched for .md files)", ["."])
    .addOption(new Option("-f, --format <format>", "output format").choices([...registerFormats]).default("table"))
    .option("-o, --out <file>", "write to this file (default: standard output; action-register.pdf/.docx for those)")
    .option("--status <list>", "keep these states, comma-separated: open, in-progress, done, cancelled (French words too)")
    .option("--responsible <name>", "keep the actions whose responsible cell names this")
    .option("--overdue", "keep overdue actions only")
    .option("--since <YYYY-MM-DD>", "keep the actions raised at meetings on or after this date", isoDateArg("--since"))
    .option("--today <YYYY-MM-DD>", "judge overdue at this date (default: today)", isoDateArg("--today"))
    .addOption(new Option("--ics-kind <kind>", "calendar entries: all-day events or to-dos").choices(["event", "todo"]).default("event"))
    .option("--language <tag>", "language of the PDF/DOCX register (default: config, else the latest meeting's)")
    .option("--allow-outside <path>", "let paths written in the config (its theme's files) lead to this file or folder outside the project folder; repeatable", (value: string, list: string[] = []) => [...list, value])
    .action(async (paths: string[], opts: ActionsOptions) => {
      const filter: RegisterFilter = {};
      if (opts.status !== undefined) {
        const { states, unknown } = parseStatusList(opts.status);
        if (unknown.length || !states.length) throw new InvalidArgumentError(`--status "${unknown.join(", ") || opts.status}" is not a status: use open, in-progress, done or cancelled`);
        filter.status = states;
      }
      if (opts.responsible !== undefined) filter.responsible = opts.responsible;
      if (opts.overdue) filter.overdue = true;
      if (opts.since) filter.since = opts.since;

      const loaded = await loadMeetings(paths);
      const register = buildRegister(loaded.meetings, opts.today ?? localToday());
      const diagnostics = [...loaded.diagnostics, ...register.diagnostics];
      for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      const failed = diagnostics.some((d) => d.severity === "error");
      if (failed) setExit(1);
      // A file export is written only when every meeting was read without error, and never over one of them.
      const out = opts.out ?? (opts.format === "pdf" || opts.format === "docx" ? `action-register.${opts.format}` : undefined);
      if (out !== undefined) {
        const input = overwritesInput(out, loaded.read);
        const refused = input !== undefined ? overwriteProblem(input, out) : failed ? notWritten(out) : undefined;
        if (refused) {
          process.stderr.write(`${formatDiagnostic(refused)}\n`);
          setExit(1);
          return;
        }
      }
      const entries = filterRegister(register.entries, filter);
      const stamp = register.latest ?? register.today;

      let output: string | Uint8Array;
      switch (opts.format) {
        case "csv": output = registerCsv(entries); break;
        case "json": output = registerJson(register, entries); break;
        case "md": output = registerMarkdown(entries); break;
        case "ics": {
          output = registerIcs(entries, { kind: opts.icsKind, stamp });
          const undated = entries.filter((e) => !e.deadline?.date).length;
          if (undated) process.stderr.write(`minutes: ${undated} action${undated === 1 ? "" : "s"} without a dated deadline ${undated === 1 ? "is" : "are"} not in the calendar\n`);
          break;
        }
        case "pdf":
        case "docx": {
          const ordered = inMeetingOrder(loaded.meetings);
          const latest = ordered[ordered.length - 1]?.minutes.meeting;
          const config = configFor(resolve(paths[0] ?? ".", "x")).config;
          const language = opts.language ?? config?.language ?? latest?.language ?? "en";
          const layout = layoutRegister(register, entries, { language, ...(latest?.organisation ? { organisation: latest.organisation } : {}) });
          // The register takes the repository's theme (config `theme:`), like the compte-rendu.
          const themed = config?.theme ? loadTheme({ reference: config.theme, baseDir: config.dir, source: config.path, ...(config.places.theme ? { place: config.places.theme } : {}) }, { projectDir: config.dir, allowOutside: opts.allowOutside ?? [] }) : { theme: defaultTheme(), diagnostics: [] };
          for (const d of themed.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          if (!themed.theme) {
            setExit(1);
            return;
          }
          output = await (await loadLayoutRenderer(opts.format))(layout, { theme: themed.theme, timestamp: new Date(`${stamp}T00:00:00Z`) });
          break;
        }
        default: output = registerTable(entries, process.stdout.columns || 120);
      }
      if (out === undefined) {
        process.stdout.write(output);
        return;
      }
      try {
        await mkdir(dirname(resolve(out)), { recursive: true });
        await writeAtomically(out, typeof output === "string" ? new TextEncoder().encode(output) : output);
      } catch (error) {
        const problem = writeProblem(out, error, (why) => `The export could not be written (${why}); the file is as it was.`);
        if (problem === undefined) throw error;
        process.stderr.write(`${formatDiagnostic(problem)}\n`);
        setExit(1);
        return;
      }
      process.stderr.write(`wrote ${out} (${entries.length} action${entries.length === 1 ? "" : "s"})\n`);
    });
}
