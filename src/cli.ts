// The command line: a thin layer over the API. The only place that prints or sets the exit code.
// Exit codes: 0 success, 1 invalid input (messages name file:line:column), 2 usage error.
import { Command, CommanderError, Option } from "commander";
import { check, type CheckResult } from "./build.js";
import { collectInputs, inputProblems } from "./batch/collect-inputs.js";
import { parseShard, type Shard } from "./batch/shard.js";
import { buildCommand } from "./commands/build.js";
import { registerActionsCommand } from "./commands/actions.js";
import { registerInit } from "./commands/init.js";
import { registerNewCommand } from "./commands/new.js";
import { registerSchemaCommand } from "./commands/schema.js";
import { registerThemeCommands } from "./commands/themes.js";
import { parsePdfStandards, type PdfStandard } from "./render/render-options.js";
import { formats, isFormat, type Format } from "./render/renderers.js";
import { chooseReporter, countBySeverity, isReporterName, reporterNames, type ReportText, type ReporterName } from "./report/reporter.js";
import { findConfig, loadConfig } from "./config/config.js";
import { chooseUiLanguage, setUiLanguage } from "./i18n/messages.js";
import { version } from "./version.js";

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

class UsageError extends Error {}

function parseFormats(value: string): Format[] {
  const names = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = names.filter((n) => !isFormat(n));
  if (bad.length || names.length === 0) throw new UsageError(`unknown format "${bad.join(", ") || value}": use one or more of ${formats.join(", ")}, separated by commas`);
  return [...new Set(names)] as Format[];
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--date "${value}" must be written YYYY-MM-DD`);
  return value;
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs "${value}" must be a whole number of 1 or more`);
  return Number(value);
}

function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (typeof shard === "string") throw new UsageError(shard);
  return shard;
}

function parsePdfStandard(value: string): PdfStandard[] {
  const standards = parsePdfStandards(value);
  if (!standards) throw new UsageError(`--pdf-standard "${value}": use pdfa, ua, pdfa,ua or none`);
  return standards;
}

function parseReporter(value: string): ReporterName {
  if (!isReporterName(value)) throw new UsageError(`unknown reporter "${value}": use one of ${reporterNames.join(", ")}`);
  return value;
}

const reporterOption = () => new Option("--reporter <name>", `how to print messages: ${reporterNames.join(", ")} (default: github when GITHUB_ACTIONS=true, else human)`).argParser(parseReporter);
/** Repeatable: each one names a file or folder outside the project folder that paths written in files may lead to. */
const allowOutsideOption = () => new Option("--allow-outside <path>", "let paths written in files (previous:, theme, logo, fonts, out:, template:) lead to this file or folder outside the project folder; repeatable").argParser((value: string, list: string[] = []) => [...list, value]);
const reporterFor = (name: ReporterName | undefined) => chooseReporter(name, { env: process.env, isTTY: process.stderr.isTTY === true });

function write(text: ReportText): void {
  if (text.stdout) process.stdout.write(text.stdout);
  if (text.stderr) process.stderr.write(text.stderr);
}

function summary(results: CheckResult[]): string {
  const { errors, warnings } = countBySeverity(results);
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/**
 * The language messages are printed in (see chooseUiLanguage): `--lang`, which any command takes and which
 * is taken out of the arguments here, then the `language` of the config file found from this folder.
 */
function chooseLanguage(argv: string[]): string[] {
  let flag: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === "--lang") flag = argv[++i];
    else if (arg.startsWith("--lang=")) flag = arg.slice("--lang=".length);
    else rest.push(arg);
  }
  const configFile = findConfig(process.cwd());
  const configLanguage = configFile ? loadConfig(configFile).config?.language : undefined;
  setUiLanguage(chooseUiLanguage(flag, configLanguage, process.env));
  return rest;
}

export async function main(argv: string[]): Promise<number> {
  argv = chooseLanguage(argv);
  let exitCode: number = EXIT.ok;
  const program = new Command("minutes")
    .description("Turn Markdown meeting minutes into a validated, formal compte-rendu as DOCX and PDF.")
    .version(version, "-V, --version")
    .option("--lang <language>", "the language of messages: en, fr, es, pt or de (default: the config's language, else LC_ALL, LC_MESSAGES or LANG)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command("build")
    .description("check the minutes, then write DOCX and PDF (by default) beside each input, or into --out mirroring the folders")
    .argument("<paths...>", "Markdown minutes files, folders (searched recursively for *.md) or quoted globs")
    .option("-o, --out <dir>", "write the outputs into this folder, mirroring the source folders; enables incremental builds and, for folders, index.html")
    .addOption(new Option("-f, --format <list>", `formats to write, comma-separated (${formats.join(", ")}); default: the config file's, else docx,pdf`).argParser(parseFormats))
    .option("--date <YYYY-MM-DD>", "meeting date for documents that give none", parseDate)
    .option("--strict", "treat warnings as errors")
    .option("-j, --jobs <n>", "files built at once on worker threads (default: the number of cores)", parseJobs)
    .option("--force", "rebuild every file, even those unchanged since the last build")
    .option("--shard <i/n>", "build only the i-th of n deterministic shares of the files (for CI matrices)", parseShardOption)
    .option("-q, --quiet", "print errors only")
    .option("--json", "print a JSON summary (files, outputs, status, diagnostics, timings) on stdout")
    .option("-w, --watch", "rebuild when an input, the config or the theme changes; Ctrl-C stops")
    .option("--theme <name|path>", "a built-in theme (see `minutes themes`) or a theme folder; overrides the front matter and the config file")
    .addOption(allowOutsideOption())
    .option("--embed-fonts", "embed the theme's fonts in the DOCX (larger file; looks the same without the fonts installed)")
    .option("--pdf-standard <list>", "standards the PDF claims: pdfa (PDF/A-2a), ua (PDF/UA-1), pdfa,ua or none; default: the config file's, else pdfa", parsePdfStandard)
    .addOption(reporterOption())
    .action(async (paths: string[], opts: { out?: string; format?: Format[]; date?: string; strict?: boolean; jobs?: number; force?: boolean; shard?: Shard; quiet?: boolean; json?: boolean; watch?: boolean; theme?: string; allowOutside?: string[]; embedFonts?: boolean; pdfStandard?: PdfStandard[]; reporter?: ReporterName }) => {
      const { out, format, date, strict, theme, allowOutside, embedFonts, pdfStandard, reporter, ...batch } = opts;
      const themeRequest = { ...(theme ? { flag: theme } : {}), ...(embedFonts ? { embedFonts: true } : {}) };
      // --out is the command line's, so the outputs may go there wherever it is; an `out:` of the config may not leave the project.
      const build = { themeRequest, allowOutside: allowOutside ?? [], outRoots: out ? [out] : [], ...(format ? { formats: format } : {}), ...(out ? { out } : {}), ...(date ? { date } : {}), ...(strict ? { strict: true } : {}), ...(pdfStandard ? { pdfStandards: pdfStandard } : {}) };
      // --reporter json is the batch's JSON summary (it holds every file's diagnostics).
      exitCode = await buildCommand(paths, { build, ...batch, ...(reporter === "json" ? { json: true } : {}), reporter: reporterFor(reporter) });
    });

  program
    .command("check")
    .description("check the minutes and report every problem, without writing anything")
    .argument("<paths...>", "Markdown minutes files, folders (searched recursively for *.md) or quoted globs")
    .option("--date <YYYY-MM-DD>", "meeting date for documents that give none", parseDate)
    .option("--strict", "treat warnings as errors")
    .option("--theme <name|path>", "check with this theme instead of the front matter's or the config file's")
    .addOption(allowOutsideOption())
    .addOption(reporterOption())
    .action(async (files: string[], opts: { date?: string; strict?: boolean; theme?: string; allowOutside?: string[]; reporter?: ReporterName }) => {
      const reporter = reporterFor(opts.reporter);
      const results: CheckResult[] = [];
      const themeRequest = { ...(opts.theme ? { flag: opts.theme } : {}) };
      const { inputs, problems } = collectInputs(files);
      for (const problem of inputProblems(problems)) {
        const result: CheckResult = { input: problem.file, ok: false, diagnostics: [problem] };
        write(reporter.file(result));
        results.push(result);
        exitCode = EXIT.invalid;
      }
      for (const { path: input } of inputs) {
        const result = await check(input, { themeRequest, allowOutside: opts.allowOutside ?? [], ...(opts.date ? { date: opts.date } : {}), ...(opts.strict ? { strict: true } : {}) });
        write(reporter.file(result));
        if (!result.ok) exitCode = EXIT.invalid;
        results.push(result);
      }
      write(reporter.end(results));
      process.stderr.write(`minutes: ${summary(results)}\n`);
    });

  const setExit = (code: number) => (exitCode = Math.max(exitCode, code));
  registerInit(program, setExit);
  registerActionsCommand(program, setExit);
  registerNewCommand(program, setExit);
  registerThemeCommands(program, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), setExit });
  registerSchemaCommand(program);

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError || (error as { code?: string }).code === "commander.invalidArgument") {
      process.stderr.write(`minutes: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
