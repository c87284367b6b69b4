// `minutes check --fix`: every fixable rule is repaired, what would lose something is left alone, the file
// keeps its byte-order mark and line endings, --dry-run writes nothing, and the change is shown as a diff.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixFile } from "../src/commands/fix.js";
import { applyEdits, unifiedDiff } from "../src/fix/apply-fixes.js";
import { tempDir } from "./helpers/minutes-repo.js";
import { plainCliEnv } from "./helpers/tools.js";

const body = "\n## 1. Budget\n\nApprouvé.\n";
const meeting = (front: string) => `---\n${front}\n---\n${body}`;

async function fixed(
  front: string,
  options: { dryRun?: boolean; locale?: string } = {},
): Promise<{ text: string; count: number; diff: string }> {
  const path = join(tempDir("fix"), "m.md");
  writeFileSync(path, meeting(front));
  const result = await fixFile(path, { ...options, cwd: join(path, "..") });
  return { text: readFileSync(path, "utf8"), count: result.count, diff: result.diff };
}

describe("check --fix, rule by rule", () => {
  it.each([
    [
      "front-matter-unknown-key: a misspelling",
      "title: T\ndate: 2024-03-12\natendees: [Ana]",
      "title: T\ndate: 2024-03-12\nattendees: [Ana]",
    ],
    [
      "front-matter-unknown-key: a French key",
      "title: T\ndate: 2024-03-12\nlieu: Salle B\nprésents: [Ana]\nsecrétaire: Bo",
      "title: T\ndate: 2024-03-12\nlocation: Salle B\nattendees: [Ana]\nsecretary: Bo",
    ],
    [
      "front-matter-unknown-key: another case",
      "Title: T\ndate: 2024-03-12\nNext-Meeting: 2024-04-09",
      "title: T\ndate: 2024-03-12\nnext_meeting: 2024-04-09",
    ],
    [
      "front-matter-date: day first in French",
      "title: T\ndate: 12/03/2024\nlanguage: fr",
      "title: T\ndate: 2024-03-12\nlanguage: fr",
    ],
    [
      "front-matter-date: quoted, written out",
      'title: T\ndate: "12 mars 2024"\nlanguage: fr',
      "title: T\ndate: 2024-03-12\nlanguage: fr",
    ],
    [
      "front-matter-date: month first in US English",
      "title: T\ndate: 12/03/2024\nlanguage: en-US",
      "title: T\ndate: 2024-12-03\nlanguage: en-US",
    ],
    [
      "front-matter-next_meeting",
      "title: T\ndate: 2024-03-12\nlanguage: de\nnext_meeting: 9. April 2024",
      "title: T\ndate: 2024-03-12\nlanguage: de\nnext_meeting: 2024-04-09",
    ],
    [
      "front-matter-next_meeting: its date",
      "title: T\ndate: 2024-03-12\nlanguage: es\nnext_meeting:\n  date: 9 de abril de 2024\n  time: '10:00'",
      "title: T\ndate: 2024-03-12\nlanguage: es\nnext_meeting:\n  date: 2024-04-09\n  time: '10:00'",
    ],
    [
      "a rename, then the value it makes readable",
      "title: T\nDate: 12/03/2024\nlanguage: fr",
      "title: T\ndate: 2024-03-12\nlanguage: fr",
    ],
  ])("%s", async (_rule, before, after) => {
    const result = await fixed(before);
    expect(result.text).toBe(meeting(after));
    expect(result.count).toBeGreaterThan(0);
  });

  it("leaves alone what a fix would decide or lose", async () => {
    for (const front of [
      "title: T\ndate: 03/04/2024", // day and month could be swapped, and nothing says which comes first
      "title: T\ndate: demain", // no date to write
      "title: T\ndate: 2024-02-30", // no such day
      "title: T\ndate: 2024-03-12\nattendees: [Ana]\nparticipants: [Bo]", // the right key is there too: merging is the clerk's choice
      "title: T\ndate: 2024-03-12\ndate_limite: 2024-04-01", // a deadline belongs to an action
      "title: T\ndate: 2024-03-12\ncouleur: bleu", // no key is meant
    ]) {
      const result = await fixed(front);
      expect(result, front).toEqual({ text: meeting(front), count: 0, diff: "" });
    }
    // Two keys meaning one: only the first is renamed, so the YAML keeps distinct keys.
    expect((await fixed("title: T\ndate: 2024-03-12\nparticipants: [Ana]\nprésents: [Bo]")).text).toBe(
      meeting("title: T\ndate: 2024-03-12\nattendees: [Ana]\nprésents: [Bo]"),
    );
  });

  it("reads a plain-en date in the user's locale, and leaves it when there is none", async () => {
    expect((await fixed("title: T\ndate: 12/03/2024", { locale: "en_US.UTF-8" })).text).toContain("date: 2024-12-03");
    expect((await fixed("title: T\ndate: 12/03/2024", { locale: "en_GB.UTF-8" })).text).toContain("date: 2024-03-12");
    expect((await fixed("title: T\ndate: 12/03/2024", { locale: "C.UTF-8" })).count).toBe(0);
  });

  it("keeps the byte-order mark and CRLF line endings", async () => {
    const path = join(tempDir("fix"), "crlf.md");
    writeFileSync(
      path,
      `\uFEFF${meeting("title: T\natendees: [Ana]\ndate: 12/03/2024\nlanguage: fr").replace(/\n/g, "\r\n")}`,
    );
    expect((await fixFile(path)).count).toBe(2);
    expect(readFileSync(path, "utf8")).toBe(
      `\uFEFF${meeting("title: T\nattendees: [Ana]\ndate: 2024-03-12\nlanguage: fr").replace(/\n/g, "\r\n")}`,
    );
  });

  it("--dry-run writes nothing and returns the unified diff", async () => {
    const result = await fixed("title: T\ndate: 12/03/2024\natendees: [Ana]\nlanguage: fr\nlocation: Salle B", {
      dryRun: true,
    });
    expect(result.text).toBe(meeting("title: T\ndate: 12/03/2024\natendees: [Ana]\nlanguage: fr\nlocation: Salle B"));
    expect(result.count).toBe(2);
    expect(result.diff).toBe(`--- a/m.md
+++ b/m.md
@@ -1,7 +1,7 @@
 ---
 title: T
-date: 12/03/2024
-atendees: [Ana]
+date: 2024-03-12
+attendees: [Ana]
 language: fr
 location: Salle B
 ---
`);
  });
});

describe("edits and diffs", () => {
  it("applies edits on a line from the end, and skips one that overlaps", () => {
    const edit = (column: number, endColumn: number, text: string) => ({
      line: 1,
      column,
      endLine: 1,
      endColumn,
      text,
    });
    expect(applyEdits("abcdef\nxyz", [edit(1, 3, "AB"), edit(5, 7, "EFG"), edit(2, 4, "no")])).toEqual({
      text: "ABcdEFG\nxyz",
      applied: [edit(1, 3, "AB"), edit(5, 7, "EFG")],
    });
  });

  it("splits distant changes into hunks with three lines of context", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    const after = before.replace("line 2\n", "LINE 2\n").replace("line 18", "LINE 18");
    expect(unifiedDiff("f.md", before, after)).toBe(
      "--- a/f.md\n+++ b/f.md\n@@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n line 5\n@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+LINE 18\n line 19\n line 20\n",
    );
  });
});

describe("the command line", () => {
  const cli = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(process.cwd(), "bin/minutes.js"), ...args], {
      cwd,
      encoding: "utf8",
      env: { ...plainCliEnv(), MINUTES_NO_SNAPSHOT: "1" },
    });

  it("prints the diff on stdout, says how many fixes, then reports what is left; --dry-run alone is a usage error", () => {
    const dir = tempDir("fix-cli");
    writeFileSync(join(dir, "m.md"), meeting("title: T\ndate: 12/03/2024\natendees: [Ana]\nlanguage: fr"));
    const dry = cli(dir, "check", "--fix", "--dry-run", "m.md");
    expect(dry.stdout).toContain("-date: 12/03/2024\n-atendees: [Ana]\n+date: 2024-03-12\n+attendees: [Ana]\n");
    expect(dry.stderr).toContain("m.md: fixes --fix would apply: 2 (--dry-run: nothing written).");
    expect(dry.status).toBe(0); // both are warnings: the date reads one way in French, the key is a misspelling
    const run = cli(dir, "check", "--fix", "m.md");
    expect(run.stdout).toBe(dry.stdout);
    expect(run.stderr).toContain("m.md: fixes applied: 2.");
    expect(run.stderr).toContain("0 errors, 0 warnings");
    expect(run.status).toBe(0);
    expect(cli(dir, "check", "--fix", "m.md").stdout).toBe("");
    const alone = cli(dir, "check", "--dry-run", "m.md");
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain("--dry-run goes with --fix");
  });

  it("a numeric date that reads one way is a warning with the fix; one whose day and month swap is an error", () => {
    const dir = tempDir("fix-date");
    writeFileSync(join(dir, "m.md"), meeting("title: T\ndate: 15/03/2024"));
    const check = cli(dir, "check", "m.md");
    expect(check.stderr).toMatch(
      /m\.md:3:7: warning: `date: 15\/03\/2024` is not written as YYYY-MM-DD: write `date: 2024-03-15`\. \[front-matter-date\]/,
    );
    expect(check.status).toBe(0);
    expect(cli(dir, "check", "--fix", "m.md").stdout).toContain("-date: 15/03/2024\n+date: 2024-03-15\n");
    writeFileSync(join(dir, "a.md"), meeting("title: T\ndate: 03/04/2024"));
    const ambiguous = cli(dir, "check", "a.md");
    expect(ambiguous.stderr).toMatch(/a\.md:3:7: error: .*day and month can be swapped/);
    expect(ambiguous.status).toBe(1);
  });
});
