// Paths written in files (config, front matter, theme.yaml) are confined to the project folder; only
// the command line may name places outside it (--out, --from, the inputs), and `--allow-outside`
// widens the confinement by exactly the paths it names. Nothing is ever fetched from the network.
// The check is made on real paths, so a symbolic link inside the project cannot lead outside it.
import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import path, { basename, dirname, join, resolve, type PlatformPath } from "node:path";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { text, type Text } from "./i18n/messages.js";
import type { Point } from "./model/minutes.js";

export interface PathRules {
  /** The project folder: see projectFolder(). */
  projectDir: string;
  /** `--allow-outside`: files or folders outside the project folder that paths written in files may also lead to. */
  allowOutside?: readonly string[];
}

export type PathResult =
  | { ok: true; path: string }
  | { ok: false; rule: "path-outside-project" | "path-remote"; message: Text; hint: Text };

/**
 * The project folder of an input: the folder of the minutes.config.yaml found by walking up from it,
 * else the input's own folder. Everything a file names must stay inside it.
 */
export function projectFolder(input: string, config: { dir: string } | undefined): string {
  return config?.dir ?? dirname(resolve(input));
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isRemote(reference: string): boolean {
  return REMOTE.test(reference) || reference.startsWith("//");
}

/**
 * `target` is `dir` or below it, folder by folder. Compared with path.relative, so on Windows case does not
 * matter and a path on another drive (an absolute relative path) is outside. `paths`: for tests of win32.
 */
export function isInside(target: string, dir: string, paths: path.PlatformPath = path): boolean {
  const rel = paths.relative(paths.resolve(dir), paths.resolve(target));
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${paths.sep}`) && !paths.isAbsolute(rel));
}

/**
 * The path with every symbolic link resolved: the real path of its longest existing part, followed by
 * the rest. A dangling link is followed to where it points, since writing through it would land there.
 */
export function realPath(path: string, depth = 0): string {
  const absolute = resolve(path);
  let link: ReturnType<typeof lstatSync> | undefined;
  try {
    // Not there is a common answer (an output not written yet): asked first, without an exception.
    link = lstatSync(absolute, { throwIfNoEntry: false });
    if (link) return realpathSync(absolute);
  } catch {
    // A dangling link, a loop, or a file where a folder of this path should be.
  }
  // Not there (or a dangling link, or a loop): resolve the folder, then this last part.
  const parent = dirname(absolute);
  if (parent === absolute) return absolute;
  const realParent = realPath(parent, depth);
  if (link?.isSymbolicLink() && depth < 32) {
    try {
      return realPath(resolve(realParent, readlinkSync(absolute)), depth + 1);
    } catch {
      // Unreadable link: judged by its own place.
    }
  }
  return join(realParent, basename(absolute));
}

/**
 * A Windows network path (`\\server\share\…`, `//server/share/…`, `\\?\UNC\…`). Merely looking at one —
 * even to resolve its links — connects to that server and offers it the user's Windows credentials.
 */
export function isNetworkPath(target: string, paths: PlatformPath = path): boolean {
  return paths.sep === "\\" && /^[\\/]{2}/.test(target);
}

/**
 * `target` (absolute) may be used under the rules: its real path is inside the project folder or an allowed
 * path. `paths`: for tests of the network-path rule with path.win32.
 */
export function isAllowed(target: string, rules: PathRules, paths: PlatformPath = path): boolean {
  const roots = [rules.projectDir, ...(rules.allowOutside ?? [])];
  // A network path outside every allowed folder is refused as written, without touching it (see isNetworkPath).
  if (isNetworkPath(target, paths) && !roots.some((dir) => isInside(target, dir, paths))) return false;
  const real = realPath(target);
  return roots.some((dir) => isInside(real, realPath(dir)));
}

/** `reference` as written in a file whose folder is `baseDir`, checked against the rules. */
export function resolveSafePath(reference: string, baseDir: string, rules: PathRules): PathResult {
  if (isRemote(reference)) {
    return {
      ok: false,
      rule: "path-remote",
      message: text("path-remote", { reference }),
      hint: text("path-remote.hint"),
    };
  }
  const path = resolve(baseDir, reference);
  if (isAllowed(path, rules)) return { ok: true, path };
  const lexicallyInside = isInside(path, rules.projectDir);
  const real = lexicallyInside || !isNetworkPath(path) ? realPath(path) : path;
  return {
    ok: false,
    rule: "path-outside-project",
    message: lexicallyInside
      ? text("path-outside-project.link", { reference, real, project: rules.projectDir })
      : text("path-outside-project", { reference, project: rules.projectDir }),
    hint: text("path-outside-project.hint", { project: rules.projectDir, real }),
  };
}

/** A refused path as an error at the place where the file names it: "`previous`: … points outside …". */
export function pathProblem(
  refused: Extract<PathResult, { ok: false }>,
  field: string,
  file: string,
  place: Point | undefined,
): Diagnostic {
  return diagnostic({
    file,
    line: place?.line ?? null,
    column: place?.column ?? null,
    severity: "error",
    rule: refused.rule,
    message: text("path-problem", { field, problem: refused.message }),
    hint: refused.hint,
  });
}
