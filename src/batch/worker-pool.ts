// Runs build tasks on a pool of worker threads (or in this thread when jobs is 1). Each worker takes
// the next task when it finishes one; a worker that dies fails only the file it held, and is replaced.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { buildFile, type BuildTask, type FileOutcome } from "./build-file.js";

/** The bundled worker entry (dist/batch-worker.js); absent when running from the TypeScript sources. */
function workerScript(): URL | undefined {
  const url = new URL("./batch-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface PoolCallbacks {
  onStart?: (task: BuildTask) => void;
  onDone?: (outcome: FileOutcome) => void;
}

export async function runPool(tasks: BuildTask[], jobs: number, callbacks: PoolCallbacks = {}): Promise<FileOutcome[]> {
  const script = workerScript();
  const size = Math.max(1, Math.min(jobs, tasks.length));
  if (size === 1 || !script) return runInProcess(tasks, callbacks);
  // Loaded here, not with this module: a process started from the startup snapshot must load Node's
  // worker module itself (one loaded while the snapshot was made gives workers a broken process.cwd).
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  // V8 moves allocation sites whose objects often survive a young collection to the old generation,
  // where each meeting's model and document trees, which live for one file, then pile up until a full
  // collection, which also throws away optimised code. Without it, 280 meetings take ~10% less CPU time
  // (17.4 → 15.8 s) and 3–5 full collections per worker instead of 6–8. V8 flags are per process: the
  // workers made from here on get it.
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
  const outcomes: FileOutcome[] = new Array(tasks.length);
  const retry: number[] = [];
  let next = 0;
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const spawn = (): void => {
      const worker = new Worker(script, { resourceLimits: workerLimits(), execArgv: workerExecArgv() });
      let current: number | undefined;
      running++;
      const feed = (): void => {
        if (next >= tasks.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        callbacks.onStart?.(tasks[current]!);
        worker.postMessage(tasks[current]);
      };
      worker.on("message", (outcome: FileOutcome) => {
        outcomes[current!] = outcome;
        callbacks.onDone?.(outcome);
        feed();
      });
      worker.on("error", () => {
        // The worker died (out of its memory cap, or a crash): the file is retried in this thread.
        if (current !== undefined) retry.push(current);
        current = undefined;
        if (next < tasks.length) spawn();
      });
      worker.on("exit", () => {
        running--;
        if (running === 0) resolveAll();
      });
      feed();
    };
    for (let i = 0; i < size; i++) spawn();
  });
  for (const at of retry) {
    const [outcome] = await runInProcess([tasks[at]!], { onDone: callbacks.onDone ?? (() => undefined) });
    outcomes[at] = outcome!;
  }
  return outcomes;
}

async function runInProcess(tasks: BuildTask[], callbacks: PoolCallbacks): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const task of tasks) {
    callbacks.onStart?.(task);
    const outcome = await buildFile(task);
    callbacks.onDone?.(outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Memory of each worker. A batch runs several V8 heaps at once and V8 lets each grow well beyond what a
 * render keeps alive. A small young generation costs nothing measurable. MINUTES_WORKER_HEAP_MB caps the
 * old generation for memory-tight CI runners (200 meetings: 240 MB peak with 96 instead of 435 MB, and
 * 9.5 s instead of 7.3 s); a file that outgrows the cap is retried in the main thread, which has no cap.
 */
function workerLimits(): { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb: number } {
  const old = Number(process.env.MINUTES_WORKER_HEAP_MB);
  return { ...(Number.isFinite(old) && old > 0 ? { maxOldGenerationSizeMb: old } : {}), maxYoungGenerationSizeMb: 16 };
}

/** Node flags the workers inherit: tuning flags only (not -e or --input-type, which a worker refuses). */
function workerExecArgv(): string[] {
  return process.execArgv.filter((flag) => /^--(max-|stack-size|expose-gc|enable-source-maps|cpu-prof|heap-prof)/.test(flag));
}
