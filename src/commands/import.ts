// `minutes import FILE.docx…|FOLDER [--out DIR] [--language fr|en|…] [--force] [--keep-comments]`: each Word
// compte-rendu read into a Markdown meeting (src/import/), named YYYY-MM-DD-<slug>.md, its images in a folder
// beside it; never over an existing file unless --force. For each file it prints what became the header, how
// many items and actions it found and what it was unsure of, then checks the Markdown written and prints
// those messages too. Registered by cli.ts, which gives it where to print.
import { readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { check } from "../build.js";
import { diagnostic, formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { supportedLanguages } from "../i18n/labels.js";
import { say, sayCount, text } from "../i18n/messages.js";
import { importDocx } from "../import/import-docx.js";
import { World } from "../world/world.js";
import { writeAllAtomically, writeNew, writeProblem } from "../write-atomically.js";
import { userLocale } from "./cli-dates.js";
import type { CommandIo } from "./command-io.js";
import { valueName, withExamples } from "./localised-help.js";
import { outputRefusals } from "./split.js";

export interface ImportCommandOptions {
  out?: string;
  language?: string;
  force?: boolean;
  keepComments?: boolean;
  locale?: string;
}

export function registerImportCommand(program: Command, io: CommandIo): void {
  const command = program
    .command("import")
    .description(say("help.import"))
    .argument(`<${say("help.value.files")}...>`, say("help.import.files"))
    .option(`-o, --out ${valueName("help.value.folder")}`, say("help.import.out"))
    .option(`--language ${valueName("help.value.language")}`, say("help.import.language"), (value: string) => {
      const language = value.trim().toLowerCase();
      if (!supportedLanguages.includes(language.split("-")[0]!))
        throw new InvalidArgumentError(say("front-matter-language", { language: value }));
      return language;
    })
    .option("--force", say("help.import.force"))
    .option("--keep-comments", say("help.import.keep-comments"))
    .action(async (paths: string[], opts: ImportCommandOptions) => {
      const locale = userLocale();
      io.setExit(await importCommand(paths, { ...opts, ...(locale ? { locale } : {}) }, io));
    });
  withExamples(command, [
    ["minutes import 2023-cr-gtm.docx --out minutes", say("help.example.import.one")],
    ["minutes import archives/ --out minutes --language fr", say("help.example.import.folder")],
  ]);
}

/** The .docx files of the arguments: files as given, folders walked (Word's "~$" lock files and dot-files left out). */
export function docxInputs(paths: readonly string[]): { inputs: string[]; problems: Diagnostic[] } {
  const inputs: string[] = [];
  const problems: Diagnostic[] = [];
  for (const path of paths) {
    let found: string[] | undefined;
    try {
      found = readdirSync(path, { recursive: true, withFileTypes: false, encoding: "utf8" })
        .filter(
          (f) => /\.docx$/i.test(f) && !f.split(/[\\/]/).some((part) => part.startsWith(".") || part.startsWith("~$")),
        )
        .sort()
        .map((f) => join(path, f));
    } catch {
      found = undefined;
    }
    if (found === undefined) inputs.push(path);
    else if (found.length === 0)
      problems.push(
        diagnostic({
          file: path,
          line: null,
          column: null,
          severity: "error",
          rule: "no-input",
          message: text("import.no-input"),
          hint: text("import.no-input.hint"),
        }),
      );
    else inputs.push(...found);
  }
  return { inputs, problems };
}

/** Imports every file; returns the exit code (1 when a file could not be imported or written, or its check has errors). */
export async function importCommand(
  paths: readonly string[],
  options: ImportCommandOptions,
  io: Pick<CommandIo, "out" | "err">,
): Promise<number> {
  const { inputs, problems } = docxInputs(paths);
  for (const p of problems) io.err(`${formatDiagnostic(p)}\n`);
  let failed = problems.length;
  let imported = 0;
  const taken = new Set<string>();
  for (const input of inputs) {
    const result = importDocx(input, new World(), {
      ...(options.language ? { language: options.language } : {}),
      ...(options.keepComments ? { keepComments: true } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
    if (!result.markdown || !result.name) {
      for (const d of result.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      failed++;
      continue;
    }
    const folder = options.out ?? dirname(input);
    // Two documents of one day and title in one run: -2, -3… as `minutes split` numbers them.
    let path = join(folder, result.name);
    for (let n = 2; taken.has(path); n++) path = join(folder, result.name.replace(/\.md$/, `-${n}.md`));
    taken.add(path);
    const files = [
      { path, bytes: new TextEncoder().encode(result.markdown) },
      ...result.media.map((m) => ({ path: join(folder, m.path), bytes: m.bytes })),
    ];
    const refused = await outputRefusals(
      input,
      files.map((f) => f.path),
      options.force === true,
    );
    if (refused.length) {
      for (const d of refused) io.err(`${formatDiagnostic(d)}\n`);
      failed++;
      continue;
    }
    try {
      for (const f of files) await mkdir(dirname(f.path), { recursive: true });
      if (options.force) await writeAllAtomically(files);
      else for (const f of files) await writeNew(f.path, f.bytes);
    } catch (error) {
      const problem = writeProblem(input, error, (why) => text("write-output.folder", { folder, why }));
      if (problem === undefined) throw error;
      io.err(`${formatDiagnostic(problem)}\n`);
      failed++;
      continue;
    }
    imported++;
    const summary = result.summary!;
    io.out(`${say("import.wrote", { input, path: relative(process.cwd(), path) || path })}\n`);
    io.out(
      `${say("import.header", { fields: summary.header.length ? summary.header.join(", ") : say("import.header.none") })}\n`,
    );
    io.out(
      `${say("import.found", { items: sayCount("count.item", summary.items), actions: sayCount("count.action", summary.actions) })}\n`,
    );
    for (const d of result.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
    // The Markdown written, checked as `minutes check` would.
    const checked = await check(path, { ...(options.locale ? { locale: options.locale } : {}) });
    for (const d of checked.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
    if (!checked.ok) failed++;
  }
  io.err(
    `minutes: ${say("import.done", { files: sayCount("count.file", imported), failed: sayCount("count.file", failed) })}\n`,
  );
  return failed > 0 ? 1 : 0;
}
