// The whole meeting cycle (issue 22) on a generated year of monthly board meetings: test/fixtures/board-year/,
// written by scripts/make-board-year.mjs (members and quorum in the config, a quorum missed in August, decisions
// with votes, two items held in camera, each meeting approving the previous one, the January 2026 convocation).
// Everything goes through the CLI as a secretariat would run it: check, approve, build the site (public edition),
// the registers (actions, decisions, attendance) public and internal, and the convocation. Every public output
// is read back (PDF text, every part of the DOCX, JSON, CSV, ICS, HTML, the index page) and holds no word of an
// item held in camera, while the internal outputs do (so the test can fail).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { docxText, itWithTools, pdfText, plainCliEnv, run } from "./helpers/tools.js";

const fixture = "test/fixtures/board-year";
const dir = mkdtempSync(join(tmpdir(), "minutes-board-year-"));
cpSync(fixture, dir, { recursive: true });
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(process.cwd(), "bin/minutes.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: plainCliEnv(),
  });

const meetings = readdirSync(fixture)
  .filter((f) => /^2025-\d\d-\d\d-board\.md$/.test(f))
  .sort();

/**
 * The words of the items held in camera (≥ 4 letters) that appear nowhere else in the repository: the items
 * marked {.confidential} and those `confidential:` lists, read from the Markdown by their `##` headings.
 */
function secretWords(): string[] {
  const inside = new Set<string>();
  const outside = new Set<string>();
  const words = (text: string) => text.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  for (const name of readdirSync(fixture).filter((f) => f.endsWith(".md") || f.endsWith(".yaml"))) {
    const text = readFileSync(join(fixture, name), "utf8");
    const listed = /^confidential: \["(.+)"\]$/m.exec(text)?.[1];
    const sections = text.split(/^(?=## )/m);
    for (const section of sections) {
      const heading = section.split("\n")[0]!;
      const secret = /\{[^}]*\.confidential\b/.test(heading) || (listed !== undefined && heading.includes(listed));
      // The markers themselves ({.confidential}, {#id}, the `confidential:` key) are not words of the item.
      const written = section.replace(/\{[^}]*\}/g, "").replace(/^confidential: .*$/m, "");
      for (const w of words(written)) (secret ? inside : outside).add(w);
    }
  }
  // Names of months and days come from the dates every output prints ("Approved on Wednesday 9 April 2025").
  const calendar =
    /^(january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
  return [...inside].filter((w) => !outside.has(w) && !calendar.test(w));
}
const secrets = secretWords();
const leak = (text: string) => secrets.filter((w) => new RegExp(`\\b${w}\\b`, "i").test(text));

/** Every part of a DOCX as text (document, headers, footers, core and app properties…), XML and all. */
const docxParts = (path: string) =>
  Object.values(unzipSync(readFileSync(path)))
    .map((bytes) => strFromU8(bytes))
    .join("\n");

describe("a year of board meetings through the whole cycle", () => {
  beforeAll(() => {
    // Approvals carried by the next meeting are recorded in the approved files (the convocation approves nothing yet).
    const approved = cli("approve", ".");
    expect(approved.status, approved.stderr).toBe(0);
  });

  it("has secret words to look for: the two items held in camera", () => {
    expect(secrets).toEqual(
      expect.arrayContaining(["quillfeather", "zephyrine", "norwind", "brackenholt", "obsidian", "settlement"]),
    );
  });

  it("check: only the meeting without quorum is remarked on, once the approvals are recorded", () => {
    const r = cli("check", ".");
    expect(r.status, r.stderr).toBe(0);
    const rules = [...r.stderr.matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1]);
    expect(rules).toEqual(["decision-without-quorum"]);
    expect(r.stderr).toMatch(
      /2025-08-13-board\.md:\d+:\d+: warning: .*without quorum \(3 members present, 4 required\)/,
    );
  });

  it("approve: each meeting's front matter records its approval by the next one; the last stays a draft", () => {
    for (const [i, name] of meetings.entries()) {
      const text = readFileSync(join(dir, name), "utf8");
      const source = readFileSync(join(fixture, name), "utf8");
      // Nothing but the front matter's status and approval line changed: the body is the same bytes.
      expect(text.slice(text.indexOf("\n---\n"))).toBe(source.slice(source.indexOf("\n---\n")));
      if (i < meetings.length - 1) {
        const next = meetings[i + 1]!.slice(0, 10);
        expect(text).toMatch(/^status: approved$/m);
        expect(text).toContain(`approved: { date: ${next}, by: "Board meeting" }`);
      } else {
        expect(text).toMatch(/^status: draft$/m);
        expect(text).not.toContain("approved:");
      }
    }
    // Run again, it changes nothing.
    const again = cli("approve", ".");
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("");
  });

  itWithTools("pdftotext", "pandoc")(
    "build: the site publishes the public edition; the index shows each meeting's status; no output holds a secret word",
    () => {
      const r = cli("build", ".", "--out", "site", "-f", "pdf,docx,html,json");
      expect(r.status, r.stderr).toBe(0);
      // Among the minutes, the January convocation is built as its convocation, public too, and linked from the index.
      expect(r.stderr).not.toContain("[agenda-only]");
      const site = join(dir, "site");
      const convocation = join(site, "2026-01-14-board.agenda.pdf");
      expect(pdfText(convocation)).toContain("4. Item held in camera");
      const index = readFileSync(join(site, "index.html"), "utf8");
      expect(index.match(/<td>Approved on /g)).toHaveLength(11);
      expect(index).toContain("<td>Draft</td>");
      expect(index).toContain("<td>Convocation</td>");
      const summary = JSON.parse(readFileSync(join(site, "index.json"), "utf8"));
      expect(JSON.stringify(summary)).toContain('"status":"approved"');
      const outputs: [string, string][] = [
        ["index.html", index],
        ["index.json", JSON.stringify(summary)],
      ];
      for (const name of meetings) {
        const stem = join(site, name.replace(/\.md$/, ""));
        outputs.push([`${stem}.pdf`, pdfText(`${stem}.pdf`)]);
        outputs.push([`${stem}.docx`, `${docxParts(`${stem}.docx`)}\n${docxText(`${stem}.docx`)}`]);
        outputs.push([`${stem}.html`, readFileSync(`${stem}.html`, "utf8")]);
        outputs.push([`${stem}.json`, readFileSync(`${stem}.json`, "utf8")]);
      }
      expect(index).toContain('href="./2026-01-14-board.agenda.pdf"');
      outputs.push([convocation, pdfText(convocation)]);
      const convocationDocx = join(site, "2026-01-14-board.agenda.docx");
      outputs.push([convocationDocx, `${docxParts(convocationDocx)}\n${docxText(convocationDocx)}`]);
      for (const [path, text] of outputs) expect(leak(text), path).toEqual([]);
      // The items held in camera keep their number and one line; the follow-up of April leaves out March's secret action.
      const march = pdfText(join(site, "2025-03-12-board.pdf"));
      expect(march).toContain("3. Item held in camera");
      expect(march).not.toContain("Confidential");
      const october = pdfText(join(site, "2025-10-08-board.pdf"));
      expect(october).toContain("2. Item held in camera");
      // Approved minutes say so, with the signature block of the board's theme; the draft is marked as one.
      expect(march).toMatch(/Status Approved on Wednesday 9 April 2025 by Board meeting/);
      expect(march).toMatch(/The Chair The Secretary Alice Martin Bob Chen Signature: Signature: Date: Date:/);
      const december = join(site, "2025-12-10-board");
      expect(run("pdfinfo", [`${december}.pdf`])).toMatch(/Keywords:\s+Draft/);
      // The XMP packet says it too (the PDF/A metadata is not compressed).
      expect(readFileSync(`${december}.pdf`, "latin1")).toContain("<pdf:Keywords>Draft</pdf:Keywords>");
      expect(docxParts(`${december}.docx`)).toContain("<cp:keywords>Draft</cp:keywords>");
    },
  );

  itWithTools("pdftotext")(
    "build --edition internal: the items held in camera in full, under a Confidential banner",
    () => {
      const r = cli("build", "2025-03-12-board.md", "2025-10-08-board.md", "--out", "internal", "-f", "pdf,docx");
      expect(r.status, r.stderr).toBe(0);
      const march = pdfText(join(dir, "internal", "2025-03-12-board.pdf"));
      expect(march).toMatch(/3\. Remuneration of the director Quillfeather Confidential/);
      expect(march).toContain("Notify Quillfeather of the zephyrine bonus");
      const october = docxText(join(dir, "internal", "2025-10-08-board.docx"));
      expect(october).toContain("Legal dispute with Norwind Brackenholt");
      expect(october).toContain("Confidential");
    },
  );

  it("registers: public CSV, JSON, ICS and Markdown hold no secret word; the internal ones hold them", () => {
    const exports: [string[], string][] = [
      [["actions", ".", "-f", "csv"], "Carry out: budget 2025"],
      [["actions", ".", "-f", "json"], "Carry out: website renewal"],
      [["actions", ".", "-f", "ics"], "Carry out: premises"],
      [["actions", ".", "-f", "md"], "Carry out: insurance"],
      [["decisions", ".", "-f", "csv"], "The roof repairs are ordered at once."],
      [["decisions", ".", "-f", "json"], "The membership fee stays at 30 EUR."],
      [["decisions", ".", "-f", "md"], "The 2025 budget of 412,000 EUR is adopted."],
    ];
    for (const [args, expected] of exports) {
      const internal = cli(...args);
      expect(internal.stdout, args.join(" ")).toContain(expected);
      expect(leak(internal.stdout).length, args.join(" ")).toBeGreaterThan(0);
      const shown = cli(...args, "--edition", "public");
      expect(shown.status, shown.stderr).toBe(0);
      expect(shown.stdout, args.join(" ")).toContain(expected);
      expect(leak(shown.stdout), args.join(" ")).toEqual([]);
    }
    // Votes read back from the public decision register: counts, unanimity, and the meeting without quorum.
    const decisions = JSON.parse(cli("decisions", ".", "-f", "json", "--edition", "public").stdout);
    const text = JSON.stringify(decisions);
    expect(text).toContain("Vote: 5 for, 1 against, 0 abstentions");
    expect(text).toContain("Adopted unanimously.");
    expect(text).not.toContain("quillfeather-bonus");
  });

  itWithTools("pdftotext", "pandoc")("registers in PDF and DOCX: the public ones hold no secret word", () => {
    for (const [command, format] of [
      ["actions", "pdf"],
      ["decisions", "docx"],
    ] as const) {
      const out = join(dir, `${command}-public.${format}`);
      const r = cli(command, ".", "-f", format, "-o", out, "--edition", "public");
      expect(r.status, r.stderr).toBe(0);
      const text = format === "pdf" ? pdfText(out) : `${docxParts(out)}\n${docxText(out)}`;
      expect(text).toContain(command === "actions" ? "Carry out: premises" : "The roof repairs are ordered at once.");
      expect(leak(text), out).toEqual([]);
    }
  });

  it("attendance: twelve meetings, August without quorum", () => {
    const r = cli("attendance", ".", "-f", "json", "--edition", "public");
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    const august = data.meetings.find((m: { date: string }) => m.date === "2025-08-13");
    expect(august.present).toEqual(["Alice Martin", "Bob Chen", "Grace Ito"]);
    expect(JSON.stringify(august)).toMatch(/"reached":false/);
    expect(data.meetings.filter((m: { date: string }) => m.date.startsWith("2025-"))).toHaveLength(12);
  });

  itWithTools("pdftotext", "pandoc")(
    "agenda: the convocation of January 2026, internal and public, in PDF and DOCX",
    () => {
      const r = cli("agenda", "2026-01-14-board.md", "-o", "convocation");
      expect(r.status, r.stderr).toBe(0);
      const pdf = pdfText(join(dir, "convocation", "2026-01-14-board.agenda.pdf"));
      for (const expected of [
        "Riverside Community Association",
        "Board meeting Notice of meeting",
        "Wednesday 14 January 2026",
        "18:00-20:00",
        "Community hall, room 2",
        "Hugo Klein",
        "Please reply by Wednesday 7 January 2026",
        "2. Budget 2026 Carol Diaz 18:05–18:35 (30 min)",
        "4. Succession of director Quillfeather — Confidential Alice Martin 18:50–19:10 (20 min)",
        "Draft budget 2026",
        "Minutes of 10 December 2025",
      ])
        expect(pdf).toContain(expected);
      const docx = docxText(join(dir, "convocation", "2026-01-14-board.agenda.docx"));
      expect(docx).toContain("Succession of director Quillfeather");
      // The documents are links in both formats.
      expect(docxParts(join(dir, "convocation", "2026-01-14-board.agenda.docx"))).toContain(
        "https://example.org/board/budget-2026.pdf",
      );
      const shown = cli("agenda", "2026-01-14-board.md", "-o", "public", "--edition", "public");
      expect(shown.status, shown.stderr).toBe(0);
      const publicPdf = pdfText(join(dir, "public", "2026-01-14-board.agenda.pdf"));
      const publicDocx = docxParts(join(dir, "public", "2026-01-14-board.agenda.docx"));
      expect(publicPdf).toContain("4. Item held in camera");
      for (const text of [publicPdf, publicDocx]) expect(text).not.toMatch(/Succession|Quillfeather/);
      // Built as minutes, the convocation says what is missing.
      const built = cli("build", "2026-01-14-board.md");
      expect(built.status).toBe(1);
      expect(built.stderr).toMatch(
        /2026-01-14-board\.md:1:1: error: This file is still a convocation \(status: agenda\)/,
      );
    },
  );
});
