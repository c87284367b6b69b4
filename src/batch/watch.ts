// `--watch`: build once, then rebuild whenever an input, a config file or a theme file changes.
// Bursts of events (an editor's save is often several) are debounced; a build that fails is reported
// and watching goes on; Ctrl-C (SIGINT) or SIGTERM closes the watchers and ends with exit code 0.
import { readdirSync, watch, type Dirent, type FSWatcher } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { say } from "../i18n/messages.js";
import { isInside } from "../safe-path.js";
import { dependenciesOf } from "./dependencies.js";
import { collectInputs, isFolder } from "./collect-inputs.js";
import { globBase, hasGlob } from "./glob.js";

const debounceMs = 150;

export async function watchBuild(paths: readonly string[], out: string | undefined, buildOnce: () => Promise<number>, log: (line: string) => void): Promise<number> {
  await buildOnce();
  const outRoot = out ? resolve(out) : undefined;
  const targets = watchTargets(paths, outRoot);
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<unknown> | undefined;
  let again = false;

  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true;
      return;
    }
    do {
      again = false;
      building = buildOnce().catch((error: unknown) => log(`minutes: ${say("watch.rebuild-failed", { reason: (error as Error).message })}`));
      await building;
      building = undefined;
    } while (again);
    log(`minutes: ${say("watch.waiting")}`);
  };

  const onEvent = (folder: string, themeFolder: boolean) => (_event: string, name: string | Buffer | null) => {
    const file = name ? join(folder, name.toString()) : folder;
    if (!themeFolder && !relevant(file, outRoot)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), debounceMs);
  };

  const watching = new Set<string>();
  const watchFolder = (folder: string, theme: boolean): void => {
    if (watching.has(folder)) return;
    watching.add(folder);
    try {
      const onChange = onEvent(folder, theme);
      watchers.push(
        watch(folder, (event, name) => {
          // A folder made after the start is watched too.
          if (name && event === "rename") {
            const made = join(folder, name.toString());
            if (isFolder(made) && !skippedFolder(made, outRoot)) watchFolder(made, theme);
          }
          onChange(event, name);
        }),
      );
    } catch (error) {
      log(`minutes: ${say("watch.cannot-watch", { folder, reason: (error as Error).message })}`);
    }
  };
  // One watcher per folder, never fs.watch's `recursive`: on Linux, Node's recursive watching loses a file
  // that an editor saves by replacing it (vim, gedit, Kate, sed -i) after its first save.
  for (const target of targets) for (const folder of target.recursive ? foldersBelow(target.folder, outRoot) : [target.folder]) watchFolder(folder, target.theme);
  log(`minutes: ${say("watch.waiting")}`);

  return new Promise<number>((resolveExit) => {
    const stop = (): void => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void Promise.resolve(building).then(() => resolveExit(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

interface Target {
  folder: string;
  recursive: boolean;
  theme: boolean;
}

/** Folders to watch: folder arguments and glob bases recursively, the folders of files and configs. */
function watchTargets(paths: readonly string[], outRoot: string | undefined): Target[] {
  const targets = new Map<string, Target>();
  const add = (folder: string, recursive: boolean, theme = false): void => {
    const key = resolve(folder);
    const known = targets.get(key);
    if (!known || (recursive && !known.recursive)) targets.set(key, { folder: key, recursive, theme });
  };
  for (const path of paths) {
    if (isFolder(path)) add(path, true);
    else if (hasGlob(path) && !isFolder(dirname(path))) add(globBase(path), true);
    else add(dirname(path), false);
  }
  for (const input of collectInputs(paths, outRoot ? [outRoot] : []).inputs) {
    const { config, themeFolder } = dependenciesOf(dirname(resolve(input.path)));
    if (config) add(dirname(config), false);
    if (themeFolder) add(themeFolder, true, true);
  }
  return [...targets.values()];
}

/** Folders the build does not read: hidden ones, node_modules and the output folder. */
function skippedFolder(folder: string, outRoot: string | undefined): boolean {
  const name = basename(folder);
  return name.startsWith(".") || name === "node_modules" || (outRoot !== undefined && isInside(folder, outRoot));
}

/** `root` and every folder below it that the build may read, not following symbolic links. */
function foldersBelow(root: string, outRoot: string | undefined): string[] {
  const folders = [root];
  for (let i = 0; i < folders.length; i++) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folders[i]!, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(folders[i]!, entry.name);
      if (entry.isDirectory() && !skippedFolder(path, outRoot)) folders.push(path);
    }
  }
  return folders;
}

/** Sources and settings, not our own outputs or temporary files. */
function relevant(file: string, outRoot: string | undefined): boolean {
  const name = basename(file);
  if (name.startsWith(".")) return false;
  if (outRoot && isInside(file, outRoot)) return false; // (on Windows whatever the case, and for an --out at a drive's root)
  const ext = extname(name).toLowerCase();
  return ext === ".md" || ext === ".yaml" || ext === ".yml" || name === "minutes.config.json";
}
