// Decisions as records: ids (the author's {#id}, else date#item.dN), votes read in the five languages
// (counts, named votes, unanimity) with the author's words kept, and the rules on them at file:line:column.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inlineText, type Decision } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { readVote } from "../src/parse/vote-line.js";

const doc = `---
title: Board
date: 2024-03-05
attendees: [Alice Martin, Bob Chen, Carol Diaz, Dan Evans, Eve Ford]
---

## 1. Budget

### Decisions

- The 2024 budget is adopted. {#budget-2024}
  Vote: 3 for, 1 against, 1 abstention
- A reserve of three months is kept.
  - Adopted unanimously.

## 2. Hosting

### Décisions

Le contrat d'hébergement est renouvelé.

Vote : 2 pour (Alice Martin, Bob Chen), 1 contre (Dan Evans), 2 abstentions

La charte est adoptée à l'unanimité.

## 3. Other

### Decisions

1. Decision in Spanish.
   Votación: 4 a favor, 1 en contra
2. Decision in German.
   Abstimmung: 6 dafür, 0 dagegen, 1 Enthaltung
3. Decision with an unreadable vote.
   Vote: by show of hands
`;

const records = (text: string): Decision[] =>
  parseMinutes(text, { path: "board.md" }).minutes!.items.flatMap((i) => i.decisionRecords ?? []);

describe("decision records", () => {
  const { minutes, file } = parseMinutes(doc, { path: "board.md" });
  const all = minutes!.items.flatMap((i) => i.decisionRecords ?? []);

  it("gives each decision an id: the author's marker, else date#item.dN", () => {
    expect(all.map((d) => d.id)).toEqual([
      "budget-2024",
      "2024-03-05#1.d2",
      "2024-03-05#2.d1",
      "2024-03-05#2.d2",
      "2024-03-05#3.d1",
      "2024-03-05#3.d2",
      "2024-03-05#3.d3",
    ]);
    expect(all[0]!.explicitId).toBe(true);
  });

  it("keeps the decision's text without the vote line and the marker, and removes the marker from the printed blocks", () => {
    expect(inlineText(all[0]!.text)).toBe("The 2024 budget is adopted.");
    expect(inlineText(all[2]!.text)).toBe("Le contrat d'hébergement est renouvelé.");
    expect(JSON.stringify(minutes!.items[0]!.decisions)).not.toContain("{#budget-2024}");
    // The vote stays in the blocks the compte-rendu prints, as the author wrote it.
    expect(JSON.stringify(minutes!.items[0]!.decisions)).toContain("Vote: 3 for, 1 against, 1 abstention");
  });

  it("reads counts, named votes and unanimity in English, French, Spanish and German, keeping the words", () => {
    expect(all[0]!.vote).toMatchObject({
      text: "Vote: 3 for, 1 against, 1 abstention",
      for: 3,
      against: 1,
      abstentions: 1,
    });
    expect(all[1]!.vote).toMatchObject({ unanimous: true, text: "Adopted unanimously." });
    expect(all[2]!.vote).toMatchObject({
      for: 2,
      against: 1,
      abstentions: 2,
      named: { for: ["Alice Martin", "Bob Chen"], against: ["Dan Evans"], abstentions: [] },
    });
    expect(all[2]!.vote!.text).toBe("Vote : 2 pour (Alice Martin, Bob Chen), 1 contre (Dan Evans), 2 abstentions");
    expect(all[3]!.vote).toMatchObject({ unanimous: true });
    expect(all[4]!.vote).toMatchObject({ for: 4, against: 1 });
    expect(all[5]!.vote).toMatchObject({ for: 6, against: 0, abstentions: 1 });
    expect(all[6]!.vote).toBeUndefined();
  });

  it("warns at the line of a vote it cannot read", () => {
    const m = file.messages.find((x) => x.ruleId === "vote-unreadable");
    expect(m?.reason).toContain("by show of hands");
    expect([m?.line, m?.column]).toEqual([35, 4]);
    expect(m?.note).toBeTruthy();
  });

  it("warns when a vote counts more votes than attendees", () => {
    const over = records(doc.replace("3 for, 1 against, 1 abstention", "5 for, 1 against, 1 abstention"));
    expect(over[0]!.vote!.for).toBe(5);
    const { file: f } = parseMinutes(doc.replace("3 for, 1 against, 1 abstention", "5 for, 1 against, 1 abstention"), {
      path: "board.md",
    });
    const m = f.messages.find((x) => x.ruleId === "vote-exceeds-present");
    expect(m?.reason).toBe("The vote counts 7 votes, but only 5 attendees are listed.");
    expect([m?.line, m?.column]).toEqual([12, 3]);
  });

  it("warns when the names and the count disagree", () => {
    const { file: f } = parseMinutes(doc.replace("2 pour (Alice", "3 pour (Alice"), { path: "board.md" });
    expect(f.messages.filter((x) => x.ruleId === "vote-named-count").map((x) => x.reason)).toEqual([
      "2 people are named for, but the count says 3.",
    ]);
  });

  it("refuses a bad or clashing id", () => {
    const bad = parseMinutes(doc.replace("{#budget-2024}", "{#-bad}"), { path: "board.md" }).file;
    expect(bad.messages.find((m) => m.ruleId === "decision-id-format")?.line).toBe(11);
    const clash = parseMinutes(doc.replace("is kept.", "is kept. {#budget-2024}"), { path: "board.md" }).file;
    const m = clash.messages.find((x) => x.ruleId === "decision-id-duplicate");
    expect(m?.reason).toContain("line 11");
    expect(m?.fatal).toBe(true);
  });

  it("reads the Portuguese and other forms of a vote", () => {
    expect(readVote("7 a favor, 1 contra, 2 abstenções")).toMatchObject({ for: 7, against: 1, abstentions: 2 });
    expect(readVote("Aprovado por unanimidade")).toMatchObject({ unanimous: true });
    expect(readVote("Einstimmig angenommen")).toMatchObject({ unanimous: true });
    expect(readVote("for: 7; against: 2")).toMatchObject({ for: 7, against: 2 });
    expect(readVote("7 Ja-Stimmen, 2 Nein-Stimmen, 1 Enthaltung")).toMatchObject({
      for: 7,
      against: 2,
      abstentions: 1,
    });
    expect(readVote("7 voix pour, 2 voix contre")).toMatchObject({ for: 7, against: 2 });
    expect(readVote("by show of hands")).toBeUndefined();
    expect(readVote("Aprovado por maioria, com 7 votos a favor, 1 contra e 2 abstenções")).toMatchObject({
      for: 7,
      against: 1,
      abstentions: 2,
    });
    expect(readVote("7 in favour, 1 opposed, 2 abstained")).toMatchObject({ for: 7, against: 1, abstentions: 2 });
    expect(readVote("Votos a favor: 7; en contra: 1; abstenciones: 2")).toMatchObject({
      for: 7,
      against: 1,
      abstentions: 2,
    });
  });

  it("reads a tally after a vote label, and counts of two kinds on a line of their own", () => {
    const text = doc
      .replace("Vote: 3 for, 1 against, 1 abstention", "Vote: 3-1-1")
      .replace("Votación: 4 a favor, 1 en contra", "Motion carried with 4 for and 1 against.");
    const all = records(text);
    expect(all[0]!.vote).toMatchObject({ text: "Vote: 3-1-1", for: 3, against: 1, abstentions: 1 });
    expect(all[4]!.vote).toMatchObject({ for: 4, against: 1 });
    expect(inlineText(all[4]!.text)).toBe("Decision in Spanish.");
  });

  it("records the resolutions written in the discussion, as scribes write them, with their votes", () => {
    const text = `---
title: WG call
date: 2024-05-02
attendees: [Ana, Tom, Mei]
---

## 1. Spec

Long discussion about the draft.

RESOLVED: publish the draft as a Working Draft. {#wd-1}

- **Beschluss:** Die Satzung wird geändert.
- Abstimmung: 2 dafür, 1 dagegen

Other notes.
`;
    const all = records(text);
    expect(all.map((d) => [d.id, inlineText(d.text)])).toEqual([
      ["wd-1", "publish the draft as a Working Draft."],
      ["2024-05-02#1.d2", "Die Satzung wird geändert."],
    ]);
    expect(all[1]!.vote).toMatchObject({ for: 2, against: 1, text: "Abstimmung: 2 dafür, 1 dagegen" });
  });

  it("reads decisions written as a table: a vote column, or count columns", () => {
    const text = `---
title: Conseil
date: 2024-06-11
language: fr
attendees: [Ana, Tom, Mei, Léa]
---

## 1. Délibérations

### Décisions

| N° | Délibération | Vote |
|---|---|---|
| 1 | Le budget est adopté. | 3 pour, 1 contre |
| D-7 | La charte est modifiée. | Adopté à l'unanimité |

| Decision | For | Against | Abstentions |
|---|---|---|---|
| The audit is ordered. | 2 | 1 | 1 |
`;
    const all = records(text);
    expect(all.map((d) => [d.id, inlineText(d.text), d.vote?.text])).toEqual([
      ["2024-06-11#1.d1", "Le budget est adopté.", "3 pour, 1 contre"],
      ["D-7", "La charte est modifiée.", "Adopté à l'unanimité"],
      ["2024-06-11#1.d3", "The audit is ordered.", "2 For, 1 Against, 1 Abstentions"],
    ]);
    expect(all[0]!.vote).toMatchObject({ for: 3, against: 1 });
    expect(all[1]!.vote).toMatchObject({ unanimous: true });
    expect(all[2]!.vote).toMatchObject({ for: 2, against: 1, abstentions: 1 });
    expect(all[2]!.position?.start.line).toBe(19);
  });

  it("reads any decisions section without throwing, every record with an id", () => {
    const token = fc.constantFrom(
      "Vote:",
      "Vote :",
      "Abstimmung:",
      "7",
      "0",
      " for",
      " against",
      " pour",
      " abstentions",
      " (",
      ")",
      ", ",
      "; ",
      "Alice Martin",
      "{#x}",
      "{#-}",
      "\n",
      "\n  ",
      "\n- ",
      "\n1. ",
      "| Decision | Vote |\n|---|---|\n| a | 2 for |",
      "RESOLVED: ",
      "unanimously",
      "Adopted",
      "**",
      "_",
      "For: ",
      "Contre : ",
      "-",
      "/",
      "7-1-2",
      "é",
      " ",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.array(token, { maxLength: 20 }), (decisions, discussion) => {
        const text = `---\ntitle: T\ndate: 2024-01-01\nattendees: [A]\n---\n\n## 1. X\n\n${discussion.join("")}\n\n### Decisions\n\n${decisions.join("")}\n`;
        const { minutes } = parseMinutes(text, { path: "x.md" });
        for (const d of minutes?.items.flatMap((i) => i.decisionRecords ?? []) ?? []) expect(d.id).toBeTruthy();
      }),
      { numRuns: 300, seed: 22 },
    );
  });
});
