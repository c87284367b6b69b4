// `minutes actions` end to end through the built CLI: formats, filters, exit codes and the branded
// PDF/DOCX register read back with pdftotext and pandoc.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docxText, itWithTools, pdfText } from "./helpers/tools.js";

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/minutes.js", "actions", ...args], { encoding: "utf8" });
const repo = "test/fixtures/register";

describe("minutes actions", () => {
  it("prints a terminal table by default, overdue actions marked", () => {
    const r = cli(repo, "--today", "2023-03-15");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+DEADLINE\s+RESPONSIBLE\s+ACTION$/);
    expect(lines).toHaveLength(12);
    expect(lines.find((l) => l.startsWith("FIN-1 "))).toMatch(
      /in-progress !\s+2023-03-10\s+Finance & HR\s+Draft the 2023 budget/,
    );
  });

  it("writes CSV to standard output and applies --overdue, --responsible, --status and --since", () => {
    const ids = (...args: string[]) =>
      cli(repo, "--today", "2023-03-15", "-f", "csv", ...args)
        .stdout.split("\r\n")
        .slice(1, -1)
        .map((l) => l.split(",")[0]);
    expect(ids()).toHaveLength(11);
    expect(ids("--overdue")).toEqual(["2023-02-09#1.1", "FIN-1"]);
    expect(ids("--responsible", "unicef", "--status", "done,annulé")).toEqual(["2023-01-12#1.1", "2023-01-12#2.2"]);
    expect(ids("--since", "2023-02-15")).toEqual(["FIN-1", "FIN-2", "2023-02-20#1.3", "2023-03-14#1.1"]);
    // --today moves the overdue flag.
    expect(ids("--overdue", "--today", "2023-03-02")).toEqual(["2023-02-09#1.1"]);
  });

  it("exits 2 on a bad flag and 1 when the meetings have errors, still listing what could be read", () => {
    expect(cli(repo, "--status", "maybe").status).toBe(2);
    expect(cli(repo, "--today", "31/02/2023").status).toBe(2); // every date form is read (15/03/2023 too); no such day is not
    expect(cli(repo, "-f", "xlsx").status).toBe(2);
    const bad = cli("test/fixtures/register-errors", "--today", "2023-03-15", "-f", "md");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'test/fixtures/register-errors/2023-06-01-b.md:10:3: error: The follow-up names the action "X-9"',
    );
    expect(bad.stdout).toContain("| X-1 | 2023-05-01 | First | Ana | 2023-05-10 | done |");
    const missing = cli("no/such/folder");
    expect([missing.status, missing.stderr]).toEqual([
      1,
      expect.stringContaining("no/such/folder: error: There is no file or folder here."),
    ]);
  });

  it("writes the ICS with CRLF line ends to a file", () => {
    const out = join(mkdtempSync(join(tmpdir(), "minutes-ics-")), "actions.ics");
    const r = cli(repo, "--today", "2023-03-15", "-f", "ics", "--ics-kind", "todo", "-o", out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("1 action without a dated deadline is not in the calendar");
    const ics = readFileSync(out, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain(
      "BEGIN:VTODO\r\nUID:FIN-1@minutes.action-register\r\nDTSTAMP:20230314T000000Z\r\nDUE;VALUE=DATE:20230310\r\n",
    );
    // Same input, same bytes.
    cli(repo, "--today", "2023-03-15", "-f", "ics", "--ics-kind", "todo", "-o", `${out}.2`);
    expect(readFileSync(`${out}.2`, "utf8")).toBe(ics);
  });

  itWithTools("pdftotext", "pandoc")("writes a branded register as PDF and DOCX in the meetings' language", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-register-"));
    expect(cli(`${repo}/fr`, "--today", "2023-03-15", "-f", "pdf", "-o", join(dir, "fr.pdf")).status).toBe(0);
    expect(cli(`${repo}/en`, "--today", "2023-03-15", "-f", "docx", "-o", join(dir, "en.docx")).status).toBe(0);
    const fr = pdfText(join(dir, "fr.pdf"));
    // Column widths leave whole the heading "Responsable" and every written deadline.
    for (const word of ["Responsable", "Commentaire", "31/01/2023", "2023-02-28", "WASH-STOCK"])
      expect(fr).toContain(word);
    expect(fr).toContain("Tableau de suivi des actions");
    expect(fr).toContain("7 actions : 2 ouvertes, dont 1 en retard ; 4 réalisées ; 1 annulées");
    expect(fr.replace(/\s+/g, "")).toContain("Produirelesmessagesradio");
    expect(fr.replace(/\s+/g, "")).toContain("Encours(enretard)");
    const en = docxText(join(dir, "en.docx"));
    expect(en).toContain("Action register");
    expect(en).toContain("4 actions: 2 open, of which 1 overdue; 2 done; 0 cancelled");
    expect(en).toContain("Second draft circulated; vote in April");
    expect(en).not.toContain("Agenda");
  });
});

describe("minutes actions with a config theme", () => {
  it("draws the PDF register in the repository's theme (config `theme:`)", async () => {
    const { cpSync, writeFileSync } = await import("node:fs");
    const dir = mkdtempSync(join(tmpdir(), "minutes-register-theme-"));
    cpSync(`${repo}/en`, dir, { recursive: true });
    const build = (name: string) => {
      const r = cli(dir, "--today", "2023-03-15", "-f", "pdf", "-o", join(dir, name));
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(dir, name));
    };
    const plain = build("plain.pdf");
    writeFileSync(join(dir, "minutes.config.yaml"), "theme: default\n");
    const themed = build("themed.pdf");
    expect(themed.equals(plain)).toBe(false);
    writeFileSync(join(dir, "minutes.config.yaml"), "theme: nosuchtheme\n");
    const bad = cli(dir, "--today", "2023-03-15", "-f", "pdf", "-o", join(dir, "bad.pdf"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/minutes\.config\.yaml:1:8: error: .*nosuchtheme/);
  });
});
