// The command's entry (bin/minutes.js, a Node script, so npm's shims run it the same way on Linux, macOS
// and Windows). It starts minutes from a V8 startup snapshot when one was made for this package and this
// Node binary, and from the bundle otherwise. The snapshot comes from the build (dist/snapshot/, in a
// checkout) or, for an installed package, from a per-user cache that the first run fills in the
// background: no install script is needed. Only node: modules are imported here (and code-cache.ts, which
// imports only node: modules too), to keep this start cheap.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import nodeModule from "node:module";
import { setPriority } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import { cacheFile, startCached, type CachedStart, type CodeCacheEntry } from "./code-cache.js";
import { cacheRoot, cleanCache, formatIdentity, markUsed } from "../user-cache.js";
import { tierUpFlags } from "./tier-up.js";
import { askServer, startServer } from "./server-client.js";
import { serverWanted } from "./server-protocol.js";
import { inCi } from "./ci.js";

declare const MINUTES_VERSION: string;
declare const MINUTES_BUILD_ID: string;

/** The package folder: this module is dist/launch.cjs. */
const root = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");
const dist = join(root, "dist");
/**
 * Room in the old generation from the start. The young generation keeps V8's default: at full size from the start
 * (--min-semi-space-size=16) it cost 22 MB of peak RSS (132 → 110 MB on the seed) for no CPU time measured.
 * And V8's later tier-up to TurboFan (tier-up.ts), which a snapshot must be made with.
 */
const snapshotFlags = ["--initial-old-space-size=128", ...tierUpFlags()];
/** Options of `build` that take a value, so that the value is not counted as a file. */
const valued = new Set([
  "-o",
  "--out",
  "-f",
  "--format",
  "--date",
  "-j",
  "--jobs",
  "--shard",
  "--theme",
  "--pdf-standard",
  "--reporter",
  "--lang",
  "--allow-outside",
]);

let knownIdentity: string | undefined;

/** What a snapshot must have been made for: this Node binary (path, size, time, version) and this package build. */
export function identity(): string {
  if (knownIdentity) return knownIdentity;
  const node = statSync(process.execPath);
  return (knownIdentity = formatIdentity({
    node: process.execPath,
    nodeSize: node.size,
    nodeTime: Math.trunc(node.mtimeMs),
    nodeVersion: process.version,
    arch: process.arch,
    root,
    version: MINUTES_VERSION,
    buildId: MINUTES_BUILD_ID,
  }));
}

/** FNV-1a, 32 bits: names the cache folder of an identity (made-for holds the identity itself). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/** The per-user cache folder for this identity's snapshot, or undefined when there is no home to put it in. */
export function cacheFolder(id: string): string | undefined {
  const base = cacheRoot();
  return base ? join(base, `${MINUTES_VERSION}-${shortHash(id)}`) : undefined;
}

/** A build of many files (a folder, a glob, several files) or --watch: its worker threads take less memory outside a snapshot. */
export function buildsMany(args: readonly string[]): boolean {
  // A preview serves and watches until stopped: from the bundle, so Ctrl-C and SIGTERM reach the process that listens.
  if (args[0] === "preview") return true;
  if (args[0] !== "build") return false;
  let files = 0;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (valued.has(arg)) i++;
    else if (arg === "-w" || arg === "--watch") return true;
    else if (/^-[A-Za-z]{2,}$/.test(arg)) {
      // Short flags written together, read as commander reads them: `-qw` watches, `-ow` writes to the folder w.
      for (let c = 1; c < arg.length; c++) {
        if (arg[c] === "w") return true;
        if (valued.has(`-${arg[c]}`)) {
          if (c === arg.length - 1) i++;
          break;
        }
      }
    } else if (arg.startsWith("-")) continue;
    else if (/[*?[]/.test(arg)) return true;
    else {
      const stat = statOrUndefined(arg);
      if (stat?.isDirectory()) return true;
      if (stat?.isFile()) files++;
    }
  }
  return files > 1;
}

/**
 * A stat that never throws: a path that cannot be looked at (a file where a folder should be, a name too
 * long, a folder without permission) is left to the command to report, or, for the cache, means none.
 */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** process.execve (Node 22.15+, 23.11+): replaces this process, where spawning would keep a second one waiting. */
const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;

interface Snapshot {
  blob: string;
  flags: string[];
}

function snapshotIn(folder: string, id: string): Snapshot | undefined {
  try {
    const [madeFor, flags] = readFileSync(join(folder, "made-for"), "utf8").split("\n");
    const blob = join(folder, "minutes.blob");
    const stats = madeFor === id ? statOrUndefined(blob) : undefined;
    if (stats) markUsed(blob, stats); // for the cache's clean-up (src/user-cache.ts), once a day
    return stats ? { blob, flags: (flags ?? "").split(" ").filter(Boolean) } : undefined;
  } catch {
    return undefined;
  }
}

/** Runs minutes from a snapshot: replaces this process where Node can (22.15+, not Windows), else runs it as a child. */
function runFromSnapshot(snapshot: Snapshot, args: string[]): void {
  const argv = [...snapshot.flags, "--snapshot-blob", snapshot.blob, root, ...args];
  if (execve && process.platform !== "win32") {
    process.emitWarning = () => {}; // execve is experimental: its warning is not the user's business.
    execve(process.execPath, [process.execPath, ...argv], process.env);
  }
  const child = spawnSync(process.execPath, argv, { stdio: "inherit" });
  if (child.signal) process.kill(process.pid, child.signal);
  process.exitCode = child.status ?? 1;
}

/**
 * Makes the snapshot into `folder` (node --build-snapshot on dist/snapshot/minutes-snapshot.cjs, which warms
 * up by rendering the seed), checks that it answers --version as the bundle does, then writes made-for.
 * Returns why it made none, or undefined when it did.
 */
export function makeSnapshot(folder: string, id: string): string | undefined {
  const entry = join(dist, "snapshot", "minutes-snapshot.cjs");
  if (!existsSync(entry)) return `${entry} is missing`;
  mkdirSync(folder, { recursive: true });
  const blob = join(folder, "minutes.blob");
  const temp = `${blob}.${process.pid}.tmp`;
  try {
    rmSync(join(folder, "made-for"), { force: true });
    const made = spawnSync(process.execPath, [...snapshotFlags, "--snapshot-blob", temp, "--build-snapshot", entry], {
      encoding: "utf8",
      cwd: root,
    });
    if (made.status !== 0 || !existsSync(temp))
      return `node --build-snapshot exited with ${made.status}: ${(made.stderr ?? "").trim().split("\n").slice(-3).join(" ")}`;
    const fromSnapshot = spawnSync(process.execPath, [...snapshotFlags, "--snapshot-blob", temp, root, "--version"], {
      encoding: "utf8",
    });
    const fromBundle = spawnSync(process.execPath, [join(dist, "cli-main.js"), "--version"], { encoding: "utf8" });
    if (fromSnapshot.status !== 0 || fromSnapshot.stdout !== fromBundle.stdout)
      return `the snapshot answered ${JSON.stringify(fromSnapshot.stdout || fromSnapshot.stderr)} to --version`;
    renameSync(temp, blob);
    // made-for last, and whole (a temporary file renamed): a run that reads it finds the blob complete.
    writeFileSync(`${temp}.made-for`, `${id}\n${snapshotFlags.join(" ")}\n`);
    renameSync(`${temp}.made-for`, join(folder, "made-for"));
    return undefined;
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}.made-for`, { force: true });
  }
}

/** After this run, makes the snapshot in the background, once: a lock file keeps two runs from both making it. */
function makeLater(folder: string): void {
  const lock = `${folder}.lock`;
  const busy = statOrUndefined(lock);
  if (busy && Date.now() - busy.mtimeMs < 5 * 60_000) return;
  process.once("exit", () => {
    try {
      mkdirSync(join(folder, ".."), { recursive: true });
      closeSync(openSync(lock, busy ? "w" : "wx"));
      const child = spawn(process.execPath, [join(dist, "launch.cjs")], {
        detached: true,
        stdio: "ignore",
        env: { ...process.env, MINUTES_MAKE_SNAPSHOT: folder, MINUTES_SNAPSHOT_LOCK: lock },
      });
      if (child.pid) setPriority(child.pid, 10);
      child.unref();
    } catch {
      // No cache folder to write in: minutes starts from the bundle, only slower.
    }
  });
}

/** Node 22.1+: V8's code cache for the bundle's ES modules, kept by Node in a folder. */
const enableCompileCache = (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;

/**
 * The folder of V8's code cache in the per-user cache folder, so that a start from the bundle (a batch and its
 * workers, Windows, a run before the snapshot exists, MINUTES_NO_SNAPSHOT) compiles the code it runs once, not
 * every run (Node 22: about 0.07–0.15 s of CPU on the seed). Undefined when there is no home to put it in.
 */
function codeCacheFolder(): string | undefined {
  const cache = cacheFolder(identity());
  return cache ? join(cache, "code-cache") : undefined;
}

/**
 * Commands that draw documents (a meeting, a convocation, a register) start from the snapshot, whose fonts and
 * renderers are warm. The others (check, --version, help, new, import…) start from the bundle and V8's code cache,
 * which is quicker for them than a second process and the snapshot's deserialisation (Node 20, seed, medians of 7:
 * check 0.28 s against 0.37 s, --version 0.18 s against 0.27 s, 15 MB less; a build 0.52 s against 0.43 s).
 */
const drawn = new Set(["build", "agenda", "actions", "decisions", "attendance"]);

/** Commands that render: their code cache is their own, since one made by `--version` holds little of a build's code. */
const rendering = new Set([...drawn, "preview"]);

/**
 * Node 20 (no module.enableCompileCache): the CommonJS build through V8's code cache (code-cache.ts), which a
 * run that found none saves when it ends; the build pool's workers start the same way (cached-worker.ts).
 * False when it cannot start (no CommonJS build): the caller imports the ES modules instead.
 */
function startFromCodeCache(folder: string, args: string[]): boolean {
  const script = join(dist, "snapshot", "minutes-snapshot.cjs");
  let started: CachedStart;
  try {
    started = startCached(script, cacheFile(folder, rendering.has(args[0] ?? "") ? "build" : "cli"));
  } catch {
    return false;
  }
  const entry = (started.exports as { codeCacheEntry?: CodeCacheEntry }).codeCacheEntry;
  if (!entry) return false;
  process.once("exit", () => started.save(entry.untuneHeaps));
  entry.startCli(args, { script: pathToFileURL(join(dist, "cached-worker.cjs")), workerData: { script, folder } });
  return true;
}

function launch(args: string[]): void {
  const env = process.env;
  if (env.MINUTES_MAKE_SNAPSHOT) {
    const why = makeSnapshot(env.MINUTES_MAKE_SNAPSHOT, identity());
    if (env.MINUTES_SNAPSHOT_LOCK) rmSync(env.MINUTES_SNAPSHOT_LOCK, { force: true });
    void cleanCache(env.MINUTES_MAKE_SNAPSHOT); // the folders of older Nodes and builds (src/user-cache.ts)
    if (why) {
      process.stderr.write(`minutes: no startup snapshot (${why}); minutes starts from the bundle, only slower.\n`);
      process.exitCode = 1;
    }
    return;
  }
  const many = buildsMany(args);
  if (many && execve && process.platform !== "win32" && !process.execArgv.length) {
    // A batch: this thread builds files beside the worker threads, and gets their young generation (two
    // 8 MB halves instead of V8's 16 MB, ~16 MB less at the batch's peak; see src/batch/worker-pool.ts).
    // V8 sizes it when the process starts, so the flag needs a new process, which Node 22.15+ can exec.
    process.emitWarning = () => {};
    const compiled = codeCacheFolder();
    execve(
      process.execPath,
      [process.execPath, "--max-semi-space-size=8", ...tierUpFlags(), join(dist, "cli-main.js"), ...args],
      compiled ? { ...env, NODE_COMPILE_CACHE: compiled } : env,
    );
  }
  // A command that draws one document: the build server of this identity runs it when one is there
  // (server-client.ts); when none answered, this run starts one for the next runs and goes on.
  const cache = !many && drawn.has(args[0] ?? "") && serverWanted(env) ? cacheFolder(identity()) : undefined;
  if (cache) {
    void askServer(cache, args).then((asked) => {
      if (typeof asked === "object") process.exitCode = asked.exit;
      else startHere(args, many, asked === "none" ? cache : undefined);
    });
    return;
  }
  startHere(args, many, undefined);
}

/** Runs the command in this process or from the snapshot; first starts the build server of `serverCache`, if given. */
function startHere(args: string[], many: boolean, serverCache: string | undefined): void {
  const env = process.env;
  // NODE_OPTIONS may hold V8 flags, under which V8 refuses a snapshot made without them (exit 14).
  const plain = env.MINUTES_NO_SNAPSHOT || env.NODE_OPTIONS?.trim() || process.platform === "win32";
  if (!plain && !many && drawn.has(args[0] ?? "")) {
    const id = identity();
    const cache = cacheFolder(id);
    const snapshot = snapshotIn(join(dist, "snapshot"), id) ?? (cache ? snapshotIn(cache, id) : undefined);
    if (snapshot) {
      if (serverCache) startServer(serverCache, [...snapshot.flags, "--snapshot-blob", snapshot.blob, root]);
      runFromSnapshot(snapshot, args);
      return;
    }
    // No snapshot yet: this run starts from the bundle, and the snapshot is made for the next ones (not in
    // CI, where every job starts on a fresh machine).
    if (cache && !inCi(env)) makeLater(cache);
  }
  if (serverCache) startServer(serverCache, [join(dist, "launch.cjs")]);
  // From the bundle, in this process: V8 takes the flag for the code it compiles from now on (tier-up.ts).
  for (const flag of tierUpFlags()) v8.setFlagsFromString(flag);
  const compiled = codeCacheFolder();
  if (compiled && enableCompileCache) enableCompileCache(compiled);
  else if (compiled && startFromCodeCache(compiled, args)) return;
  // By its path: the launcher is a CommonJS file of its own (scripts/build.mjs), the bundle is ES modules.
  void import(pathToFileURL(join(dist, "cli-main.js")).href);
}

launch(process.argv.slice(2));
