// The incremental-build manifest (<out>/.minutes-manifest.json): for each input, the key of what is not
// a file (tool version, build id, options), what its build's world recorded (each file read with its
// hash, each file looked for and missing, each fact; see src/world/), and what the index page needs.
// A file is skipped when its key is the same, its outputs all exist, every recorded file hashes the same
// and every missing one is still missing (src/world/staleness.ts). Nothing is guessed: what the build
// read is what is compared. The manifest is written atomically, so a killed build leaves the previous one.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { buildId, version } from "../version.js";
import { emptyRecord, type WorldRecord } from "../world/world.js";
import { recordedPath } from "./batch-paths.js";
import type { FileOutcome, Reason } from "./build-file.js";
import { firstChange, type CurrentHashes } from "../world/staleness.js";
import type { MeetingSummary } from "./meeting-summary.js";
import { writeAtomically } from "../write-atomically.js";

export const manifestName = ".minutes-manifest.json";

export interface ManifestEntry {
  /** optionsKey(): the version, build id and options. */
  key: string;
  /** Output files, relative to the manifest's folder. */
  outputs: string[];
  /** Files the build read, relative to the manifest's folder → hash of their content. */
  read: Record<string, string>;
  /** Files looked for and not found (config candidates, `.git`, font packages), relative to the manifest's folder. */
  missing: string[];
  /** Facts about files the build used (WorldRecord.facts), paths relative to the manifest's folder. */
  facts: WorldRecord["facts"];
  meeting?: MeetingSummary;
}

export interface Manifest {
  version: 2;
  /** Input path relative to the manifest's folder → entry. */
  files: Record<string, ManifestEntry>;
}

export function readManifest(path: string): Manifest {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as Partial<Manifest>;
    if (data.version === 2 && data.files && typeof data.files === "object") return { version: 2, files: data.files };
  } catch {
    // Missing or unreadable: everything is rebuilt.
  }
  // (A manifest of version 1 keyed inputs by guessed dependencies: everything is rebuilt once.)
  return { version: 2, files: {} };
}

export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeAtomically(path, new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
}

/** The part of every key that is not a file: the tool version, its build id and the build options. */
export function optionsKey(options: unknown): string {
  return createHash("sha256").update(version).update(buildId).update(JSON.stringify(options)).digest("hex");
}

/** An entry's recorded world, with absolute paths (undefined for an entry of another shape: rebuild). */
export function entryRecord(entry: ManifestEntry, manifestDir: string): WorldRecord | undefined {
  const { read, missing, facts } = entry;
  const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((p) => typeof p === "string");
  if (!read || typeof read !== "object" || !strings(Object.values(read)) || !strings(missing) || !Array.isArray(facts))
    return undefined;
  const at = (path: string): string => resolve(manifestDir, path);
  return {
    files: Object.fromEntries(Object.entries(read).map(([path, hash]) => [at(path), hash])),
    missing: missing.map(at),
    facts: facts.map((f) => ({ ...f, path: at(f.path) })),
  };
}

/** A built file's entry: its key, its outputs and what its world recorded, paths relative to the manifest's folder. */
export function manifestEntry(
  key: string,
  outcome: Pick<FileOutcome, "outputs" | "meeting" | "recorded">,
  manifestDir: string,
): ManifestEntry {
  const record = outcome.recorded ?? emptyRecord();
  const at = (path: string): string => recordedPath(manifestDir, path);
  return {
    key,
    outputs: outcome.outputs.map((o) => at(o.path)),
    read: Object.fromEntries(Object.entries(record.files).map(([path, hash]) => [at(path), hash])),
    missing: record.missing.map(at),
    facts: record.facts.map((f) => ({ ...f, path: at(f.path) })),
    ...(outcome.meeting ? { meeting: outcome.meeting } : {}),
  };
}

/**
 * Why `input` must be built, or `up-to-date`: `entry` is what the manifest holds for it (undefined: none),
 * `key` the optionsKey of this run. Outputs are checked before inputs, and inputs in the order the world
 * recorded them; `hashes` is shared by the run, so a font many meetings use is hashed once.
 */
export function reasonToBuild(
  entry: ManifestEntry | undefined,
  key: string,
  manifestDir: string,
  hashes: CurrentHashes,
): Reason {
  const record = entry ? entryRecord(entry, manifestDir) : undefined;
  if (!entry || !record) return { kind: "not-built-before" };
  if (entry.key !== key) return { kind: "options-changed" };
  const gone = entry.outputs.find((o) => !hashes.exists(resolve(manifestDir, o)));
  if (gone !== undefined) return { kind: "output-missing", path: resolve(manifestDir, gone) };
  return firstChange(record, hashes) ?? { kind: "up-to-date" };
}
