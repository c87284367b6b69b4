// Writes the scaffold into a folder, refusing to overwrite: when any file already exists, nothing is written,
// and a run that fails halfway removes what it made. A .gitignore that exists (a repository made on GitHub
// has one) is not in the way: the lines it lacks are added to it, and put back as they were on failure.
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { writeAtomically, writeNew } from "../write-atomically.js";
import { dirname, join } from "node:path";
import { mergedFile, scaffoldFiles, type ScaffoldOptions } from "./scaffold-files.js";

export type ScaffoldResult =
  | { ok: true; written: string[]; updated: { path: string; lines: string[] }[] }
  | { ok: false; existing: string[] };

export async function scaffold(dir: string, options: ScaffoldOptions): Promise<ScaffoldResult> {
  // A file where the folder should be (`minutes init notes.md`) is in the way like an existing file.
  if (existsSync(dir) && !statSync(dir).isDirectory()) return { ok: false, existing: [dir] };
  const files = scaffoldFiles(options).map(([path, text]) => [join(dir, path), text] as const);
  const merged = join(dir, mergedFile);
  const existing = files
    .map(([path]) => path)
    .filter((path) => existsSync(path) && (path !== merged || !statSync(path).isFile()));
  if (existing.length > 0) return { ok: false, existing };
  // A failure halfway (permission, disk full) takes back what this run made: all the files or none.
  const made: string[] = [];
  const written: string[] = [];
  const updated: { path: string; lines: string[] }[] = [];
  let restore: { path: string; text: string } | undefined;
  try {
    for (const [path, text] of files) {
      const folder = await mkdir(dirname(path), { recursive: true });
      if (folder) made.push(folder);
      if (path === merged && existsSync(path)) {
        const before = readFileSync(path, "utf8");
        const lines = missingLines(before, text);
        if (lines.length === 0) continue;
        restore = { path, text: before };
        await writeAtomically(
          path,
          new TextEncoder().encode(
            `${before}${before === "" || before.endsWith("\n") ? "" : "\n"}${before === "" ? "" : "\n"}${lines.join("\n")}\n`,
          ),
        );
        updated.push({ path, lines: lines.filter((line) => !line.startsWith("#")) });
        continue;
      }
      await writeNew(path, text);
      made.push(path);
      written.push(path);
    }
  } catch (error) {
    for (const path of made.reverse()) await rm(path, { recursive: true, force: true });
    if (restore) await writeAtomically(restore.path, new TextEncoder().encode(restore.text)).catch(() => undefined);
    throw error;
  }
  return { ok: true, written, updated };
}

/** The lines of `wanted` (and its comment, when any is missing) that `present` does not hold. */
function missingLines(present: string, wanted: string): string[] {
  const have = new Set(present.split(/\r?\n/).map((line) => line.trim()));
  const rules = wanted.split("\n").filter((line) => line !== "" && !line.startsWith("#") && !have.has(line));
  return rules.length === 0 ? [] : [...wanted.split("\n").filter((line) => line.startsWith("#")), ...rules];
}
