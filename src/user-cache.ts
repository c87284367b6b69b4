// The per-user cache folder, where the launcher (src/start/launch.ts) keeps a startup snapshot and V8's code
// cache for each identity (a Node binary and a package build), one folder `<version>-<hash>` each: where it
// is, what is in it, the clean-up that keeps it from growing without end, and `minutes cache clear`. Only
// node: modules: the launcher bundles this file.
//
// The clean-up runs in the launcher's background child, once it has made a snapshot, so never on a build's
// path. It removes a sibling folder when what it was made for can no longer start (its Node binary is gone or
// was replaced, or its package folder no longer holds that build of minutes), or when nothing in it was used
// for 30 days (a start from a snapshot marks it once a day: markUsed). It keeps the folder just made, a folder
// being made (a lock of the last hour), and anything it does not know as its own; it never follows a symbolic
// link out of the root. A run that read `made-for` just before the clean-up may still be starting from that
// blob, which node opens a few milliseconds later: `made-for` goes first, the rest a few seconds after.
import { lstatSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, utimesSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A folder that nothing used for this many days is removed by the clean-up, whatever it was made for. */
export const UNUSED_DAYS = 30;

/** The per-user cache folder: MINUTES_CACHE_DIR, else the platform's place for caches; undefined without a home. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  if (env.MINUTES_CACHE_DIR) return env.MINUTES_CACHE_DIR;
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === "win32") return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "minutes", "Cache") : undefined;
  if (platform === "darwin") return home ? join(home, "Library", "Caches", "minutes") : undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "minutes");
  return home ? join(home, ".cache", "minutes") : undefined;
}

/**
 * Marks a snapshot blob used (its access time), at most once a day: the stat is the one the launcher makes
 * anyway, so a start pays nothing more on other days. File systems record reads themselves only sometimes
 * (Linux's relatime once a day, APFS only the first read after a write, noatime never). Never throws.
 */
export function markUsed(path: string, stats: Stats, now = Date.now()): void {
  if (now - stats.atimeMs < DAY) return;
  try {
    utimesSync(path, now / 1000, stats.mtime);
  } catch {
    // A cache folder that cannot be written: the clean-up may remove this folder some day, and it is made again.
  }
}

/** What a snapshot was made for: the first line of its `made-for`, as launch.ts's identity() writes it. */
export interface MadeFor {
  node: string;
  nodeSize: number;
  nodeTime: number;
  nodeVersion: string;
  arch: string;
  root: string;
  version: string;
  buildId: string;
}

const identityLine = /^node (.+) (\d+) (\d+) (v\S+) (\S+) in (.+), minutes (\S+) (\S+)$/;

/** The first line of `made-for` (launch.ts's identity()), which parseIdentity reads back: one format, here. */
export function formatIdentity(m: MadeFor): string {
  return `node ${m.node} ${m.nodeSize} ${m.nodeTime} ${m.nodeVersion} ${m.arch} in ${m.root}, minutes ${m.version} ${m.buildId}`;
}

export function parseIdentity(line: string): MadeFor | undefined {
  const m = identityLine.exec(line);
  if (!m) return undefined;
  const [, node, size, time, nodeVersion, arch, root, version, buildId] = m as unknown as string[];
  return {
    node: node!,
    nodeSize: Number(size),
    nodeTime: Number(time),
    nodeVersion: nodeVersion!,
    arch: arch!,
    root: root!,
    version: version!,
    buildId: buildId!,
  };
}

/**
 * What becomes of a folder: kept (recent, or being made), or removed by the clean-up because its Node binary
 * is gone or was replaced, its package folder holds another build of minutes or none, or nothing used it for
 * UNUSED_DAYS days.
 */
export type EntryState = "kept" | "busy" | "node-gone" | "minutes-gone" | "unused";

export interface CacheEntry {
  name: string;
  path: string;
  /** Bytes of its files (symbolic links are counted as links, never followed). */
  bytes: number;
  /** The last time a file in it was read or written, as the file system and markUsed recorded it. */
  lastUsed: number;
  snapshot: boolean;
  codeCache: boolean;
  /** The process id of its build server (src/start/build-server.ts), when one is running. */
  server: number | undefined;
  madeFor: MadeFor | undefined;
  state: EntryState;
}

export interface CacheContents {
  root: string;
  /** Our folders, the most recently used first. */
  entries: CacheEntry[];
  /** Our lock files (`<folder>.lock`, beside the folder a background run is making). */
  locks: string[];
  /** Entries of the root that minutes did not make (MINUTES_CACHE_DIR may name a shared folder): left alone. */
  others: number;
}

/** A folder of ours is `<version>-<8 hex digits>`, holding only what launch.ts and Node's code cache write. */
const folderName = /^[0-9A-Za-z][\w.+-]*-[0-9a-f]{8}$/;
const lockName = /^[0-9A-Za-z][\w.+-]*-[0-9a-f]{8}\.lock$/;
const ownFile = /^(made-for|minutes\.blob|code-cache|server|minutes\.blob\.\d+\.tmp(\.made-for)?)$/;
const leftover = /\.tmp(\.made-for)?$/;

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Why a path cannot be found, as opposed to read: what makes an identity certainly gone. */
const isMissing = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
};

/** Whether what a folder was made for can still start; an answer the file system does not give keeps it. */
function madeForState(madeFor: MadeFor, seen: Map<string, EntryState>): EntryState {
  const key = `${madeFor.node}\n${madeFor.nodeSize} ${madeFor.nodeTime}\n${madeFor.root}\n${madeFor.buildId}`;
  const known = seen.get(key);
  if (known) return known;
  let state: EntryState = "kept";
  try {
    const node = statSync(madeFor.node);
    if (node.size !== madeFor.nodeSize || Math.trunc(node.mtimeMs) !== madeFor.nodeTime) state = "node-gone";
  } catch (error) {
    if (isMissing(error)) state = "node-gone";
  }
  if (state === "kept") {
    // The build id is written in the package's launcher (scripts/build.mjs defines it there): dist/launch.cjs,
    // or dist/launch.js in builds made before the launcher became CommonJS.
    const launcher = launcherOf(madeFor.root);
    if (launcher === null || (launcher !== undefined && !launcher.includes(madeFor.buildId))) state = "minutes-gone";
  }
  seen.set(key, state);
  return state;
}

/** The text of a package's launcher; null when it has none, undefined when the file system does not say. */
function launcherOf(root: string): string | null | undefined {
  for (const name of ["launch.cjs", "launch.js"]) {
    try {
      return readFileSync(join(root, "dist", name), "latin1");
    } catch (error) {
      if (!isMissing(error)) return undefined;
    }
  }
  return null;
}

/** Bytes and the last read or write of the files under `path`, without following symbolic links. */
function measure(path: string, depth = 0): { bytes: number; lastUsed: number; leftovers: string[] } {
  const found = { bytes: 0, lastUsed: 0, leftovers: [] as string[] };
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return found;
  }
  for (const name of names) {
    const child = join(path, name);
    const stats = lstatOrUndefined(child);
    if (!stats) continue;
    if (stats.isDirectory()) {
      // A folder's modification time (an entry added or removed), never its access time: listing a folder
      // sets that, and this very scan lists them.
      found.lastUsed = Math.max(found.lastUsed, stats.mtimeMs);
      if (depth < 4) {
        const inner = measure(child, depth + 1);
        found.bytes += inner.bytes;
        found.lastUsed = Math.max(found.lastUsed, inner.lastUsed);
        found.leftovers.push(...inner.leftovers);
      }
      continue;
    }
    found.bytes += stats.size;
    if (stats.isFile()) {
      // made-for's access time says nothing: every scan reads it (a start's use is on the blob: markUsed).
      found.lastUsed = Math.max(found.lastUsed, name === "made-for" ? 0 : stats.atimeMs, stats.mtimeMs);
      if (leftover.test(name)) found.leftovers.push(child);
    }
  }
  return found;
}

/** The process id the build server listening in `folder` wrote, when that process runs (and is this user's). */
function runningServer(folder: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(folder, "pid"), "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

interface Scanned extends CacheEntry {
  /** Temporary files of a run that ended before renaming them, older than an hour. */
  leftovers: string[];
}

function scanEntry(root: string, name: string, now: number, seen: Map<string, EntryState>): Scanned | undefined {
  const path = join(root, name);
  const stats = lstatOrUndefined(path);
  if (!stats?.isDirectory()) return undefined;
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return undefined;
  }
  if (!names.every((file) => ownFile.test(file))) return undefined;
  const { bytes, lastUsed, leftovers } = measure(path);
  let madeFor: MadeFor | undefined;
  try {
    madeFor = parseIdentity(readFileSync(join(path, "made-for"), "utf8").split("\n")[0] ?? "");
  } catch {
    madeFor = undefined;
  }
  const used = Math.max(lastUsed, stats.mtimeMs);
  let state: EntryState = isLocked(path, now) ? "busy" : madeFor ? madeForState(madeFor, seen) : "kept";
  if (state === "kept" && now - used > UNUSED_DAYS * DAY) state = "unused";
  return {
    name,
    path,
    bytes,
    lastUsed: used,
    snapshot: names.includes("minutes.blob"),
    codeCache: names.includes("code-cache"),
    server: names.includes("server") ? runningServer(join(path, "server")) : undefined,
    madeFor,
    state,
    leftovers: leftovers.filter((file) => now - (lstatOrUndefined(file)?.mtimeMs ?? now) > HOUR),
  };
}

function scan(root: string, now: number): Omit<CacheContents, "entries"> & { entries: Scanned[] } {
  const contents = { root, entries: [] as Scanned[], locks: [] as string[], others: 0 };
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return contents;
    throw error;
  }
  const seen = new Map<string, EntryState>();
  for (const name of names.sort()) {
    const entry = folderName.test(name) ? scanEntry(root, name, now, seen) : undefined;
    if (entry) contents.entries.push(entry);
    else if (lockName.test(name) && lstatOrUndefined(join(root, name))?.isFile()) contents.locks.push(name);
    else contents.others++;
  }
  contents.entries.sort((a, b) => b.lastUsed - a.lastUsed);
  return contents;
}

/** What the cache folder holds, each folder with what becomes of it. Throws when the root cannot be read (not when it is missing). */
export function readCache(root: string, now = Date.now()): CacheContents {
  const { entries, ...rest } = scan(resolve(root), now);
  return { ...rest, entries: entries.map(({ leftovers: _, ...entry }) => entry) };
}

export interface Removal {
  removed: CacheEntry[];
  /** What could not be removed (a file held open on Windows, no permission), with the error. */
  failed: { path: string; error: unknown }[];
}

/**
 * Removes `entries` (folders of the root): their made-for first, so that no new run starts from their blob,
 * then, `graceMs` later (a run that read made-for just before has opened its blob by then), the rest. With
 * `keepRemade`, a folder that a run began making again meanwhile (its lock is fresh) is left to it.
 */
async function removeEntries(entries: readonly CacheEntry[], graceMs: number, keepRemade: boolean): Promise<Removal> {
  const removal: Removal = { removed: [], failed: [] };
  const attempt = (path: string, what: () => void): boolean => {
    try {
      what();
      return true;
    } catch (error) {
      removal.failed.push({ path, error });
      return false;
    }
  };
  const started = entries.filter((entry) =>
    attempt(entry.path, () => rmSync(join(entry.path, "made-for"), { force: true })),
  );
  if (started.some((entry) => entry.madeFor) && graceMs > 0) await new Promise((done) => setTimeout(done, graceMs));
  for (const entry of started) {
    if (keepRemade && isLocked(entry.path, Date.now())) continue;
    // rmSync removes a symbolic link inside as a link, never what it leads to.
    if (attempt(entry.path, () => rmSync(entry.path, { recursive: true, force: true, maxRetries: 2 })))
      removal.removed.push(entry);
  }
  return removal;
}

/** A background run is making this folder: its lock is less than an hour old. */
function isLocked(folder: string, now: number): boolean {
  const lock = lstatOrUndefined(`${folder}.lock`);
  return lock !== undefined && now - lock.mtimeMs < HOUR;
}

export interface CleanOptions {
  now?: number;
  /** How long to wait between removing the made-for files and the rest (tests pass 0). */
  graceMs?: number;
}

/**
 * The clean-up after a snapshot was made into `current`: removes the sibling folders whose state is not kept
 * or busy, temporary files older than an hour left in the others, and locks older than an hour. Never throws.
 */
export async function cleanCache(current: string, options: CleanOptions = {}): Promise<Removal> {
  const now = options.now ?? Date.now();
  const root = dirname(resolve(current));
  try {
    const { entries, locks } = scan(root, now);
    const stale = entries.filter((entry) => entry.path !== resolve(current) && !isKept(entry.state));
    for (const entry of entries)
      if (isKept(entry.state) || entry.path === resolve(current))
        for (const file of entry.leftovers) rmSync(file, { force: true });
    for (const lock of locks) {
      const path = join(root, lock);
      if (now - (lstatOrUndefined(path)?.mtimeMs ?? now) > HOUR) rmSync(path, { force: true });
    }
    return await removeEntries(stale, options.graceMs ?? 3000, true);
  } catch (error) {
    return { removed: [], failed: [{ path: root, error }] };
  }
}

const isKept = (state: EntryState): boolean => state === "kept" || state === "busy";

/**
 * `minutes cache clear`: removes every folder and lock of ours in `root` (what it did not make stays), then
 * the root itself when that leaves it empty. Throws when the root cannot be read.
 */
export async function clearCache(root: string, options: CleanOptions = {}): Promise<Removal> {
  const { entries, locks } = scan(resolve(root), options.now ?? Date.now());
  const removal = await removeEntries(entries, options.graceMs ?? 500, false);
  for (const lock of locks) {
    try {
      rmSync(join(resolve(root), lock), { force: true });
    } catch (error) {
      removal.failed.push({ path: join(resolve(root), lock), error });
    }
  }
  try {
    rmdirSync(resolve(root));
  } catch {
    // Not empty (what minutes did not make, or what could not be removed), or already gone.
  }
  return removal;
}
