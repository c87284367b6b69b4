// The incremental-build manifest (<out>/.minutes-manifest.json): for each input, the key its outputs
// were built from (a hash of the input, its config file, its theme files, the tool version and the
// options) and what the index page needs. A file whose key is unchanged and whose outputs all exist
// is skipped. The manifest is written atomically, so a killed build leaves the previous one intact.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { dependenciesOf } from "./dependencies.js";
import { buildId, version } from "../version.js";
import type { MeetingSummary } from "./meeting-summary.js";
import { writeAtomically } from "../write-atomically.js";

export const manifestName = ".minutes-manifest.json";

export interface ManifestEntry {
  key: string;
  /** Output files, relative to the manifest's folder. */
  outputs: string[];
  meeting?: MeetingSummary;
}

export interface Manifest {
  version: 1;
  /** Input path relative to the manifest's folder → entry. */
  files: Record<string, ManifestEntry>;
}

export function readManifest(path: string): Manifest {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as Partial<Manifest>;
    if (data.version === 1 && data.files && typeof data.files === "object") return { version: 1, files: data.files };
  } catch {
    // Missing or unreadable: everything is rebuilt.
  }
  return { version: 1, files: {} };
}

export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeAtomically(path, new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
}

/**
 * Hashes of the files an input depends on besides itself, for a batch: which config and theme folder
 * apply is looked up once per input folder, and their files are read and hashed once per config.
 */
export class DependencyHasher {
  private readonly byFolder = new Map<string, string>();
  private readonly byDependencies = new Map<string, string>();

  /** `allowOutside`: --allow-outside, so that a theme folder it names is part of the key. */
  constructor(private readonly allowOutside: readonly string[] = []) {}

  /** The part of the key that comes from the config file and its theme folder, if any. */
  forInput(input: string): string {
    const folder = dirname(resolve(input));
    let hash = this.byFolder.get(folder);
    if (hash === undefined) {
      hash = this.hashOf(dependenciesOf(folder, this.allowOutside));
      this.byFolder.set(folder, hash);
    }
    return hash;
  }

  private hashOf({ config, themeFolder }: { config?: string | undefined; themeFolder?: string | undefined }): string {
    const which = `${config ?? ""}\0${themeFolder ?? ""}`;
    let hash = this.byDependencies.get(which);
    if (hash === undefined) {
      const h = createHash("sha256");
      if (config) h.update(config).update(readFileSync(config));
      if (themeFolder) for (const file of filesUnder(themeFolder)) h.update(file).update(readFileSync(file));
      hash = h.digest("hex");
      this.byDependencies.set(which, hash);
    }
    return hash;
  }
}

/** The key of one input: its bytes, its dependencies, the tool version and the build options. */
export function inputKey(source: Uint8Array, dependencies: string, options: unknown): string {
  return createHash("sha256").update(source).update(dependencies).update(version).update(buildId).update(JSON.stringify(options)).digest("hex");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}
