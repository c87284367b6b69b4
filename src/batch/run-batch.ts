// A batch build: collect the inputs (files, folders, globs), keep this shard's share, skip what the
// manifest says is up to date, build the rest on the worker pool, record the manifest, and write the
// index page when building folders into --out. Failures are collected, never thrown.
import { existsSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { BuildOptions } from "../build.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text, type Param, type Text } from "../i18n/messages.js";
import type { BuildTask, FileOutcome, Reason } from "./build-file.js";
import { mirroredFolder, pathKey, recordedPath, shardKey } from "./batch-paths.js";
import { collectInputs, inputProblems, type Input } from "./collect-inputs.js";
import {
  entryRecord,
  manifestEntry,
  manifestName,
  optionsKey,
  readManifest,
  reasonToBuild,
  writeManifest,
  type Manifest,
} from "./manifest.js";
import { CurrentHashes } from "../world/staleness.js";
import { poolSize, thisMachine, type PoolSize } from "./pool-size.js";
import { ResumeLog, resumeLogName } from "./resume-log.js";
import { inShard, type Shard } from "./shard.js";
import { writeSiteIndex } from "./site-index.js";
import { runPool } from "./worker-pool.js";
import { failedOutput, writeProblem } from "../write-atomically.js";

export interface BatchOptions {
  /** Options for every file (plain data; passed to the workers as is). `out` is the mirrored output root. */
  build: BuildOptions;
  /** Files built at once; capped at the cores and the memory available (see pool-size.ts). */
  jobs: number;
  force?: boolean;
  shard?: Shard;
  /** Write index.html and index.json into `build.out` (the CLI does when a folder is built into --out). */
  index?: boolean;
  /**
   * Without an output folder: a manifest kept in memory, compared with and updated like the file one, never
   * written (--watch keeps one across its builds, so a change rebuilds only the outputs that read it).
   */
  memory?: Manifest;
  /** Before the first file is built: how many files, how many to build, and the pool that builds them. */
  onStart?: (total: number, toBuild: number, pool: PoolSize) => void;
  onFileStart?: (input: string) => void;
  onFileDone?: (outcome: FileOutcome) => void;
}

export interface BatchResult {
  files: FileOutcome[];
  /** Arguments that matched nothing. */
  problems: Diagnostic[];
  /** The manifest file, when building into an output folder. */
  manifest?: string;
  index?: { html: string; json: string };
  ms: number;
}

/** What claims <out>/index.* when the batch publishes an index (index.html and index.json). */
const publishedIndex = Symbol("the published index");

export async function runBatch(args: readonly string[], options: BatchOptions): Promise<BatchResult> {
  const start = performance.now();
  const outRoot = options.build.out ? resolve(options.build.out) : undefined;
  const blocked = outRoot ? outputFolderProblem(options.build.out!, outRoot) : undefined;
  if (blocked) return { files: [], problems: [blocked], ms: performance.now() - start };
  const collected = await collectInputs(args, outRoot ? [outRoot] : []);
  const problems: Diagnostic[] = inputProblems(collected.problems);
  const shared = options.shard
    ? collected.inputs.filter((i) => inShard(shardKey(i), options.shard!))
    : collected.inputs;
  const outDirOf = (input: Input): string => (outRoot ? mirroredFolder(input, outRoot) : dirname(input.path));

  // Two inputs whose outputs would land on the same paths (a/x.md and b/x.md into one --out): the
  // second is refused rather than silently overwriting the first's outputs.
  const claimed = new Map<string, string | typeof publishedIndex>();
  // The published index owns <out>/index.json: a top-level index.md built to JSON would be overwritten by it.
  // (Formats left to the config file may include json, so that case is refused too.)
  if (options.index && outRoot && (options.build.formats?.includes("json") ?? true))
    claimed.set(pathKey(join(outRoot, "index")), publishedIndex);
  const inputs = shared.filter((input) => {
    const stem = pathKey(join(outDirOf(input), basename(input.path, extname(input.path)))); // "A.md" and "a.md" clash on Windows
    const first = claimed.get(stem);
    if (first === undefined) claimed.set(stem, input.path);
    else
      problems.push(
        diagnostic({
          file: input.path,
          line: null,
          column: null,
          severity: "error",
          rule: "output-clash",
          message: first === publishedIndex ? text("output-clash.index") : text("output-clash", { first }),
          hint: text("output-clash.hint"),
        }),
      );
    return first === undefined;
  });

  // Incremental builds need an output folder to keep the manifest in (or one in memory, for --watch);
  // beside the inputs, all is built.
  const manifestDir = outRoot ?? process.cwd();
  const manifestPath = outRoot ? join(outRoot, manifestName) : undefined;
  const manifest = manifestPath ? readManifest(manifestPath) : (options.memory ?? { version: 2 as const, files: {} });
  // What a run that was stopped built after its last manifest: a rerun resumes there.
  const log = outRoot ? new ResumeLog(join(outRoot, resumeLogName)) : undefined;
  const resumed = log?.read() ?? [];
  for (const [name, entry] of resumed) manifest.files[name] = entry;
  // Without an output folder (or a manifest in memory) there is nothing to compare with: no key.
  const key =
    manifestPath || options.memory
      ? optionsKey({ ...options.build, out: undefined, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH })
      : undefined;
  const hashes = new CurrentHashes();

  const outcomes: (FileOutcome | undefined)[] = [];
  const tasks: { task: BuildTask; at: number; name: string; reason: Reason }[] = [];
  for (const [at, input] of inputs.entries()) {
    const name = recordedPath(manifestDir, input.path);
    const entry = manifest.files[name];
    const reason: Reason =
      key === undefined
        ? { kind: "no-manifest" }
        : options.force
          ? { kind: "forced" }
          : reasonToBuild(entry, key, manifestDir, hashes);
    if (reason.kind === "up-to-date" && entry) {
      const recorded = entryRecord(entry, manifestDir);
      outcomes[at] = {
        input: input.path,
        status: "unchanged",
        diagnostics: [],
        outputs: entry.outputs.map((o) => ({
          format: o.slice(o.lastIndexOf(".") + 1) as never,
          path: join(manifestDir, o),
        })),
        ...(entry.meeting ? { meeting: entry.meeting } : {}),
        ms: 0,
        reason,
        ...(recorded ? { recorded } : {}),
      };
      continue;
    }
    tasks.push({
      task: {
        input: input.path,
        options: {
          ...options.build,
          ...(outRoot ? { out: outDirOf(input) } : {}),
          // The index publishes the public edition unless --edition or the config's `publish:` says otherwise.
          ...(options.index && outRoot ? { publishing: true } : {}),
          // Among several meetings, a convocation not held yet is no failure: its convocation is built instead.
          ...(inputs.length > 1 && options.build.agendaOnly === undefined
            ? { agendaOnly: "convocation" as const }
            : {}),
        },
      },
      at,
      name,
      reason,
    });
  }

  const pool = poolSize(options.jobs, thisMachine());
  options.onStart?.(inputs.length, tasks.length, pool);
  const byInput = new Map(tasks.map((t) => [t.task.input, t]));
  let logFailure: Diagnostic | undefined;
  const recordFinished = (outcome: FileOutcome): void => {
    const { name } = byInput.get(outcome.input) ?? {};
    if (!log || logFailure || outcome.status !== "built" || !name || !key) return;
    try {
      log.append(name, manifestEntry(key, outcome, manifestDir));
    } catch (error) {
      logFailure = writeProblem(log.path, error, (why) => text("write-output.resume-log", { why }));
      if (!logFailure) throw error;
    }
  };
  const built = await runPool(
    tasks.map((t) => t.task),
    pool.jobs,
    {
      onStart: (task) => options.onFileStart?.(task.input),
      onDone: (outcome) => {
        recordFinished(outcome);
        options.onFileDone?.(outcome);
      },
    },
  );
  if (logFailure) problems.push(logFailure);
  for (const [i, outcome] of built.entries()) {
    const { at, name, reason } = tasks[i]!;
    outcomes[at] = { ...outcome, reason };
    if (outcome.status === "built" && key) {
      manifest.files[name] = manifestEntry(key, outcome, manifestDir);
    } else delete manifest.files[name];
  }
  const files = outcomes.filter((o): o is FileOutcome => o !== undefined);
  // A build in which every file failed leaves no new output folder behind.
  const anyBuilt = files.some((f) => f.status === "built");
  const changed = tasks.length > 0 || resumed.length > 0;
  if (manifestPath && (existsSync(manifestPath) ? changed : anyBuilt || resumed.length > 0)) {
    const failure = await written(
      () => writeManifest(manifestPath, manifest),
      manifestPath,
      (why) => text("write-output.manifest", { why }),
    );
    if (failure) problems.push(failure);
    else log?.remove(); // the manifest now holds every line of the log
  }
  let index: BatchResult["index"];
  if (options.index && outRoot && (anyBuilt || existsSync(outRoot))) {
    const failure = await written(
      async () => void (index = await writeSiteIndex(outRoot, files)),
      join(outRoot, "index.html"),
      (why) => text("write-output.index", { why }),
    );
    if (failure) problems.push(failure);
  }
  return {
    files,
    problems,
    ...(manifestPath ? { manifest: manifestPath } : {}),
    ...(index ? { index } : {}),
    ms: performance.now() - start,
  };
}

/** Runs a write; a refused one comes back as a write-output error of `file` (any other error is a bug, thrown). */
async function written(
  write: () => Promise<void>,
  file: string,
  message: (why: Param) => Text,
): Promise<Diagnostic | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    const problem = writeProblem(failedOutput(error, file), error, message);
    if (!problem) throw error;
    return problem;
  }
}

/** An --out that cannot be a folder (it is a file, or a file stands where one of its folders should be): nothing can be built. */
function outputFolderProblem(out: string, outRoot: string): Diagnostic | undefined {
  try {
    if (statSync(outRoot).isDirectory()) return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined; // made by the first file built
    return writeProblem(out, error, (why) => text("write-output.batch-folder", { folder: out, why }));
  }
  return diagnostic({
    file: out,
    line: null,
    column: null,
    severity: "error",
    rule: "write-output",
    message: text("write-output.folder-is-file", { folder: out }),
    hint: text("write-output.folder-is-file.hint"),
  });
}
