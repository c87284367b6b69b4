// Paths named in a theme, a config file or on the command line: resolved against the file that names them,
// kept inside the project folder unless the user allows otherwise, and never fetched from the network.
import { existsSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

export interface PathRules {
  /** The project folder: the config file's folder, else the input's folder. */
  projectDir: string;
  /** `--allow-outside`: paths may leave the project folder. */
  allowOutside: boolean;
}

export type PathResult = { ok: true; path: string } | { ok: false; message: string; hint: string };

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isRemote(reference: string): boolean {
  return REMOTE.test(reference) || reference.startsWith("//");
}

export function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** `reference` as written in the file at `baseDir`, checked against the rules. */
export function resolveSafePath(reference: string, baseDir: string, rules: PathRules): PathResult {
  if (isRemote(reference)) {
    return {
      ok: false,
      message: `"${reference}" is a web address; minutes never downloads files.`,
      hint: "Download the file first, put it in the project folder and give its path.",
    };
  }
  const path = resolve(baseDir, reference);
  // Symbolic links are followed, so a link inside the project cannot lead outside it.
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : p);
  if (!rules.allowOutside && !(isInside(path, rules.projectDir) && isInside(real(path), real(rules.projectDir)))) {
    return {
      ok: false,
      message: `"${reference}" points outside the project folder ${rules.projectDir}.`,
      hint: "Copy the file into the project folder, or pass --allow-outside if you trust this path.",
    };
  }
  return { ok: true, path };
}
