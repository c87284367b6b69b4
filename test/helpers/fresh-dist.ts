// Vitest's global setup. The CLI suites spawn bin/minutes.js, which runs dist/: a dist/ older than the files
// it is built from would test old code. When one of them is newer, dist/ is built again (as npm run build
// does, startup snapshot included) before any test runs; when dist/ is fresh, as after npm test's build,
// this costs a walk of the sources' modification times.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** What dist/ is built from (scripts/build.mjs). */
const inputs = [
  "src",
  "templates",
  "patches",
  "scripts/stubs",
  "scripts/build.mjs",
  "scripts/dependency-patches.mjs",
  "scripts/make-snapshot.mjs",
  "scripts/shaping-tables.mjs",
  "package.json",
];
/** Files every build writes (it empties dist/ first). */
const outputs = ["dist/launch.cjs", "dist/cli-main.js", "dist/index.js"];

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Every file under `path` (or `path` itself), with its modification time. */
function files(path: string): [string, number][] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [[path, stat.mtimeMs]];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** Why dist/ under `root` must be built again: a missing output, or the first input newer than it; undefined when fresh. */
export function staleDist(root: string): string | undefined {
  const built = outputs.map((file) => mtime(join(root, file)));
  const missing = outputs.find((_, i) => built[i] === undefined);
  if (missing) return `${missing} is missing`;
  const oldest = Math.min(...(built as number[]));
  const newer = inputs.flatMap((input) => files(join(root, input))).find(([, time]) => time > oldest);
  return newer ? `${relative(root, newer[0])} is newer than dist/` : undefined;
}

export default function setup(): void {
  const root = join(import.meta.dirname, "../..");
  const why = staleDist(root);
  if (!why) return;
  process.stderr.write(`test/helpers/fresh-dist.ts: ${why}; building dist/ again (node scripts/build.mjs)\n`);
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
}
