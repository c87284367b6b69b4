// The entry of the V8 startup snapshot (dist/snapshot/minutes.blob, made by scripts/make-snapshot.mjs and
// used by bin/minutes). Building the snapshot loads the whole CLI with both renderers and renders the
// seed meeting once in memory, so the heap saved holds compiled modules, parsed fonts and shaped words:
// a run from the snapshot starts with all of that done. Nothing here changes what a run does or writes.
// Its CommonJS build (dist/snapshot/minutes-snapshot.cjs) is also how Node 20 starts from the bundle with
// V8's code cache (src/start/code-cache.ts): then nothing runs at load, and `codeCacheEntry` is used.
import { restoreTextDecoder } from "./text-decoder-for-snapshot.js";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { warmUp } from "./warm-up.js";
import { runCli } from "./run-cli.js";
import { chooseLanguage } from "../cli.js";
import { problemLines, say } from "../i18n/messages.js";
import { startWorkersWith, untuneHeaps } from "../batch/worker-pool.js";
import { serveBuildTasks } from "../batch/worker-loop.js";
import { readFontFilesAgain, setFontFilesAside } from "../render/pdf/font-book.js";
import type { CodeCacheEntry } from "./code-cache.js";

/** The package folder this snapshot was made in (dist/ is its child); runs must come from the same place. */
const root = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");

if (v8.startupSnapshot.isBuildingSnapshot()) {
  warmUp(root)
    .catch((error: unknown) => {
      process.stderr.write(`minutes: warming up the snapshot failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    })
    .finally(() => {
      // ICU objects cannot be saved in a snapshot: the decoders make theirs again on first use in each run.
      restoreTextDecoder();
      // The fonts' parsed tables stay in the snapshot; their files' bytes are read again when it starts.
      setFontFilesAside();
    });
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // bin/minutes runs `node --snapshot-blob minutes.blob <package folder> <arguments…>`.
    if (process.argv[1] !== root) {
      process.stderr.write(`minutes: this startup snapshot was made for ${root}; run bin/minutes.js instead\n`);
      process.exitCode = 2;
      return;
    }
    const changed = readFontFilesAgain();
    if (changed) {
      chooseLanguage(process.argv.slice(2));
      process.stderr.write(
        problemLines(say("snapshot.font-changed", { path: changed }), say("snapshot.font-changed.hint")),
      );
      process.exitCode = 2;
      return;
    }
    if (process.env.MINUTES_TRACE_START) process.stderr.write("minutes: started from the snapshot\n");
    runCli(process.argv.slice(2));
  });
}

/** The start through V8's code cache (launch.ts on Node 20): the CLI in this thread, the pool's workers from `worker`. */
export const codeCacheEntry: CodeCacheEntry = {
  startCli(argv, worker) {
    startWorkersWith(worker.script, worker.workerData);
    if (process.env.MINUTES_TRACE_START) process.stderr.write("minutes: started from the bundle\n");
    runCli(argv);
  },
  serveBuildTasks,
  untuneHeaps,
};
