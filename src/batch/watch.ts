// `--watch`: build once, then watch exactly what the builds read, and build again when it changes. Each
// build's world recorded its files (the input, the config, theme.yaml, fonts, logo, earlier meetings) and
// the files it looked for in vain (config candidates, `.git`, font packages): those are watched with
// chokidar, and the set is refreshed after every build, so a theme named later in the front matter is
// watched from the next build on. Folder arguments and glob bases are watched too, for meetings added or
// removed. Bursts of events (an editor's save is often several) are debounced; the manifest then rebuilds
// only the outputs whose recorded inputs changed. A build that fails is reported and watching goes on;
// Ctrl-C (SIGINT) or SIGTERM closes the watchers and ends with exit code 0 (or `until`, the caller's stop:
// `minutes preview` stops its server too).
import { existsSync } from "node:fs";
import { basename, dirname, extname, resolve, sep } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { say } from "../i18n/messages.js";
import { isInside } from "../safe-path.js";
import { recordedPaths } from "../world/staleness.js";
import type { WorldRecord } from "../world/world.js";
import { isFolder } from "./collect-inputs.js";
import { globBase, hasGlob } from "./glob.js";

const debounceMs = 150;

/** One build of the watched paths: its exit code, and what each file's build recorded. */
export interface WatchRound {
  code: number;
  recorded: (WorldRecord | undefined)[];
}

export async function watchBuild(
  paths: readonly string[],
  out: string | undefined,
  buildOnce: () => Promise<WatchRound>,
  log: (line: string) => void,
  options: { until?: Promise<void> } = {},
): Promise<number> {
  const outRoot = out ? resolve(out) : undefined;
  const first = await buildOnce();
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<unknown> | undefined;
  let again = false;
  const set = new RecordedSet();
  set.update(first.recorded, paths);

  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true;
      return;
    }
    do {
      again = false;
      building = buildOnce().then(
        (round) => changed(set.update(round.recorded, paths)),
        (error: unknown) => log(`minutes: ${say("watch.rebuild-failed", { reason: (error as Error).message })}`),
      );
      await building;
      building = undefined;
    } while (again);
    log(`minutes: ${say("watch.waiting")}`);
  };
  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), debounceMs);
  };
  const problem = (error: unknown): void =>
    log(
      `minutes: ${say("watch.cannot-watch", { folder: (error as { path?: string }).path ?? "", reason: (error as Error).message })}`,
    );

  // The recorded set: files and the folders a missing file would appear in, one level deep.
  const recorded = watch([...set.watched], { ignoreInitial: true, depth: 0 })
    .on("all", (_event, path) => set.concerns(resolve(path)) && soon())
    .on("error", problem);
  const changed = (delta: { added: string[]; removed: string[] }): void => {
    if (delta.removed.length) recorded.unwatch(delta.removed);
    if (delta.added.length) recorded.add(delta.added);
  };
  // Folder arguments and glob bases: meetings added or removed (hidden folders, node_modules and the output folder left out).
  const trees = inputTrees(paths);
  const tree: FSWatcher | undefined = trees.length
    ? watch(trees, { ignoreInitial: true, ignored: (path) => skipped(path, outRoot) })
        .on("all", (event, path) => (event === "add" || event === "unlink") && isMarkdown(path) && soon())
        .on("error", problem)
    : undefined;
  await Promise.all([ready(recorded), tree ? ready(tree) : undefined]);
  log(`minutes: ${say("watch.waiting")}`);

  return new Promise<number>((resolveExit) => {
    const stop = (): void => {
      clearTimeout(timer);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void Promise.all([recorded.close(), tree?.close(), building]).then(() => resolveExit(0));
    };
    // The caller's stop (the preview's, which also closes its server), else Ctrl-C or SIGTERM.
    if (options.until) return void options.until.then(stop);
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function ready(watcher: FSWatcher): Promise<void> {
  return new Promise((r) => watcher.once("ready", () => r()));
}

/**
 * What the builds recorded, as paths to watch: a file read or a fact's file is watched itself; a missing
 * file is watched itself when its folder exists (chokidar sees it appear), else the nearest folder above it
 * that exists, whose new entries on the way to it count.
 */
class RecordedSet {
  watched = new Set<string>();
  private files = new Set<string>();
  private missing = new Set<string>();

  update(
    records: readonly (WorldRecord | undefined)[],
    paths: readonly string[],
  ): { added: string[]; removed: string[] } {
    const files = new Set<string>();
    const missing = new Set<string>();
    // A file argument is watched even when no build read it (it was missing, or not a file).
    for (const path of paths) if (!hasGlob(path) && !isFolder(path)) files.add(resolve(path));
    for (const record of records) {
      if (!record) continue;
      for (const path of recordedPaths(record)) (record.missing.includes(path) ? missing : files).add(path);
    }
    const watched = new Set(files);
    for (const path of missing) watched.add(existsSync(dirname(path)) ? path : nearestFolder(path));
    const added = [...watched].filter((p) => !this.watched.has(p));
    const removed = [...this.watched].filter((p) => !watched.has(p));
    this.watched = watched;
    this.files = files;
    this.missing = missing;
    return { added, removed };
  }

  /** An event at `path` matters: a recorded file, a missing one, or a folder on the way to a missing one. */
  concerns(path: string): boolean {
    if (this.files.has(path) || this.missing.has(path)) return true;
    for (const missing of this.missing) if (missing.startsWith(path + sep)) return true;
    return false;
  }
}

function nearestFolder(path: string): string {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Folders whose meetings are the inputs: folder arguments and glob bases, watched to any depth. */
function inputTrees(paths: readonly string[]): string[] {
  const trees = new Set<string>();
  for (const path of paths) {
    if (isFolder(path)) trees.add(resolve(path));
    else if (hasGlob(path)) trees.add(resolve(globBase(path)));
  }
  return [...trees];
}

/** Folders the build does not read: hidden ones, node_modules and the output folder. */
function skipped(path: string, outRoot: string | undefined): boolean {
  const name = basename(path);
  return (
    (name.startsWith(".") && name.length > 1) ||
    name === "node_modules" ||
    (outRoot !== undefined && isInside(path, outRoot))
  );
}

function isMarkdown(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === ".md" || ext === ".markdown";
}
