// The meeting cycle (issue 22) on a hand-written French repository, unlike test/fixtures/board-year/: a
// conseil d'administration of nine members with organisations, a quorum of 2/3 missed once, votes written
// as a French secretary writes them (counts, named votes in parentheses and on lines, "Adopté à
// l'unanimité"), a vote counting more voices than members present, an item and a sub-section held in camera,
// approvals carried by "Approbation du procès-verbal de la séance du …" items, and a convocation. Every
// public output is read back and holds none of the words planted in the confidential parts.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { itWithTools, pdfText, plainCliEnv } from "./helpers/tools.js";

const fixture = "test/fixtures/conseil-year";
const dir = mkdtempSync(join(tmpdir(), "minutes-conseil-year-"));
cpSync(fixture, dir, { recursive: true });
/** Outputs go outside the repository, which every command reads whole. */
const out = mkdtempSync(join(tmpdir(), "minutes-conseil-out-"));
const o = (name: string) => join(out, name);
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(process.cwd(), "bin/minutes.js"), "--lang", "fr", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: plainCliEnv(),
  });
const read = (name: string) => readFileSync(join(dir, name), "utf8");
const readOut = (name: string) => readFileSync(o(name), "utf8");
const docxAll = (name: string) =>
  Object.values(unzipSync(readFileSync(o(name))))
    .map((bytes) => strFromU8(bytes))
    .join("\n");

/** Words planted only in the parts held in camera (the item of March, the sub-section of April, the June item). */
const secrets = [
  "Quartzonite",
  "Ferblantier",
  "transactionnelle",
  "Zéphyrine",
  "Kowalczyk",
  "Mirabelle",
  "Rémunérations",
  "Anselme",
  "Pradalier",
];
const leaks = (text: string) => secrets.filter((w) => text.toLowerCase().includes(w.toLowerCase()));

describe("a French conseil d'administration through the whole cycle", () => {
  it("check: warnings in French at file:line:column, none for the dates of the approval items", () => {
    const r = cli("check", ".");
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toContain(
      "2025-02-19-ca.md:27:3: avertissement: Cette décision a été prise sans quorum (4 membres présents, 6 requis). [decision-without-quorum]",
    );
    expect(out).toContain(
      "2025-03-19-ca.md:26:3: avertissement: Le vote compte 9 voix, mais seuls 6 membres sont présents. [vote-exceeds-present]",
    );
    expect(out).toMatch(/2025-04-16-ca\.md:15:1: avertissement: .*2025-03-19-ca\.md.*\[approval-pending\]/);
    // "Approbation du procès-verbal de la séance du 19 février 2025" dates the minutes approved, not this meeting.
    expect(out).not.toContain("[date-sources-disagree]");
    expect(out).not.toContain("[vote-voter-unknown]");
  });

  itWithTools("pdftotext")(
    "registers in the public edition: right counts, quorum, no confidential word in any format",
    () => {
      for (const f of ["csv", "json", "md", "pdf", "docx"]) {
        const r = cli("decisions", ".", "--edition", "public", "-f", f, "-o", o(`dec.${f}`));
        expect(r.status, r.stderr).toBe(0);
      }
      const json = JSON.parse(readOut("dec.json")) as {
        decisions: {
          id: string;
          vote: { text?: string; for?: number; against?: number; abstentions?: number; unanimous?: boolean } | null;
          withoutQuorum: boolean;
        }[];
      };
      const byId = Object.fromEntries(json.decisions.map((d) => [d.id, d]));
      expect(Object.keys(byId)).toEqual([
        "budget-2025",
        "2025-01-15#2.d1",
        "2025-02-19#2.d1",
        "2025-03-19#2.d1",
        "2025-03-19#2.d2",
        "2025-04-16#2.d1",
        "2025-05-21#2.d1",
      ]);
      expect(byId["budget-2025"]!.vote).toMatchObject({ for: 6, against: 1, abstentions: 0 });
      expect(byId["2025-01-15#2.d1"]!.vote?.unanimous).toBe(true);
      expect(byId["2025-02-19#2.d1"]!.withoutQuorum).toBe(true);
      expect(byId["2025-03-19#2.d1"]!.vote).toMatchObject({ for: 5, against: 1 });
      expect(byId["2025-05-21#2.d1"]!.vote).toMatchObject({ for: 5, against: 1, abstentions: 1 });
      // A vote written on three lines keeps them apart in the register's one line.
      expect(byId["2025-05-21#2.d1"]!.vote?.text).toBe(
        "Pour : Hélène Marchetti, Joseph Tranchant, Yasmina Belkacem, Pierre-Louis Vasseur, Grégoire Lemaître; Contre : Odile Faucompré; Abstention : Capucine Delorme",
      );
      // The public decision after the sub-section held in camera stays in the public register.
      expect(byId["2025-04-16#2.d1"]!.vote).toMatchObject({ for: 7 });
      expect(readOut("dec.csv")).toContain(",Vote : 4 pour,4,,,no,not reached,2025-02-19-ca.md:27");
      const pdf = pdfText(o("dec.pdf"));
      expect(pdf).toContain("Registre des décisions");
      for (const text of [readOut("dec.csv"), readOut("dec.json"), readOut("dec.md"), pdf, docxAll("dec.docx")])
        expect(leaks(text)).toEqual([]);

      for (const [f, file] of [
        ["csv", "act.csv"],
        ["ics", "act.ics"],
      ] as const)
        expect(cli("actions", ".", "--edition", "public", "-f", f, "-o", o(file)).status).toBe(0);
      expect(readOut("act.ics")).toContain("SUMMARY:Réserver la sonorisation");
      for (const f of ["csv", "json"])
        expect(cli("attendance", ".", "--edition", "public", "-f", f, "-o", o(`att.${f}`)).status).toBe(0);
      const att = JSON.parse(readOut("att.json")) as {
        meetings: { date: string; guests: string[]; quorum: { required: number; present: number; reached: boolean } }[];
      };
      const february = att.meetings.find((m) => m.date === "2025-02-19")!;
      expect(february.quorum).toMatchObject({ required: 6, present: 4, reached: false });
      expect(february.guests).toEqual(["Maëlle Rousseau"]);
      expect(readOut("att.csv")).toContain(
        "2025-01-15,Conseil d'administration,Hélène Marchetti,Présidente,Collège des fondateurs,present,6,7,yes",
      );
      for (const name of ["act.csv", "act.ics", "att.csv", "att.json"]) expect(leaks(readOut(name))).toEqual([]);
      // The internal register does hold the decision of the item held in camera (so the leak check can fail).
      expect(leaks(cli("decisions", ".", "-f", "csv").stdout)).toContain("Quartzonite");
    },
  );

  itWithTools("pdftotext")("convocation, internal and public: presenters, time slots, reply-by, documents", () => {
    expect(cli("agenda", "2025-06-18-ca.md", "-o", o("int")).status).toBe(0);
    expect(cli("agenda", "2025-06-18-ca.md", "--edition", "public", "-o", o("pub")).status).toBe(0);
    const internal = pdfText(o("int/2025-06-18-ca.agenda.pdf")).replace(/\s+/g, " ");
    expect(internal).toContain("Convocation");
    expect(internal).toContain("Bilan de la fête des jardins Grégoire Lemaître 19:10–19:40 (30 min)");
    expect(internal).toContain("Questions diverses");
    expect(internal).toContain("20:00–20:15 (15 min)");
    expect(internal).toContain("Merci de répondre avant le mercredi 11 juin 2025");
    expect(internal).toContain("Pradalier");
    // The item held in camera is marked in the internal convocation, as in the internal minutes.
    expect(internal).toMatch(/Départ du directeur Anselme Pradalier — Confidentiel/);
    const pub = pdfText(o("pub/2025-06-18-ca.agenda.pdf")).replace(/\s+/g, " ");
    expect(pub).toContain("3. Point traité à huis clos 19:40–20:00 (20 min)");
    expect(pub).toContain("Rapport d'activité 2024");
    expect(leaks(pub)).toEqual([]);
    expect(leaks(docxAll("pub/2025-06-18-ca.agenda.docx"))).toEqual([]);
  });

  itWithTools("pdftotext")("site in the public edition: statuses, quorum missed, held in camera, no leak", () => {
    const r = cli("build", ".", "--out", o("site"));
    expect(r.status, r.stderr).toBe(0);
    const index = readFileSync(o("site/index.html"), "utf8");
    expect(index).toContain("Convocation");
    expect(index).toMatch(/Approuvé le mercredi 19 mars 2025/);
    expect(leaks(index + readOut("site/index.json"))).toEqual([]);
    const feb = pdfText(o("site/2025-02-19-ca.pdf")).replace(/\s+/g, " ");
    expect(feb).toMatch(/Quorum\s*(?:NON|non) atteint : 4 membres présents sur 9 \(quorum : 6\)/);
    const march = pdfText(o("site/2025-03-19-ca.pdf"));
    const april = pdfText(o("site/2025-04-16-ca.pdf"));
    expect(march).toContain("Point traité à huis clos");
    expect(april).toContain("Point traité à huis clos");
    expect(april).toContain("Le plan de formation 2025 est adopté.");
    for (const name of ["2025-03-19-ca", "2025-04-16-ca", "2025-05-21-ca"])
      expect(leaks(pdfText(o(`site/${name}.pdf`)) + docxAll(`site/${name}.docx`))).toEqual([]);
    expect(leaks(docxAll("site/2025-06-18-ca.agenda.docx"))).toEqual([]);
  });

  it("approve: writes status and approved into the approved files' front matter, nothing else", () => {
    const before = { march: read("2025-03-19-ca.md"), april: read("2025-04-16-ca.md"), jan: read("2025-01-15-ca.md") };
    const r = cli("approve", ".");
    expect(r.status, r.stderr).toBe(0);
    expect(read("2025-03-19-ca.md")).toBe(
      before.march
        .replace("status: draft\n", "status: approved\n")
        .replace(
          "previous: 2025-02-19-ca.md\n",
          `previous: 2025-02-19-ca.md\napproved: { date: 2025-04-16, by: "Conseil d'administration" }\n`,
        ),
    );
    expect(read("2025-04-16-ca.md")).toContain(`approved: { date: 2025-05-21, by: "Conseil d'administration" }`);
    expect(read("2025-01-15-ca.md")).toBe(before.jan);
    expect(cli("check", ".").stderr).not.toContain("[approval-pending]");
  });
});
