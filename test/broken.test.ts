// Broken minutes: each gives exit 1, an error at file:line:column with its rule id and a hint, no
// stack trace, and `build` writes nothing. Expected line and rule per file: fixtures/broken/expected.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../src/read-source.js";
import { plainCliEnv } from "./helpers/tools.js";

const dir = "test/fixtures/broken";
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<
  string,
  { line: number; rule: string }
>;
const out = mkdtempSync(join(tmpdir(), "minutes-broken-"));
const cli = (...args: string[]) => spawnSync("bin/minutes.js", [...args], { encoding: "utf8", env: plainCliEnv() });
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function expectUserError(r: ReturnType<typeof cli>, input: string, line: number, rule?: string): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/Error:|TypeError|node:internal/);
  const first = r.stderr.split("\n")[0]!;
  expect(first).toMatch(
    new RegExp(`^${escapeRegExp(input)}:${line}:\\d+: error: .+ \\[${rule ? escapeRegExp(rule) : "[a-z-]+"}\\]$`),
  );
  expect(r.stderr.split("\n")[1]).toMatch(/^ {2}hint: ./);
}

describe("broken minutes", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".md"));

  it("every fixture has an expectation", () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const name of files) {
    it(`${name}: exit 1 at the right line, and nothing written`, () => {
      const input = join(dir, name);
      expectUserError(cli("check", input), input, expected[name]!.line, expected[name]!.rule);
      const target = join(out, name.replace(/\.md$/, ""));
      expectUserError(cli("build", input, "--out", target), input, expected[name]!.line, expected[name]!.rule);
      expect(existsSync(target)).toBe(false);
    });
  }

  it("a folder with no minutes is an error; a file over the size limit and a missing file are errors at 1:1", () => {
    const folder = join(out, "minutes.md");
    mkdirSync(folder);
    const r0 = cli("check", folder);
    expect(r0.status).toBe(1);
    expect(r0.stderr.split("\n")[0]).toBe(
      `${folder}: error: The folder ${folder} holds no Markdown minutes (*.md). [no-input]`,
    );
    expect(r0.stderr).not.toMatch(/Error:|TypeError|node:internal/);
    const big = join(out, "big.md");
    writeFileSync(big, `---\ntitle: T\ndate: 2024-03-05\n---\n\n## A\n\n${"x".repeat(MAX_INPUT_BYTES)}\n`);
    const r = cli("check", big);
    expectUserError(r, big, 1, "read");
    expect(r.stderr).toContain("the limit is 5 MB");
    expectUserError(cli("check", join(out, "nope.md")), join(out, "nope.md"), 1, "read");
  });

  it("a UTF-16 file with a byte-order mark is read", () => {
    const path = join(out, "utf16.md");
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("---\ntitle: Réunion\ndate: 2024-03-05\n---\n\n## Budget\n\nApprouvé.\n", "utf16le"),
      ]),
    );
    const r = cli("check", path);
    expect(r.status, r.stderr).toBe(0);
  });

  it("reports every problem of a file in one pass", () => {
    const r = cli("check", join(dir, "bad-next-meeting-and-chair.md"));
    expect(r.stderr).toMatch(/:4:\d+: error: .*next_meeting/);
    expect(r.stderr).toMatch(/:5:\d+: error: .*chair/);
  });
});
