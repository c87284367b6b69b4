// A worker thread of the build pool: receives tasks, builds each with buildFile, posts the outcome.
// Renderers are imported once per worker and reused for every file it builds.
import { parentPort } from "node:worker_threads";
import { buildFile, type BuildTask } from "./build-file.js";

if (process.env.MINUTES_TRACE_START) process.stderr.write("minutes: worker thread started\n");

// The pool sends the next task before this one is done: tasks wait here and are built one at a time, in the
// order they came (the pool matches outcomes to tasks by that order).
const waiting: BuildTask[] = [];
let building = false;
parentPort?.on("message", (task: BuildTask) => {
  waiting.push(task);
  if (!building) void buildInOrder();
});

async function buildInOrder(): Promise<void> {
  building = true;
  for (let task = waiting.shift(); task; task = waiting.shift()) {
    const outcome = await buildFile(task);
    if (process.env.MINUTES_TRACE_START) process.stderr.write(`minutes: built in a worker thread: ${task.input}\n`);
    parentPort?.postMessage(outcome);
  }
  building = false;
}
