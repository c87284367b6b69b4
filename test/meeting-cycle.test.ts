// The meeting cycle's parts 1, 4 and 5 (issue 22) piece by piece, in process: heading attributes, the
// front matter's cycle keys and their messages, the public edition of the model, the layout of items held in
// camera, drafts, approvals and signatures in the five languages, the convocation's layout, the approval item's
// words, setFrontMatterKeys, and what `build` says of a convocation. test/board-year.test.ts runs them end to end.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { isApprovalItem } from "../src/i18n/cycle-labels.js";
import { layoutConvocation } from "../src/layout/layout-convocation.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { inlineText, type Minutes } from "../src/model/minutes.js";
import { publicEdition, publicEditions } from "../src/model/public-edition.js";
import { setFrontMatterKeys } from "../src/parse/front-matter-keys.js";
import { readDuration, splitHeadingAttributes } from "../src/parse/heading-attributes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { renderDocx } from "../src/render/docx/render-docx.js";
import { defaultTheme } from "../src/theme/default-theme.js";

const parse = (text: string) => {
  const { minutes, file } = parseMinutes(text, { path: "m.md" });
  return { minutes: minutes!, rules: file.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`) };
};

const meeting = (front: string, body: string) => `---\ntitle: Board\ndate: 2025-03-12\n${front}---\n\n${body}`;

const withSecret = meeting(
  "language: fr\nstatus: projet\nconfidential: [3]\nagenda: [Budget, Ressources humaines (huis clos), Rémunérations]\n",
  `## 1. Budget {presenter="J. Dupont" duration=20}

Le budget est présenté.

## 2. Personnel {.confidential}

Le licenciement de Quixote est discuté.

### Décisions

- Quixote est licencié.
  Vote : 3 pour, 1 contre

### Points d'action

| Action | Responsable | Date limite |
|---|---|---|
| Écrire à Quixote | A. Martin | 2025-04-01 |

## 3. Salaire du directeur Zorglub

Le salaire de Zorglub augmente.
`,
);

describe("heading attributes", () => {
  it("reads presenter, duration and classes, and leaves other braces in the title", () => {
    expect(splitHeadingAttributes('Budget 2025 {presenter="J. Dupont" duration=20}')).toEqual({
      title: "Budget 2025",
      attributes: { presenter: "J. Dupont", duration: 20 },
    });
    expect(splitHeadingAttributes("Personnel {.confidential}").attributes).toEqual({ confidential: true });
    expect(splitHeadingAttributes("Huis clos {.huis-clos -}").attributes).toEqual({
      confidential: true,
      unnumbered: true,
    });
    // An id alone, or braces that are no attributes, stay the author's.
    expect(splitHeadingAttributes("Budget {#budget}")).toEqual({ title: "Budget {#budget}" });
    expect(splitHeadingAttributes("Sets {a, b}")).toEqual({ title: "Sets {a, b}" });
    expect(["20", "20 min", "1h30", "1 h", "90m"].map(readDuration)).toEqual([20, 20, 90, 60, 90]);
    expect(readDuration("soon")).toBeUndefined();
  });

  it("marks items, and warns at the heading for a duration it cannot read", () => {
    const { minutes, rules } = parse(
      meeting("", "## 1. A {duration=soon}\n\nx\n\n## 2. B {by='Ann' .in-camera}\n\ny\n"),
    );
    expect(rules).toEqual(["item-duration 6:1"]);
    expect(minutes.items.map((i) => [i.title, i.presenter, i.confidential])).toEqual([
      ["A", undefined, undefined],
      ["B", "Ann", true],
    ]);
  });
});

describe("the front matter's cycle keys", () => {
  it("reads status words in five languages, approved, approves, confidential, invitees, documents, reply_by", () => {
    for (const [word, status] of [
      ["projet", "draft"],
      ["Approuvé", "approved"],
      ["borrador", "draft"],
      ["aprovado", "approved"],
      ["Entwurf", "draft"],
      ["convocation", "agenda"],
    ])
      expect(parse(meeting(`status: ${word}\n`, "## 1. A\n\nx\n")).minutes.meeting.status).toBe(status);
    const { minutes, rules } = parse(
      meeting(
        `status: approved\napproved: { date: 2025-04-09, by: Board }\nprevious: a.md\napproves: previous\ninvitees: [Ann, { name: Bob, organisation: ACME }]\nreply_by: 2025-03-01\ndocuments: ["[Budget](budget.pdf)", { title: Report, url: "https://example.org/r.pdf" }, Notes]\nconfidential: [9, "Nothing"]\n`,
        "## 1. A\n\nx\n",
      ),
    );
    expect(minutes.meeting).toMatchObject({
      status: "approved",
      approved: { date: "2025-04-09", by: "Board" },
      approves: { place: { line: 7 } },
      invitees: [{ name: "Ann" }, { name: "Bob", organisation: "ACME" }],
      replyBy: "2025-03-01",
      documents: [
        { title: "Budget", url: "budget.pdf" },
        { title: "Report", url: "https://example.org/r.pdf" },
        { title: "Notes" },
      ],
    });
    // Entries of confidential: that name no item are said, at the key.
    expect(rules).toEqual(["confidential-unknown 11:15", "confidential-unknown 11:15"]);
  });

  it("says an unknown status, an approval that the status contradicts, and approves: previous without previous:", () => {
    expect(parse(meeting("status: final\n", "## 1. A\n\nx\n")).rules).toEqual(["front-matter-status 4:9"]);
    expect(parse(meeting("status: draft\napproved: { date: 2025-04-09 }\n", "## 1. A\n\nx\n")).rules).toEqual([
      "front-matter-status 4:9",
    ]);
    expect(parse(meeting("approves: previous\n", "## 1. A\n\nx\n")).rules).toEqual(["approves-no-previous 4:11"]);
    const { minutes } = parse(meeting("", "## 1. Approbation du procès-verbal de la séance du 12 mars\n\nOK.\n"));
    expect(minutes.meeting.approves).toEqual({ item: 1 });
  });

  it("knows the approval item in the five languages", () => {
    for (const title of [
      "Approval of the minutes of the previous meeting",
      "Adoption of the minutes",
      "Approbation du compte-rendu de la réunion du 12 mars",
      "Approbation du compte rendu",
      "Aprobación del acta anterior",
      "Aprovação da ata da reunião anterior",
      "Genehmigung des Protokolls der letzten Sitzung",
      "Protokollgenehmigung",
    ])
      expect(isApprovalItem(title), title).toBe(true);
    for (const title of ["Budget approval", "Minutes", "Compte-rendu financier", "Protokoll"])
      expect(isApprovalItem(title), title).toBe(false);
  });
});

describe("the public edition", () => {
  const { minutes } = parse(withSecret);
  const secret = /Quixote|licenci|Zorglub|Personnel|Salaire/i;

  it("keeps each item held in camera as its number, and nothing of what was said", () => {
    expect(minutes.items.map((i) => i.confidential ?? false)).toEqual([false, true, true]);
    const shown = publicEdition(minutes);
    expect(JSON.stringify(minutes)).toMatch(secret);
    expect(JSON.stringify(shown)).not.toMatch(secret);
    expect(shown.items.slice(1).map((i) => [i.number, i.title, i.heldInCamera, i.actions.length])).toEqual([
      [2, "", true, 0],
      [3, "", true, 0],
    ]);
    // The declared agenda keeps its public line only.
    expect(shown.meeting.extra.agenda).toEqual(["Budget"]);
    // The input is not changed.
    expect(minutes.items[1]!.title).toBe("Personnel");
  });

  it("leaves out the follow-ups and previous actions of actions decided in camera", () => {
    const previous: Minutes = structuredClone(minutes);
    const later = parse(
      meeting(
        "",
        "## 1. Follow-up\n\n### Suivi des actions\n\n| Réf. | Statut |\n|---|---|\n| 2025-03-12#2.1 | done |\n| 2025-03-12#1.1 | done |\n",
      ),
    ).minutes;
    later.previousActions = {
      date: "2025-03-12",
      title: "Board",
      actions: [
        {
          id: "2025-03-12#2.1",
          action: [],
          responsible: [],
          deadline: null,
          status: "done",
          comment: [],
          confidential: true,
        },
      ],
    };
    const [, shown] = publicEditions([previous, later]);
    expect(shown!.previousActions!.actions).toEqual([]);
    expect(shown!.items[0]!.followUps?.map((f) => f.id) ?? []).not.toContain("2025-03-12#2.1");
    // The row of the follow-up table itself goes too; the public action's row stays.
    expect(JSON.stringify(shown!.items[0]!.discussion)).not.toContain("2025-03-12#2.1");
    expect(JSON.stringify(shown!.items[0]!.discussion)).toContain("2025-03-12#1.1");
    // Built alone, the meeting knows the secret ids from its follow-up section (previousActions).
    expect(JSON.stringify(publicEdition(later).items[0]!.discussion)).not.toContain("2025-03-12#2.1");
  });

  it("is laid out as 'Point traité à huis clos' in the agenda and the body; the internal edition has the band", async () => {
    const internal = layoutMinutes(minutes);
    expect(internal.items.map((i) => i.banner)).toEqual([undefined, "Confidentiel", "Confidentiel"]);
    expect(internal.status).toBe("Projet");
    expect(internal.draft?.text).toBe("PROJET");
    const shown = layoutMinutes(publicEdition(minutes));
    expect(shown.agenda).toEqual(["1. Budget", "2. Point traité à huis clos", "3. Point traité à huis clos"]);
    expect(shown.items.map((i) => [i.heading, i.sections.length, i.actions?.empty, i.banner])).toEqual([
      ["1. Budget", 1, true, undefined],
      ["2. Point traité à huis clos", 0, undefined, undefined],
      ["3. Point traité à huis clos", 0, undefined, undefined],
    ]);
    const docx = unzipSync(await renderDocx(shown, { theme: defaultTheme(), timestamp: new Date(0) }));
    const xml = Object.values(docx)
      .map((bytes) => strFromU8(bytes))
      .join("\n");
    expect(xml).toContain("Point traité à huis clos");
    expect(xml).toContain("<cp:keywords>Projet</cp:keywords>");
    expect(xml).not.toMatch(secret);
  });

  it("takes confidential: by number, by title with or without its number and accents, or true for every item", () => {
    const body = "## 1. Budget\n\nx\n\n## 2. Rémunération\n\ny\n\n## 3. Divers\n\nz\n";
    const held = (list: string) =>
      parse(meeting(`confidential: ${list}\n`, body)).minutes.items.map((i) => i.confidential ?? false);
    expect(held('["2"]')).toEqual([false, true, false]);
    expect(held('["2. Rémunération"]')).toEqual([false, true, false]);
    expect(held('["remuneration", 3]')).toEqual([false, true, true]);
    expect(held("true")).toEqual([true, true, true]);
    expect(parse(meeting("approved: 2025-04-09\n", body)).minutes.meeting).toMatchObject({
      status: "approved",
      approved: { date: "2025-04-09" },
    });
  });

  it("says 'Item held in camera' in each language", () => {
    const words: Record<string, string> = {
      en: "Item held in camera",
      fr: "Point traité à huis clos",
      es: "Punto tratado a puerta cerrada",
      pt: "Ponto tratado à porta fechada",
      de: "Nichtöffentlich behandelter Punkt",
    };
    for (const [language, line] of Object.entries(words)) {
      const m = parse(meeting(`language: ${language}\n`, "## 1. Secret {.confidential}\n\nx\n")).minutes;
      expect(layoutMinutes(publicEdition(m)).items[0]!.heading).toBe(`1. ${line}`.replace(/ ([:;!?])/g, "\u00a0$1"));
    }
  });
});

describe("a sub-section held in camera", () => {
  it("stays in the internal edition with 'Confidential', and gives way to one heading in the public one", () => {
    const { minutes, rules } = parse(
      meeting(
        "",
        "## 1. Staff\n\nThe team grows.\n\n### Salaries {.confidential}\n\nThe Zorglub grid is raised.\n\n#### Detail\n\nZorglub steps.\n\n| Action | Responsible | Deadline |\n|---|---|---|\n| Pay the Zorglub grid | Ann | 2025-04-01 |\n\n### Recruitment\n\nTwo posts open.\n",
      ),
    );
    expect(rules).toEqual([]);
    const [item] = minutes.items;
    expect(item!.actions).toHaveLength(1);
    const internal = layoutMinutes(minutes).items[0]!.sections[0]!.blocks.filter((b) => b.type === "heading");
    expect(internal.map((b) => inlineText(b.type === "heading" ? b.children : []))).toEqual([
      "Salaries — Confidential",
      "Detail",
      "Recruitment",
    ]);
    const shown = publicEdition(minutes);
    expect(JSON.stringify(shown)).not.toMatch(/Zorglub|Salaries/);
    expect(shown.items[0]!.actions).toEqual([]);
    const blocks = layoutMinutes(shown).items[0]!.sections[0]!.blocks;
    expect(
      blocks.map((b) => (b.type === "heading" || b.type === "paragraph" ? inlineText(b.children) : b.type)),
    ).toEqual(["The team grows.", "Item held in camera", "Recruitment", "Two posts open."]);
  });
});

describe("approval and signatures in the layout", () => {
  it("prints the approval line and the theme's signature block with the chair's and secretary's names", () => {
    const { minutes } = parse(
      meeting(
        "language: fr\nchair: Alice Martin\nsecretary: Bob Chen\nstatus: approved\napproved: { date: 2025-04-09, by: le conseil }\n",
        "## 1. A\n\nx\n",
      ),
    );
    const theme = {
      ...defaultTheme(),
      signatures: { show: true, roles: ["chair", "secretary"] as const, onDrafts: true },
    };
    const layout = layoutMinutes(minutes, {
      ...theme,
      signatures: { ...theme.signatures, roles: ["chair", "secretary"] },
    });
    expect(layout.info.find((r) => r.label === "Statut")?.value).toBe(
      "Approuvé le mercredi 9 avril 2025 par le conseil",
    );
    expect(layout.status).toBe("Approuvé");
    expect(layout.draft).toBeUndefined();
    const table = layout.signatures?.[0];
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    expect(table.header.map(inlineText)).toEqual(["Le Président", "Le Secrétaire"]);
    expect(table.rows[0]!.map(inlineText)).toEqual(["Alice Martin", "Bob Chen"]);
    expect(inlineText(table.rows[1]![0]!)).toMatch(/^Signature\u00a0:/);
    // Without the theme's signatures:, no block.
    expect(layoutMinutes(minutes).signatures).toBeUndefined();
  });
});

describe("the convocation's layout", () => {
  it("lists invitees, the reply-by date, the agenda with presenters and time slots, and the documents as links", () => {
    const { minutes, rules } = parse(
      meeting(
        'language: fr\ntime: "18:00-20:00"\nlocation: Salle 2\nstatus: agenda\ninvitees: [Ann, Bob]\nreply_by: 2025-03-05\ndocuments: ["[Budget](https://example.org/b.pdf)", "[Piège](javascript:alert(1))"]\n',
        '## 1. Approbation du compte-rendu {duration=10}\n\n## 2. Budget {presenter="J. Dupont" duration=20}\n\n## 3. Personnel {.confidential duration=15}\n\n## 4. Divers\n',
      ),
    );
    // A convocation's empty items are what they should be.
    expect(rules).toEqual([]);
    const layout = layoutConvocation(minutes);
    expect(layout.subtitle).toBe("Convocation");
    expect(layout.info.map((r) => [r.label, r.value])).toEqual([
      ["Date", "mercredi 12 mars 2025"],
      ["Heure", "18:00-20:00"],
      ["Lieu", "Salle 2"],
      ["Convoqués", ["Ann", "Bob"]],
      ["Merci de répondre avant le", "mercredi 5 mars 2025"],
    ]);
    const table = layout.items[0]!.actions!;
    expect(table.columns).toEqual(["#", "Point", "Présenté par", "Durée"]);
    expect(table.rows.map((r) => r.map(inlineText))).toEqual([
      ["1.", "Approbation du compte-rendu", "", "18:00–18:10 (10\u00a0min)"],
      ["2.", "Budget", "J. Dupont", "18:10–18:30 (20\u00a0min)"],
      ["3.", "Personnel — Confidentiel", "", "18:30–18:45 (15\u00a0min)"],
      ["4.", "Divers", "", ""],
    ]);
    const documents = JSON.stringify(layout.items[1]);
    expect(documents).toContain('"url":"https://example.org/b.pdf"');
    expect(documents).not.toContain('"url":"javascript:');
    const shown = layoutConvocation(publicEdition(minutes));
    expect(shown.items[0]!.actions!.rows[2]!.map(inlineText)).toEqual([
      "3.",
      "Point traité à huis clos",
      "",
      "18:30–18:45 (15\u00a0min)",
    ]);
  });
});

describe("setFrontMatterKeys", () => {
  it("rewrites one-line values in place, replaces block values, adds missing keys, keeps comments, CRLF and the body", () => {
    const source =
      "---\r\ntitle: Board # the board\r\nstatus: draft   # to approve\r\napproved:\r\n  date: 2020-01-01\r\n---\r\n\r\nBody status: draft\r\n";
    const edited = setFrontMatterKeys(source, {
      status: "approved",
      approved: '{ date: 2025-04-09, by: "Board" }',
      extra: "1",
    });
    expect(edited).toBe(
      '---\r\ntitle: Board # the board\r\nstatus: approved   # to approve\r\napproved: { date: 2025-04-09, by: "Board" }\r\nextra: 1\r\n---\r\n\r\nBody status: draft\r\n',
    );
    expect(setFrontMatterKeys("# No front matter\n", { status: "approved" })).toBeUndefined();
  });
});

describe("build of a convocation", () => {
  it("is an error that names what is missing, or among several files its convocation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-convocation-"));
    const path = join(dir, "next.md");
    writeFileSync(path, meeting("status: agenda\n", "## 1. Budget\n\n## 2. Election\n"));
    const alone = await build(path, { formats: ["pdf"] });
    expect(alone.ok).toBe(false);
    expect(alone.outputs).toEqual([]);
    expect(alone.diagnostics.map((d) => [d.rule, d.severity, d.message])).toEqual([
      [
        "agenda-only",
        "error",
        "This file is still a convocation (status: agenda): the minutes of every item are not written yet.",
      ],
    ]);
    const among = await build(path, { formats: ["pdf", "json"], agendaOnly: "convocation" });
    expect(among.ok).toBe(true);
    expect(among.outputs).toEqual([{ format: "pdf", path: join(dir, "next.agenda.pdf") }]);
    expect(among.diagnostics).toEqual([]);
    // Minutes written under the agenda's headings, the status left at agenda: built as a draft, with a warning.
    writeFileSync(path, meeting("status: agenda\n", "## 1. Budget\n\nAdopted.\n\n## 2. Election\n"));
    const written = await build(path, { formats: ["pdf"] });
    expect(written.ok).toBe(true);
    expect(written.outputs).toEqual([{ format: "pdf", path: join(dir, "next.pdf") }]);
    expect(written.diagnostics.map((d) => [d.rule, d.severity])).toEqual([["agenda-only", "warning"]]);
  });
});
