// `minutes new`: the next meeting's file from the built-in template or the repository's, with --from
// carrying over people, language, organisation, `previous:` and the open actions with their ids.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../src/build.js";
import { newMeeting } from "../src/new-meeting/new-meeting.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { main } from "../src/cli.js";

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-new-"));
  cpSync("test/fixtures/register/fr", dir, { recursive: true });
  return dir;
}

describe("minutes new", () => {
  it("--from carries attendees, language, organisation, previous: and the open actions into a follow-up table", async () => {
    const dir = repo();
    const created = await newMeeting({
      from: join(dir, "2023-03-09-cc.md"),
      date: "2023-04-13",
      cwd: dir,
      today: "2023-03-15",
    });
    expect(created.diagnostics).toEqual([]);
    expect(created.path).toBe(join(dir, "2023-04-13-cc.md"));
    expect(created.template).toBe("built-in");
    const { minutes, file } = parseMinutes(created.text, { path: created.path });
    // A convocation first (status: agenda): its items are still to be written, which check does not remark on.
    expect(file.messages.map((m) => m.ruleId)).toEqual([]);
    expect(minutes!.meeting.status).toBe("agenda");
    // It approves the minutes it follows (approves: previous), for minutes approve once the meeting is held.
    expect(minutes!.meeting.approves).toMatchObject({ place: { line: expect.any(Number) } });
    expect(minutes!.meeting).toMatchObject({
      date: "2023-04-13",
      language: "fr",
      organisation: "Cluster WASH",
      title: "Comité de coordination WASH – réunion de mars",
      previous: { path: "./2023-03-09-cc.md" },
    });
    expect(minutes!.meeting.attendees.map((p) => p.name)).toEqual(["UNICEF", "OIM", "ACF"]);
    // Only the actions still open after March, with their current status written in French.
    const followUps = minutes!.items.flatMap((i) => i.followUps ?? []);
    expect(
      followUps.map((f) => `${f.id} ${f.status?.map((s) => (s.type === "text" ? s.value : "")).join("")}`),
    ).toEqual(["2023-02-09#1.1 en cours", "2023-02-09#1.2 ouvert"]);
    expect(created.text).toContain(
      "## Suivi des actions de la réunion précédente {-}\n\n| Réf. | Points d'action | Responsable | Date limite | Statut | Commentaire |",
    );
    expect(created.text).toContain(
      "| 2023-02-09#1.1 | Produire les messages radio | UNICEF / ACF | 2023-03-01 | en cours | |",
    );

    // Written next to the others, it checks clean, and its compte-rendu has the follow-up section.
    writeFileSync(created.path, created.text);
    const checked = await check(created.path);
    expect(checked.diagnostics.map((d) => d.rule)).toEqual([]);
    expect(checked.minutes!.previousActions!.actions.map((a) => a.id)).toContain("2023-02-09#1.1");
  });

  it("takes the date from the previous meeting's next_meeting, and the repository's templates/meeting.md", async () => {
    const dir = repo();
    mkdirSync(join(dir, "templates"));
    writeFileSync(join(dir, "minutes.config.yaml"), "language: fr\n");
    writeFileSync(
      join(dir, "templates", "meeting.md"),
      '---\ntitle: "{{title}}"\ndate: {{date}}\nlocation: Salle B\n---\n\n## 1. Tour de table\n\nOrdre du jour du {{date}}.\n',
    );
    const created = await newMeeting({ from: join(dir, "2023-01-12-cc.md"), cwd: dir, today: "2023-03-15" });
    expect(created.template).toBe(join(dir, "templates", "meeting.md"));
    expect(created.path).toBe(join(dir, "2023-02-09-cc.md")); // next_meeting of January
    expect(created.text).toContain("location: Salle B");
    expect(created.text).toContain("Ordre du jour du 2023-02-09.");
    // No {{follow_up}} placeholder: the section goes before the first numbered item.
    expect(created.text.indexOf("## Suivi des actions de la réunion précédente {-}")).toBeLessThan(
      created.text.indexOf("## 1. Tour de table"),
    );
    const ids = parseMinutes(created.text)
      .minutes!.items.flatMap((i) => i.followUps ?? [])
      .map((f) => f.id);
    expect(ids).toEqual(["2023-01-12#1.1", "2023-01-12#1.2", "WASH-STOCK", "2023-01-12#2.2"]);
  });

  it("without --from writes the built-in template for the date, and never overwrites a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-new-"));
    const out = join(dir, "2024-01-10.md");
    const stdout: string[] = [];
    const stderr: string[] = [];
    const write = (sink: string[]) =>
      ((chunk: string | Uint8Array) => (sink.push(String(chunk)), true)) as typeof process.stdout.write;
    const [o, e] = [process.stdout.write, process.stderr.write];
    process.stdout.write = write(stdout);
    process.stderr.write = write(stderr);
    try {
      expect(await main(["new", "--date", "2024-01-10", "--out", out])).toBe(0);
      const text = readFileSync(out, "utf8");
      expect(text).toMatch(
        /^---\ntitle: "Minutes of the meeting"\ndate: 2024-01-10\nlanguage: en\nstatus: agenda\n---\n/,
      );
      expect(parseMinutes(text).file.messages.map((m) => m.ruleId)).toEqual([]);
      writeFileSync(out, "mine");
      expect(await main(["new", "--date", "2024-01-10", "--out", out])).toBe(1);
      expect(readFileSync(out, "utf8")).toBe("mine");
      expect(stderr.join("")).toContain("already exists; I do not overwrite it");
      expect(await main(["new", "--date", "2024-13-45"])).toBe(2);
    } finally {
      process.stdout.write = o;
      process.stderr.write = e;
    }
  });

  it("in a repository, writes into the meetings folder under the meeting's year, from .minutes/template.md, every placeholder filled", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-new-repo-"));
    mkdirSync(join(dir, ".minutes"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "minutes.config.yaml"), "language: fr\nmeetings: minutes\n");
    writeFileSync(
      join(dir, ".minutes", "template.md"),
      '---\ntitle: "Comité"\ndate: {{date}}\n---\n\n## 1. Suivi\n\n| Action | Responsable | Date limite |\n|---|---|---|\n| Diffuser | Secrétariat | {{deadline}} |\n',
    );
    // Run from a subfolder: the config found walking up decides.
    const created = await newMeeting({ date: "2026-12-04", cwd: join(dir, "sub"), today: "2026-11-30" });
    expect(created.diagnostics).toEqual([]);
    expect(created.path).toBe(join(dir, "minutes", "2026", "2026-12-04-reunion.md"));
    expect(created.template).toBe(join(dir, ".minutes", "template.md"));
    expect(created.text).toContain("date: 2026-12-04");
    expect(created.text).toContain("| Diffuser | Secrétariat | 2026-12-18 |");
    expect(created.text).not.toContain("{{");
    // The config's template: wins over .minutes/template.md.
    mkdirSync(join(dir, "modeles"));
    writeFileSync(
      join(dir, "modeles", "cr.md"),
      "---\ntitle: Autre\ndate: {{date}}\n---\n\n## 1. Point\n\n{{a_remplir}}\n",
    );
    writeFileSync(join(dir, "minutes.config.yaml"), "language: fr\nmeetings: minutes\ntemplate: modeles/cr.md\n");
    const other = await newMeeting({ date: "2027-01-08", cwd: dir, today: "2026-11-30" });
    expect(other.path).toBe(join(dir, "minutes", "2027", "2027-01-08-reunion.md"));
    expect(other.template).toBe(join(dir, "modeles", "cr.md"));
    // What the template leaves for the clerk is named by check.
    expect(parseMinutes(other.text).file.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual([
      "placeholder-left 9:1",
    ]);
  });

  it("--from a December meeting puts a January meeting in the new year's folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-new-year-"));
    writeFileSync(join(dir, "minutes.config.yaml"), "language: fr\nmeetings: minutes\n");
    mkdirSync(join(dir, "minutes", "2025"), { recursive: true });
    const december = join(dir, "minutes", "2025", "2025-12-11-cc.md");
    writeFileSync(
      december,
      "---\ntitle: Comité\ndate: 2025-12-11\nnext_meeting: 2026-01-15\n---\n\n## 1. Budget\n\nApprouvé.\n",
    );
    const created = await newMeeting({ from: december, cwd: dir, today: "2025-12-12" });
    expect(created.path).toBe(join(dir, "minutes", "2026", "2026-01-15-cc.md"));
    expect(created.text).toContain("previous: ../2025/2025-12-11-cc.md");
    // Without a config, a year folder is followed too.
    const bare = mkdtempSync(join(tmpdir(), "minutes-new-year-"));
    mkdirSync(join(bare, "2025"));
    writeFileSync(
      join(bare, "2025", "2025-12-11-cc.md"),
      "---\ntitle: Comité\ndate: 2025-12-11\n---\n\n## 1. Budget\n\nApprouvé.\n",
    );
    expect(
      (
        await newMeeting({
          from: join(bare, "2025", "2025-12-11-cc.md"),
          date: "2026-01-15",
          cwd: bare,
          today: "2025-12-12",
        })
      ).path,
    ).toBe(join(bare, "2026", "2026-01-15-cc.md"));
  });

  it("--from a meeting that strict: missing would refuse to publish: it is only read, so new still writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-new-strict-"));
    writeFileSync(join(dir, "minutes.config.yaml"), "language: fr\nmeetings: minutes\nstrict: missing\n");
    mkdirSync(join(dir, "minutes", "2026"), { recursive: true });
    const previous = join(dir, "minutes", "2026", "2026-12-04-reunion.md");
    writeFileSync(
      previous,
      "---\ntitle: Comité\ndate: 2026-12-04\norganisation: Votre organisation\n---\n\n## 1. Budget\n\n| Action | Responsable | Date limite |\n|---|---|---|\n| Relire | | 2026-12-20 |\n",
    );
    expect((await check(previous)).diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual([
      "error placeholder-left",
      "error action-responsible-missing",
    ]);
    const created = await newMeeting({ from: previous, date: "2026-12-18", cwd: dir, today: "2026-12-05" });
    expect(created.diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual([
      "warning placeholder-left",
      "warning action-responsible-missing",
    ]);
    expect(created.path).toBe(join(dir, "minutes", "2026", "2026-12-18-reunion.md"));
  });

  it("refuses a meetings folder outside the project", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-new-out-"));
    writeFileSync(join(dir, "minutes.config.yaml"), "meetings: ../elsewhere\n");
    const created = await newMeeting({ date: "2026-12-04", cwd: dir, today: "2026-12-04" });
    expect(created.diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([
      ["path-outside-project", join(dir, "minutes.config.yaml"), 1, 11],
    ]);
  });
});
