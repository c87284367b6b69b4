// A small glob matcher for `minutes build "minutes/**/*.md"` (Node 20 has no fs.glob): `*`, `?`,
// `**` (any number of folders), `{a,b}` and `[abc]`. Paths are matched with forward slashes, and a
// pattern may be written with "\" too (Windows). On Windows, matching ignores case, as the file system
// does. `paths`: the path module (node:path; path.win32 in tests).
import path from "node:path";
import { slashes } from "./batch-paths.js";

export function hasGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** The leading folders of a pattern that contain no glob character: where the walk starts. */
export function globBase(pattern: string, paths: path.PlatformPath = path): string {
  const parts = pattern.replace(/\\/g, "/").split("/");
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (hasGlob(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return paths.isAbsolute(pattern) ? "/" : ".";
  const base = fixed.join("/");
  // "C:\*.md" starts at the drive's root "C:/"; a bare "C:" would be the current folder of drive C.
  if (/^[A-Za-z]:$/.test(base) && paths.isAbsolute(pattern)) return `${base}/`;
  return base === "" ? "/" : base;
}

/** A regular expression that matches a whole path (forward slashes) against the pattern. */
export function globToRegExp(pattern: string, paths: path.PlatformPath = path): RegExp {
  const p = pattern.replace(/\\/g, "/").replace(/^\.\//, "");
  let out = "";
  let braces = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "*" && p[i + 1] === "*") {
      // "**/" matches zero or more folders; a trailing "**" matches anything.
      if (p[i + 2] === "/") {
        out += "(?:[^/]*/)*";
        i += 2;
      } else {
        out += ".*";
        i += 1;
      }
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "{") {
      braces++;
      out += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (c === "," && braces > 0) out += "|";
    else if (c === "[") {
      const end = p.indexOf("]", i + 1);
      if (end === -1) out += "\\[";
      else {
        out += `[${p.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, paths.sep === "\\" ? "i" : "");
}

/** Whether a file found by walking the glob's base matches: as found, or relative to the current folder. */
export function globMatcher(pattern: string, paths: path.PlatformPath = path): (file: string) => boolean {
  const re = globToRegExp(pattern, paths);
  return (file) => re.test(slashes(file, paths)) || re.test(slashes(paths.relative(".", file), paths));
}
