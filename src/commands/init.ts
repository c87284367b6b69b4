// `minutes init [dir]`: scaffolds a minutes repository (see src/init/). Exit 1 when a file exists.
import { Option, type Command } from "commander";
import { whyNotWritten, writeFix } from "../batch/write-atomically.js";
import { scaffold } from "../init/scaffold.js";
import type { InitLanguage } from "../init/scaffold-files.js";

export function registerInit(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("scaffold a minutes repository: config, a first meeting, editor schema, GitHub and GitLab CI")
    .argument("[dir]", "the folder to create it in", ".")
    .addOption(new Option("--language <lang>", "language of the template and labels").choices(["en", "fr"]).default("en"))
    .option("--date <YYYY-MM-DD>", "date of the first meeting (default: today)")
    .action(async (dir: string, opts: { language: InitLanguage; date?: string }) => {
      const date = opts.date ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
        process.stderr.write(`minutes: --date "${date}" must be written YYYY-MM-DD\n`);
        setExitCode(2);
        return;
      }
      let result: Awaited<ReturnType<typeof scaffold>>;
      try {
        result = await scaffold(dir, { language: opts.language, date });
      } catch (error) {
        const why = whyNotWritten(error);
        if (why === undefined) throw error;
        process.stderr.write(`minutes: init could not write into ${dir} (${why}).\nhint: ${writeFix(error)}\n`);
        setExitCode(1);
        return;
      }
      if (!result.ok) {
        process.stderr.write(`minutes: init writes nothing, because these files already exist:\n${result.existing.map((p) => `  ${p}`).join("\n")}\nhint: run it in a new folder, or move these files away first.\n`);
        setExitCode(1);
        return;
      }
      for (const path of result.written) process.stdout.write(`wrote ${path}\n`);
      process.stdout.write(`minutes: next, edit the meeting in ${dir}/minutes/, then run: minutes build minutes --out dist\n`);
    });
}
