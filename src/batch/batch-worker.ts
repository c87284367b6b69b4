// A worker thread of the build pool: receives tasks, builds each with buildFile, posts the outcome.
// Renderers are imported once per worker and reused for every file it builds.
import { parentPort } from "node:worker_threads";
import { buildFile, type BuildTask } from "./build-file.js";

if (process.env.MINUTES_TRACE_START) process.stderr.write("minutes: worker thread started\n");

parentPort?.on("message", (task: BuildTask) => {
  void buildFile(task).then((outcome) => parentPort?.postMessage(outcome));
});
