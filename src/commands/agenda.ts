// `minutes agenda meeting.md`: the convocation (ordre du jour) of a meeting, from the same file as its minutes,
// before the meeting is held (issue 22, part 1). Writes <name>.agenda.pdf and .docx (or --format) beside the
// file or into --out, drawn from layoutConvocation() by the compte-rendu's renderers, in its theme.
import { Argument, Option, type Command } from "commander";
import { build } from "../build.js";
import { formatDiagnostic } from "../diagnostics.js";
import { say } from "../i18n/messages.js";
import type { CommandIo } from "./command-io.js";
import { editionOption, type Edition } from "./edition-option.js";
import { valueName, withExamples } from "./localised-help.js";

const convocationFormats = ["pdf", "docx", "html"] as const;
type ConvocationFormat = (typeof convocationFormats)[number];

export function registerAgendaCommand(program: Command, io: CommandIo): void {
  const command = program
    .command("agenda")
    .description(say("help.agenda"))
    .addArgument(new Argument(`<${say("help.value.file")}>`, say("help.agenda.file")))
    .option(`-o, --out ${valueName("help.value.folder")}`, say("help.build.out"))
    .addOption(
      new Option(`-f, --format ${valueName("help.value.list")}`, say("help.agenda.format")).default("pdf,docx"),
    )
    .addOption(editionOption())
    .action(async (input: string, opts: { out?: string; format: string; edition?: Edition }) => {
      const formats = opts.format.split(",").map((f) => f.trim().toLowerCase());
      const unknown = formats.filter((f) => !(convocationFormats as readonly string[]).includes(f));
      if (unknown.length || !formats.length) {
        command.error(say("usage.format", { value: unknown.join(", "), formats: convocationFormats.join(", ") }), {
          exitCode: 2,
          code: "minutes.usage",
        });
      }
      // The build's own path: check, the edition, layoutConvocation, every renderer, atomic writes.
      const result = await build(input, {
        convocation: true,
        resolvePrevious: false,
        formats: formats as ConvocationFormat[],
        ...(opts.out ? { out: opts.out, outRoots: [opts.out] } : {}),
        ...(opts.edition ? { edition: opts.edition } : {}),
      });
      for (const d of result.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      if (!result.ok) {
        io.setExit(1);
        return;
      }
      const paths = result.outputs.map((o) => o.path);
      io.err(`minutes: ${say("agenda.written", { files: paths.join(", ") })}\n`);
    });
  withExamples(command, [
    ["minutes agenda 2025-03-12-board.md", say("help.example.agenda")],
    ["minutes agenda 2025-03-12-board.md --edition public -f pdf", say("help.example.agenda.public")],
  ]);
}
