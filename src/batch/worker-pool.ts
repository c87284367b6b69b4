// Runs build tasks on a pool of N builders: this thread and N − 1 worker threads (this thread alone when N
// is 1). Each worker holds at most two tasks and builds them in order; a worker that dies is replaced, and
// the files it held are built again in this thread.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { buildFile, type BuildTask, type FileOutcome } from "./build-file.js";

/** The bundled worker entry (dist/batch-worker.js); absent when running from the TypeScript sources. */
function workerScript(): URL | undefined {
  if (workerStart) return workerStart.script;
  const url = new URL("./batch-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Another worker entry for every pool of this process, with its workerData: the code cache's (src/start/). */
let workerStart: { script: URL; workerData: unknown } | undefined;
export function startWorkersWith(script: URL, workerData: unknown): void {
  workerStart = { script, workerData };
}

export interface PoolCallbacks {
  onStart?: (task: BuildTask) => void;
  onDone?: (outcome: FileOutcome) => void;
}

/** `script`: the worker entry, dist/batch-worker.js unless a test gives another. */
export async function runPool(
  tasks: BuildTask[],
  jobs: number,
  callbacks: PoolCallbacks = {},
  script: URL | undefined = workerScript(),
): Promise<FileOutcome[]> {
  const workers = script ? Math.max(1, Math.min(jobs, tasks.length)) - 1 : 0;
  tuneHeaps(tasks.length > 1);
  if (process.env.MINUTES_TRACE_START)
    process.stderr.write(
      `minutes: a pool of ${workers + 1} builders: this thread and ${workers} worker thread${workers === 1 ? "" : "s"}\n`,
    );
  // Loaded only for workers, not with this module: a process started from the startup snapshot must load
  // Node's worker module itself (one loaded while the snapshot was made gives workers a broken process.cwd).
  const Worker =
    workers > 0
      ? (createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads")).Worker
      : undefined;
  const outcomes: FileOutcome[] = new Array(tasks.length);
  const retry: number[] = [];
  let next = 0;
  const buildHere = async (at: number): Promise<void> => {
    const outcome = await buildFile(tasks[at]!);
    outcomes[at] = outcome;
    callbacks.onDone?.(outcome);
  };
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const stopped = (): void => {
      running--;
      if (running === 0) resolveAll();
    };
    const spawn = (): void => {
      if (!Worker || !script) return;
      let worker: InstanceType<typeof Worker>;
      try {
        worker = new Worker(script, {
          resourceLimits: workerLimits(),
          execArgv: workerExecArgv(),
          ...(script === workerStart?.script ? { workerData: workerStart.workerData } : {}),
        });
      } catch {
        return; // Node refused to start a worker: this thread builds the files that are left.
      }
      // Tasks sent to this worker and not yet answered, oldest first (it builds them one at a time, in order).
      let held: number[] = [];
      let dying = false;
      running++;
      const feed = (): void => {
        if (dying) return;
        // While more files are left than there are builders, one waits in the worker beside the one it
        // builds: this thread builds files too, and a worker that had to wait for it to hand out the next
        // file sat idle for ~15% of a batch. Near the end, and in small batches, each builder gets one.
        while (next < tasks.length && held.length < (tasks.length - next > workers + 1 ? WORKER_QUEUE : 1)) {
          const at = next++;
          held.push(at);
          callbacks.onStart?.(tasks[at]!);
          worker.postMessage(tasks[at]);
        }
        if (held.length === 0) void worker.terminate();
      };
      worker.on("message", (outcome: FileOutcome) => {
        outcomes[held.shift()!] = outcome;
        callbacks.onDone?.(outcome);
        feed();
      });
      // The worker died (out of its memory cap, or a crash). Results it posted before may still arrive
      // after this event, so its files are counted as lost only once it has exited: Node delivers every
      // message before "exit".
      worker.on("error", () => {
        dying = true;
      });
      worker.on("exit", () => {
        retry.push(...held); // built again in this thread, after the pool
        held = [];
        if (next < tasks.length) spawn();
        stopped();
      });
      feed();
    };
    for (let i = 0; i < workers; i++) spawn();
    // This thread is one of the builders (the only one with --jobs 1): a pool of N is this thread and
    // N − 1 workers, so a batch runs one V8 heap fewer (200 meetings on two cores: ~80 MB less at peak).
    running++;
    void (async () => {
      while (next < tasks.length) {
        // A build may never wait for the event loop (its reads and writes are synchronous): the workers'
        // outcomes, and so their next tasks, are taken in here, between two files, and so are V8's own tasks
        // (incremental marking, scheduled young collections), without which the heap grew larger.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (next >= tasks.length) break;
        const at = next++;
        callbacks.onStart?.(tasks[at]!);
        await buildHere(at);
      }
      stopped();
    })();
  });
  for (const at of retry) await buildHere(at);
  return outcomes;
}

/**
 * V8 settings for a batch of files, in this thread or with workers (V8 flags are per process: they apply to
 * this thread's heap and to the workers made from here on).
 * - Allocation-site pretenuring moves allocation sites whose objects often survive a young collection to the
 *   old generation, where each meeting's model and document trees, which live for one file, then pile up
 *   until a full collection, which also throws away optimised code. Without it, 280 meetings take ~10% less
 *   CPU time (17.4 → 15.8 s).
 * - Each meeting leaves ~0.7 MB in the old generation (objects alive across two young collections), and V8
 *   lets an old generation grow up to 4× its live size before a full collection (~150 MB per heap here).
 *   Growing by 80% at most keeps it under ~50 MB (~26 MB live), for a few more full collections.
 * The bound on growth applies to one file too: a long meeting leaves the parser's events, the DOCX's object tree
 * and the PDF's pages behind it, garbage that V8 let pile up: the bench's 257 KB meeting peaked at 500 MB of
 * RSS, 326 MB with the bound (CPU time within the noise of a loaded machine; the seed's build unchanged).
 */
function tuneHeaps(batch: boolean): void {
  if (batch) v8.setFlagsFromString("--no-allocation-site-pretenuring");
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** V8's own values of the flags tuneHeaps sets: before saving the code cache, which V8 checks against its flags. */
export function untuneHeaps(): void {
  v8.setFlagsFromString("--allocation-site-pretenuring");
  v8.setFlagsFromString("--heap-growing-percent=0");
}
const HEAP_GROWING_PERCENT = 80;
const WORKER_QUEUE = 2;

/**
 * Memory of each worker. A young generation of 24 MB (two 8 MB halves) instead of V8's 48 MB: fewer
 * meetings' objects are collected young, but the batch peaks ~16 MB lower per worker. MINUTES_WORKER_HEAP_MB
 * also caps the old generation, for memory-tight runners; a file that outgrows the cap is retried in the
 * main thread, which has no cap.
 */
function workerLimits(): { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb: number } {
  const old = Number(process.env.MINUTES_WORKER_HEAP_MB);
  return { ...(Number.isFinite(old) && old > 0 ? { maxOldGenerationSizeMb: old } : {}), maxYoungGenerationSizeMb: 24 };
}

/**
 * Node options the workers inherit: source maps and profiling only, with the value of an option written
 * as two words (`--cpu-prof-dir /tmp/p`). V8 options (--max-old-space-size, --stack-size, --expose-gc…)
 * belong to the process, and a worker given one throws ERR_WORKER_INVALID_EXEC_ARGV.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    if (!/^--(enable-source-maps|cpu-prof|heap-prof)/.test(flag)) continue;
    kept.push(flag);
    const takesValue = /^--(cpu|heap)-prof-(dir|name|interval)$/.test(flag);
    if (takesValue && i + 1 < execArgv.length) kept.push(execArgv[++i]!);
  }
  return kept;
}
