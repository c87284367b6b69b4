// A build pool's worker thread started through V8's code cache (Node 20 from the bundle: see code-cache.ts and
// launch.ts): the CommonJS build with the workers' own cache (a batch sets heap flags before its workers start,
// and V8 takes a cache only under the flags it was made with), saved after the worker's first file.
import { parentPort, workerData } from "node:worker_threads";
import { cacheFile, startCached, type CachedWorkerData, type CodeCacheEntry } from "./code-cache.js";

const { script, folder } = workerData as CachedWorkerData;
const started = startCached(script, cacheFile(folder, "worker"));
if (parentPort)
  (started.exports as { codeCacheEntry: CodeCacheEntry }).codeCacheEntry.serveBuildTasks(parentPort, () =>
    started.save(),
  );
