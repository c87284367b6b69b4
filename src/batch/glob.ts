// A small glob matcher for `minutes build "minutes/**/*.md"` (Node 20 has no fs.glob): `*`, `?`,
// `**` (any number of folders), `{a,b}` and `[abc]`. Paths are matched with forward slashes.
import { isAbsolute } from "node:path";

export function hasGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** The leading folders of a pattern that contain no glob character: where the walk starts. */
export function globBase(pattern: string): string {
  const parts = pattern.replace(/\\/g, "/").split("/");
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (hasGlob(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return isAbsolute(pattern) ? "/" : ".";
  const base = fixed.join("/");
  return base === "" ? "/" : base;
}

/** A regular expression that matches a whole path (forward slashes) against the pattern. */
export function globToRegExp(pattern: string): RegExp {
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
  return new RegExp(`^${out}$`);
}
