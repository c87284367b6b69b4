// Writes the scaffold into a folder, refusing to overwrite: when any file already exists, nothing is written,
// and a run that fails halfway removes what it made.
import { existsSync, statSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { writeNew } from "../batch/write-atomically.js";
import { dirname, join } from "node:path";
import { scaffoldFiles, type ScaffoldOptions } from "./scaffold-files.js";

export type ScaffoldResult = { ok: true; written: string[] } | { ok: false; existing: string[] };

export async function scaffold(dir: string, options: ScaffoldOptions): Promise<ScaffoldResult> {
  // A file where the folder should be (`minutes init notes.md`) is in the way like an existing file.
  if (existsSync(dir) && !statSync(dir).isDirectory()) return { ok: false, existing: [dir] };
  const files = scaffoldFiles(options).map(([path, text]) => [join(dir, path), text] as const);
  const existing = files.map(([path]) => path).filter((path) => existsSync(path));
  if (existing.length > 0) return { ok: false, existing };
  // A failure halfway (permission, disk full) takes back what this run made: all the files or none.
  const made: string[] = [];
  try {
    for (const [path, text] of files) {
      const folder = await mkdir(dirname(path), { recursive: true });
      if (folder) made.push(folder);
      await writeNew(path, text);
      made.push(path);
    }
  } catch (error) {
    for (const path of made.reverse()) await rm(path, { recursive: true, force: true });
    throw error;
  }
  return { ok: true, written: files.map(([path]) => path) };
}
