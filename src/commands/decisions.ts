// `minutes decisions [paths...]`: the decision register of every meeting under the paths (id, meeting,
// item, decision, vote as written), as a terminal table or exported (csv, json, md, pdf, docx, html),
// with filters (since, until, text, voted). Registered on the program by cli.ts.
import { Option, type Command } from "commander";
import { formatDiagnostic } from "../diagnostics.js";
import { formatDate } from "../i18n/format-meeting.js";
import { say, sayCount } from "../i18n/messages.js";
import { buildDecisionRegister, filterDecisions, type DecisionFilter } from "../register/decision-register.js";
import { layoutDecisionRegister } from "../register/decision-register-layout.js";
import { decisionsCsv, decisionsJson, decisionsMarkdown, decisionsTable } from "../register/decision-register-text.js";
import { loadRenderer } from "../render/renderers.js";
import { isoDateArg } from "./cli-dates.js";
import type { CommandIo } from "./command-io.js";
import { loadMeetings } from "./load-meetings.js";
import { editionOption, type Edition } from "./edition-option.js";
import { valueName, withExamples } from "./localised-help.js";
import { exportRefused, registerLook, writeExport, meetingsArgument } from "./register-output.js";

const decisionFormats = ["table", "csv", "json", "md", "pdf", "docx", "html"] as const;
type DecisionFormat = (typeof decisionFormats)[number];

interface DecisionsOptions {
  format: DecisionFormat;
  out?: string;
  since?: string;
  until?: string;
  text?: string;
  voted?: boolean;
  language?: string;
  allowOutside?: string[];
  edition?: Edition;
}

export function registerDecisionsCommand(program: Command, io: CommandIo): void {
  const date = valueName("help.value.date");
  const command = program
    .command("decisions")
    .description(say("help.decisions"))
    .addArgument(meetingsArgument())
    .addOption(
      new Option(`-f, --format ${valueName("help.value.format")}`, say("help.decisions.format"))
        .choices([...decisionFormats])
        .default("table"),
    )
    .option(`-o, --out ${valueName("help.value.file")}`, say("help.decisions.out"))
    .option(`--since ${date}`, say("help.decisions.since"), isoDateArg("--since"))
    .option(`--until ${date}`, say("help.decisions.until"), isoDateArg("--until"))
    .option(`--text ${valueName("help.value.name")}`, say("help.decisions.text"))
    .option("--voted", say("help.decisions.voted"))
    .option(`--language ${valueName("help.value.language")}`, say("help.decisions.language"))
    .addOption(editionOption())
    .option(
      `--allow-outside ${valueName("help.value.path")}`,
      say("help.actions.allow-outside"),
      (value: string, list: string[] = []) => [...list, value],
    )
    .action(async (paths: string[], opts: DecisionsOptions) => {
      const filter: DecisionFilter = {
        ...(opts.since ? { since: opts.since } : {}),
        ...(opts.until ? { until: opts.until } : {}),
        ...(opts.text ? { text: opts.text } : {}),
        ...(opts.voted ? { voted: true } : {}),
      };
      // --edition public: each meeting as its public edition shows it (items held in camera reduced to their number).
      const loaded = await loadMeetings(paths, opts.edition ? { edition: opts.edition } : {});
      for (const d of loaded.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      const failed = loaded.diagnostics.some((d) => d.severity === "error");
      if (failed) io.setExit(1);
      const drawn = opts.format === "pdf" || opts.format === "docx" || opts.format === "html";
      const out = opts.out ?? (drawn ? `decision-register.${opts.format}` : undefined);
      if (out !== undefined && exportRefused(out, loaded.read, failed, io)) return;
      const entries = filterDecisions(buildDecisionRegister(loaded.meetings), filter);
      // A reproducible stamp: the latest meeting's date.
      const stamp =
        loaded.meetings
          .map((m) => m.minutes.meeting.date)
          .sort()
          .pop() ?? "1970-01-01";

      let output: string | Uint8Array;
      switch (opts.format) {
        case "csv":
          output = decisionsCsv(entries);
          break;
        case "json":
          output = decisionsJson(entries);
          break;
        case "md":
          output = decisionsMarkdown(entries);
          break;
        case "pdf":
        case "docx":
        case "html": {
          const look = registerLook(paths, loaded.meetings, opts, io);
          if (!look) return;
          const layout = layoutDecisionRegister(entries, {
            language: look.language,
            theme: look.theme,
            date: formatDate(stamp, look.language),
            ...(look.organisation ? { organisation: look.organisation } : {}),
          });
          output = await (await loadRenderer(opts.format))(layout, {
            theme: look.theme,
            timestamp: new Date(`${stamp}T00:00:00Z`),
          });
          break;
        }
        default:
          output = decisionsTable(entries, io.streams.out.columns || 120);
      }
      if (out === undefined) {
        io.out(output);
        return;
      }
      if (!(await writeExport(out, output, io))) return;
      io.err(`${say("decisions.wrote", { path: out, decisions: sayCount("count.decision", entries.length) })}\n`);
    });
  withExamples(command, [
    ["minutes decisions minutes", say("help.example.decisions.table")],
    ["minutes decisions minutes --since 2024-01-01 -f pdf", say("help.example.decisions.pdf")],
  ]);
}
