// The entry of a build pool's worker thread in the bundle (dist/batch-worker.js): see worker-loop.ts.
import { parentPort } from "node:worker_threads";
import { serveBuildTasks } from "./worker-loop.js";

if (parentPort) serveBuildTasks(parentPort);
