// `--watch`: build once, then rebuild whenever an input, a config file or a theme file changes.
// Bursts of events (an editor's save is often several) are debounced; a build that fails is reported
// and watching goes on; Ctrl-C (SIGINT) or SIGTERM closes the watchers and ends with exit code 0.
import { watch, type FSWatcher } from "node:fs";
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

  for (const target of targets) {
    try {
      watchers.push(watch(target.folder, { recursive: target.recursive }, onEvent(target.folder, target.theme)));
    } catch (error) {
      log(`minutes: ${say("watch.cannot-watch", { folder: target.folder, reason: (error as Error).message })}`);
    }
  }
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

/** Sources and settings, not our own outputs or temporary files. */
function relevant(file: string, outRoot: string | undefined): boolean {
  const name = basename(file);
  if (name.startsWith(".")) return false;
  if (outRoot && isInside(file, outRoot)) return false; // (on Windows whatever the case, and for an --out at a drive's root)
  const ext = extname(name).toLowerCase();
  return ext === ".md" || ext === ".yaml" || ext === ".yml" || name === "minutes.config.json";
}
