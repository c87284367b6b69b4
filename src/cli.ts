// The command line: a thin layer over the API. The only place that prints or sets the exit code.
// Exit codes: 0 success, 1 invalid input (messages name file:line:column), 2 usage error.
import { editionOption, type Edition } from "./commands/edition-option.js";
import { registerAgendaCommand } from "./commands/agenda.js";
import { registerApproveCommand } from "./commands/approve.js";
import { registerCacheCommand } from "./commands/cache.js";
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { check, type CheckResult } from "./build.js";
import { collectInputs, inputProblems } from "./batch/collect-inputs.js";
import { parseShard, type Shard } from "./batch/shard.js";
import { buildCommand } from "./commands/build.js";
import { registerActionsCommand } from "./commands/actions.js";
import { registerAttendanceCommand } from "./commands/attendance.js";
import { registerDecisionsCommand } from "./commands/decisions.js";
import type { CommandIo } from "./commands/command-io.js";
import { registerInit } from "./commands/init.js";
import { registerNewCommand } from "./commands/new.js";
import { registerPreviewCommand } from "./commands/preview.js";
import { registerSchemaCommand } from "./commands/schema.js";
import { buildSplit, registerSplitCommand } from "./commands/split.js";
import { registerImportCommand } from "./commands/import.js";
import { registerThemeCommands } from "./commands/themes.js";
import { isoDateArg, userLocale } from "./commands/cli-dates.js";
import { fixFile } from "./commands/fix.js";
import { finishCommands, localiseCommander, valueName, withExamples } from "./commands/localised-help.js";
import { parsePdfStandards, type PdfStandard } from "./render/render-options.js";
import { formats, isFormat, type Format } from "./render/renderers.js";
import { chooseReporter, isReporterName, reporterNames, type ReporterName } from "./report/choose-reporter.js";
import { countBySeverity, tally, type ReportText } from "./report/reporter.js";
import { findConfig, loadConfig } from "./config/config.js";
import { chooseUiLanguage, say, setUiLanguage } from "./i18n/messages.js";
import { version } from "./version.js";

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

// Option values that do not parse are usage errors (exit 2), said in the user's language.
function parseFormats(value: string): Format[] {
  const names = value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.filter((n) => !isFormat(n));
  if (bad.length || names.length === 0)
    throw new InvalidArgumentError(
      say("usage.format", { value: bad.join(", ") || value, formats: formats.join(", ") }),
    );
  return [...new Set(names)] as Format[];
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(say("usage.jobs", { value }));
  return Number(value);
}

function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError(say("usage.shard", { value }));
  return shard;
}

function parsePdfStandard(value: string): PdfStandard[] {
  const standards = parsePdfStandards(value);
  if (!standards) throw new InvalidArgumentError(say("usage.pdf-standard", { value }));
  return standards;
}

function parseReporter(value: string): ReporterName {
  if (!isReporterName(value))
    throw new InvalidArgumentError(say("usage.reporter", { value, names: reporterNames.join(", ") }));
  return value;
}

const reporterOption = () =>
  new Option(`--reporter ${valueName("help.value.name")}`, say("help.option.reporter")).argParser(parseReporter);
/** Repeatable: each one names a file or folder outside the project folder that paths written in files may lead to. */
const allowOutsideOption = () =>
  new Option(`--allow-outside ${valueName("help.value.path")}`, say("help.option.allow-outside")).argParser(
    (value: string, list: string[] = []) => [...list, value],
  );
const dateOption = () =>
  new Option(`--date ${valueName("help.value.date")}`, say("help.option.date")).argParser(isoDateArg("--date"));
const meetingsArgument = () => new Argument(`<${say("help.value.files")}...>`, say("help.argument.meetings"));
const reporterFor = (name: ReporterName | undefined) =>
  chooseReporter(name, { env: process.env, isTTY: process.stderr.isTTY === true });

function write(text: ReportText): void {
  if (text.stdout) process.stdout.write(text.stdout);
  if (text.stderr) process.stderr.write(text.stderr);
}

/**
 * The language messages are printed in (see chooseUiLanguage): `--lang`, which any command takes and which
 * is taken out of the arguments here, then the `language` of the config file found from this folder.
 */
export function chooseLanguage(argv: string[]): string[] {
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

/** An unexpected exception (a bug): said with its stack, for the report; the exit code is 70. */
export function reportBug(error: unknown): number {
  process.stderr.write(`minutes: ${say("internal-error")}\n${(error as Error)?.stack ?? String(error)}\n`);
  return 70;
}

export async function main(argv: string[]): Promise<number> {
  argv = chooseLanguage(argv);
  let exitCode: number = EXIT.ok;
  const program = localiseCommander(new Command("minutes"))
    .description(say("help.program"))
    .version(version, "-V, --version", say("help.option.version"))
    .option(`--lang ${valueName("help.value.language")}`, say("help.option.lang"))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const folder = say("help.example.folder");
  withExamples(program, [
    [`minutes init ${folder}`, say("help.example.program.init")],
    ["minutes check minutes", say("help.example.program.check")],
    ["minutes build minutes --out dist", say("help.example.program.build")],
  ]);

  const buildCmd = program
    .command("build")
    .description(say("help.build"))
    .addArgument(meetingsArgument())
    .option(`-o, --out ${valueName("help.value.folder")}`, say("help.build.out"))
    .addOption(
      new Option(
        `-f, --format ${valueName("help.value.list")}`,
        say("help.build.format", { formats: formats.join(", ") }),
      ).argParser(parseFormats),
    )
    .addOption(dateOption())
    .option("--strict", say("help.option.strict"))
    .option("-j, --jobs <n>", say("help.build.jobs"), parseJobs)
    .option("--force", say("help.build.force"))
    .addOption(
      new Option(`--explain ${valueName("help.value.file")}`, say("help.build.explain")).argParser(
        (value: string, list: string[] = []) => [...list, value],
      ),
    )
    .option("--shard <i/n>", say("help.build.shard"), parseShardOption)
    .option("-q, --quiet", say("help.build.quiet"))
    .option("--json", say("help.build.json"))
    .option("-w, --watch", say("help.build.watch"))
    .option("--split", say("help.build.split"))
    .option(`--theme ${valueName("help.value.theme")}`, say("help.build.theme"))
    .addOption(allowOutsideOption())
    .option("--embed-fonts", say("help.build.embed-fonts"))
    .option(`--pdf-standard ${valueName("help.value.list")}`, say("help.build.pdf-standard"), parsePdfStandard)
    .addOption(editionOption())
    .addOption(reporterOption())
    .action(
      async (
        paths: string[],
        opts: {
          edition?: Edition;
          out?: string;
          format?: Format[];
          date?: string;
          strict?: boolean;
          jobs?: number;
          force?: boolean;
          shard?: Shard;
          quiet?: boolean;
          json?: boolean;
          watch?: boolean;
          theme?: string;
          allowOutside?: string[];
          embedFonts?: boolean;
          pdfStandard?: PdfStandard[];
          reporter?: ReporterName;
          split?: boolean;
          explain?: string[];
        },
      ) => {
        const {
          out,
          format,
          date,
          strict,
          theme,
          allowOutside,
          embedFonts,
          pdfStandard,
          reporter,
          split,
          edition,
          ...batch
        } = opts;
        const themeRequest = { ...(theme ? { flag: theme } : {}), ...(embedFonts ? { embedFonts: true } : {}) };
        // --out is the command line's, so the outputs may go there wherever it is; an `out:` of the config may not leave the project.
        const build = {
          themeRequest,
          allowOutside: allowOutside ?? [],
          outRoots: out ? [out] : [],
          ...(userLocale() ? { locale: userLocale()! } : {}),
          ...(format ? { formats: format } : {}),
          ...(out ? { out } : {}),
          ...(date ? { date } : {}),
          ...(strict ? { strict: true } : {}),
          ...(pdfStandard ? { pdfStandards: pdfStandard } : {}),
          ...(edition ? { edition } : {}),
        };
        if (split)
          return void (exitCode = await buildSplit(
            paths,
            { build, reporter: reporterFor(reporter) },
            { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
          ));
        // --reporter json is the batch's JSON summary (it holds every file's diagnostics).
        // --explain: why each named file was built or skipped, after each build (beside --json, on stderr).
        const onExplanation = (lines: string): void => (batch.json || reporter === "json" ? io.err : io.out)(lines);
        exitCode = await buildCommand(
          paths,
          {
            build,
            ...batch,
            ...(reporter === "json" ? { json: true } : {}),
            reporter: reporterFor(reporter),
            onExplanation,
          },
          io,
        );
      },
    );
  withExamples(buildCmd, [
    ["minutes build 2024-03-12.md", say("help.example.build.one")],
    ["minutes build minutes --out dist", say("help.example.build.folder")],
    ["minutes build minutes --out dist --watch", say("help.example.build.watch")],
  ]);

  const checkCommand = program
    .command("check")
    .description(say("help.check"))
    .addArgument(meetingsArgument())
    .addOption(dateOption())
    .option("--strict", say("help.option.strict"))
    .option(`--theme ${valueName("help.value.theme")}`, say("help.check.theme"))
    .addOption(allowOutsideOption())
    .addOption(reporterOption())
    .option("--fix", say("help.check.fix"))
    .option("--dry-run", say("help.check.dry-run"))
    .action(
      async (
        files: string[],
        opts: {
          date?: string;
          strict?: boolean;
          theme?: string;
          allowOutside?: string[];
          reporter?: ReporterName;
          fix?: boolean;
          dryRun?: boolean;
        },
      ) => {
        if (opts.dryRun && !opts.fix)
          checkCommand.error(say("fix.dry-run-alone"), { exitCode: 2, code: "minutes.dry-run-alone" });
        const reporter = reporterFor(opts.reporter);
        const locale = userLocale();
        const results: CheckResult[] = [];
        const themeRequest = { ...(opts.theme ? { flag: opts.theme } : {}) };
        const { inputs, problems } = await collectInputs(files);
        for (const problem of inputProblems(problems)) {
          const result: CheckResult = { input: problem.file, ok: false, diagnostics: [problem] };
          write(reporter.file(result));
          results.push(result);
          exitCode = EXIT.invalid;
        }
        for (const { path: input } of inputs) {
          if (opts.fix) {
            // The diff goes to stdout, unless stdout holds the JSON report.
            const fixed = await fixFile(input, {
              ...(opts.date ? { date: opts.date } : {}),
              ...(locale ? { locale } : {}),
              dryRun: opts.dryRun === true,
            });
            (opts.reporter === "json" ? process.stderr : process.stdout).write(fixed.diff);
            if (fixed.count > 0)
              process.stderr.write(
                `minutes: ${say(opts.dryRun ? "fix.dry-run" : "fix.applied", { file: input, count: fixed.count })}\n`,
              );
            if (fixed.problem) {
              const result: CheckResult = { input, ok: false, diagnostics: [fixed.problem] };
              write(reporter.file(result));
              results.push(result);
              exitCode = EXIT.invalid;
              continue;
            }
          }
          const result = await check(input, {
            themeRequest,
            allowOutside: opts.allowOutside ?? [],
            ...(opts.date ? { date: opts.date } : {}),
            ...(opts.strict ? { strict: true } : {}),
            ...(locale ? { locale } : {}),
          });
          write(reporter.file(result));
          if (!result.ok) exitCode = EXIT.invalid;
          results.push(result);
        }
        write(reporter.end(results));
        process.stderr.write(`minutes: ${tally(countBySeverity(results))}\n`);
      },
    );
  withExamples(checkCommand, [
    ["minutes check 2024-03-12.md", say("help.example.check.one")],
    ["minutes check minutes", say("help.example.check.folder")],
    ["minutes check minutes --strict", say("help.example.check.strict")],
  ]);

  const setExit = (code: number) => (exitCode = Math.max(exitCode, code));
  // The commands write through this: cli.ts is the only module that touches the process's streams.
  const io: CommandIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    setExit,
    streams: { out: process.stdout, err: process.stderr },
  };
  registerInit(program, io);
  registerActionsCommand(program, io);
  registerDecisionsCommand(program, io);
  registerAttendanceCommand(program, io);
  registerNewCommand(program, io);
  registerThemeCommands(program, io);
  registerSchemaCommand(program, io);
  registerSplitCommand(program, io);
  registerImportCommand(program, io);
  registerPreviewCommand(program, io);
  registerAgendaCommand(program, io);
  registerApproveCommand(program, io);
  registerCacheCommand(program, io);
  finishCommands(program, (text) => process.stderr.write(text));

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    // Usage errors were printed by commander, through finishCommands, in the user's language.
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
        ? EXIT.ok
        : EXIT.usage;
    }
    throw error;
  }
}
