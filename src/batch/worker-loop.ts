// The loop of a build pool's worker thread: receives tasks, builds each with buildFile, posts the outcome.
// Renderers are imported once per worker and reused for every file it builds. Started by dist/batch-worker.js,
// or on Node 20 through V8's code cache (src/start/cached-worker.ts).
// Node's worker module is the caller's to import: this module is also in the startup snapshot's script, where it
// must not be loaded while the snapshot is made (see worker-pool.ts).
import type { MessagePort } from "node:worker_threads";
import { buildFile, type BuildTask } from "./build-file.js";

/**
 * Builds the tasks `port` (the worker's parentPort) brings. `afterFirst`: called once, when the first file is built
 * and before its outcome is posted (the code cache is saved then: the pool terminates a worker once the outcomes it
 * owes are in, so a worker never reaches "exit", and may be stopped at any point after its last post).
 */
export function serveBuildTasks(port: MessagePort, afterFirst?: () => void): void {
  if (process.env.MINUTES_TRACE_START) process.stderr.write("minutes: worker thread started\n");
  // The pool sends the next task before this one is done: tasks wait here and are built one at a time, in the
  // order they came (the pool matches outcomes to tasks by that order).
  const waiting: BuildTask[] = [];
  let building = false;
  let first = afterFirst;
  const buildInOrder = async (): Promise<void> => {
    building = true;
    for (let task = waiting.shift(); task; task = waiting.shift()) {
      const outcome = await buildFile(task);
      if (process.env.MINUTES_TRACE_START) process.stderr.write(`minutes: built in a worker thread: ${task.input}\n`);
      first?.();
      first = undefined;
      port.postMessage(outcome);
    }
    building = false;
  };
  port.on("message", (task: BuildTask) => {
    waiting.push(task);
    if (!building) void buildInOrder();
  });
}
