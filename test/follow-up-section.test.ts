// A compte-rendu whose front matter names the previous meeting gets the section "Suivi des actions de la
// réunion précédente" / "Follow-up of previous actions" before the agenda items, in the PDF and the DOCX.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, check } from "../src/build.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { inlineText } from "../src/model/minutes.js";
import { docxText, itWithTools, pdfText } from "./helpers/tools.js";

const march = "test/fixtures/register/fr/2023-03-09-cc.md";

describe("follow-up of the previous meeting's actions", () => {
  it("lists the previous meeting's actions with their status after this meeting, before the items", async () => {
    const result = await check(march);
    expect(result.diagnostics).toEqual([]);
    const layout = layoutMinutes(result.minutes!);
    expect(layout.followUp?.heading).toBe("Suivi des actions de la réunion précédente");
    const rows = layout.followUp!.actions!.rows.map((r) => r.map(inlineText));
    expect(Object.fromEntries(rows.map((r) => [r[0], r[4]]))).toEqual({
      // Followed up in February, from January:
      "2023-01-12#1.1": "Réalisé",
      "WASH-STOCK": "Réalisé", // fait in this (March) meeting's own follow-up
      "2023-01-12#2.2": "Annulé",
      // Followed up in this meeting only (terminé), from January:
      "2023-01-12#1.2": "Réalisé",
      // Raised in February:
      "2023-02-09#1.1": "En cours (en retard)", // deadline 2023-03-01, before this meeting
      "2023-02-09#1.2": "Ouvert",
    });
    expect(rows.find((r) => r[0] === "WASH-STOCK")![5]).toBe("Inventaire transmis au cluster");
    // The meeting's own follow-up item (only a follow-up table) is listed in the agenda but not drawn twice.
    expect(layout.agenda).toEqual(["Suivi des actions", "1. Divers"]);
    expect(layout.items.map((i) => i.heading)).toEqual(["1. Divers"]);
  });

  itWithTools("pdftotext", "pandoc")(
    "prints the section in the PDF and the DOCX, between the agenda and the first item",
    async () => {
      const out = mkdtempSync(join(tmpdir(), "minutes-followup-"));
      const result = await build(march, { out, formats: ["pdf", "docx"] });
      expect(result.ok).toBe(true);
      for (const text of [pdfText(join(out, "2023-03-09-cc.pdf")), docxText(join(out, "2023-03-09-cc.docx"))]) {
        const section = text.indexOf("Suivi des actions de la réunion précédente");
        expect(section).toBeGreaterThan(text.indexOf("Points inscrits à l'ordre du jour"));
        expect(section).toBeLessThan(text.indexOf("1. Divers", section));
        const after = text.slice(section).replace(/\s+/g, "");
        for (const words of [
          "Produirelesmessagesradio",
          "Encours(enretard)",
          "Inventairetransmisaucluster",
          "Annulé",
          "réuniondefévrier",
        ])
          expect(after).toContain(words);
      }
    },
  );

  it("reports a previous file that does not exist at the key's line and column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-previous-"));
    const file = join(dir, "2023-04-01.md");
    writeFileSync(
      file,
      "---\ntitle: Avril\ndate: 2023-04-01\nprevious: ./2023-03-01.md\n---\n\n## 1. Point\n\nText.\n",
    );
    const result = await check(file);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        line: 4,
        column: 11,
        severity: "error",
        rule: "front-matter-previous",
        message: expect.stringContaining('"./2023-03-01.md"'),
      }),
    ]);
  });

  it("reads follow-up tables into the model with positions, and reports an unknown id in a compte-rendu at its cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-previous-"));
    writeFileSync(
      join(dir, "a.md"),
      "---\ntitle: A\ndate: 2023-04-01\n---\n\n## 1. Point\n\n| Action | Owner | Due |\n|---|---|---|\n| Write {#W-1} | Ana | 2023-04-10 |\n",
    );
    writeFileSync(
      join(dir, "b.md"),
      "---\ntitle: B\ndate: 2023-05-01\nprevious: a.md\n---\n\n## 1. Point\n\n### Follow-up of previous actions\n\n| ID | Status | Comment |\n|---|---|---|\n| W-1 | done | sent |\n| W-2 | done | |\n",
    );
    const result = await check(join(dir, "b.md"));
    const [followUp] = result.minutes!.items[0]!.followUps!;
    expect(followUp).toMatchObject({
      id: "W-1",
      position: { start: { line: 13, column: 1 } },
      idPosition: { start: { line: 13, column: 3 } },
      statusPosition: { start: { line: 13, column: 9 } },
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: 14, column: 3, severity: "error", rule: "follow-up-unknown-id" }),
    ]);
    expect(result.minutes!.previousActions!.actions.map((a) => `${a.id} ${a.status} ${inlineText(a.comment)}`)).toEqual(
      ["W-1 Done sent"],
    );
  });

  it("English meetings get 'Follow-up of previous actions'", async () => {
    const result = await check("test/fixtures/register/en/2023-03-14-board.md");
    const layout = layoutMinutes(result.minutes!);
    expect(layout.followUp?.heading).toBe("Follow-up of previous actions");
    expect(layout.followUp!.actions!.rows.map((r) => `${inlineText(r[0]!)} ${inlineText(r[4]!)}`)).toEqual([
      "FIN-1 In progress (overdue)",
      "FIN-2 Done",
      "2023-02-20#1.3 Done",
    ]);
  });
});
