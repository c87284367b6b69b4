// Runs build tasks on a pool of worker threads (or in this thread when jobs is 1). Each worker takes
// the next task when it finishes one; a worker that dies fails only the file it held, and is replaced.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { buildFile, internalError, type BuildTask, type FileOutcome } from "./build-file.js";

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
  const outcomes: FileOutcome[] = new Array(tasks.length);
  let next = 0;
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const spawn = (): void => {
      const worker = new Worker(script);
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
      worker.on("error", (error) => {
        if (current !== undefined) {
          const task = tasks[current]!;
          const outcome: FileOutcome = { input: task.input, status: "failed", diagnostics: [internalError(task.input, error)], outputs: [], ms: 0 };
          outcomes[current] = outcome;
          callbacks.onDone?.(outcome);
          current = undefined;
          if (next < tasks.length) spawn();
        }
      });
      worker.on("exit", () => {
        running--;
        if (running === 0) resolveAll();
      });
      feed();
    };
    for (let i = 0; i < size; i++) spawn();
  });
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
