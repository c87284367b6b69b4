// The build pool when workers die: every file gets exactly one outcome, whether a worker's last result
// reaches this thread before or after the news of its death (Node does not order the two).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { FileOutcome } from "../src/batch/build-file.js";
import { runPool } from "../src/batch/worker-pool.js";
import { generateRepo, tempDir } from "./helpers/minutes-repo.js";

/** A worker script whose message handler answers each file at once (without building it), then runs `after`. */
function fakeWorker(name: string, after = ""): URL {
  const path = join(mkdtempSync(join(tmpdir(), `minutes-${name}-`)), "worker.mjs");
  writeFileSync(
    path,
    `import { parentPort } from "node:worker_threads";
parentPort.on("message", (task) => {
  parentPort.postMessage({ input: task.input, status: "built", diagnostics: [], outputs: [], ms: 0, by: "worker" });
  ${after}
});
`,
  );
  return pathToFileURL(path);
}

/** A worker that answers its first file, then throws an uncaught exception (it dies holding its second file). */
const dyingWorker = (): URL => fakeWorker("dying", 'throw new Error("worker crash after its first file");');

/** A worker that answers each file at once, without building it. */
const quickWorker = (): URL => fakeWorker("quick");

describe("the worker pool", () => {
  it("keeps feeding its workers while this thread builds files whose reads and writes never wait", async () => {
    // A build in this thread has no await that reaches the event loop: without a turn of it between two files,
    // the workers' outcomes (and their next files) waited until this thread had taken every file left.
    const inputs = generateRepo(tempDir("pool-feed"), 24);
    const out = tempDir("pool-feed-out");
    const tasks = inputs.map((input) => ({ input, options: { out, formats: ["json" as const] } }));
    const outcomes: FileOutcome[] = await runPool(tasks, 2, {}, quickWorker());
    expect(outcomes.map((o) => o.input)).toEqual(inputs);
    const byWorker = outcomes.filter((o) => (o as FileOutcome & { by?: string }).by === "worker").length;
    // More than the two files a worker is handed at the start; this thread built some too.
    expect(byWorker).toBeGreaterThan(2);
    expect(byWorker).toBeLessThan(24);
  });

  it("gives every file one outcome when workers die holding files", async () => {
    const inputs = generateRepo(tempDir("pool-die"), 12);
    const out = tempDir("pool-die-out");
    const tasks = inputs.map((input) => ({ input, options: { out, formats: ["json" as const] } }));
    const done: string[] = [];
    const outcomes: FileOutcome[] = await runPool(tasks, 3, { onDone: (o) => done.push(o.input) }, dyingWorker());
    expect(outcomes).toHaveLength(12);
    expect(outcomes.map((o) => o?.input)).toEqual(inputs);
    expect(outcomes.every((o) => o.status === "built")).toBe(true);
    // Each file reported done exactly once: none lost, none built twice.
    expect([...done].sort()).toEqual([...inputs].sort());
    // The dying workers answered some files; this thread built the rest, including the files they held.
    const byWorkers = outcomes.filter((o) => (o as FileOutcome & { by?: string }).by === "worker").length;
    expect(byWorkers).toBeGreaterThan(0);
    expect(byWorkers).toBeLessThan(12);
  });
});
