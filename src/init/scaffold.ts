// Writes the scaffold into a folder, refusing to overwrite: when any file already exists, nothing is written.
import { existsSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { scaffoldFiles, type ScaffoldOptions } from "./scaffold-files.js";

export type ScaffoldResult = { ok: true; written: string[] } | { ok: false; existing: string[] };

export async function scaffold(dir: string, options: ScaffoldOptions): Promise<ScaffoldResult> {
  // A file where the folder should be (`minutes init notes.md`) is in the way like an existing file.
  if (existsSync(dir) && !statSync(dir).isDirectory()) return { ok: false, existing: [dir] };
  const files = scaffoldFiles(options).map(([path, text]) => [join(dir, path), text] as const);
  const existing = files.map(([path]) => path).filter((path) => existsSync(path));
  if (existing.length > 0) return { ok: false, existing };
  for (const [path, text] of files) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { flag: "wx" });
  }
  return { ok: true, written: files.map(([path]) => path) };
}
