// The world a build reads, as typst's World and Bazel's action inputs: every file one build reads (the
// input, config discovery, themes and theme.yaml, fonts, logos, meetings of the `previous:` chain,
// optional font packages looked for) comes through one World, which resolves and confines paths
// (safe-path.ts), keeps each file's bytes for the build, and records what it served: each file read
// with the hash of its content, each file looked for and not found, and facts about files (a
// modification time) with their value. The record is plain data, so it travels back from a worker
// thread; the manifest stores it per output, and --watch watches exactly it (see ./staleness.ts).
// The package's own files (built-in themes, shipped fonts) are not read through the world: they are part
// of the version and build id that every manifest key holds. This module imports only node: and safe-path.
import { createHash } from "node:crypto";
import { readFileSync, statSync, type Stats } from "node:fs";
import { resolve } from "node:path";
import { resolveSafePath, type PathResult, type PathRules } from "../safe-path.js";

/** What one build read: absolute paths. */
export interface WorldRecord {
  /** File read → hash of its bytes. */
  files: Record<string, string>;
  /** Files (or folders) looked for and not found. */
  missing: string[];
  /** Facts about files the build used: `kind` (see `factKinds`) of `path` → value. */
  facts: { kind: string; path: string; value: string }[];
}

export const emptyRecord = (): WorldRecord => ({ files: {}, missing: [], facts: [] });

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 32);
}

/**
 * Facts a build may take from a file besides its bytes, each with how to find it again (a fact
 * found with another value makes the output stale). A module that adds a kind registers it here once,
 * at load time (so worker threads have it too); an unknown kind in a manifest means "rebuild".
 */
export const factKinds = new Map<string, (path: string) => string | undefined>([
  ["mtime", (path) => statOf(path)?.mtime.toISOString()],
]);

function statOf(path: string): Stats | undefined {
  try {
    // Not there is the common answer (config candidates, .git, outputs not written yet): no exception for it.
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export class World {
  private readonly hashes = new Map<string, string>();
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly absent = new Set<string>();
  private readonly facts = new Map<string, { kind: string; path: string; value: string }>();

  /** `reference` as written in a file of folder `baseDir`, confined by `rules` (see safe-path.ts). */
  resolve(reference: string, baseDir: string, rules: PathRules): PathResult {
    return resolveSafePath(reference, baseDir, rules);
  }

  /** The file's stat, following links; undefined (and recorded as missing) when nothing is there. */
  stat(path: string): Stats | undefined {
    const info = statOf(path);
    if (!info) this.absent.add(resolve(path));
    return info;
  }

  /** "file", "folder", something else, or undefined when nothing is there (recorded as missing). */
  kind(path: string): "file" | "folder" | "other" | undefined {
    const info = this.stat(path);
    return info === undefined ? undefined : info.isFile() ? "file" : info.isDirectory() ? "folder" : "other";
  }

  /** The file's bytes, recorded with their hash. Throws the file system's error (ENOENT is recorded as missing). */
  read(path: string): Uint8Array {
    const absolute = resolve(path);
    const known = this.bytes.get(absolute);
    if (known) return known;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR")
        this.absent.add(absolute);
      throw error;
    }
    this.bytes.set(absolute, bytes);
    return bytes;
  }

  /** The file as UTF-8 text (a byte-order mark removed). */
  readText(path: string): string {
    return new TextDecoder("utf-8").decode(this.read(path)).replace(/^\uFEFF/, "");
  }

  /**
   * The hash of a file read by this world (undefined if it was not), computed when first asked: the startup
   * snapshot's warm-up reads files through a world and must not use node:crypto (src/start/).
   */
  hashOf(path: string): string | undefined {
    const absolute = resolve(path);
    const bytes = this.bytes.get(absolute);
    if (bytes === undefined) return undefined;
    let hash = this.hashes.get(absolute);
    if (hash === undefined) this.hashes.set(absolute, (hash = hashBytes(bytes)));
    return hash;
  }

  /** A fact of a registered kind about `path` (see factKinds), recorded with its value ("" for none). */
  fact(kind: string, path: string): string | undefined {
    const find = factKinds.get(kind);
    if (!find) throw new Error(`no fact kind "${kind}" is registered`);
    const absolute = resolve(path);
    const value = find(absolute);
    this.facts.set(`${kind}\0${absolute}`, { kind, path: absolute, value: value ?? "" });
    return value;
  }

  /** What this world served so far. A path both read and once missing (made during the build) counts as read. */
  record(): WorldRecord {
    const files = Object.fromEntries([...this.bytes.keys()].sort().map((path) => [path, this.hashOf(path)!]));
    return { files, missing: [...this.absent].filter((p) => !(p in files)).sort(), facts: [...this.facts.values()] };
  }
}
