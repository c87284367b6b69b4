// V8's code cache for starts from the bundle on Node 20, which has no module.enableCompileCache (Node 22.1+
// uses that instead: launch.ts). The CommonJS build of the CLI (dist/snapshot/minutes-snapshot.cjs, also the
// startup snapshot's script) is compiled through vm.Script with the bytecode a previous run left in the
// per-user cache folder, and after a run that had none, or whose cache V8 rejected, the bytecode of every
// function this run compiled is saved there for the next: a start then neither parses nor compiles what it
// runs (measured in docs/performance.md). Only node: modules: launch.js and the worker entry bundle this file.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import nodeModule from "node:module";
import { dirname, join } from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import type { MessagePort } from "node:worker_threads";

/** What the CommonJS build exports (src/start/snapshot-entry.ts) for a start through the code cache. */
export interface CodeCacheEntry {
  /** Runs the command line; the build pool's workers start from `worker` (src/start/cached-worker.ts). */
  startCli(argv: string[], worker: { script: URL; workerData: CachedWorkerData }): void;
  /** A worker thread's loop (src/batch/worker-loop.ts). */
  serveBuildTasks(port: MessagePort, afterFirst?: () => void): void;
  /** Sets back the V8 flags a build sets (src/batch/worker-pool.ts), so that the cache made after it fits the next start. */
  untuneHeaps(): void;
}

/** What a worker started through the code cache is given: the CommonJS build, and the cache folder. */
export interface CachedWorkerData {
  script: string;
  folder: string;
}

/** What a cache file starts with: the script it was made from (size, modification time), then V8's data. */
const header = (size: number, mtimeMs: number): string => `minutes code cache ${size} ${Math.trunc(mtimeMs)}\n`;

export interface CachedStart {
  /** The script's module.exports. */
  exports: unknown;
  /** "used"; "none" (none yet, or one made from another script); "rejected" (by V8). MINUTES_TRACE_START says which. */
  cache: "used" | "none" | "rejected";
  /**
   * Saves the bytecode compiled so far when the cache was not used, and V8's flags are those it started with
   * (a cache made under other flags is rejected: `flagsChanged` is asked to set them back first). Never throws.
   */
  save(flagsChanged?: () => void): void;
}

/**
 * The cache file of `name` (cli, worker) in `folder`: one per V8 version, flags and CPU features
 * (`v8.cachedDataVersionTag()`, which V8 checks a cache against), since a worker of a batch runs under other
 * heap flags than the thread that started it.
 */
export function cacheFile(folder: string, name: string): string {
  return join(folder, `${name}-${v8.cachedDataVersionTag().toString(16)}.v8cache`);
}

/** Runs the CommonJS file `script` as Node's loader would, with V8's code cache from `cachePath` when one fits it. */
export function startCached(script: string, cachePath: string): CachedStart {
  const stats = statSync(script);
  const expected = header(stats.size, stats.mtimeMs);
  let data: Buffer | undefined;
  try {
    const bytes = readFileSync(cachePath);
    if (bytes.subarray(0, expected.length).toString("latin1") === expected) data = bytes.subarray(expected.length);
  } catch {
    // No cache yet, or none readable: this run makes one.
  }
  const compiled = new vm.Script(nodeModule.wrap(readFileSync(script, "utf8")), {
    filename: script,
    ...(data ? { cachedData: data } : {}),
  });
  const cache = data === undefined ? "none" : compiled.cachedDataRejected ? "rejected" : "used";
  const tag = v8.cachedDataVersionTag();
  const module = { exports: {} as unknown, filename: script, id: script, loaded: false };
  const wrapper = compiled.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(script), module, script, dirname(script));
  module.loaded = true;
  let saved = cache === "used";
  return {
    exports: module.exports,
    cache,
    save(flagsChanged) {
      if (saved) return;
      if (v8.cachedDataVersionTag() !== tag) flagsChanged?.();
      if (v8.cachedDataVersionTag() !== tag) return; // V8 would reject it: flags the run set and cannot undo
      saved = true;
      try {
        writeWhole(cachePath, () => [Buffer.from(expected, "latin1"), compiled.createCachedData()]);
      } catch {
        // A cache folder that cannot be written: the next start compiles again, as without one.
      }
    },
  };
}

/**
 * Writes `parts` to a temporary file beside `path` and renames it: a reader finds the old file or the whole new one.
 * The parts are made once the file is open, so a folder that cannot be written costs no serialising.
 */
function writeWhole(path: string, parts: () => Uint8Array[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = openSync(temp, "wx");
    try {
      for (const part of parts()) writeSync(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
