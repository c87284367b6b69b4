// The paths of a batch, right on every system. Files are found and written with the platform's own
// paths (`C:\repo\minutes\2024\a.md` on Windows), while what a batch writes *about* paths — manifest keys,
// shard keys, the index's paths — uses "/" whatever the separator the user typed, so a manifest or an index
// is the same built on Windows or Linux. Each function takes the path module (node:path by default), so
// that tests check Windows paths with path.win32 on any machine.
import path from "node:path";
import { isInside } from "../safe-path.js";

type Paths = path.PlatformPath;

const isWindows = (paths: Paths): boolean => paths.sep === "\\";

/** A path with "/" between its parts (on Windows, "\" and "/" both separate parts). */
export function slashes(file: string, paths: Paths = path): string {
  return isWindows(paths) ? file.replace(/\\/g, "/") : file;
}

/** What two spellings of one file share: the absolute path, without regard to case on Windows. */
export function pathKey(file: string, paths: Paths = path): string {
  const absolute = paths.resolve(file);
  return isWindows(paths) ? absolute.toLowerCase() : absolute;
}

/**
 * The folder an input's outputs go to: `outRoot`, then the input's folder relative to the root it was
 * found under (`C:\repo\minutes\2024\a.md` under `C:\repo\minutes` into `D:\dist` → `D:\dist\2024`). An
 * input outside its root (which collectInputs never gives) is a bug, not a path to guess.
 */
export function mirroredFolder(input: { path: string; root: string }, outRoot: string, paths: Paths = path): string {
  const folder = paths.dirname(paths.resolve(input.path));
  if (!isInside(folder, input.root, paths))
    throw new Error(`${input.path} is not inside the folder ${input.root} it was found under`);
  return paths.join(outRoot, paths.relative(paths.resolve(input.root), folder));
}

/** An input's `--shard` key: its path relative to its root, with "/", so every runner, on any system, agrees. */
export function shardKey(input: { path: string; root: string }, paths: Paths = path): string {
  return slashes(paths.relative(paths.resolve(input.root), paths.resolve(input.path)), paths);
}

/**
 * How the manifest records a file: relative to the manifest's folder with "/" (`../minutes/2024/a.md`), so it
 * is the same whichever separator the path was written with. A file on another drive than the manifest
 * has no relative path on Windows: it is then recorded by its absolute path (`C:/repo/minutes/a.md`).
 */
export function recordedPath(manifestDir: string, file: string, paths: Paths = path): string {
  return slashes(paths.relative(paths.resolve(manifestDir), paths.resolve(file)), paths);
}

/**
 * The path of an output below `outRoot`, relative to it, with "/" (`2024/a.pdf`); undefined when the file
 * is not below it (another drive, a `..`), so no link can lead out of the published folder.
 */
export function publishedPath(outRoot: string, file: string, paths: Paths = path): string | undefined {
  if (!isInside(file, outRoot, paths)) return undefined;
  const relative = paths.relative(paths.resolve(outRoot), paths.resolve(file));
  return relative === "" ? undefined : slashes(relative, paths);
}
