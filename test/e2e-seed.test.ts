// End to end: the built CLI on the seed example, read back the way a user's tools read it.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { inlineText, type Block, type Minutes } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { docxText, itWithTools, pdfText, plainCliEnv, run } from "./helpers/tools.js";
import { missingWords, sourceWords } from "./helpers/word-coverage.js";

const seed = "examples/2022-09-23-gtm.md";
const cli = (...args: string[]) => spawnSync("bin/minutes.js", [...args], { encoding: "utf8", env: plainCliEnv() });
const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** Every paragraph, list item, quote and table cell of a discussion, as text. */
function paragraphs(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case "paragraph":
      case "heading":
        return [inlineText(b.children)];
      case "list":
        return b.items.flatMap((i) => paragraphs(i.children));
      case "blockquote":
        return paragraphs(b.children);
      case "table":
        return [...b.header, ...b.rows.flat()].map(inlineText);
      case "code":
        return b.value.split("\n");
      default:
        return [];
    }
  });
}

describe("minutes build on the seed example", () => {
  const dir = mkdtempSync(join(tmpdir(), "minutes-e2e-"));
  const { minutes } = parseMinutes(readFileSync(seed, "utf8"), { path: seed });
  let result: ReturnType<typeof cli>;

  beforeAll(() => {
    result = cli("build", seed, "--out", dir, "--format", "docx,pdf,json");
  });

  it("exits 0 and writes DOCX, PDF and JSON", () => {
    // The one warning the seed gives: its 4th item is typed "1." (it is printed as 4).
    expect(result.stderr).toBe(
      'examples/2022-09-23-gtm.md:116:1: warning: This item is typed "1." but it is item 4; it is printed as 4. [agenda-number]\n  hint: Write "4." or leave the number out: items are numbered automatically.\n',
    );
    expect(result.status).toBe(0);
    for (const ext of ["docx", "pdf", "json"])
      expect(statSync(join(dir, `2022-09-23-gtm.${ext}`)).size).toBeGreaterThan(1000);
  });

  it("writes JSON that says what the Markdown says, read from the source without the parser", () => {
    const json = JSON.parse(readFileSync(join(dir, "2022-09-23-gtm.json"), "utf8")) as Minutes;
    const source = readFileSync(seed, "utf8");
    const lines = source.split("\n");
    const front = parseYaml(source.split(/^---$/m)[1]!) as {
      title: string;
      date: Date | string;
      location: string;
      attendees: string[];
      next_meeting: Date | string;
    };
    const iso = (d: Date | string) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
    expect(json.meeting.title).toBe(front.title);
    expect(json.meeting.date).toBe(iso(front.date));
    expect(json.meeting.location).toBe(front.location);
    expect(json.meeting.attendees.map((p) => p.name)).toEqual(front.attendees);
    expect(json.meeting.nextMeeting?.date).toBe(iso(front.next_meeting));
    // Items: the "## " headings, numbered in order except the one marked {-}, at their lines.
    const headings = lines.flatMap((line, i) =>
      line.startsWith("## ")
        ? [
            {
              line: i + 1,
              title: line
                .slice(3)
                .replace(/^\d+\.\s*/, "")
                .replace(/\s*\{-\}$/, ""),
            },
          ]
        : [],
    );
    expect(json.items.map((item) => [item.title, item.position?.start.line])).toEqual(
      headings.map((h) => [h.title, h.line]),
    );
    expect(json.items.map((item) => item.number)).toEqual([null, 1, 2, 3, 4]);
    // Actions: the rows of the action tables (after the header and the delimiter row), cell by cell, at their lines.
    const rows = lines.flatMap((line, i) =>
      /^\| (?!Points d'action|-)/.test(line)
        ? [
            {
              line: i + 1,
              cells: line
                .split("|")
                .slice(1, -1)
                .map((c) => c.trim()),
            },
          ]
        : [],
    );
    const actions = json.items.flatMap((item) => item.actions);
    expect(actions.map((a) => [inlineText(a.action), inlineText(a.responsible), a.position?.start.line])).toEqual(
      rows.map((r) => [r.cells[0], r.cells[1], r.line]),
    );
  });

  const expectations = () => {
    const m = minutes!;
    return [
      m.meeting.title,
      "vendredi 23 septembre 2022",
      "Salle de réunion DGECEM-R",
      "Points inscrits à l'ordre du jour",
      ...m.meeting.attendees.map((a) => a.name),
      ...m.items.map((i) => (i.number === null ? i.title : `${i.number}. ${i.title}`)),
      ...m.items.flatMap((i) => paragraphs(i.discussion)),
      ...m.items.flatMap((i) => i.actions.flatMap((a) => [inlineText(a.action), inlineText(a.responsible)])),
      "Points de discussion clés",
      "Personne/Agence Responsable",
      "Date limite",
      "Prochaine réunion",
      "jeudi 27 octobre 2022",
    ].map(fold);
  };

  function expectInOrder(text: string, phrases: string[]) {
    let from = 0;
    for (const phrase of phrases) {
      const at = text.indexOf(phrase, from);
      expect(at, `"${phrase}" after offset ${from}`).toBeGreaterThanOrEqual(0);
    }
    // Agenda headings in the body come in order.
    for (const item of minutes!.items.filter((i) => i.number !== null)) {
      const at = text.indexOf(`${item.number}. ${fold(item.title)}`, from);
      expect(at, `item ${item.number} in order`).toBeGreaterThanOrEqual(from);
      from = at;
    }
  }

  itWithTools("pdftotext")("the PDF text holds every title, attendee, action row and paragraph, in order", () => {
    const text = pdfText(join(dir, "2022-09-23-gtm.pdf"));
    expectInOrder(text, expectations());
    expect(text).toContain("Page 1 sur");
  });

  itWithTools("pandoc")("the DOCX text holds every title, attendee, action row and paragraph, in order", () => {
    const text = docxText(join(dir, "2022-09-23-gtm.docx"));
    expectInOrder(text, expectations());
  });

  itWithTools("pdftotext", "pandoc")("both outputs keep at least 99% of the source words", () => {
    const words = sourceWords(readFileSync(seed, "utf8"));
    expect(words.length).toBeGreaterThan(900);
    for (const text of [pdfText(join(dir, "2022-09-23-gtm.pdf")), docxText(join(dir, "2022-09-23-gtm.docx"))]) {
      const missing = missingWords(words, text);
      expect(missing.length / words.length, `missing: ${missing.join(" ")}`).toBeLessThanOrEqual(0.01);
    }
  });

  itWithTools("qpdf", "pdffonts")("the PDF passes qpdf --check and embeds every font", () => {
    const pdf = join(dir, "2022-09-23-gtm.pdf");
    expect(spawnSync("qpdf", ["--check", pdf]).status).toBe(0);
    const fonts = run("pdffonts", [pdf]).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // The seed's "➤" is in no text face: it must be drawn from the symbols face, not as a stand-in glyph.
    expect(fonts.join("\n")).toMatch(/NotoSansSymbols2/);
    for (const line of fonts) {
      expect(line).toMatch(/Noto/);
      expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe("yes");
    }
  });

  it("gives the same bytes twice", () => {
    const again = mkdtempSync(join(tmpdir(), "minutes-e2e-again-"));
    expect(cli("build", seed, "--out", again).status).toBe(0);
    for (const ext of ["docx", "pdf"]) {
      expect(
        readFileSync(join(again, `2022-09-23-gtm.${ext}`)).equals(readFileSync(join(dir, `2022-09-23-gtm.${ext}`))),
        ext,
      ).toBe(true);
    }
  });
});

describe("the CLI on bad input", () => {
  it("exits 1 with file:line:column and no stack trace, and keeps the previous good output", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-bad-"));
    const input = join(dir, "meeting.md");
    copyFileSync(seed, input);
    expect(cli("build", input, "--format", "pdf").status).toBe(0);
    const good = readFileSync(join(dir, "meeting.pdf"));
    writeFileSync(input, readFileSync(seed, "utf8").replace("date: 2022-09-23", "date: 2022-02-30"));
    const r = cli("build", input, "--format", "pdf");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${input}:3:7: error:`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, "meeting.pdf")).equals(good)).toBe(true);
  });

  it("exits 2 on a usage error", () => {
    expect(cli("build", seed, "--format", "odt").status).toBe(2);
    expect(cli("frobnicate").status).toBe(2);
    expect(cli("build").status).toBe(2);
  });

  it("refuses a folder without minutes, a missing file and a binary file with exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-io-"));
    const empty = mkdtempSync(join(tmpdir(), "minutes-empty-"));
    const r = cli("build", empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${empty}: error: The folder ${empty} holds no Markdown minutes (*.md).`);
    writeFileSync(join(dir, "bin.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    for (const [input, text] of [
      [join(dir, "nope.md"), "does not exist"],
      [join(dir, "bin.md"), "binary"],
    ] as const) {
      const r = cli("build", input);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${input}:1:1: error:`);
      expect(r.stderr).toContain(text);
    }
  });

  it("points at the first byte that is not UTF-8", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-latin1-"));
    const input = join(dir, "latin1.md");
    writeFileSync(
      input,
      Buffer.concat([
        Buffer.from("---\ntitle: T\ndate: 2022-09-23\n---\n\n## R"),
        Buffer.from([0xe9]),
        Buffer.from("union\n"),
      ]),
    );
    const r = cli("check", input);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${input}:6:5: error: The file is not UTF-8 text.`);
    expect(r.stderr).toContain("hint: Save it again as UTF-8");
  });

  it("prints help and version", () => {
    expect(cli("--help").stdout).toContain("build");
    expect(cli("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("minutes build on the English example", () => {
  const input = "examples/2024-03-05-steering-committee.md";
  const dir = mkdtempSync(join(tmpdir(), "minutes-en-"));
  const phrases = [
    "Open Mapping Foundation",
    "Steering Committee — Minutes",
    "Tuesday 5 March 2024",
    "Apologies",
    "Agenda",
    "Welcome and apologies",
    "1. Approval of the previous minutes",
    "Decisions",
    "The draft budget is adopted, subject to the hosting comparison.",
    "Action Responsible Deadline Status",
    "Compare the two hosting offers",
    "In progress",
    "3. Any other business",
    "Next meeting: Tuesday 4 June 2024",
  ];

  it("exits 0", () => {
    const r = cli("build", input, "--out", dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  itWithTools("pdftotext")("the PDF has English labels, decisions and the status column, in order", () => {
    const text = pdfText(join(dir, "2024-03-05-steering-committee.pdf"));
    let from = 0;
    for (const phrase of phrases.filter((p) => !p.startsWith("Action "))) {
      const at = text.indexOf(phrase, from);
      expect(at, phrase).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(text).toContain("Page 1 of 2");
    // The unnumbered opening has no actions, so no N/A table between it and item 1.
    const opening = text.slice(
      text.indexOf("The Chair opened"),
      text.indexOf("1. Approval of the previous minutes", text.indexOf("The Chair opened")),
    );
    expect(opening).not.toContain("N/A");
  });

  itWithTools("pandoc")("the DOCX has the same texts", () => {
    const text = docxText(join(dir, "2024-03-05-steering-committee.docx"));
    for (const phrase of phrases.filter((p) => !p.startsWith("Action "))) expect(text, phrase).toContain(phrase);
  });
});
