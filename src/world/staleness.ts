// Is what a build read still the same? An output is up to date only when every file its world read
// hashes the same, every file it looked for and did not find is still missing, and every fact it used
// has the same value. The first difference is the reason to rebuild, which `minutes build --explain` says.
import { readFileSync, statSync } from "node:fs";
import { factKinds, hashBytes, type WorldRecord } from "./world.js";

export type Change =
  | { kind: "changed"; path: string }
  | { kind: "removed"; path: string }
  | { kind: "created"; path: string }
  | { kind: "fact"; path: string; fact: string };

/**
 * Hashes of files now, each file read once per run however many records name it (the theme's fonts of a
 * hundred meetings are read once). A file that cannot be read has no hash.
 */
export class CurrentHashes {
  private readonly known = new Map<string, string | null>();

  of(path: string): string | undefined {
    let hash = this.known.get(path);
    if (hash === undefined) {
      try {
        hash = hashBytes(readFileSync(path));
      } catch {
        hash = null;
      }
      this.known.set(path, hash);
    }
    return hash ?? undefined;
  }

  /** Something is at `path` now (a file or a folder). */
  exists(path: string): boolean {
    try {
      statSync(path);
      return true;
    } catch {
      return false;
    }
  }
}

/** The first way the world differs from `record`, or undefined when the record still holds. */
export function firstChange(record: WorldRecord, now: CurrentHashes = new CurrentHashes()): Change | undefined {
  for (const [path, hash] of Object.entries(record.files)) {
    const current = now.of(path);
    if (current === undefined) return { kind: "removed", path };
    if (current !== hash) return { kind: "changed", path };
  }
  for (const path of record.missing) if (now.exists(path)) return { kind: "created", path };
  for (const { kind, path, value } of record.facts) {
    const find = factKinds.get(kind);
    if (!find || (find(path) ?? "") !== value) return { kind: "fact", path, fact: kind };
  }
  return undefined;
}

/** Every path a record names: the files read, the files missing, the files facts were taken from. */
export function recordedPaths(record: WorldRecord): string[] {
  return [...new Set([...Object.keys(record.files), ...record.missing, ...record.facts.map((f) => f.path)])];
}
