// `minutes init [dir]`: scaffolds a minutes repository (see src/init/). Exit 1 when a file exists.
import { resolve } from "node:path";
import { Argument, Option, type Command } from "commander";
import { whyNotWritten, writeFix } from "../write-atomically.js";
import { say, uiLanguage } from "../i18n/messages.js";
import { scaffold } from "../init/scaffold.js";
import { initLanguages, samplePath, type InitLanguage } from "../init/scaffold-files.js";
import { isoDateArg, localToday } from "./cli-dates.js";
import type { CommandIo } from "./command-io.js";
import { valueName, withExamples } from "./localised-help.js";

export function registerInit(program: Command, io: CommandIo): void {
  const command = program
    .command("init")
    .description(say("help.init"))
    .addArgument(
      new Argument(`[${say("help.value.folder")}]`, say("help.init.folder")).default(
        ".",
        say("help.default.this-folder"),
      ),
    )
    .addOption(
      new Option(`--language ${valueName("help.value.language")}`, say("help.init.language"))
        .choices(initLanguages)
        .default(uiLanguage()),
    )
    .option(`--date ${valueName("help.value.date")}`, say("help.init.date"), isoDateArg("--date"))
    .action(async (dir: string, opts: { language: InitLanguage; date?: string }) => {
      const date = opts.date ?? localToday();
      let result: Awaited<ReturnType<typeof scaffold>>;
      try {
        result = await scaffold(dir, { language: opts.language, date });
      } catch (error) {
        const why = whyNotWritten(error);
        if (why === undefined) throw error;
        io.err(`minutes: ${say("init.not-written", { dir, why })}\n${say("hint")}: ${writeFix(error)}\n`);
        io.setExit(1);
        return;
      }
      if (!result.ok) {
        io.err(
          `minutes: ${say("init.exists")}\n${result.existing.map((p) => `  ${p}`).join("\n")}\n${say("hint")}: ${say("init.exists.hint")}\n`,
        );
        io.setExit(1);
        return;
      }
      for (const path of result.written) io.out(`${say("wrote", { path })}\n`);
      for (const { path, lines } of result.updated)
        io.out(`${say("init.updated", { path, lines: lines.join(" ") })}\n`);
      io.out(nextSteps(dir, samplePath({ language: opts.language, date })));
    });
  const folder = say("help.example.folder");
  withExamples(command, [
    [`minutes init ${folder}`, say("help.example.init.folder", { folder })],
    [`minutes init ${folder} --language fr`, say("help.example.init.french")],
    ["minutes init", say("help.example.init.here")],
  ]);
}

/** What to type next, from the folder the clerk is in: cd into the new folder, write a meeting, build. */
function nextSteps(dir: string, sample: string): string {
  const steps: [string, string][] = [
    ...(resolve(dir) === resolve(".") ? [] : [[`cd ${shellWord(dir)}`, say("init.next.cd")] as [string, string]]),
    [sample, say("init.next.sample")],
    ["minutes new", say("init.next.new")],
    ["minutes build minutes --out dist", say("init.next.build")],
  ];
  const width = Math.max(...steps.map(([line]) => line.length)) + 3;
  return `minutes: ${say("init.ready")}\n${steps.map(([line, what]) => `  ${line.padEnd(width)}${what}\n`).join("")}`;
}

/** A folder name as typed in a shell: quoted when it holds a space or a character the shell reads. */
function shellWord(path: string): string {
  return /^[\w./\\:@%+=,-]+$/.test(path) ? path : `"${path.replace(/(["\\$`])/g, "\\$1")}"`;
}
