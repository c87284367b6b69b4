import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inlineText, type Block } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const seedPath = "examples/2022-09-23-gtm.md";
const seed = readFileSync(seedPath, "utf8");

function messages(text: string, path = "m.md") {
  const { file, minutes } = parseMinutes(text, { path });
  return {
    minutes,
    list: file.messages.map((m) => ({
      line: m.line,
      column: m.column,
      rule: m.ruleId,
      fatal: m.fatal,
      reason: m.reason,
      note: m.note,
    })),
  };
}

const blockText = (blocks: Block[]): string =>
  blocks
    .map((b) => {
      switch (b.type) {
        case "paragraph":
        case "heading":
          return inlineText(b.children);
        case "list":
          return b.items.map((i) => blockText(i.children)).join("\n");
        case "blockquote":
          return blockText(b.children);
        case "table":
          return [b.header, ...b.rows].map((r) => r.map(inlineText).join(" | ")).join("\n");
        case "code":
          return b.value;
        default:
          return "";
      }
    })
    .join("\n");

describe("parseMinutes on the seed example", () => {
  const { minutes, file } = parseMinutes(seed, { path: seedPath });

  it("reads the front matter into the meeting", () => {
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    expect(minutes?.meeting).toMatchObject({
      title:
        "Compte-rendu de la réunion du Groupe de Technique sur la Migration – Coordination et partage de l'information",
      date: "2022-09-23",
      time: { text: "09:00-11:00", start: "09:00", end: "11:00" },
      location: "Salle de réunion DGECEM-R",
      language: "fr",
      nextMeeting: { date: "2022-10-27" },
    });
    expect(minutes?.meeting.attendees).toHaveLength(11);
    expect(minutes?.meeting.attendees[10]).toEqual({ name: "HELVETAS" });
  });

  it("numbers the items, keeps the opening unnumbered and replaces the typed number", () => {
    expect(minutes?.items.map((i) => [i.number, i.title, i.typedNumber ?? null])).toEqual([
      [null, "Ouverture (SP/CCM)", null],
      [1, "Présentation de l'Indice de stabilité de la DTM (OIM)", "1."],
      [
        2,
        "Présentation du projet « Enfants et Jeunes sur les routes migratoires en Afrique du Nord et de l'ouest » (HELVETAS)",
        "2.",
      ],
      [3, "Divers", "3."],
      [4, "Coordination et prochaines étapes", "1."],
    ]);
  });

  it("sorts each item into discussion and actions, with positions", () => {
    const [, first, second, third] = minutes!.items;
    expect(first!.position?.start).toEqual({ line: 24, column: 1 });
    expect(first!.discussion[0]).toMatchObject({ type: "paragraph", children: [{ type: "strong" }] });
    const headings = first!.discussion.filter((b) => b.type === "heading");
    expect(
      headings.map((h) => [h.type === "heading" && h.level, h.type === "heading" && inlineText(h.children)]),
    ).toEqual([
      [1, "Perspective globale sur les indices de stabilité"],
      [1, "Méthodologie de l'indice de stabilité"],
    ]);
    expect(first!.discussion.some((b) => b.type === "blockquote")).toBe(true);
    expect(first!.actions).toHaveLength(1);
    expect(first!.actions[0]).toMatchObject({ deadline: { text: "///", none: true } });
    expect(inlineText(first!.actions[0]!.responsible)).toBe("SP/CCM-OIM");
    expect(second!.actions.map((a) => inlineText(a.action))).toEqual([
      "1. Partage de la présentation",
      "2. Partage de l'étude de référence du projet",
    ]);
    expect(second!.actions[1]!.deadline).toBeNull();
    expect(third!.actions).toEqual([]);
    expect(third!.actionNotes).toEqual([]);
    expect(blockText(third!.discussion)).toContain("table ronde de financement");
  });

  it("keeps every word of the body", () => {
    const all = minutes!.items.map((i) => blockText(i.discussion)).join("\n");
    for (const phrase of [
      "1 912",
      "38 indicateurs",
      "Parallèlement à l'accent mis",
      "Gestion Projet Sensible au Conflit.",
      "➤ Objectif général du projet :",
      "3 : les lois et les stratégies",
    ]) {
      expect(all).toContain(phrase);
    }
  });
});

describe("front matter diagnostics", () => {
  it("points at the value of an impossible date", () => {
    const { minutes, list } = messages("---\ntitle: T\ndate: 2022-02-30\n---\n\n## A\n\ntext\n");
    expect(minutes).toBeUndefined();
    expect(list).toContainEqual(
      expect.objectContaining({ line: 3, column: 7, rule: "front-matter-date", fatal: true }),
    );
  });

  it("reports a missing title and a missing date in one pass", () => {
    const { list } = messages("---\nlocation: Paris\n---\n\n## A\n");
    const frontMatter = list.filter((m) => m.rule?.startsWith("front-matter"));
    expect(frontMatter.map((m) => m.rule).sort()).toEqual(["front-matter-date", "front-matter-title"]);
    expect(frontMatter.every((m) => m.fatal && m.line === 2)).toBe(true);
    // The body is checked in the same pass: the empty item is named too.
    expect(list.filter((m) => !m.rule?.startsWith("front-matter")).map((m) => `${m.rule}:${m.line}`)).toEqual([
      "agenda-empty-item:5",
    ]);
  });

  it("suggests the known key for a misspelt one", () => {
    const { minutes, list } = messages("---\ntitle: T\ndate: 2022-09-23\natendees: [A]\n---\n\n## A\n");
    expect(minutes).toBeDefined();
    expect(list).toContainEqual(
      expect.objectContaining({
        line: 4,
        column: 1,
        rule: "front-matter-unknown-key",
        fatal: false,
        reason: "Unknown key `atendees`: did you mean `attendees`?",
      }),
    );
  });

  it("shows malformed YAML with its line", () => {
    const { minutes, list } = messages("---\ntitle: T\ndate: 2022-09-23\nattendees: [A, B\n---\n\n## A\n");
    expect(minutes).toBeUndefined();
    expect(list[0]).toMatchObject({ rule: "front-matter-yaml", fatal: true });
    expect(list[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it("refuses a YAML alias bomb without hanging", () => {
    const bomb = ["---", "title: T", "date: 2022-09-23", 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    const { minutes, list } = messages([...bomb, "---", "", "## A"].join("\n"));
    expect(minutes).toBeUndefined();
    expect(list.some((m) => m.fatal && m.rule === "front-matter-yaml")).toBe(true);
  });

  it("rejects a time range that ends before it starts, and an unsupported language", () => {
    const { list } = messages("---\ntitle: T\ndate: 2022-09-23\ntime: 11:00-09:00\nlanguage: xx\n---\n\n## A\n");
    expect(list).toContainEqual(
      expect.objectContaining({ line: 4, column: 7, rule: "front-matter-time", fatal: true }),
    );
    expect(list).toContainEqual(expect.objectContaining({ line: 5, rule: "front-matter-language", fatal: true }));
  });
});

describe("body structure", () => {
  it("uses # headings as items when there are two or more, and CRLF keeps line numbers", () => {
    const { minutes, list } = messages(
      "---\r\ntitle: T\r\ndate: 2022-09-23\r\n---\r\n\r\n# First\r\n\r\nA\r\n\r\n# Second\r\n\r\n## Decisions\r\n\r\n- Adopted\r\n",
    );
    expect(list).toEqual([]);
    expect(minutes!.items.map((i) => [i.number, i.title])).toEqual([
      [1, "First"],
      [2, "Second"],
    ]);
    expect(minutes!.items[1]!.decisions).toHaveLength(1);
    expect(minutes!.items[1]!.position?.start.line).toBe(10);
  });

  it("takes the title from the single # heading and the date from the file name", () => {
    const { minutes, list } = messages("# Board meeting\n\n## Budget\n\nApproved.\n", "minutes/2024-03-05-board.md");
    expect(list).toEqual([]);
    expect(minutes!.meeting).toMatchObject({ title: "Board meeting", date: "2024-03-05", language: "en" });
  });

  it("says how to give a date when none can be found", () => {
    const { minutes, list } = messages("# Board meeting\n\n## Budget\n");
    expect(minutes).toBeUndefined();
    expect(list).toEqual([
      expect.objectContaining({ rule: "front-matter-date", fatal: true, line: 1, column: 1 }),
      expect.objectContaining({ rule: "agenda-empty-item", line: 3 }),
    ]);
    expect(list[0]!.note).toContain("--date");
  });

  it("reads action tables by their English header aliases and reports bad cells at the cell", () => {
    const text =
      "---\ntitle: T\ndate: 2022-09-23\n---\n\n## Item\n\n| Task | Owner | Due | Status | Budget |\n|---|---|---|---|---|\n| Write report | Ana | 2022-10-01 | open | 5k |\n| | Bo | soon | | |\n";
    const { minutes, list } = messages(text);
    const actions = minutes!.items[0]!.actions;
    expect(actions).toHaveLength(2);
    expect(actions[0]!.deadline).toEqual({ text: "2022-10-01", date: "2022-10-01" });
    expect(inlineText(actions[0]!.status!)).toBe("open");
    expect(inlineText(actions[0]!.notes!)).toBe("Budget: 5k");
    expect(list).toContainEqual(expect.objectContaining({ rule: "action-text-missing", line: 11, fatal: true }));
    expect(list).toContainEqual(
      expect.objectContaining({ rule: "action-deadline-format", line: 11, column: 10, fatal: true }),
    );
  });

  it("keeps raw HTML text, images and footnotes as words", () => {
    const text =
      "---\ntitle: T\ndate: 2022-09-23\n---\n\n## Item\n\nLine one<br>line&nbsp;two ![chart](c.png)\n\n<h3>Raw heading</h3>\n\nSee[^1].\n\n[^1]: The note.\n";
    const { minutes } = messages(text);
    const discussion = minutes!.items[0]!.discussion;
    const all = blockText(discussion);
    expect(all).toContain("Line one\nline\u00a0two chart");
    expect(all).toContain("Raw heading");
    expect(all).toContain("[1] The note.");
  });
});
