// The command line: a thin layer over the API. The only place that prints or sets the exit code.
// Exit codes: 0 success, 1 invalid input (messages name file:line:column), 2 usage error.
import { Command, CommanderError, Option } from "commander";
import { check, type CheckResult } from "./build.js";
import { collectInputs } from "./batch/collect-inputs.js";
import { parseShard, type Shard } from "./batch/shard.js";
import { buildCommand } from "./commands/build.js";
import { registerInit } from "./commands/init.js";
import { formatDiagnostic, type Diagnostic } from "./diagnostics.js";
import { formats, isFormat, type Format } from "./render/renderers.js";
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

function printDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

function summary(results: CheckResult[]): string {
  const errors = results.flatMap((r) => r.diagnostics).filter((d) => d.severity === "error").length;
  const warnings = results.flatMap((r) => r.diagnostics).length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("minutes")
    .description("Turn Markdown meeting minutes into a validated, formal compte-rendu as DOCX and PDF.")
    .version(version, "-V, --version")
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
    .action(async (paths: string[], opts: { out?: string; format?: Format[]; date?: string; strict?: boolean; jobs?: number; force?: boolean; shard?: Shard; quiet?: boolean; json?: boolean; watch?: boolean }) => {
      const { out, format, date, strict, ...batch } = opts;
      exitCode = await buildCommand(paths, { build: { ...(format ? { formats: format } : {}), ...(out ? { out } : {}), ...(date ? { date } : {}), ...(strict ? { strict: true } : {}) }, ...batch });
    });

  program
    .command("check")
    .description("check the minutes and report every problem, without writing anything")
    .argument("<paths...>", "Markdown minutes files, folders (searched recursively for *.md) or quoted globs")
    .option("--date <YYYY-MM-DD>", "meeting date for documents that give none", parseDate)
    .option("--strict", "treat warnings as errors")
    .action(async (files: string[], opts: { date?: string; strict?: boolean }) => {
      const results = [];
      const { inputs, problems } = collectInputs(files);
      printDiagnostics(problems.map((p) => ({ file: p.arg, line: null, column: null, severity: "error", rule: "no-input", message: p.message })));
      if (problems.length > 0) exitCode = EXIT.invalid;
      for (const { path: input } of inputs) {
        const result = await check(input, { ...(opts.date ? { date: opts.date } : {}), ...(opts.strict ? { strict: true } : {}) });
        printDiagnostics(result.diagnostics);
        if (!result.ok) exitCode = EXIT.invalid;
        results.push(result);
      }
      process.stderr.write(`minutes: ${summary(results)}\n`);
    });

  registerInit(program, (code) => (exitCode = code));

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
