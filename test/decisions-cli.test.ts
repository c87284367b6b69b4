// `minutes decisions` end to end through the built CLI: the decision register in table, CSV (formulas
// neutralised), JSON, Markdown, PDF and DOCX, its filters, and its exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "./helpers/csv.js";
import { itWithTools, pdfText, plainCliEnv, run } from "./helpers/tools.js";

const board = "test/fixtures/board";
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/minutes.js", "decisions", ...args], { encoding: "utf8", env: plainCliEnv() });
const csvRows = (...args: string[]) => readCsv(cli(board, "-f", "csv", ...args).stdout.replace(/^\uFEFF/, ""));

describe("minutes decisions", () => {
  it("prints the register on the terminal, in meeting order, with the votes as written", () => {
    const r = cli(board);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+MEETING\s+VOTE\s+DECISION$/);
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([
      "ID",
      "budget-2024",
      "2024-01-09#1.d2",
      "2024-01-09#1.d3",
      "2024-02-06#1.d1",
      "2024-03-05#1.d1",
    ]);
    expect(lines[4]).toMatch(/Vote : 2 pour, 0 contre\s+Le contrat d'hébergement est renouvelé\.$/);
  });

  it("writes CSV with the counts read from the vote and the quorum, a formula made text", () => {
    const rows = csvRows();
    expect(rows[0]).toEqual([
      "id",
      "meeting_date",
      "meeting",
      "item",
      "decision",
      "vote",
      "for",
      "against",
      "abstentions",
      "unanimous",
      "quorum",
      "source",
    ]);
    expect(rows[1]).toEqual([
      "budget-2024",
      "2024-01-09",
      "Board meeting",
      "1. Budget",
      "The 2024 budget is adopted.",
      "Vote: 2 for (Alice Martin, Bob Chen), 1 against (Carol Diaz)",
      "2",
      "1",
      "",
      "no",
      "",
      `${board}/2024-01-09-board.md:12`,
    ]);
    expect(rows[2]!.slice(4, 10)).toEqual([
      "A reserve of three months is kept.",
      "Adopted unanimously.",
      "",
      "",
      "",
      "yes",
    ]);
    // "@risk…" would be a formula in a spreadsheet: it is written as text.
    expect(rows[3]![4]).toBe("'@risk assessment is approved.");
    expect(rows[4]!.slice(6, 11)).toEqual(["2", "0", "", "no", "not reached"]);
  });

  it("filters by dates, words and votes", () => {
    const ids = (...args: string[]) =>
      csvRows(...args)
        .slice(1)
        .map((r) => r[0]);
    expect(ids("--since", "2024-02-01")).toEqual(["2024-02-06#1.d1", "2024-03-05#1.d1"]);
    expect(ids("--until", "2024-02-06")).toHaveLength(4);
    expect(ids("--since", "2024-02-01", "--until", "2024-02-28")).toEqual(["2024-02-06#1.d1"]);
    expect(ids("--text", "HEBERGEMENT")).toEqual(["2024-02-06#1.d1"]);
    // The words may be in the decision, its item's title or its id.
    expect(ids("--text", "reserve months")).toEqual(["2024-01-09#1.d2"]);
    expect(ids("--text", "budget")).toEqual(["budget-2024", "2024-01-09#1.d2", "2024-01-09#1.d3"]);
    expect(ids("--voted")).toEqual(["budget-2024", "2024-01-09#1.d2", "2024-02-06#1.d1", "2024-03-05#1.d1"]);
  });

  it("writes JSON and Markdown", () => {
    const json = JSON.parse(cli(board, "-f", "json").stdout);
    expect(json.decisions[0]).toEqual({
      id: "budget-2024",
      meeting: { date: "2024-01-09", title: "Board meeting", path: `${board}/2024-01-09-board.md`, language: "en" },
      item: { number: 1, title: "Budget" },
      decision: "The 2024 budget is adopted.",
      vote: {
        text: "Vote: 2 for (Alice Martin, Bob Chen), 1 against (Carol Diaz)",
        for: 2,
        against: 1,
        unanimous: false,
        named: { for: ["Alice Martin", "Bob Chen"], against: ["Carol Diaz"], abstentions: [] },
      },
      withoutQuorum: false,
      source: { file: `${board}/2024-01-09-board.md`, line: 12, column: 3 },
    });
    expect(json.decisions[3].withoutQuorum).toBe(true);
    const md = cli(board, "-f", "md").stdout;
    expect(md.split("\n")[0]).toBe("| ID | Meeting | Item | Decision | Vote |");
    expect(md).toContain(
      "| 2024-02-06#1.d1 | 2024-02-06 | 1. Hébergement | Le contrat d'hébergement est renouvelé. | Vote : 2 pour, 0 contre |",
    );
  });

  itWithTools("pdftotext")("writes the register as PDF and DOCX, drawn by the compte-rendu's renderers", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-decisions-"));
    const pdf = join(dir, "register.pdf");
    const r = cli(board, "-f", "pdf", "-o", pdf);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${pdf} (5 decisions)`);
    const text = pdfText(pdf);
    expect(text).toContain("Decision register");
    expect(text).toContain("5 decisions, 4 with a recorded vote");
    expect(text).toContain("Tuesday 6 February 2024 — Réunion du conseil");
    expect(text).toMatch(/budget-2024 1\. Budget The 2024 budget is adopted\. Vote: 2 for/);
    expect(text).toContain("(taken without quorum)");
    const docx = join(dir, "register.docx");
    expect(cli(board, "-f", "docx", "-o", docx, "--language", "fr").status).toBe(0);
    const xml = run("unzip", ["-p", docx, "word/document.xml"]);
    for (const words of ["Registre des décisions", "budget-2024", "hébergement est renouvelé.", "(prise sans quorum)"])
      expect(xml).toContain(words);
    // An English meeting's words keep their English spacing in a French register.
    expect(xml).toContain("Vote: 2 for (Alice Martin, Bob Chen)");
  });

  it("exits 2 on a bad flag, 1 when a meeting has errors or the export would overwrite a meeting", () => {
    expect(cli(board, "-f", "xlsx").status).toBe(2);
    expect(cli(board, "--since", "31/02/2024").status).toBe(2);
    const bad = cli("test/fixtures/register-errors", "-f", "md");
    expect(bad.status).toBe(1);
    const over = cli(board, "-f", "md", "-o", `${board}/2024-01-09-board.md`);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("[output-overwrites-input]");
    expect(readFileSync(`${board}/2024-01-09-board.md`, "utf8")).toContain("## 1. Budget");
  });
});
