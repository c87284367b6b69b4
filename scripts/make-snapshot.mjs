// Makes the V8 startup snapshot of a checkout: dist/snapshot/minutes.blob and made-for, through the same
// code an installed package uses to fill its per-user cache (dist/launch.cjs, src/start/launch.ts). Run by
// scripts/build.mjs. A snapshot belongs to one Node binary, so this never fails the build: without one,
// minutes starts from the bundle, only slower.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const made = spawnSync(process.execPath, [`${dist}/launch.cjs`], {
  stdio: "inherit",
  env: { ...process.env, MINUTES_MAKE_SNAPSHOT: `${dist}/snapshot` },
});
if (made.status !== 0) console.warn("make-snapshot: bin/minutes.js will start from the bundle.");
