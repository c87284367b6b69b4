// `minutes agenda meeting.md`: the convocation (ordre du jour) of a meeting, from the same file as its minutes,
// before the meeting is held (issue 22, part 1). Writes <name>.agenda.pdf and .docx (or --format) beside the
// file or into --out, drawn from layoutConvocation() by the compte-rendu's renderers, in its theme.
import { basename, dirname, extname, join } from "node:path";
import { Argument, Option, type Command } from "commander";
import { check } from "../build.js";
import { formatDiagnostic } from "../diagnostics.js";
import { say } from "../i18n/messages.js";
import { layoutConvocation } from "../layout/layout-convocation.js";
import { publicEdition } from "../model/public-edition.js";
import { loadRenderer } from "../render/renderers.js";
import type { RenderOptions } from "../render/render-options.js";
import { writeAllAtomically, writeProblem } from "../write-atomically.js";
import { text } from "../i18n/messages.js";
import type { CommandIo } from "./command-io.js";
import { editionOption, type Edition } from "./edition-option.js";
import { valueName, withExamples } from "./localised-help.js";
import { mkdir } from "node:fs/promises";

const convocationFormats = ["pdf", "docx", "html"] as const;
type ConvocationFormat = (typeof convocationFormats)[number];

/** Warnings that speak of minutes not written yet: a convocation has none to write. */
const notYet = new Set(["agenda-empty-item", "structure-no-items", "approval-pending"]);

/** The files the convocation of `input` is written to, one per format. */
export function convocationPaths(input: string, formats: readonly string[], out?: string): string[] {
  const stem = basename(input, extname(input));
  return formats.map((format) => join(out ?? dirname(input), `${stem}.agenda.${format}`));
}

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
      const checked = await check(input, { resolvePrevious: false });
      const diagnostics = checked.diagnostics.filter((d) => !notYet.has(d.rule));
      for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      if (!checked.minutes || !checked.theme || diagnostics.some((d) => d.severity === "error")) {
        io.setExit(1);
        return;
      }
      const minutes = opts.edition === "public" ? publicEdition(checked.minutes) : checked.minutes;
      const layout = layoutConvocation(minutes, checked.theme);
      const options: RenderOptions = {
        theme: checked.theme,
        timestamp: new Date(`${minutes.meeting.date}T00:00:00Z`),
      };
      const paths = convocationPaths(input, formats, opts.out);
      const files = await Promise.all(
        (formats as ConvocationFormat[]).map(async (format, i) => ({
          path: paths[i]!,
          bytes: await (await loadRenderer(format))(layout, options),
        })),
      );
      try {
        await mkdir(dirname(paths[0]!), { recursive: true });
        await writeAllAtomically(files);
      } catch (error) {
        const problem = writeProblem(input, error, (why) =>
          text("write-output.folder", { folder: dirname(paths[0]!), why }),
        );
        if (problem === undefined) throw error;
        io.err(`${formatDiagnostic(problem)}\n`);
        io.setExit(1);
        return;
      }
      io.err(`minutes: ${say("agenda.written", { files: paths.join(", ") })}\n`);
    });
  withExamples(command, [
    ["minutes agenda 2025-03-12-board.md", say("help.example.agenda")],
    ["minutes agenda 2025-03-12-board.md --edition public -f pdf", say("help.example.agenda.public")],
  ]);
}
