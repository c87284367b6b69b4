// Issue 17, classes 1, 8 and 9: where real minutes put their title, their header parts and their items.
// Each class is a file in test/fixtures/structure/; the model is checked, and for the rules that say
// "printed once" the PDF's text, read back with pdftotext.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inlineText, type Block, type Minutes } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { renderDocx } from "../src/render/docx/render-docx.js";
import { renderPdf } from "../src/render/pdf/render-pdf.js";
import { loadBuiltInTheme } from "../src/theme/load-theme.js";
import { docxText, itWithTools, pdfText } from "./helpers/tools.js";
import { missingWords, sourceWords } from "./helpers/word-coverage.js";

const dir = "test/fixtures/structure";
const read = (name: string) => {
  const path = join(dir, name);
  const { minutes, file } = parseMinutes(readFileSync(path, "utf8"), { path });
  return {
    minutes: minutes!,
    rules: file.messages.map((m) => `${m.line}:${m.ruleId}`),
    errors: file.messages.filter((m) => m.fatal),
  };
};
const blockTexts = (blocks: Block[]): string[] =>
  blocks.flatMap((b): string[] =>
    b.type === "paragraph" || b.type === "heading"
      ? [inlineText(b.children)]
      : b.type === "list"
        ? b.items.flatMap((i) => blockTexts(i.children))
        : [b.type],
  );

const out = mkdtempSync(join(tmpdir(), "minutes-structure-"));
async function pdfOf(minutes: Minutes, theme = "compte-rendu"): Promise<string> {
  const path = join(out, `${minutes.meeting.date}-${theme}-${Math.random().toString(36).slice(2)}.pdf`);
  const chosen = loadBuiltInTheme(theme);
  writeFileSync(
    path,
    await renderPdf(layoutMinutes(minutes, chosen), { theme: chosen, timestamp: new Date("2024-06-01T00:00:00Z") }),
  );
  // One line of text, spaces folded, so that words split over lines still count once.
  return pdfText(path).replace(/[\s\u00a0\u202f]+/g, " ");
}
const count = (text: string, words: string) => text.split(words).length - 1;

describe("class 1: a front matter with a date but no title", () => {
  it("takes the first heading as the title, and gives no error", () => {
    const { minutes, errors } = read("hackmd-no-title.md");
    expect(errors).toEqual([]);
    expect(minutes.meeting).toMatchObject({ title: "Steering committee sync", date: "2024-01-17" });
  });

  it("makes the title from the file name and the date when there is no heading", () => {
    const { minutes, errors } = read("2023-05-04-board-call.md");
    expect(errors).toEqual([]);
    expect(minutes.meeting).toMatchObject({ title: "Board call – 2023-05-04", date: "2023-05-04" });
  });

  it("looks past a file name that says nothing (Hugo's index.md) to its folder", () => {
    const { minutes, file } = parseMinutes("---\ndate: 2022-11-08\n---\n\nThe council met.\n", {
      path: "content/council-meetings/2022-11-08/index.md",
    });
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    expect(minutes!.meeting.title).toBe("Council meetings – 2022-11-08");
  });

  it("does not take a part's label (## Agenda, ## Attendees, ## Notes) opening the body as the title", () => {
    for (const label of ["Agenda", "Attendees", "Ordre du jour", "Meeting notes"]) {
      const { minutes, file } = parseMinutes(
        `---\ndate: 2024-05-14\n---\n\n## ${label}\n\n1. Budget\n2. Release\n\n## Budget\n\nWe agreed.\n\n## Release\n\nSoon.\n`,
        { path: "wg/2024-05-14-tsc-call.md" },
      );
      expect(file.messages.filter((m) => m.fatal)).toEqual([]);
      expect(minutes!.meeting.title, label).toBe("Tsc call – 2024-05-14");
    }
  });
});

describe("class 8: header parts written as bullets, lines or tables", () => {
  it("reads German chair and secretary bullets (Leitung, Protokoll) and an Anwesend line", () => {
    const { minutes, file } = parseMinutes(
      "# Sitzung 31.10.2019\n\n- Leitung: Anna Schmidt\n- Protokoll: Ben Weber\n- Anwesend: Anna Schmidt, Ben Weber, Carla Klein\n\n## TOP 1 Haushalt\n\nBeschlossen.\n\n## TOP 2 Sonstiges\n\nNichts.\n",
      { path: "sitzung.md" },
    );
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    expect(minutes!.meeting).toMatchObject({
      chair: { name: "Anna Schmidt" },
      secretary: { name: "Ben Weber" },
      date: "2019-10-31",
    });
    expect(minutes!.meeting.attendees.map((p) => p.name)).toEqual(["Anna Schmidt", "Ben Weber", "Carla Klein"]);
    expect(minutes!.items.map((i) => i.title)).toEqual(["TOP 1 Haushalt", "TOP 2 Sonstiges"]);
  });

  it("reads '* Chair:', '* Scribe(s):' and '* Present:' bullets; the bullet it leaves (the date) stays", () => {
    const { minutes, rules } = read("2024-02-08-web-payments.md");
    expect(rules).toEqual([]);
    expect(minutes.meeting).toMatchObject({
      title: "Web Payments Working Group Teleconference",
      chair: { name: "Ingrid Halvorsen" },
      secretary: { name: "Stéphane Marchetti" },
    });
    expect(minutes.meeting.attendees.map((p) => p.name)).toEqual([
      "Ingrid Halvorsen",
      "Stéphane Marchetti",
      "Anneke Vermeulen",
      "Jean-Luc Di Manno",
    ]);
    expect(blockTexts(minutes.preamble)).toEqual(["Date: 8 February 2024"]);
  });

  it("reads 'Moderator:' and 'Notes:' bullets, and an 'Attendees (sign yourself in)' list with organisations", () => {
    const { minutes } = read("2024-05-14-supply-chain-wg.md");
    expect(minutes.meeting.chair).toEqual({ name: "Marcela Oyelaran" });
    expect(minutes.meeting.secretary).toEqual({ name: "Bartholomew Quist" });
    expect(minutes.meeting.attendees).toEqual([
      { name: "Marcela Oyelaran", organisation: "Chainguard" },
      { name: "Bartholomew Quist", organisation: "Red Hat" },
      { name: "Chen Wei", organisation: "Huawei" },
      { name: "@dkowalski" },
    ]);
    expect(minutes.items.map((i) => i.title)).not.toContain("Attendees (sign yourself in)");
  });

  it("reads an attendee table (Nom | Abréviation | Organisation), Présidence and Secrétaire de séance; actions may name the abbreviation", () => {
    const { minutes, rules } = read("reunion-accessibilite.md");
    expect(rules).toEqual([]);
    expect(minutes.meeting).toMatchObject({
      date: "2024-03-12",
      chair: { name: "Claire Montagnier" },
      secretary: { name: "Paul Durand-Vasseur" },
    });
    expect(minutes.meeting.attendees).toEqual([
      { name: "Claire Montagnier", abbreviation: "CMo", organisation: "Ville de Lyon" },
      { name: "Paul Durand-Vasseur", abbreviation: "PDV", organisation: "Métropole de Grenoble" },
      { name: "Sandrine Keraudren", abbreviation: "SKe", organisation: "Région Bretagne" },
      { name: "Yannick Lefébure", abbreviation: "YLe", organisation: "Association Valentin Haüy" },
    ]);
    expect(minutes.items.map((i) => i.title)).toEqual([
      "Ouverture de la séance",
      "Audit du site régional",
      "Questions diverses",
    ]);
  });

  it("leaves 'Notes: none', 'Chair: tbd' and 'Minutes: <address>' in the text", () => {
    const { minutes } = parseMinutes(
      "# Call 2024-03-05\n\n* Chair: tbd\n* Notes: none\n* Minutes: https://docs.example.org/d/1\n\n## Budget\n\nOK.\n",
    );
    expect(minutes!.meeting.chair).toBeUndefined();
    expect(minutes!.meeting.secretary).toBeUndefined();
    expect(blockTexts(minutes!.preamble)).toEqual([
      "Chair: tbd",
      "Notes: none",
      "Minutes: https://docs.example.org/d/1",
    ]);
  });

  itWithTools("pdftotext")(
    "prints the attendee table's people, abbreviations and organisations once, in the header",
    async () => {
      const { minutes } = read("reunion-accessibilite.md");
      const text = await pdfOf(minutes);
      for (const words of [
        "Sandrine Keraudren (SKe, Région Bretagne)",
        "Association Valentin Haüy",
        "Métropole de Grenoble",
      ])
        expect(count(text, words), words).toBe(1);
      // What is not printed is labels, which the document writes in its own words ("Participants" → "Présents").
      const labels = ["Secrétaire", "Participants", "Nom", "Abréviation", "Organisation", "Action", "Échéance"];
      expect(
        missingWords(sourceWords(readFileSync(join(dir, "reunion-accessibilite.md"), "utf8")), text).filter(
          (w) => !labels.includes(w),
        ),
      ).toEqual([]);
    },
  );
});

describe("class 8 in the shapes the real corpus brings (test/real-world/)", () => {
  const parse = (text: string) => parseMinutes(text).minutes!;

  it("a role in brackets among the attendees names the chair and the secretary; the attendee keeps it", () => {
    const m = parse(
      "# ALV 10 november 2023\n\nAanwezig:\n\n* Anneke (Voorzitter)\n* Edwin (Secretaris)\n* Wim (Penningmeester)\n\n## Jaarrekening\n\nGoedgekeurd.\n",
    ).meeting;
    expect(m).toMatchObject({ chair: { name: "Anneke" }, secretary: { name: "Edwin" } });
    expect(m.attendees.map((p) => p.name)).toEqual([
      "Anneke (Voorzitter)",
      "Edwin (Secretaris)",
      "Wim (Penningmeester)",
    ]);
  });

  it("grouped entries, 'Attendance: all', label headings and role bullets inside the notes", () => {
    const m = parse(
      "# Planning 2021-11-03\n\n## Attendance\n\n* Team members: Niko, Felix\n* Others: simulacrum\n\n### **Moderator: Danny Ryan**\n\n## Agenda\n\n- Assign roles\n- Budget\n\n## Minutes\n\nAttendance: all\n\n- Assign roles\n    - Scribe: Mark Rousskov\n- Budget\n    - Approved.\n",
    );
    expect(m.meeting.attendees.map((p) => p.name)).toEqual(["Niko", "Felix", "simulacrum"]);
    expect(m.meeting).toMatchObject({ chair: { name: "Danny Ryan" }, secretary: { name: "Mark Rousskov" } });
    expect(m.items.map((i) => i.title)).toEqual(["Assign roles", "Budget"]);
    expect(blockTexts(m.preamble)).toEqual(["Attendance: all"]);
  });

  it("a notes section whose items are one-line link paragraphs each followed by bullets", () => {
    const m = parse(
      "# WECG, Nov 9, 2023\n\n## Agenda: [github issues](https://example.org/issues)\n\n* Issue 471\n* Issue 472\n\n## Meeting notes\n\n[Issue 471](https://example.org/471): getPackageDirectoryEntry\n\n* [rob] Leave it.\n\n[Issue 472](https://example.org/472): Side panel\n\n* [oliver] Later.\n\nThe next meeting is on 23 November.\n",
    );
    expect(m.items.map((i) => i.title)).toEqual(["Issue 471: getPackageDirectoryEntry", "Issue 472: Side panel"]);
    expect(blockTexts(m.agenda!)).toEqual(["Issue 471", "Issue 472"]);
    expect(blockTexts(m.items[1]!.discussion)).toEqual(["[oliver] Later.", "The next meeting is on 23 November."]);
  });

  it("two moderators joined by 'and', header lines under 'Informações Gerais', a front-matter title that is only a date", () => {
    const m = parse(
      "# ACD 103 Notes\n\n### Moderator: James Hancock and Hudson Jameson <!-- omit in toc -->\n\n## Informações Gerais\n\n**Data:** 8 January 2021\n**Responsável pelo registro:** Letícia Paiva\n\n## Testing\n\nOK.\n",
    ).meeting;
    expect(m).toMatchObject({
      chair: { name: "James Hancock and Hudson Jameson" },
      secretary: { name: "Letícia Paiva" },
    });
    const { minutes } = parseMinutes(
      '---\ntitle: "June 30, 2025"\n---\n\n# Texera Apache Incubation – Monthly Meeting Minutes\n\n## Updates\n\nOK.\n',
    );
    expect(minutes!.meeting).toMatchObject({
      title: "Texera Apache Incubation – Monthly Meeting Minutes",
      date: "2025-06-30",
    });
    expect(minutes!.meeting.subtitle).toBeUndefined();
    // A title that names the meeting and its date is a title.
    const named = parseMinutes(
      "---\ntitle: Planning meeting 2021-11-03\n---\n\n# T-lang planning meeting agenda\n\n## Updates\n\nOK.\n",
    ).minutes!.meeting;
    expect(named).toMatchObject({ title: "Planning meeting 2021-11-03", subtitle: "T-lang planning meeting agenda" });
  });

  it("a comma list of attendees that goes on over several lines (not when a line end broke a link: its address would be lost)", () => {
    const { minutes } = parseMinutes(
      "# Compte rendu réunion #9, 12 novembre 2012\n\nPrésents: [David](/qui-sommes-nous/david/), Yann,\nThéo,\nNicolas\n\n## Site Web\n\nDavid avance.\n",
    );
    expect(minutes!.meeting.attendees.map((p) => p.name)).toEqual(["David", "Yann", "Théo", "Nicolas"]);
    expect(minutes!.preamble).toEqual([]);
    const broken = parseMinutes(
      "# Réunion 2012-11-12\n\nPrésents: [David](/a/), [Yann](/qui-sommes-\nnous/yann/), Théo\n\n## Site Web\n\nOK.\n",
    ).minutes!;
    expect(blockTexts(broken.preamble)[0]).toContain("nous/yann/");
    // A line that does not end with a comma does not run into the next: never one person "Ana Lopes Bo Chen".
    const apart = parseMinutes("# Réunion 2012-11-12\n\nPrésents: Ana Lopes  \nBo Chen\n\n## Budget\n\nOK.\n").minutes!;
    expect(apart.meeting.attendees.map((p) => p.name)).toEqual(["Ana Lopes"]);
    expect(blockTexts(apart.preamble)).toEqual(["Bo Chen"]);
  });

  it("'Présents:' then one name per line, and a title without its WordPress language markers", () => {
    const { minutes } = parseMinutes(
      '---\ndate: 2012-10-15\ntitle: "<!--:fr-->Compte rendu de la réunion #5<!--:-->"\n---\nPrésents:  \nDavid Blaisonneau  \nMorgan Richomme\n\n- retour sur les flyers\n',
    );
    expect(minutes!.meeting.title).toBe("Compte rendu de la réunion #5");
    expect(minutes!.meeting.attendees.map((p) => p.name)).toEqual(["David Blaisonneau", "Morgan Richomme"]);
  });
});

describe("class 9: where the items are", () => {
  it("takes the H3s as the items under an H1 title with no H2", () => {
    const { minutes, rules } = read("infra-weekly.md");
    expect(rules).toEqual([]);
    expect(minutes.meeting.title).toBe("Infrastructure team meeting, 3 April 2024");
    expect(minutes.items.map((i) => [i.number, i.title])).toEqual([
      [1, "Kubernetes upgrade"],
      [2, "On-call rotation"],
      [3, "Backups"],
    ]);
    expect(minutes.preamble).toEqual([]);
  });

  it("takes bold lines as the items of a document with no headings (a Google Docs or Word export)", () => {
    const { minutes, file } = parseMinutes(
      "**Minutes of the Board meeting, 5 March 2024**\n\nPresent: Ana Lopes, Bo Chen\n\n**1. Welcome**\n\nThe chair opened the meeting.\n\n**2. Budget**\n\nApproved.\n\n**Decisions**\n\n- The budget is approved.\n",
    );
    expect(file.messages.map((m) => m.ruleId)).toEqual([]);
    expect(minutes!.meeting.title).toBe("Minutes of the Board meeting, 5 March 2024");
    expect(minutes!.items.map((i) => [i.number, i.title, i.decisions.length])).toEqual([
      [1, "Welcome", 0],
      [2, "Budget", 1],
    ]);
    expect(minutes!.preamble).toEqual([]);
    // Bold lines that are only a date start meetings of running notes, not items.
    expect(parseMinutes("**12/13/2016**\n\n- Intro\n\n**11/28/2016**\n\n- Demo\n").minutes!.items).toEqual([]);
  });

  it("takes the H3s as the items when the only H2s are header sections (attendees, links)", () => {
    const { minutes, file } = parseMinutes(
      "# Team sync 2024-04-03\n\n## Attendees\n\n- Rosalind Achterberg\n- Tomasz Wieczorek\n\n### Upgrade\n\nDone.\n\n### Rota\n\nSwapped.\n\n## Links\n\n- [Runbook](https://example.org/runbook)\n",
    );
    expect(file.messages.map((m) => m.ruleId)).toEqual([]);
    expect(minutes!.meeting.attendees.map((p) => p.name)).toEqual(["Rosalind Achterberg", "Tomasz Wieczorek"]);
    expect(minutes!.items.map((i) => i.title)).toEqual(["Upgrade", "Rota"]);
    expect(blockTexts(minutes!.items[1]!.discussion)).toEqual(["Swapped.", "Links", "Runbook"]);
  });

  it("takes the sub-headings of 'Meeting notes' as the items, the planned agenda as the agenda, Logistics and Registration as the preamble, Links in the last item", () => {
    const { minutes, rules } = read("2024-05-14-supply-chain-wg.md");
    expect(rules).toEqual([]);
    expect(minutes.items.map((i) => i.title)).toEqual([
      "Welcome and antitrust policy notice",
      "SLSA v1.1 status",
      "Sigstore client updates",
      "AOB",
    ]);
    expect(blockTexts(minutes.agenda!)).toEqual([
      "Welcome and antitrust policy notice",
      "SLSA v1.1 status (Marcela, 15 min)",
      "Sigstore client updates",
      "AOB",
    ]);
    expect(blockTexts(minutes.preamble)).toEqual([
      "Facilitated every second Tuesday. Meeting notes are taken live in this document.",
      "Logistics",
      "Video call: https://zoom.example.org/j/91234567890",
      "Dial-in passcode: 445566",
      "Calendar invite from the community calendar",
      "Registration",
      "Newcomers please register on the mailing list first, then add yourself below.",
    ]);
    expect(blockTexts(minutes.items[3]!.discussion)).toEqual([
      "No other business.",
      "Links",
      "Working group charter",
      "Previous notes",
    ]);
    // The "Open questions" sub-heading stays inside its item.
    expect(blockTexts(minutes.items[1]!.discussion)).toContain("Open questions");
  });

  itWithTools("pandoc")("the DOCX prints the planned agenda once too, under the agenda's title", async () => {
    const { minutes } = read("2024-05-14-supply-chain-wg.md");
    const theme = loadBuiltInTheme("compte-rendu");
    const path = join(out, "supply-chain.docx");
    writeFileSync(
      path,
      await renderDocx(layoutMinutes(minutes, theme), { theme, timestamp: new Date("2024-06-01T00:00:00Z") }),
    );
    const text = docxText(path);
    for (const words of ["(Marcela, 15 min)", "Dial-in passcode: 445566", "Working group charter", "Huawei"])
      expect(count(text, words), words).toBe(1);
    expect(text.indexOf("Agenda")).toBeLessThan(text.indexOf("(Marcela, 15 min)"));
  });

  itWithTools("pdftotext")(
    "prints the planned agenda, the logistics, the links and the attendees once each, and keeps ≥ 98% of the words",
    async () => {
      const { minutes } = read("2024-05-14-supply-chain-wg.md");
      const text = await pdfOf(minutes);
      for (const words of [
        "(Marcela, 15 min)",
        "Dial-in passcode: 445566",
        "Calendar invite",
        "Newcomers please register",
        "Working group charter",
        "Previous notes",
        "Chainguard",
        "Red Hat",
        "Huawei",
        "@dkowalski",
        "Facilitated every second Tuesday",
      ]) {
        expect(count(text, words), words).toBe(1);
      }
      const words = sourceWords(readFileSync(join(dir, "2024-05-14-supply-chain-wg.md"), "utf8"));
      const missing = missingWords(words, text);
      expect(missing.length / words.length, missing.join(" ")).toBeLessThanOrEqual(0.02);
      // The agenda comes before the first item, the logistics before the agenda.
      expect(text.indexOf("Dial-in passcode")).toBeLessThan(text.indexOf("(Marcela, 15 min)"));
      expect(text.indexOf("(Marcela, 15 min)")).toBeLessThan(text.indexOf("Marcela read the antitrust policy"));
    },
  );
});

describe("an item with no action table in the source", () => {
  const { minutes } = read("infra-weekly.md");
  const actionTables = (theme: string) =>
    layoutMinutes(minutes, loadBuiltInTheme(theme)).items.filter((i) => i.actions).length;

  it("prints none with the default theme, and an N/A row with the compte-rendu theme, which asks for it", () => {
    expect(loadBuiltInTheme("default").layout.emptyActionTable).toBe(false);
    expect(loadBuiltInTheme("compte-rendu").layout.emptyActionTable).toBe(true);
    expect(actionTables("default")).toBe(0);
    expect(actionTables("compte-rendu")).toBe(3);
  });

  it("prints the N/A row the author wrote, whatever the theme", () => {
    const { minutes: stated } = parseMinutes("# Call 2024-03-05\n\n## Budget\n\nOK.\n\n### Actions\n\nN/A\n");
    const layout = layoutMinutes(stated!, loadBuiltInTheme("default"));
    expect(layout.items[0]!.actions!.rows.map((r) => r.map(inlineText))).toEqual([["N/A", "", ""]]);
  });

  itWithTools("pdftotext")("the PDF of the default theme has no N/A and no action-table heading", async () => {
    const text = await pdfOf(minutes, "default");
    expect(text).not.toContain("N/A");
    expect(text).not.toMatch(/Action items|Actions/);
    expect(await pdfOf(minutes, "compte-rendu")).toContain("N/A");
  });
});
