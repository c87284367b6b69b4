// The per-user cache (src/user-cache.ts): the clean-up removes folders whose Node or minutes build is gone
// and folders unused for 30 days, keeps the current one, recent ones and folders being made, never touches
// what is outside its root or behind a symbolic link; `minutes cache` and `minutes cache clear` say so, in
// the user's language. Every test uses a temporary MINUTES_CACHE_DIR.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanCache, parseIdentity, readCache } from "../src/user-cache.js";
import { plainCliEnv } from "./helpers/tools.js";
import { ciServiceVariables } from "../src/start/ci.js";

const DAY = 86_400_000;
const now = Date.now();

/** A package folder whose dist/launch.cjs holds `buildId`, as scripts/build.mjs writes it (launch.js in older builds). */
function packageFolder(buildId: string, launcher = "launch.cjs"): string {
  const root = mkdtempSync(join(tmpdir(), "minutes-pkg-"));
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "dist", launcher), `const id = "${buildId}";\n`);
  return root;
}

function snapshotFolder(root: string, name: string, identity: string, ageDays = 0): string {
  const folder = join(root, name);
  mkdirSync(join(folder, "code-cache"), { recursive: true });
  writeFileSync(join(folder, "made-for"), `${identity}\n--initial-old-space-size=128\n`);
  writeFileSync(join(folder, "minutes.blob"), "blob");
  writeFileSync(join(folder, "code-cache", "cli-1.v8cache"), "cache");
  const then = new Date(now - ageDays * DAY);
  for (const file of ["made-for", "minutes.blob", "code-cache/cli-1.v8cache", "code-cache", "."])
    utimesSync(join(folder, file), then, then);
  return folder;
}

const node = process.execPath;
const nodeStats = () => {
  const r = spawnSync(
    node,
    ["-p", "const s=require('fs').statSync(process.execPath);s.size+' '+Math.trunc(s.mtimeMs)"],
    {
      encoding: "utf8",
    },
  );
  return r.stdout.trim();
};
const identity = (pkg: string, buildId: string, nodePath = node, stats = nodeStats()) =>
  `node ${nodePath} ${stats} ${process.version} ${process.arch} in ${pkg}, minutes 0.1.0 ${buildId}`;

describe("the cache clean-up", () => {
  it("reads back the identity launch.ts writes (dist/snapshot/made-for)", () => {
    const line = readFileSync("dist/snapshot/made-for", "utf8").split("\n")[0]!;
    const madeFor = parseIdentity(line)!;
    expect(madeFor.node).toBe(node);
    expect(madeFor.root).toBe(process.cwd());
    expect(readFileSync(join(madeFor.root, "dist", "launch.cjs"), "latin1")).toContain(madeFor.buildId);
  });

  it("removes folders of a gone Node, a gone build and unused ones; keeps the current, recent and busy ones", async () => {
    const root = mkdtempSync(join(tmpdir(), "minutes-cache-"));
    const pkg = packageFolder("aaaaaaaaaaaaaaaa");
    const current = snapshotFolder(root, "0.1.0-00000001", identity(pkg, "aaaaaaaaaaaaaaaa"), 40);
    const recent = snapshotFolder(root, "0.1.0-00000002", identity(pkg, "aaaaaaaaaaaaaaaa"), 2);
    const unused = snapshotFolder(root, "0.1.0-00000003", identity(pkg, "aaaaaaaaaaaaaaaa"), 31);
    const goneBuild = snapshotFolder(root, "0.1.0-00000004", identity(pkg, "bbbbbbbbbbbbbbbb"), 0);
    const goneNode = snapshotFolder(root, "0.1.0-00000005", identity(pkg, "aaaaaaaaaaaaaaaa", "/no/such/node"), 0);
    const replacedNode = snapshotFolder(root, "0.1.0-00000006", identity(pkg, "aaaaaaaaaaaaaaaa", node, "1 2"), 0);
    const busy = snapshotFolder(root, "0.1.0-00000007", identity(pkg, "bbbbbbbbbbbbbbbb"), 40);
    writeFileSync(`${busy}.lock`, "");
    const oldLock = join(root, "0.1.0-00000008.lock");
    writeFileSync(oldLock, "");
    utimesSync(oldLock, new Date(now - 2 * DAY), new Date(now - 2 * DAY));
    // Not ours: a folder with another file, and a file of the user's.
    const foreign = snapshotFolder(root, "0.1.0-00000009", identity(pkg, "bbbbbbbbbbbbbbbb"), 40);
    // A build from before the launcher became CommonJS: its id is read from dist/launch.js.
    const older = packageFolder("dddddddddddddddd", "launch.js");
    const olderKept = snapshotFolder(root, "0.1.0-0000000a", identity(older, "dddddddddddddddd"), 1);
    const olderGone = snapshotFolder(root, "0.1.0-0000000b", identity(older, "eeeeeeeeeeeeeeee"), 1);
    writeFileSync(join(foreign, "notes.txt"), "mine");
    writeFileSync(join(root, "README"), "mine");

    const states = Object.fromEntries(readCache(root, now).entries.map((e) => [e.name, e.state]));
    expect(states).toEqual({
      "0.1.0-00000001": "unused",
      "0.1.0-00000002": "kept",
      "0.1.0-00000003": "unused",
      "0.1.0-00000004": "minutes-gone",
      "0.1.0-00000005": "node-gone",
      "0.1.0-00000006": "node-gone",
      "0.1.0-00000007": "busy",
      "0.1.0-0000000a": "kept",
      "0.1.0-0000000b": "minutes-gone",
    });
    const removal = await cleanCache(current, { now, graceMs: 0 });
    expect(removal.failed).toEqual([]);
    expect(removal.removed.map((e) => e.name).sort()).toEqual([
      "0.1.0-00000003",
      "0.1.0-00000004",
      "0.1.0-00000005",
      "0.1.0-00000006",
      "0.1.0-0000000b",
    ]);
    for (const gone of [unused, goneBuild, goneNode, replacedNode, olderGone]) expect(existsSync(gone)).toBe(false);
    for (const kept of [current, recent, busy, foreign, olderKept, join(root, "README"), `${busy}.lock`])
      expect(existsSync(kept), kept).toBe(true);
    expect(existsSync(oldLock)).toBe(false);
  });

  it("never follows a symbolic link: not one inside a folder it removes, nor one at its root", async () => {
    const root = mkdtempSync(join(tmpdir(), "minutes-cache-links-"));
    const outside = mkdtempSync(join(tmpdir(), "minutes-cache-outside-"));
    writeFileSync(join(outside, "precious.txt"), "keep me");
    utimesSync(join(outside, "precious.txt"), new Date(now - 90 * DAY), new Date(now - 90 * DAY));
    const pkg = packageFolder("aaaaaaaaaaaaaaaa");
    const current = snapshotFolder(root, "0.1.0-00000001", identity(pkg, "aaaaaaaaaaaaaaaa"));
    // A stale folder whose code-cache is a link out of the root, and a link at the root named like a folder.
    const stale = join(root, "0.1.0-00000002");
    mkdirSync(stale);
    writeFileSync(join(stale, "made-for"), `${identity(pkg, "cccccccccccccccc")}\n`);
    symlinkSync(outside, join(stale, "code-cache"));
    symlinkSync(outside, join(root, "0.1.0-00000003"));
    const removal = await cleanCache(current, { now, graceMs: 0 });
    expect(removal.removed.map((e) => e.name)).toEqual(["0.1.0-00000002"]);
    expect(existsSync(stale)).toBe(false);
    expect(readFileSync(join(outside, "precious.txt"), "utf8")).toBe("keep me");
    expect(existsSync(join(root, "0.1.0-00000003", "precious.txt"))).toBe(true);
    expect(existsSync(current)).toBe(true);
  });
});

describe("minutes cache", () => {
  const cli = (args: string[], cache: string, lang = "en") =>
    spawnSync(process.execPath, ["bin/minutes.js", "--lang", lang, ...args], {
      encoding: "utf8",
      env: { ...plainCliEnv(), MINUTES_CACHE_DIR: cache, MINUTES_NO_SNAPSHOT: "1" },
    });

  it("shows the folder, its size and each entry's fate, then clear removes it all, in English and French", () => {
    const root = mkdtempSync(join(tmpdir(), "minutes-cache-cli-"));
    const pkg = packageFolder("aaaaaaaaaaaaaaaa");
    snapshotFolder(root, "0.1.0-00000001", identity(pkg, "aaaaaaaaaaaaaaaa"), 1);
    snapshotFolder(root, "0.1.0-00000002", identity(pkg, "bbbbbbbbbbbbbbbb"), 3);
    const en = cli(["cache"], root);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain(`${root}: `);
    expect(en.stdout).toMatch(/0\.1\.0-00000001 {2}\S+ kB {2}last used \d{4}-\d\d-\d\d {2}kept\n/);
    expect(en.stdout).toContain("0.1.0-00000002");
    expect(en.stdout).toContain("removed at the next clean-up: that build of minutes is no longer there");
    expect(en.stdout).toContain(
      `startup snapshot and V8 code cache, for Node ${process.version} (${node}) and minutes 0.1.0 in ${pkg}`,
    );
    const fr = cli(["cache"], root, "fr");
    expect(fr.stdout).toContain("supprimé au prochain nettoyage : cette version de minutes n'est plus là");
    expect(fr.stdout).toContain("dernier usage le");
    const cleared = cli(["cache", "clear"], root, "fr");
    expect(cleared.status).toBe(0);
    expect(cleared.stdout).toMatch(new RegExp(`^supprimé : [\\d,]+\\s(ko|Mo) \\(\\d dossiers\\) de ${root}\\n$`));
    expect(existsSync(join(root, "0.1.0-00000001"))).toBe(false);
    expect(existsSync(join(root, "0.1.0-00000002"))).toBe(false);
    expect(cli(["cache", "clear"], join(root, "none")).stdout).toBe(`${join(root, "none")}: nothing to remove\n`);
  });

  it("counts a build server's folder as its own: shows the server while it runs, and clear removes the folder", () => {
    const root = mkdtempSync(join(tmpdir(), "minutes-cache-server-"));
    const pkg = packageFolder("aaaaaaaaaaaaaaaa");
    const folder = snapshotFolder(root, "0.1.0-00000001", identity(pkg, "aaaaaaaaaaaaaaaa"), 1);
    mkdirSync(join(folder, "server"));
    writeFileSync(join(folder, "server", "key"), Buffer.alloc(32));
    // A running process stands for the server (this test's own), as build-server.ts writes its pid.
    writeFileSync(join(folder, "server", "pid"), `${process.pid}\n`);
    const [entry] = readCache(root).entries;
    expect(entry?.name).toBe("0.1.0-00000001");
    expect(entry?.server).toBe(process.pid);
    expect(readCache(root).others).toBe(0);
    const shown = cli(["cache"], root);
    expect(shown.stdout).toContain(`build server running (process ${process.pid})`);
    expect(cli(["cache"], root, "de").stdout).toContain(`Build-Server läuft (Prozess ${process.pid})`);
    // A pid file left by a server that is gone says nothing.
    writeFileSync(join(folder, "server", "pid"), "999999999\n");
    expect(readCache(root).entries[0]?.server).toBeUndefined();
    expect(cli(["cache"], root).stdout).not.toContain("build server");
    expect(cli(["cache", "clear"], root).status).toBe(0);
    expect(existsSync(folder)).toBe(false);
  });

  it("says why a cache folder cannot be read, with a hint and exit 1, never a stack trace", () => {
    const file = join(mkdtempSync(join(tmpdir(), "minutes-cache-file-")), "not-a-folder");
    writeFileSync(file, "");
    const missing = join(file, "..", "missing");
    expect(cli(["cache"], missing, "de").stdout).toBe(`${missing}: leer\n`);
    const asFolder = cli(["cache"], file);
    expect(asFolder.status).toBe(1);
    expect(asFolder.stderr).toMatch(/^minutes: could not read the cache folder .*not-a-folder \(.+\)\n {2}hint: /);
    expect(asFolder.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the launcher's cache, end to end", () => {
  it("a build makes the snapshot in the background and cleans the cache; after cache clear a build starts from the bundle", async () => {
    // Another path for this Node (a link, else a copy): the checkout's dist/snapshot is not made for it.
    const dir = mkdtempSync(join(tmpdir(), "minutes-cache-e2e-"));
    const other = join(dir, "node");
    try {
      linkSync(process.execPath, other);
    } catch {
      copyFileSync(process.execPath, other);
      chmodSync(other, 0o755);
    }
    const cache = join(dir, "cache");
    const dead = join(cache, "0.1.0-deadbeef");
    mkdirSync(dead, { recursive: true });
    writeFileSync(
      join(dead, "made-for"),
      "node /no/node 1 2 v20.0.0 x64 in /nowhere, minutes 0.1.0 abcdefabcdefabcd\n",
    );
    writeFileSync(join(dead, "minutes.blob"), "x");
    // Not a CI job (where no snapshot is made), even when the suite runs in one.
    const { CI: _ci, ...env } = plainCliEnv();
    for (const name of ciServiceVariables) delete env[name];
    const build = () =>
      /started from the (\w+)/.exec(
        spawnSync(
          other,
          ["bin/minutes.js", "build", "examples/2022-09-23-gtm.md", "--format", "json", "--out", dir, "--force"],
          {
            encoding: "utf8",
            env: { ...env, MINUTES_CACHE_DIR: cache, MINUTES_TRACE_START: "1" },
          },
        ).stderr,
      )?.[1];
    expect(build()).toBe("bundle");
    for (let i = 0; i < 240 && existsSync(dead); i++) await new Promise((done) => setTimeout(done, 500));
    expect(existsSync(dead)).toBe(false);
    expect(build()).toBe("snapshot");
    const cleared = spawnSync(other, ["bin/minutes.js", "cache", "clear"], {
      encoding: "utf8",
      env: { ...env, MINUTES_CACHE_DIR: cache },
    });
    expect(cleared.stdout).toMatch(/^removed /);
    expect(build()).toBe("bundle");
    expect(JSON.parse(readFileSync(join(dir, "2022-09-23-gtm.json"), "utf8")).meeting.date).toBe("2022-09-23");
  }, 180_000);
});
