// `minutes build <paths...>`: the batch build behind the command line. Paths are files, folders and
// globs; files build in parallel on worker threads; failures are reported at the end; exit 1 if any.
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { configPath, findConfig, loadConfig } from "../config/config.js";
import { diagnostic, formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { text as t } from "../i18n/messages.js";
import type { BuildOptions } from "../build.js";
import { isFolder } from "../batch/collect-inputs.js";
import { hasGlob } from "../batch/glob.js";
import { BUILDER_MB, type PoolSize } from "../batch/pool-size.js";
import { BatchProgress, progressMode } from "../batch/progress.js";
import { explainOutcomes } from "../batch/explain.js";
import type { Manifest } from "../batch/manifest.js";
import { runBatch } from "../batch/run-batch.js";
import type { Shard } from "../batch/shard.js";
import type { WatchRound } from "../batch/watch.js";
import type { Reporter } from "../report/reporter.js";
import type { CommandIo } from "./command-io.js";

export interface BuildCommandOptions {
  build: BuildOptions;
  jobs?: number;
  force?: boolean;
  shard?: Shard;
  quiet?: boolean;
  json?: boolean;
  watch?: boolean;
  /** Prints each file's messages (human, github); default: the plain human form. */
  reporter?: Reporter;
  /** --explain: files whose reason to be built or skipped is told, after each build, to `onExplanation`. */
  explain?: string[];
  onExplanation?: (text: string) => void;
}

export async function buildCommand(paths: string[], given: BuildCommandOptions, io: CommandIo): Promise<number> {
  const { options, problem, jobsFrom } = withConfigDefaults(paths, given);
  if (problem) {
    // An `out:` that leaves the project folder: nothing is built, nothing is written.
    const progress = new BatchProgress(progressMode(options, io.streams), io.streams, options.reporter);
    progress.finish({ files: [], problems: [problem], ms: 0 });
    return 1;
  }
  // Not given: as many as the cores (and the memory) allow, which runBatch caps at anyway.
  const jobs = options.jobs ?? Number.MAX_SAFE_INTEGER;
  // The index page is written when a folder (or a glob) is built into an output folder.
  const index = options.build.out !== undefined && paths.some((p) => isFolder(p) || (hasGlob(p) && !exists(p)));
  // --watch without an output folder: a manifest in memory, so each change rebuilds only what read it.
  const memory: Manifest | undefined =
    options.watch && options.build.out === undefined ? { version: 2, files: {} } : undefined;
  const once = async (): Promise<WatchRound> => {
    const progress = new BatchProgress(progressMode(options, io.streams), io.streams, options.reporter);
    const result = await runBatch(paths, {
      build: options.build,
      jobs,
      index,
      ...(memory ? { memory } : {}),
      ...(options.force ? { force: true } : {}),
      ...(options.shard ? { shard: options.shard } : {}),
      onStart: (total, toBuild, pool) => {
        // Only a number the user asked for, and only when it would have mattered for this batch.
        if (options.jobs !== undefined && !options.quiet && Math.min(pool.asked, toBuild) > pool.jobs)
          warnNow(jobsCapped(pool, jobsFrom), options, io);
        progress.start(total, toBuild);
      },
      onFileStart: (input) => progress.fileStarted(input),
      onFileDone: (outcome) => progress.fileDone(outcome),
    });
    progress.finish(result);
    if (options.explain?.length) options.onExplanation?.(explainOutcomes(options.explain, result.files));
    const code = result.problems.length > 0 || result.files.some((f) => f.status === "failed") ? 1 : 0;
    return { code, recorded: result.files.map((f) => f.recorded) };
  };
  if (!options.watch) return (await once()).code;
  // Loaded only for --watch: chokidar stays out of the start-up chunk.
  const { watchBuild } = await import("../batch/watch.js");
  return watchBuild(paths, options.build.out, once, (line) => io.err(`${line}\n`));
}

/**
 * Flags not given are taken from the config file above the first path: `out` (relative to it, and inside
 * the project folder unless --allow-outside names it) and `jobs`.
 */
function withConfigDefaults(
  paths: string[],
  options: BuildCommandOptions,
): { options: BuildCommandOptions; problem?: Diagnostic; jobsFrom?: Place } {
  if ((options.build.out !== undefined && options.jobs !== undefined) || paths.length === 0) return { options };
  const first = paths[0]!;
  const path = findConfig(isFolder(first) ? resolve(first) : dirname(resolve(first)));
  const config = path ? loadConfig(path).config : undefined;
  if (!config) return { options };
  const out = options.build.out === undefined ? configPath(config, "out", options.build.allowOutside) : undefined;
  if (out && "problem" in out) return { options, problem: out.problem };
  const jobsFromConfig = options.jobs === undefined && config.jobs !== undefined;
  return {
    options: {
      ...options,
      ...(jobsFromConfig && config.jobs !== undefined ? { jobs: config.jobs } : {}),
      build: { ...options.build, ...(out ? { out: out.path } : {}) },
    },
    ...(jobsFromConfig
      ? {
          jobsFrom: {
            file: config.path,
            line: config.places.jobs?.line ?? null,
            column: config.places.jobs?.column ?? null,
          },
        }
      : {}),
  };
}

/** Where a number of jobs was written: `jobs:` in a config file, or --jobs (no place). */
interface Place {
  file: string;
  line: number | null;
  column: number | null;
}

/** The warning for a pool smaller than the number asked: the number asked, the number used, and why. */
export function jobsCapped(pool: PoolSize, from: Place = { file: "--jobs", line: null, column: null }): Diagnostic {
  const { asked, jobs, machine } = pool;
  const message =
    pool.limitedBy === "memory"
      ? t("jobs-capped.memory", { asked, jobs, memory: machine.availableMb, each: BUILDER_MB })
      : t("jobs-capped.cores", { asked, jobs, cores: machine.cores });
  return diagnostic({
    ...from,
    severity: "warning",
    rule: "jobs-capped",
    message,
    hint: t("jobs-capped.hint", { jobs }),
  });
}

/** A message before the build starts: through the reporter, or as plain text on stderr beside --json. */
function warnNow(warning: Diagnostic, options: BuildCommandOptions, io: CommandIo): void {
  const text =
    options.json || !options.reporter
      ? { stdout: "", stderr: `${formatDiagnostic(warning)}\n` }
      : options.reporter.file({ input: warning.file, ok: true, diagnostics: [warning] });
  if (text.stdout) io.out(text.stdout);
  if (text.stderr) io.err(text.stderr);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
