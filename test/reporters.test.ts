// Reporters: human (colour only on a terminal, NO_COLOR / FORCE_COLOR), JSON, GitHub annotations;
// --strict makes warnings block. The CLI runs from the bundle, as a user runs it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics.js";
import { githubAnnotation } from "../src/report/github.js";
import { chooseReporter, useColor } from "../src/report/choose-reporter.js";

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync("bin/minutes.js", [...args], { encoding: "utf8", env: { PATH: process.env.PATH, ...env } });

const warning: Diagnostic = {
  file: "a,b.md",
  line: 3,
  column: 7,
  severity: "warning",
  rule: "agenda-number",
  message: "100% wrong: see\nbelow",
  hint: "Fix it.",
};

describe("colour", () => {
  it("is on for a terminal, off otherwise, and NO_COLOR and FORCE_COLOR win", () => {
    expect(useColor({ env: {}, isTTY: true })).toBe(true);
    expect(useColor({ env: {}, isTTY: false })).toBe(false);
    expect(useColor({ env: { NO_COLOR: "1" }, isTTY: true })).toBe(false);
    expect(useColor({ env: { FORCE_COLOR: "1" }, isTTY: false })).toBe(true);
    expect(useColor({ env: { FORCE_COLOR: "0" }, isTTY: true })).toBe(false);
    expect(useColor({ env: { NO_COLOR: "1", FORCE_COLOR: "1" }, isTTY: true })).toBe(false);
  });

  it("paints severity and place with ANSI codes only when colour is on", () => {
    const report = { input: "a.md", ok: true, diagnostics: [warning] };
    expect(chooseReporter("human", { env: {}, isTTY: true }).file(report).stderr).toContain(
      "\u001b[1;33mwarning\u001b[0m",
    );
    expect(chooseReporter("human", { env: {}, isTTY: false }).file(report).stderr).toBe(
      "a,b.md:3:7: warning: 100% wrong: see\nbelow [agenda-number]\n  hint: Fix it.\n",
    );
  });
});

describe("GitHub annotations", () => {
  it("escape the workflow-command syntax", () => {
    expect(githubAnnotation(warning)).toBe(
      "::warning file=a%2Cb.md,line=3,col=7,title=agenda-number::100%25 wrong: see%0Abelow%0AFix it.",
    );
  });

  it("are chosen automatically under GITHUB_ACTIONS=true and printed on stdout", () => {
    const r = cli(["check", "test/fixtures/rules/deadline.md"], { GITHUB_ACTIONS: "true" });
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(
        /^::error file=test\/fixtures\/rules\/deadline\.md,line=10,col=29,title=action-deadline-format::The deadline "next week"/,
      ),
      expect.stringMatching(
        /^::warning file=test\/fixtures\/rules\/deadline\.md,line=11,col=1,title=action-deadline-past::/,
      ),
    ]);
  });
});

describe("CLI reporters and strictness", () => {
  it("--reporter json prints one JSON document with every message", () => {
    const r = cli([
      "check",
      "--reporter",
      "json",
      "test/fixtures/rules/deadline.md",
      "examples/2024-03-05-steering-committee.md",
    ]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      errors: number;
      warnings: number;
      files: { file: string; ok: boolean; diagnostics: Diagnostic[] }[];
    };
    expect(report).toMatchObject({ errors: 1, warnings: 1 });
    expect(report.files.map((f) => [f.file, f.ok])).toEqual([
      ["test/fixtures/rules/deadline.md", false],
      ["examples/2024-03-05-steering-committee.md", true],
    ]);
    expect(report.files[0]!.diagnostics[0]).toMatchObject({
      line: 10,
      column: 29,
      severity: "error",
      rule: "action-deadline-format",
    });
  });

  it("an unknown reporter is a usage error", () => {
    const r = cli(["check", "--reporter", "xml", "examples/2022-09-23-gtm.md"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown reporter "xml"');
  });

  it("warnings pass, but block under --strict and under strict: true in the config", () => {
    expect(cli(["check", "examples/2022-09-23-gtm.md"]).status).toBe(0);
    expect(cli(["check", "--strict", "examples/2022-09-23-gtm.md"]).status).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), "minutes-strict-"));
    writeFileSync(join(dir, "minutes.config.yaml"), "strict: true\n");
    writeFileSync(join(dir, "m.md"), "---\ntitle: T\ndate: 2022-09-23\n---\n\n## A\n\nText.\n\n## A\n\nMore.\n");
    const r = cli(["check", join(dir, "m.md")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("[agenda-duplicate-title]");
  });
});
