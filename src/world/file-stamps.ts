// Caches that a process keeps by a file's path (parsed fonts, their shaped words and widths, a font's metrics)
// are right while the file is what they read. A batch reads each file once, so that holds for it; the build
// server (src/start/build-server.ts) runs builds for minutes, between which a theme's font may be replaced.
// Each such cache stamps the file (size, modification time, inode) before it reads it, and says how to forget
// it; before each build the server calls `forgetChangedFiles`, and a file whose stamp changed is read again.
import { statSync } from "node:fs";

const stamps = new Map<string, string>();
const forgetters: ((path: string) => void)[] = [];

function stampOf(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.size} ${stats.mtimeMs} ${stats.ino}`;
  } catch {
    return "none";
  }
}

/** Records what `path` is now, before a cache reads it (once: the first read is the one the cache holds). */
export function stampFile(path: string): void {
  if (!stamps.has(path)) stamps.set(path, stampOf(path));
}

/** Registers a cache's way of forgetting what it keeps for a file. */
export function forgetWhenChanged(forget: (path: string) => void): void {
  forgetters.push(forget);
}

/** Makes every cache forget the files changed since they were read; returns their paths. */
export function forgetChangedFiles(): string[] {
  const changed: string[] = [];
  for (const [path, stamp] of stamps) {
    if (stampOf(path) === stamp) continue;
    stamps.delete(path);
    for (const forget of forgetters) forget(path);
    changed.push(path);
  }
  return changed;
}
