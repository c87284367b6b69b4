// Members, attendance and quorum (issue 22 §2): the config's members: and quorum:, attendance computed once
// (present, excused, absent, guests, quorum) and printed by the DOCX, PDF and HTML; check's warnings at
// file:line:column; `minutes attendance` in table, CSV and JSON, with its exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configBody, loadConfig, quorumRule } from "../src/config/config.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { requiredMembers } from "../src/validate/attendance.js";
import { readCsv } from "./helpers/csv.js";
import { itWithTools, pdfText, plainCliEnv, run } from "./helpers/tools.js";

const board = "test/fixtures/board";
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/minutes.js", ...args], { encoding: "utf8", env: plainCliEnv() });
const body = configBody(loadConfig(join(board, "minutes.config.yaml")).config)!;
const parse = (name: string) =>
  parseMinutes(readFileSync(join(board, name), "utf8"), { path: join(board, name), body });

describe("the quorum rule", () => {
  it("reads a count, a fraction, a percentage and majority", () => {
    expect(requiredMembers(quorumRule("majority"), 5)).toBe(3);
    expect(requiredMembers(quorumRule("majority"), 12)).toBe(7);
    expect(requiredMembers(quorumRule(4), 12)).toBe(4);
    expect(requiredMembers(quorumRule("2/3"), 12)).toBe(8);
    expect(requiredMembers(quorumRule("2/3"), 5)).toBe(4);
    expect(requiredMembers(quorumRule("50%"), 5)).toBe(3);
  });

  it("is in the config's JSON Schema (minutes schema --config), and guests: in the front matter's", () => {
    const config = JSON.parse(cli("schema", "--config").stdout);
    expect(Object.keys(config.properties)).toEqual(expect.arrayContaining(["members", "quorum"]));
    expect(config.properties.quorum.anyOf.map((s: { type: string }) => s.type)).toEqual(["integer", "string"]);
    expect(JSON.parse(cli("schema").stdout).properties.guests.type).toBe("array");
  });

  it("refuses another quorum at its line, in the config's rule", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-quorum-"));
    const path = join(dir, "minutes.config.yaml");
    writeFileSync(path, "members: [A, B]\nquorum: most\n");
    const d = loadConfig(path).diagnostics;
    expect(d.map((x) => [x.rule, x.line, x.column])).toEqual([["config-quorum", 2, 9]]);
    expect(d[0]!.message).toContain("majority");
  });
});

describe("attendance of a meeting", () => {
  it("sorts the members into present, excused and absent, and the others into guests", () => {
    const a = parse("2024-01-09-board.md").minutes!.attendance!;
    expect(a.present.map((p) => p.name)).toEqual(["Alice Martin", "Bob Chen", "Carol Diaz"]);
    expect(a.excused.map((p) => p.name)).toEqual(["Dan Evans"]);
    expect(a.absent.map((p) => p.name)).toEqual(["Eve Ford"]);
    expect(a.guests.map((p) => p.name)).toEqual(["Zoe Guest"]);
    expect(a.quorum).toEqual({ required: 3, present: 3, reached: true, rule: "majority" });
    expect(parse("2024-02-06-board.md").minutes!.attendance!.quorum).toMatchObject({ present: 2, reached: false });
  });

  it("knows a member by an initial, a title, a single name that only they bear, or their abbreviation", () => {
    const text = readFileSync(join(board, "2024-01-09-board.md"), "utf8").replace(
      "attendees: [Alice Martin, Bob Chen, Carol Diaz, Zoe Guest]",
      "attendees: [A. Martin, Dr Bob Chen, Diaz, Zoe Guest]",
    );
    const a = parseMinutes(text, { path: "x.md", body }).minutes!.attendance!;
    expect(a.present.map((p) => p.name)).toEqual(["Alice Martin", "Bob Chen", "Carol Diaz"]);
    expect(a.guests.map((p) => p.name)).toEqual(["Zoe Guest"]);
  });

  it("prints them in the header instead of the attendee list, decided once in the layout", () => {
    const layout = layoutMinutes(parse("2024-01-09-board.md").minutes!);
    expect(layout.info.map((r) => [r.label, r.value])).toEqual([
      ["Date", "Tuesday 9 January 2024"],
      ["Members present", ["Alice Martin (ACME), Chair", "Bob Chen, Treasurer", "Carol Diaz"]],
      ["Excused", ["Dan Evans"]],
      ["Absent", ["Eve Ford"]],
      ["Guests", ["Zoe Guest"]],
      ["Quorum", "reached: 3 of 5 members present (quorum: 3)"],
    ]);
    const french = layoutMinutes(parse("2024-02-06-board.md").minutes!);
    expect(french.info.find((r) => r.label === "Quorum")?.value).toBe(
      "NON atteint\u00a0: 2 membres présents sur 5 (quorum\u00a0: 3)",
    );
  });

  it("reads excused: as the apologies, and absent: then as absent without apologies", () => {
    const text = readFileSync(join(board, "2024-01-09-board.md"), "utf8").replace(
      "absent: [Dan Evans]",
      "excused: [Dan Evans]\nabsent: [Eve Ford]",
    );
    const a = parseMinutes(text, { path: "x.md", body }).minutes!.attendance!;
    expect([a.excused.map((p) => p.name), a.absent.map((p) => p.name)]).toEqual([["Dan Evans"], ["Eve Ford"]]);
    const plain = layoutMinutes(parseMinutes(text, { path: "x.md" }).minutes!);
    expect(plain.info.slice(1).map((r) => [r.label, r.value])).toEqual([
      ["Attendees", ["Alice Martin", "Bob Chen", "Carol Diaz", "Zoe Guest"]],
      ["Apologies", ["Dan Evans"]],
      ["Absent", ["Eve Ford"]],
    ]);
  });

  it("says it in Spanish, Portuguese and German too", () => {
    const text = readFileSync(join(board, "2024-01-09-board.md"), "utf8");
    const quorum = (language: string) => {
      const info = layoutMinutes(
        parseMinutes(text.replace("date: 2024-01-09", `date: 2024-01-09\nlanguage: ${language}`), {
          path: "x.md",
          body,
        }).minutes!,
      ).info;
      return info
        .slice(1)
        .map((r) => r.label)
        .concat(String(info.at(-1)!.value));
    };
    expect(quorum("es")).toEqual([
      "Miembros presentes",
      "Excusados",
      "Ausentes",
      "Invitados",
      "Quórum",
      "alcanzado: 3 de 5 miembros presentes (quórum: 3)",
    ]);
    expect(quorum("pt").at(-1)).toBe("atingido: 3 de 5 membros presentes (quórum: 3)");
    expect(quorum("de")).toEqual([
      "Anwesende Mitglieder",
      "Entschuldigt",
      "Abwesend",
      "Gäste",
      "Beschlussfähigkeit",
      "gegeben: 3 von 5 Mitgliedern anwesend (erforderlich: 3)",
    ]);
  });

  it("keeps the plain attendee list without members", () => {
    const plain = parseMinutes(readFileSync(join(board, "2024-01-09-board.md"), "utf8"), { path: "x.md" }).minutes!;
    expect(plain.attendance).toBeUndefined();
    expect(layoutMinutes(plain).info.map((r) => r.label)).toEqual(["Date", "Attendees", "Apologies"]);
  });

  it("warns at file:line:column about votes over the members present, unknown voters and responsibles, and decisions without quorum", () => {
    const r = cli("check", board);
    expect(r.status).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => /warning:/.test(l));
    expect(lines).toEqual([
      `${board}/2024-01-09-board.md:23:24: warning: The responsible "Mallory Stranger" is neither a member nor a guest. [action-responsible-not-member]`,
      `${board}/2024-02-06-board.md:13:1: warning: This decision was taken without quorum (2 members present, 3 required). [decision-without-quorum]`,
      `${board}/2024-03-05-board.md:12:3: warning: The vote counts 5 votes, but only 4 members are present. [vote-exceeds-present]`,
      `${board}/2024-03-05-board.md:12:3: warning: The voter "Xavier Nobody" is neither a member nor a guest. [vote-voter-unknown]`,
    ]);
    expect(cli("check", board, "--strict").status).toBe(1);
    // The same warning in French, at the same place.
    const fr = spawnSync(process.execPath, ["bin/minutes.js", "check", board, "--lang", "fr"], {
      encoding: "utf8",
      env: plainCliEnv(),
    });
    expect(fr.stderr).toContain(
      "2024-02-06-board.md:13:1: avertissement: Cette décision a été prise sans quorum (2 membres présents, 3 requis).",
    );
  });

  itWithTools("pdftotext")("is drawn by the PDF, the DOCX and the HTML page", () => {
    const out = mkdtempSync(join(tmpdir(), "minutes-attendance-"));
    const r = cli(
      "build",
      join(board, "2024-01-09-board.md"),
      join(board, "2024-02-06-board.md"),
      "-o",
      out,
      "-f",
      "pdf,docx,html",
    );
    expect(r.status, r.stderr).toBe(0);
    const pdf = pdfText(join(out, "2024-01-09-board.pdf"));
    for (const words of ["Members present", "Excused • Dan Evans", "Absent • Eve Ford", "Guests • Zoe Guest"])
      expect(pdf).toContain(words);
    expect(pdf).toContain("Quorum reached: 3 of 5 members present (quorum: 3)");
    expect(pdfText(join(out, "2024-02-06-board.pdf"))).toContain("Quorum NON atteint : 2 membres présents sur 5");
    const xml = run("unzip", ["-p", join(out, "2024-01-09-board.docx"), "word/document.xml"]);
    for (const words of [
      "Members present",
      "Excused",
      "Dan Evans",
      "Guests",
      "Zoe Guest",
      "reached: 3 of 5 members present (quorum: 3)",
    ])
      expect(xml).toContain(words);
    const html = readFileSync(join(out, "2024-01-09-board.html"), "utf8");
    for (const words of ["Members present", "Zoe Guest", "reached: 3 of 5 members present (quorum: 3)"])
      expect(html).toContain(words);
  });
});

describe("minutes attendance", () => {
  it("prints per member, then per meeting", () => {
    const r = cli("attendance", board);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^PRESENT\s+EXCUSED\s+ABSENT\s+MEMBER$/);
    expect(lines.find((l) => l.includes("Bob Chen"))).toMatch(/^2\/3\s+1\s+0\s+Bob Chen, Treasurer$/);
    expect(lines.find((l) => l.includes("Eve Ford"))).toMatch(/^1\/3\s+0\s+2\s+Eve Ford$/);
    expect(lines.find((l) => l.startsWith("2024-02-06"))).toMatch(/^2024-02-06\s+2\/5\s+NO \(3\)/);
    expect(lines.find((l) => l.startsWith("2024-01-09"))).toMatch(/^2024-01-09\s+3\/5\s+yes \(3\)\s+Zoe Guest$/);
  });

  it("writes CSV, one line per person and meeting, and JSON", () => {
    const rows = readCsv(cli("attendance", board, "-f", "csv").stdout.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([
      "meeting_date",
      "meeting",
      "person",
      "role",
      "organisation",
      "state",
      "quorum_required",
      "members_present",
      "quorum_reached",
      "source",
    ]);
    expect(rows.filter((r) => r[0] === "2024-01-09").map((r) => [r[2], r[5]])).toEqual([
      ["Alice Martin", "present"],
      ["Bob Chen", "present"],
      ["Carol Diaz", "present"],
      ["Dan Evans", "excused"],
      ["Eve Ford", "absent"],
      ["Zoe Guest", "guest"],
    ]);
    expect(rows.find((r) => r[0] === "2024-02-06")!.slice(6, 9)).toEqual(["3", "2", "no"]);
    const json = JSON.parse(cli("attendance", board, "-f", "json").stdout);
    expect(json.members[0]).toEqual({
      name: "Alice Martin",
      role: "Chair",
      organisation: "ACME",
      present: 3,
      excused: 0,
      absent: 0,
      meetings: 3,
    });
    expect(json.meetings[1]).toMatchObject({ date: "2024-02-06", excused: ["Bob Chen"], quorum: { reached: false } });
  });

  it("counts only the meetings of a period with --since and --until", () => {
    const json = JSON.parse(
      cli("attendance", board, "-f", "json", "--since", "2024-02-01", "--until", "2024-02-29").stdout,
    );
    expect(json.meetings.map((m: { date: string }) => m.date)).toEqual(["2024-02-06"]);
    expect(json.members.find((m: { name: string }) => m.name === "Bob Chen")).toMatchObject({
      meetings: 1,
      excused: 1,
    });
    expect(cli("attendance", board, "--since", "2024-13-01").status).toBe(2);
  });

  it("leaves out a convocation (status: agenda), a meeting not held yet", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-attendance-agenda-"));
    for (const name of ["minutes.config.yaml", "2024-01-09-board.md"])
      writeFileSync(join(dir, name), readFileSync(join(board, name), "utf8"));
    writeFileSync(
      join(dir, "2024-02-13-board.md"),
      "---\ntitle: Board meeting\ndate: 2024-02-13\nstatus: agenda\n---\n\n## 1. Budget\n",
    );
    const json = JSON.parse(cli("attendance", dir, "-f", "json").stdout);
    expect(json.meetings.map((m: { date: string }) => m.date)).toEqual(["2024-01-09"]);
  });

  it("says so and exits 1 when no meeting has members", () => {
    const r = cli("attendance", "examples");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "error: No member is listed for these meetings, so attendance cannot be counted. [attendance-no-members]",
    );
    expect(r.stderr).toContain("hint: List the body's members under `members:`");
  });
});
