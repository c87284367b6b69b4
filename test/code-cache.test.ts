// Node 20 starts from the bundle through V8's code cache (src/start/code-cache.ts): the CommonJS build is
// compiled with the bytecode a previous run saved in the per-user cache folder. A cache is used only for the
// script and the V8 flags it was made for, and a start with it writes the same bytes as the ES modules.
import { spawnSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import nodeModule from "node:module";
import { dirname, join } from "node:path";
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { cacheFile, startCached } from "../src/start/code-cache.js";
import { generateRepo, tempDir } from "./helpers/minutes-repo.js";
import { plainCliEnv } from "./helpers/tools.js";

const root = process.cwd();

let copies = 0;
/**
 * The script under another name, with the same bytes and time: V8 reuses what this process compiled from the same
 * name and text without looking at a cache, so each start of a test compiles a new name.
 */
function copyOf(file: string): string {
  const copy = join(dirname(file), `copy-${copies++}.cjs`);
  copyFileSync(file, copy);
  const { mtime } = statSync(file);
  utimesSync(copy, mtime, mtime);
  return copy;
}

function script(dir: string, body = "exports.answer = function answer(n) { return n * 2 + 1; };"): string {
  const path = join(dir, "script.cjs");
  writeFileSync(path, `${body}\nexports.dir = __dirname; exports.req = typeof require('node:path').join;\n`);
  const second = new Date(Math.trunc(Date.now() / 1000) * 1000); // a time its copies can have exactly
  utimesSync(path, second, second);
  return path;
}

describe("the code cache of a CommonJS script", () => {
  it("is made after a run without one, used by the next, and the script runs the same", () => {
    const dir = tempDir("code-cache");
    const file = script(dir);
    const cache = cacheFile(join(dir, "cache"), "cli");
    const first = startCached(file, cache);
    expect(first.cache).toBe("none");
    const exports = first.exports as { answer: (n: number) => number; dir: string; req: string };
    expect([exports.answer(20), exports.dir, exports.req]).toEqual([41, dir, "function"]);
    first.save();
    const made = statSync(cache).mtimeMs;
    expect(readFileSync(cache).subarray(0, 18).toString()).toBe("minutes code cache");
    const second = startCached(copyOf(file), cache);
    expect(second.cache).toBe("used");
    expect((second.exports as { answer: (n: number) => number }).answer(1)).toBe(3);
    second.save();
    expect(statSync(cache).mtimeMs).toBe(made); // a cache that was used is not written again
  });

  it("is not used for another script, and is made again when V8 rejects it", () => {
    const dir = tempDir("code-cache-other");
    const file = script(dir);
    const cache = cacheFile(join(dir, "cache"), "cli");
    startCached(file, cache).save();
    // The same length, another text and time: the cache was made from another script.
    script(dir, "exports.answer = function answer(n) { return n * 3 + 1; };");
    utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const other = startCached(copyOf(file), cache);
    expect(other.cache).toBe("none");
    expect((other.exports as { answer: (n: number) => number }).answer(1)).toBe(4);
    other.save();
    // Damaged bytes after a right header: V8 rejects them, the script still runs, and a new cache is written.
    const bytes = readFileSync(cache);
    const header = bytes.indexOf(10) + 1;
    bytes.fill(7, header + 4, header + 8); // V8's version hash
    writeFileSync(cache, bytes);
    const rejected = startCached(copyOf(file), cache);
    expect(rejected.cache).toBe("rejected");
    expect((rejected.exports as { answer: (n: number) => number }).answer(2)).toBe(7);
    rejected.save();
    expect(startCached(copyOf(file), cache).cache).toBe("used");
  });

  it("is left out, without an error, where its folder cannot be made", () => {
    const dir = tempDir("code-cache-unwritable");
    const file = script(dir);
    const cache = cacheFile(join(file, "cache"), "cli"); // under a file: no folder can be made there
    const started = startCached(file, cache);
    expect((started.exports as { answer: (n: number) => number }).answer(0)).toBe(1);
    expect(() => started.save()).not.toThrow();
    expect(readdirSync(dir)).toEqual(["script.cjs"]);
  });

  it("is saved under the flags the run started with, or not at all", () => {
    const dir = tempDir("code-cache-flags");
    const file = script(dir);
    const cache = cacheFile(join(dir, "cache"), "cli");
    const started = startCached(file, cache);
    v8.setFlagsFromString("--no-allocation-site-pretenuring");
    try {
      started.save(); // V8 would reject a cache made under other flags: none is written
      expect(readdirSync(dir)).toEqual(["script.cjs"]); // no cache folder either
      started.save(() => v8.setFlagsFromString("--allocation-site-pretenuring"));
      expect(startCached(copyOf(file), cache).cache).toBe("used");
    } finally {
      v8.setFlagsFromString("--allocation-site-pretenuring");
    }
  });
});

const nodeHasCompileCache = "enableCompileCache" in nodeModule;

describe.skipIf(nodeHasCompileCache)("minutes on Node 20, from the bundle", () => {
  const run = (args: string[], cache: string) =>
    spawnSync(process.execPath, ["bin/minutes.js", ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...plainCliEnv(), MINUTES_NO_SNAPSHOT: "1", MINUTES_CACHE_DIR: cache, SOURCE_DATE_EPOCH: "1700000000" },
    });
  const caches = (cache: string): Record<string, number> => {
    const [folder] = readdirSync(cache);
    const dir = join(cache, folder!, "code-cache");
    return Object.fromEntries(
      readdirSync(dir).map((f) => [f.replace(/-\w+\.v8cache$/, ""), statSync(join(dir, f)).mtimeMs]),
    );
  };

  it("saves a cache for the command line, for builds and for the workers, and writes the same bytes with them", () => {
    const cache = tempDir("code-cache-cli");
    expect(run(["--version"], cache).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(caches(cache))).toEqual(["cli"]);
    const repo = tempDir("code-cache-repo");
    generateRepo(repo, 3);
    const outs = [tempDir("code-cache-out1"), tempDir("code-cache-out2")];
    const build = (out: string) =>
      run(["build", repo, "--out", out, "--jobs", "2", "--format", "docx,pdf", "--quiet"], cache);
    const first = build(outs[0]!);
    expect(first.status, first.stderr).toBe(0);
    const made = caches(cache);
    expect(Object.keys(made).sort()).toEqual(["build", "cli", "worker"]);
    expect(build(outs[1]!).status).toBe(0);
    expect(caches(cache)).toEqual(made); // used, not made again
    // The ES modules, without any cache, write the same files.
    const esm = tempDir("code-cache-esm");
    const plain = spawnSync(
      process.execPath,
      ["dist/cli-main.js", "build", repo, "--out", esm, "--jobs", "2", "--format", "docx,pdf", "--quiet"],
      { cwd: root, encoding: "utf8", env: { ...plainCliEnv(), SOURCE_DATE_EPOCH: "1700000000" } },
    );
    expect(plain.status, plain.stderr).toBe(0);
    const built = readdirSync(join(esm, "2021")).sort();
    expect(built).toHaveLength(6);
    for (const out of outs) {
      expect(readdirSync(join(out, "2021")).sort()).toEqual(built);
      for (const name of built)
        expect(readFileSync(join(out, "2021", name)).equals(readFileSync(join(esm, "2021", name))), name).toBe(true);
    }
  });
});
