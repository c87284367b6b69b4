// Makes the V8 startup snapshot bin/minutes starts from: dist/snapshot/minutes.blob, and made-for (the
// Node binary and package folder it is valid for, as bin/minutes computes them, then the Node flags it
// must be run with). Run by scripts/build.mjs. A snapshot belongs to one Node binary, so this never
// fails the build: without a snapshot, bin/minutes starts from the bundle, only slower. Also run after
// `npm install` of the package (postinstall, --if-built): in a clone, dist/ is built later, by prepare.
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");
const dir = `${root}/dist/snapshot`;
const blob = `${dir}/minutes.blob`;
// A young generation at full size from the start and room in the old one: a run allocates ~100 MB, mostly
// short-lived, and without these spends ~30 ms collecting garbage over a heap that is mostly the snapshot.
const flags = ["--min-semi-space-size=16", "--initial-old-space-size=128"];

function fail(why) {
  rmSync(`${blob}.tmp`, { force: true });
  console.warn(`make-snapshot: no startup snapshot (${why}); bin/minutes will start from the bundle.`);
}

function make() {
  if (process.platform === "win32") return fail("bin/minutes is a POSIX shell script");
  rmSync(blob, { force: true });
  rmSync(`${dir}/made-for`, { force: true });
  const made = spawnSync(process.execPath, [...flags, "--snapshot-blob", `${blob}.tmp`, "--build-snapshot", `${dir}/minutes-snapshot.cjs`], { encoding: "utf8", cwd: root });
  if (made.status !== 0 || !existsSync(`${blob}.tmp`)) return fail(`node --build-snapshot exited with ${made.status}: ${(made.stderr ?? "").trim().split("\n").slice(-3).join(" ")}`);
  const version = spawnSync(process.execPath, [...flags, "--snapshot-blob", `${blob}.tmp`, root, "--version"], { encoding: "utf8" });
  const pkg = spawnSync(process.execPath, [`${root}/bin/minutes.js`, "--version"], { encoding: "utf8" });
  if (version.status !== 0 || version.stdout !== pkg.stdout) return fail(`the snapshot answered ${JSON.stringify(version.stdout || version.stderr)} to --version`);
  const identity = spawnSync("sh", [`${root}/bin/minutes`], { encoding: "utf8", env: { ...process.env, MINUTES_PRINT_IDENTITY: "1" } });
  if (identity.status !== 0 || !identity.stdout.trim()) return fail(`bin/minutes could not name this Node binary: ${identity.stderr}`);
  renameSync(`${blob}.tmp`, blob);
  writeFileSync(`${dir}/made-for`, `${identity.stdout.trim()}\n${flags.join(" ")}\n`);
}

if (!(process.argv.includes("--if-built") && !existsSync(`${dir}/minutes-snapshot.cjs`))) make();
