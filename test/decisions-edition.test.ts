// The public edition of the registers (issue 22 §4 with §2, §3): a decision taken in camera, with its vote,
// is in the internal decision register and in none of the public one's formats (CSV, JSON, Markdown,
// terminal, PDF, DOCX, HTML); attendance stays, and the item held in camera leaves no word in it either.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { itWithTools, pdfText, plainCliEnv, run } from "./helpers/tools.js";

const dir = mkdtempSync(join(tmpdir(), "minutes-edition-"));
copyFileSync("test/fixtures/board/minutes.config.yaml", join(dir, "minutes.config.yaml"));
writeFileSync(
  join(dir, "2024-06-04-board.md"),
  `---
title: Board meeting
date: 2024-06-04
attendees: [Alice Martin, Bob Chen]
---

## 1. Budget

### Decisions

- The budget is adopted. {#budget-june}
  Vote: 2 for, 0 against

## 2. Personnel {.confidential}

### Decisions

- The director's salary is raised to ninety thousand. {#salary}
  Vote: 2 for (Alice Martin, Bob Chen), 1 against (Carol Diaz)
`,
);
const secret = /salary|ninety|Personnel|director/i;
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/minutes.js", ...args], { encoding: "utf8", env: plainCliEnv() });

describe("the public decision register", () => {
  it("keeps the decision held in camera in the internal register only", () => {
    const internal = cli("decisions", dir, "-f", "csv");
    expect(internal.status, internal.stderr).toBe(0);
    expect(internal.stdout).toMatch(secret);
    for (const format of ["csv", "json", "md", "table"]) {
      const r = cli("decisions", dir, "-f", format, "--edition", "public");
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("budget-june");
      expect(r.stdout).not.toMatch(secret);
      expect(r.stdout).not.toContain("Carol Diaz");
      // The quorum was missed: check's warnings go to stderr, and name no word of the item held in camera either.
      expect(r.stderr).toContain("[decision-without-quorum]");
      expect(r.stderr).not.toMatch(secret);
    }
    const attendance = cli("attendance", dir, "-f", "json", "--edition", "public");
    expect(attendance.status).toBe(0);
    expect(JSON.parse(attendance.stdout).meetings[0].present).toEqual(["Alice Martin", "Bob Chen"]);
    expect(attendance.stdout).not.toMatch(secret);
  });

  itWithTools("pdftotext")("leaves it out of the PDF, DOCX and HTML register", () => {
    for (const format of ["pdf", "docx", "html"]) {
      const out = join(dir, `public.${format}`);
      const r = cli("decisions", dir, "-f", format, "-o", out, "--edition", "public");
      expect(r.status, r.stderr).toBe(0);
      const text =
        format === "pdf"
          ? pdfText(out)
          : format === "docx"
            ? run("unzip", ["-p", out, "word/document.xml"])
            : readFileSync(out, "utf8");
      expect(text).toContain("budget-june");
      expect(text).not.toMatch(secret);
    }
  });
});
