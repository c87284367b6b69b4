// Messy minutes in the styles people already write (GitHub meeting notes, a Google Docs export,
// a wiki page, an NGO board, a French municipal council, German and Spanish minutes): each builds
// with exit 0 or 1 and no crash, its messages name file:line:column, and the PDF keeps ≥ 98% of its words.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { itWithTools, pdfText, plainCliEnv } from "./helpers/tools.js";
import { isOutputLabel as isLabel, missingWords, sourceWords, withoutLabels } from "./helpers/word-coverage.js";

const dir = "test/fixtures/real-world";
const corpus = readdirSync(dir).filter((f) => f.endsWith(".md"));
const out = mkdtempSync(join(tmpdir(), "minutes-real-world-"));
const cli = (...args: string[]) =>
  spawnSync("bin/minutes.js", [...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: plainCliEnv() });

/** Every line the CLI writes on stderr is a message, its hint, or the summary; never a stack trace. */
function expectCleanMessages(stderr: string, file: string): void {
  for (const line of stderr.split("\n").filter(Boolean)) {
    expect(line).not.toMatch(/^\s+at /);
    expect(line, line).toMatch(
      new RegExp(
        `^(${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: (error|warning): .+ \\[[a-z-]+\\]|  hint: .+|minutes: .+)$`,
      ),
    );
  }
}

describe("real-world minutes", () => {
  it("has a corpus of at least eight styles", () => expect(corpus.length).toBeGreaterThanOrEqual(8));

  for (const name of corpus) {
    itWithTools("pdftotext")(`${name}: builds without a crash and the PDF keeps ≥ 98% of the words`, () => {
      const input = join(dir, name);
      const r = cli("build", input, "--out", out, "--format", "pdf");
      expect([0, 1]).toContain(r.status);
      expectCleanMessages(r.stderr, input);
      expect(r.status, r.stderr).toBe(0);
      const text = pdfText(join(out, `${basename(name, ".md")}.pdf`));
      const source = readFileSync(input, "utf8");
      // Label words ("Asistentes", "Owner") are printed as the output's own labels: translated, not lost.
      const words = sourceWords(withoutLabels(source, isLabel));
      const missing = missingWords(words, text);
      expect(missing.length / words.length, `missing: ${missing.join(" ")}`).toBeLessThanOrEqual(0.02);
      // Counting every word, labels included, still keeps at least 90%.
      const all = sourceWords(source);
      expect(missingWords(all, text).length / all.length).toBeLessThanOrEqual(0.1);
    });
  }
});

describe("what is recognised in them", () => {
  const read = (name: string) => {
    const { minutes, file } = parseMinutes(readFileSync(join(dir, name), "utf8"), { path: name });
    return { meeting: minutes!.meeting, items: minutes!.items, rules: file.messages.map((m) => m.ruleId) };
  };

  it("GitHub meeting notes: date in the title, Present list, Agenda sub-headings as items, 'Name: task' actions", () => {
    const { meeting, items, rules } = read("oss-tsc-meeting.md");
    expect(meeting.date).toBe("2024-03-06");
    expect(meeting.attendees.map((p) => p.name)).toContain("Joyee Cheung (@joyeecheung)");
    expect(meeting.attendees).toHaveLength(6);
    // "Links" is not an item (issue 17, class 9): it is printed in the preamble.
    expect(items.map((i) => i.title)).toEqual([
      "Announcements",
      "CI Health",
      "nodejs/node",
      "Action items",
      "Q&A, Other",
      "Upcoming Meetings",
    ]);
    const actions = items.find((i) => i.title === "Action items")!.actions;
    expect(
      actions.map((a) => [a.responsible[0]?.type === "text" && a.responsible[0].value, a.deadline?.date ?? null]),
    ).toEqual([
      ["Michael", null],
      ["Richard", "2024-03-20"],
      ["Antoine", null],
    ]);
    expect(rules).toEqual(["action-bullet-unrecognised"]);
  });

  it("Google Docs export (CRLF): bold title, Date / Location lines, Attendees and Apologies labels", () => {
    const { meeting, items } = read("google-docs-export.md");
    expect(meeting).toMatchObject({
      title: "Board Meeting Minutes – Riverside Food Bank",
      date: "2024-03-12",
      location: "Community Hall, Room B",
      language: "en",
    });
    expect(meeting.attendees.map((p) => p.name)).toEqual([
      "Maria Lopez (Chair)",
      "Tom Becker",
      "Aisha Khan",
      "Li Wei",
      "Sam O’Neil",
    ]);
    expect(meeting.absent.map((p) => p.name)).toEqual(["Grace Mensah"]);
    expect(items.map((i) => [i.number, i.title])).toEqual([
      [1, "Welcome and approval of the agenda"],
      [2, "Treasurer’s report"],
      [3, "Volunteer schedule"],
      [4, "Any other business"],
    ]);
    expect(items[2]!.actions).toHaveLength(2);
  });

  it("French municipal council: Présents / Excusés / Secrétaire de séance, French labels and dates", () => {
    const { meeting, items, rules } = read("conseil-municipal.md");
    expect(meeting).toMatchObject({ date: "2024-03-12", language: "fr", secretary: { name: "Ahmed Benali" } });
    expect(meeting.attendees).toHaveLength(7);
    expect(meeting.absent.map((p) => p.name)).toEqual(["Marc Girard (pouvoir à Sophie Leroy)", "Julie Roux"]);
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(items[2]!.actions.map((a) => a.deadline?.date)).toEqual(["2024-03-29", "2024-04-15"]);
    expect(rules).not.toContain("agenda-number");
  });

  it("German and Spanish minutes: Anwesend / Entschuldigt / Aufgaben, Asistentes / Ausentes / Acuerdos / Tareas", () => {
    const de = read("vorstandssitzung.md");
    expect(de.meeting).toMatchObject({
      date: "2024-03-05",
      language: "de",
      location: "Vereinsheim, Waldweg 3",
      secretary: { name: "Lea Fischer" },
    });
    expect(de.meeting.absent.map((p) => p.name)).toEqual(["Thomas Becker"]);
    expect(de.items[1]!.decisions).toHaveLength(1);
    expect(de.items[1]!.actions.map((a) => a.deadline?.date ?? null)).toEqual(["2024-03-15", null, null]);
    const es = read("acta-reunion.md");
    expect(es.meeting).toMatchObject({ date: "2024-03-05", language: "es", location: "Sala de juntas, sede central" });
    expect(es.meeting.attendees).toHaveLength(4);
    expect(es.items[1]!.decisions).toHaveLength(1);
    expect(es.items[1]!.actions).toHaveLength(1);
  });

  it("a wiki page with HTML, mixed line endings, deep lists and task-list actions", () => {
    const { meeting, items } = read("wiki-team-sync.md");
    expect(meeting).toMatchObject({ title: "Platform team weekly sync", date: "2024-04-02" });
    expect(meeting.attendees.map((p) => p.name)).toEqual(["Dana", "Oleksandr", "Priyanka", "Wen"]);
    expect(items[1]!.actions.map((a) => a.action[0]?.type === "text" && a.action[0].value)).toEqual(["[x] ", "[ ] "]);
  });

  it("several meetings in one file are a warning, and both are kept", () => {
    const { items, rules } = read("several-meetings.md");
    expect(rules).toEqual(["structure-several-meetings"]);
    expect(items.map((i) => i.title)).toEqual([
      "Steering group meeting 2024-01-10",
      "Steering group meeting 2024-02-14",
    ]);
  });
});

describe("large and awkward inputs", () => {
  it("a 400 KB meeting with tabs, a BOM, CRLF, HTML and tables without closing pipes is checked whole", () => {
    const item = (n: number) =>
      [
        `## ${n}. Topic ${n}`,
        "",
        `Discussion\tof topic ${n}&nbsp;with <br> a break and **bold** text. `.repeat(8),
        "",
        "- level 1",
        "  - level 2",
        "    - level 3",
        "",
        "### Actions",
        "",
        "| Action | Owner | Due",
        "|---|---|---",
        `| Follow up ${n} | Ana | 2024-04-01`,
        "",
      ].join("\r\n");
    const text = `\uFEFF---\r\ntitle: Big\r\ndate: 2024-03-05\r\n---\r\n\r\n${Array.from({ length: 600 }, (_, i) => item(i + 1)).join("\r\n")}`;
    expect(text.length).toBeGreaterThan(400_000);
    const path = join(out, "big.md");
    writeFileSync(path, text);
    const r = cli("check", path);
    expect(r.status).toBe(0);
    const { minutes } = parseMinutes(text, { path });
    expect(minutes!.items).toHaveLength(600);
    expect(minutes!.items[599]!.actions).toHaveLength(1);
    expect(minutes!.items[599]!.position?.start.line).toBe(6 + 599 * 14);
  });

  it("a list nested 40 deep renders to PDF", () => {
    const nested = Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- depth ${i + 1}`).join("\n");
    const path = join(out, "deep.md");
    writeFileSync(path, `---\ntitle: Deep\ndate: 2024-03-05\n---\n\n## Item\n\n${nested}\n`);
    const r = cli("build", path, "--out", out, "--format", "pdf");
    expect(r.status, r.stderr).toBe(0);
  });
});
