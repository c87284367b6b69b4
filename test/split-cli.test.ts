// `minutes split` and `minutes build --split` end to end through the built CLI: the files written, their
// names and dates (each built to JSON), every word of the source kept, no file overwritten, the source untouched.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { itWithTools, pdfText, plainCliEnv } from "./helpers/tools.js";
import { missingWords, sourceWords } from "./helpers/word-coverage.js";

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/minutes.js", ...args], {
    encoding: "utf8",
    env: { ...plainCliEnv(), MINUTES_NO_SNAPSHOT: "1" },
  });
const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `minutes-split-${name}-`));
/** The fixture copied to a folder of its own, so that nothing else is beside it. */
function copied(name: string): string {
  const dir = tempDir("src");
  copyFileSync(`test/fixtures/split/${name}`, join(dir, name));
  return join(dir, name);
}
/** Each file of `dir` built to JSON: name → meeting date. */
function builtDates(dir: string): Record<string, string> {
  const out = tempDir("json");
  const r = cli("build", dir, "--out", out, "--format", "json", "--quiet");
  expect(r.status, r.stderr).toBe(0);
  return Object.fromEntries(
    readdirSync(out)
      .filter((f) => /^\d{4}-.*\.json$/.test(f))
      .map((f) => [
        f.replace(/\.json$/, ""),
        (JSON.parse(readFileSync(join(out, f), "utf8")) as { meeting: { date: string } }).meeting.date,
      ]),
  );
}

const cases = [
  [
    "running-notes.md",
    [
      "2024-01-24-docs-working-group-running-notes",
      "2024-02-07-docs-working-group-running-notes",
      "2024-02-21-docs-working-group-running-notes",
      "2024-03-06-docs-working-group-running-notes",
    ],
  ],
  [
    "monthly-summary.md",
    [
      "2024-03-05-executive-committee-meeting",
      "2024-03-12-finance-committee-meeting",
      "2024-03-26-executive-committee-meeting",
    ],
  ],
  ["hackmd-meetings.md", ["2024-03-07-meeting-13", "2024-03-14-meeting-14"]],
] as const;

describe("minutes split", () => {
  it.each(cases)(
    "%s: one file per meeting, named by its date, each checked with warnings at most and built with its date; every word kept; the source unchanged",
    (name, stems) => {
      const input = copied(name);
      const before = readFileSync(input);
      const out = tempDir("out");
      const r = cli("split", input, "--out", out);
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual(stems.map((s) => `${s}.md`));
      expect(r.stdout.trim().split("\n")).toHaveLength(stems.length);
      expect(r.stderr).toContain(`${stems.length} meetings written`);
      for (const stem of stems) {
        const check = cli("check", join(out, `${stem}.md`));
        expect(check.status, check.stderr).toBe(0);
        expect(check.stderr).not.toMatch(/: error:/);
      }
      // The date each document gets is the one its name says.
      expect(builtDates(out)).toEqual(Object.fromEntries(stems.map((s) => [s, s.slice(0, 10)])));
      const outputs = readdirSync(out)
        .map((f) => readFileSync(join(out, f), "utf8"))
        .join("\n");
      const words = sourceWords(before.toString("utf8"));
      expect(words.length).toBeGreaterThan(100);
      expect(missingWords(words, outputs)).toEqual([]);
      expect(readFileSync(input).equals(before)).toBe(true);
    },
  );

  it("writes nothing when one of the files exists, unless --force", () => {
    const input = copied("hackmd-meetings.md");
    const out = tempDir("exists");
    writeFileSync(join(out, "2024-03-07-meeting-13.md"), "mine\n");
    const r = cli("split", input, "--out", out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("2024-03-07-meeting-13.md: error: This file already exists");
    expect(r.stderr).toContain("[output-exists]");
    expect(r.stderr).toContain("--force");
    expect(readdirSync(out)).toEqual(["2024-03-07-meeting-13.md"]);
    expect(readFileSync(join(out, "2024-03-07-meeting-13.md"), "utf8")).toBe("mine\n");
    const forced = cli("split", input, "--out", out, "--force");
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["2024-03-07-meeting-13.md", "2024-03-14-meeting-14.md"]);
    expect(readFileSync(join(out, "2024-03-07-meeting-13.md"), "utf8")).toContain("# Meeting 13 — March 7, 2024");
  });

  it("writes beside the file by default, and refuses a file of one meeting", () => {
    const input = copied("hackmd-meetings.md");
    expect(cli("split", input).status).toBe(0);
    expect(existsSync(join(input, "..", "2024-03-14-meeting-14.md"))).toBe(true);
    const single = join(tempDir("one"), "board.md");
    writeFileSync(single, "# Board meeting 2024-03-06\n\n## Budget\n\nOK.\n");
    const r = cli("split", single);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("board.md: error: This file holds one meeting; there is nothing to split");
    expect(r.stderr).toContain("[split-one-meeting]");
    expect(readdirSync(join(single, ".."))).toEqual(["board.md"]);
  });

  it("says it in the user's language", () => {
    const r = cli("split", copied("hackmd-meetings.md"), "--out", tempDir("fr"), "--lang", "fr");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("(réunion du 2024-03-14, ligne 12 du fichier)");
    expect(r.stderr).toContain("2 réunions écrites");
    expect(cli("split", "--help", "--lang", "de").stdout).toContain("teilt eine Datei mit mehreren Sitzungen");
  });
});

describe("check on a file of several meetings", () => {
  it("says how many meetings and the line and date of each", () => {
    const r = cli("check", "test/fixtures/split/running-notes.md");
    expect(r.stderr).toContain(
      "running-notes.md:29:1: warning: This file holds 4 meetings, starting at lines 8 (2024-03-06), 29 (2024-02-21), 49 (2024-02-07), 54 (2024-01-24)",
    );
    expect(r.stderr).toContain("minutes split running-notes.md --out <folder>");
  });
});

describe("minutes build --split", () => {
  itWithTools("pdftotext")(
    "builds one document per meeting, named as split names its files, with its date; no Markdown written; the PDFs keep the words",
    () => {
      const input = copied("monthly-summary.md");
      const before = readFileSync(input);
      const out = tempDir("build-split");
      const r = cli("build", input, "--split", "--out", out, "--format", "json,pdf");
      expect(r.status, r.stderr).toBe(0);
      const stems = cases[1][1];
      expect(readdirSync(out).sort()).toEqual(stems.flatMap((s) => [`${s}.json`, `${s}.pdf`]));
      for (const stem of stems)
        expect(
          (JSON.parse(readFileSync(join(out, `${stem}.json`), "utf8")) as { meeting: { date: string } }).meeting.date,
        ).toBe(stem.slice(0, 10));
      expect(readdirSync(join(input, ".."))).toEqual(["monthly-summary.md"]);
      expect(readFileSync(input).equals(before)).toBe(true);
      const words = sourceWords(before.toString("utf8"));
      const missing = missingWords(words, stems.map((s) => pdfText(join(out, `${s}.pdf`))).join("\n"));
      expect(missing.length / words.length).toBeLessThan(0.02);
    },
  );

  it("reports a meeting's problems at the lines of the file, and still builds the other meetings", () => {
    const dir = tempDir("build-split-error");
    const input = join(dir, "notes.md");
    writeFileSync(
      input,
      [
        "# Team notes",
        "",
        "## 2024-03-06",
        "",
        "### Budget",
        "",
        "OK.",
        "",
        "## 2024-02-28",
        "",
        "### Budget",
        "",
        "| Action | Responsible | Deadline |",
        "|---|---|---|",
        "| | Ana | 2024-03-10 |",
        "",
      ].join("\n"),
    );
    const r = cli("build", input, "--split", "--format", "json");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`${input.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:15:\\d+: error: .*\\[action-text-missing\\]`),
    );
    expect(readdirSync(dir).sort()).toEqual(["2024-03-06-team-notes.json", "notes.md"]);
  });

  it("builds a file of one meeting as it is", () => {
    const dir = tempDir("build-split-one");
    writeFileSync(join(dir, "board.md"), "# Board meeting 2024-03-06\n\n## Budget\n\nOK.\n");
    const r = cli("build", join(dir, "board.md"), "--split", "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["board.json", "board.md"]);
  });
});
