// What `minutes import` recognises in a Word document (src/import/recognise.ts), on small packages written here:
// the header in "Key: value" lines with people and their roles, an agenda list that ends where the first item
// starts, bold numbered items, a "- Notes:" list item kept with its sub-list, prose actions (the sentence kept
// too), a decisions label, minutes written as one table (a row per item), and where warnings point.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importDocx } from "../src/import/import-docx.js";
import { inlineText } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { World } from "../src/world/world.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const work = mkdtempSync(join(tmpdir(), "minutes-import-recognise-"));

const run = (text: string, bold = false) =>
  `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (text: string, bold = false) => `<w:p>${run(text, bold)}</w:p>`;
const listItem = (text: string, numId: number, ilvl = 0) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;
const numbering = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="◦"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;
const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;

function importBody(name: string, body: string) {
  const path = join(work, `${name}.docx`);
  writeFileSync(
    path,
    zipSync({
      "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
      "word/numbering.xml": strToU8(numbering),
    }),
  );
  const result = importDocx(path, new World(), { language: name.startsWith("fr") ? "fr" : "en" });
  const minutes = parseMinutes(result.markdown!, { path: join(work, result.name!) }).minutes!;
  return { result, minutes };
}

describe("minutes import recognises", () => {
  it("a header in Key: value lines, an agenda that ends at the first item, bold numbered items, prose actions", () => {
    const { result, minutes } = importBody(
      "fr-association",
      [
        p("ASSOCIATION LES AMIS DU PARC", true),
        p("Compte rendu de l'assemblée générale du samedi 6 avril 2024", true),
        p("Lieu : salle des fêtes"),
        p("Étaient présents : Marie Dupont (présidente), Paul Martin (trésorier), Luc Bernard"),
        p("Excusés : Jean Moreau"),
        p("Ordre du jour :", true),
        listItem("Rapport moral", 1),
        listItem("Rapport financier", 1),
        p("1. Rapport moral", true),
        p("La présidente présente le bilan de l'année."),
        listItem("Notes :", 2),
        listItem("douze sorties", 2, 1),
        p("2. Rapport financier", true),
        p("Décision :", true),
        p("Les comptes sont approuvés."),
        p("Action : Paul Martin – envoyer les comptes à la mairie – avant le 30 avril 2024"),
      ].join(""),
    );
    expect(result.name).toBe("2024-04-06-compte-rendu-de-l-assemblee-generale-du-samedi.md");
    const { meeting, items } = minutes;
    expect([meeting.title, meeting.organisation, meeting.date, meeting.location]).toEqual([
      "Compte rendu de l'assemblée générale du samedi 6 avril 2024",
      "ASSOCIATION LES AMIS DU PARC",
      "2024-04-06",
      "salle des fêtes",
    ]);
    expect(meeting.attendees).toEqual([
      { name: "Marie Dupont", role: "présidente" },
      { name: "Paul Martin", role: "trésorier" },
      { name: "Luc Bernard" },
    ]);
    expect(meeting.chair?.name).toBe("Marie Dupont");
    expect(meeting.absent.map((a) => a.name)).toEqual(["Jean Moreau"]);
    expect(items.map((i) => [i.number, i.title])).toEqual([
      [1, "Rapport moral"],
      [2, "Rapport financier"],
    ]);
    // "- Notes :" is a list item with its sub-list, not a section label.
    expect(result.markdown).toContain("- Notes :\n   - douze sorties");
    const [action] = items[1]!.actions;
    expect([inlineText(action!.action), inlineText(action!.responsible), action!.deadline?.date]).toEqual([
      "envoyer les comptes à la mairie",
      "Paul Martin",
      "2024-04-30",
    ]);
    expect(result.markdown).toContain(
      "Action : Paul Martin – envoyer les comptes à la mairie – avant le 30 avril 2024",
    );
    expect(JSON.stringify(items[1]!.decisions)).toContain("Les comptes sont approuvés.");
  });

  it("minutes written as one table, a row per item, and a warning at the row of an action without owner", () => {
    const { result, minutes } = importBody(
      "en-table",
      [
        p("Technical committee, minutes of 3 June 2024"),
        table([
          ["No.", "Item", "Discussion", "Decision", "Action", "Owner", "Deadline"],
          ["1", "Works", "The works are on time.", "The plan stands.", "Send the plan", "Ana Lima", "15 June 2024"],
          ["2", "Budget", "3 % over budget.", "", "Ask for more funds", "", "end of June"],
        ]),
      ].join(""),
    );
    expect(minutes.items.map((i) => [i.number, i.title])).toEqual([
      [1, "Works"],
      [2, "Budget"],
    ]);
    expect(minutes.items.map((i) => i.actions.map((a) => [inlineText(a.action), inlineText(a.responsible)]))).toEqual([
      [["Send the plan", "Ana Lima"]],
      // A deadline that is no date stays with the task.
      [["Ask for more funds (end of June)", ""]],
    ]);
    expect(minutes.items[0]!.actions[0]!.deadline?.date).toBe("2024-06-15");
    expect(result.diagnostics.map((d) => [d.file.replace(/^.*\//, ""), d.rule])).toEqual([
      ["en-table.docx: table 1, row 3", "import-action-no-owner"],
    ]);
  });
});
