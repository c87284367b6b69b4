// Globs for `minutes build "minutes/**/*.md"` (Node 20 has no fs.glob), expanded by tinyglobby: `*`, `?`,
// `**`, `{a,b}`, `[abc]`; `*` and `**` match no dot-file or dot-folder. A pattern may be written with "\"
// on Windows, where matching ignores case, as the file system does. `paths`: the path module (node:path;
// path.win32 in tests). tinyglobby (with picomatch and fdir) loads only when a glob is expanded: at the
// start of every command it cost about 100 ms of a bundle start measured here.
import path from "node:path";

const isWindows = (paths: path.PlatformPath): boolean => paths.sep === "\\";

/** The pattern with forward slashes: on Windows "\" separates folders; elsewhere it escapes a character. */
const forwardSlashes = (pattern: string, paths: path.PlatformPath): string =>
  isWindows(paths) ? pattern.replace(/\\/g, "/") : pattern;

/** A character that makes a glob, not escaped with "\\": `*`, `?`, `[`, `{`, or an extglob's `+(`, `@(`, `!(`. */
const isDynamicPattern = (pattern: string): boolean => /[*?[{]|[+@!]\(/.test(pattern.replace(/\\./g, ""));

export function hasGlob(pattern: string, paths: path.PlatformPath = path): boolean {
  return isDynamicPattern(forwardSlashes(pattern, paths));
}

/** The leading folders of a pattern that contain no glob character: where the search starts. */
export function globBase(pattern: string, paths: path.PlatformPath = path): string {
  const parts = forwardSlashes(pattern, paths).split("/");
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return paths.isAbsolute(pattern) ? "/" : ".";
  const base = fixed.join("/");
  // "C:\*.md" starts at the drive's root "C:/"; a bare "C:" would be the current folder of drive C.
  if (/^[A-Za-z]:$/.test(base) && paths.isAbsolute(pattern)) return `${base}/`;
  return base === "" ? "/" : base;
}

/** Where a glob is searched from, and the rest of the pattern, relative to that folder. */
export function globQuery(
  pattern: string,
  paths: path.PlatformPath = path,
): { base: string; pattern: string; caseSensitive: boolean } {
  const whole = forwardSlashes(pattern, paths);
  const base = globBase(pattern, paths);
  const rest = base === "." && !whole.startsWith("./") ? whole : whole.slice(base.length).replace(/^\//, "");
  return { base, pattern: rest, caseSensitive: !isWindows(paths) };
}

/**
 * The files a glob matches, in the order a walk of its base finds them (by name, folder by folder), each
 * joined to the base as the user wrote it. node_modules is never searched; symbolic links are not followed.
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const { globSync } = await import("tinyglobby");
  const query = globQuery(pattern);
  const found = globSync(query.pattern, {
    cwd: query.base,
    dot: false,
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: false,
    caseSensitiveMatch: query.caseSensitive,
    ignore: ["**/node_modules/**"],
  });
  return found.sort(byFolders).map((file) => path.join(query.base, file));
}

/** Folder by folder, by name: "a.md" < "b/x.md" < "c.md", as a recursive walk sorted by name lists them. */
function byFolders(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}
