// The launcher asks V8 to wait longer before optimising with TurboFan (src/start/tier-up.ts), with a flag that
// exists only in some V8 versions: an unknown flag on the command line stops Node ("bad option"), and through
// v8.setFlagsFromString prints an error. So the flag must be given exactly where this Node's V8 knows it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tierUpFlags } from "../src/start/tier-up.js";

const root = process.cwd();
const { versions } = JSON.parse(readFileSync(join(root, "scripts/node-versions.json"), "utf8")) as {
  versions: string[];
};
const nodes = [
  { version: process.version, bin: process.execPath },
  ...versions.map((version) => ({ version, bin: join(root, ".cache/node", version, "bin/node") })),
];

/** This Node's V8 version, and whether it takes `flags` both on the command line and at run time. */
function accepts(bin: string, flags: string[]): { v8: string; status: number | null; stderr: string } {
  const r = spawnSync(
    bin,
    [
      ...flags,
      "-e",
      `for (const f of ${JSON.stringify(flags)}) require("node:v8").setFlagsFromString(f); process.stdout.write(process.versions.v8)`,
    ],
    { encoding: "utf8" },
  );
  return { v8: r.stdout, status: r.status, stderr: r.stderr };
}

describe("the tier-up flag", () => {
  it("is sixteen times V8's default, in the words of V8 11 and 12, and nothing for V8 13", () => {
    expect(tierUpFlags("11.3.244.8-node.38")).toEqual(["--interrupt-budget=1081344"]);
    expect(tierUpFlags("12.4.254.21-node.57")).toEqual(["--invocation-count-for-turbofan=48000"]);
    expect(tierUpFlags("13.6.233.10-node.28")).toEqual([]);
  });

  for (const { version, bin } of nodes)
    it(`is taken without a word by Node ${version}, on the command line and at run time`, () => {
      expect(existsSync(bin), `${bin}: run node scripts/fetch-nodes.mjs`).toBe(true);
      const { v8 } = accepts(bin, []);
      const flags = tierUpFlags(v8);
      const r = accepts(bin, flags);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.v8).toBe(v8);
      if (/^(11|12)\./.test(v8)) expect(flags).not.toEqual([]);
    });

  it("is one the checkout's startup snapshot was made with (dist/snapshot/made-for)", () => {
    const flags = readFileSync(join(root, "dist/snapshot/made-for"), "utf8").split("\n")[1]!.split(" ");
    for (const flag of tierUpFlags()) expect(flags).toContain(flag);
  });
});
