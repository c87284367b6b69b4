// The clerk's walk, through the command a clerk types (bin/minutes.js), in French and in English (British
// and American): init → new → fill in the template by hand → check (three mistakes, each at its line, in
// the clerk's language, with the fix, in one pass) → check --fix → the last fixes by hand → build of the
// repository → the index page, with dates in the repository's language and the organisation's name.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillInExamples } from "./helpers/clerk.js";
import { tempDir } from "./helpers/minutes-repo.js";
import { plainCliEnv } from "./helpers/tools.js";

interface Walk {
  LANG: string;
  /** The meeting date as the clerk types it, and what it is. */
  typed: string;
  iso: string;
  /** The meeting's file, under the repository. */
  file: string;
  /** What the index page prints for the date. */
  longDate: string;
  /** A deadline that is no date, one before the meeting as the clerk types it, and a good one. */
  notADate: string;
  past: string;
  good: string;
  /** The action row the template holds, its deadline filled by `new`, and the text of another action. */
  templateRow: (deadline: string) => string;
  anotherAction: string;
  words: {
    error: string;
    warning: string;
    fixed: (file: string) => string;
    wrote: string;
    cd: string;
    indexTitle: string;
  };
}

const walks: Record<string, Walk> = {
  "French (fr_FR)": {
    LANG: "fr_FR.UTF-8",
    typed: "12/03/2024",
    iso: "2024-03-12",
    file: "minutes/2024/2024-03-12-reunion.md",
    longDate: "mardi 12 mars 2024",
    notADate: "fin du mois",
    past: "01/03/2024",
    good: "29/03/2024",
    templateRow: (deadline) => `| Diffuser le compte-rendu adopté | Secrétariat | ${deadline} | Ouvert |`,
    anotherAction: "Réserver la salle",
    words: {
      error: "erreur",
      warning: "avertissement",
      fixed: (file) => `minutes: ${file} : corrections appliquées : 2.`,
      wrote: "écrit : minutes/2024/2024-03-12-reunion.md (modèle : .minutes/template.md)",
      cd: "cd mairie",
      indexTitle: "Mairie de Saint-Martin — Comptes-rendus de réunion",
    },
  },
  "British English (en_GB)": {
    LANG: "en_GB.UTF-8",
    typed: "12/03/2024",
    iso: "2024-03-12",
    file: "minutes/2024/2024-03-12-meeting.md",
    longDate: "Tuesday 12 March 2024",
    notADate: "end of the month",
    past: "01/03/2024",
    good: "29/03/2024",
    templateRow: (deadline) => `| Circulate the approved minutes | Secretariat | ${deadline} | Open |`,
    anotherAction: "Book the room",
    words: {
      error: "error",
      warning: "warning",
      fixed: (file) => `minutes: ${file}: fixes applied: 2.`,
      wrote: "wrote minutes/2024/2024-03-12-meeting.md (template: .minutes/template.md)",
      cd: "cd mairie",
      indexTitle: "Mairie de Saint-Martin — Meeting minutes",
    },
  },
  "American English (en_US)": {
    LANG: "en_US.UTF-8",
    typed: "12/03/2024",
    iso: "2024-12-03",
    file: "minutes/2024/2024-12-03-meeting.md",
    longDate: "Tuesday 3 December 2024",
    notADate: "end of the month",
    past: "11/29/2024",
    good: "12/20/2024",
    templateRow: (deadline) => `| Circulate the approved minutes | Secretariat | ${deadline} | Open |`,
    anotherAction: "Book the room",
    words: {
      error: "error",
      warning: "warning",
      fixed: (file) => `minutes: ${file}: fixes applied: 2.`,
      wrote: "wrote minutes/2024/2024-12-03-meeting.md (template: .minutes/template.md)",
      cd: "cd mairie",
      indexTitle: "Mairie de Saint-Martin — Meeting minutes",
    },
  },
};

const bin = join(process.cwd(), "bin/minutes.js");

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function placeOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe.each(Object.entries(walks))("a clerk adopts minutes alone, in %s", (_name, walk) => {
  const home = tempDir("clerk");
  const repo = join(home, "mairie");
  const minutes = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...plainCliEnv(), LANG: walk.LANG } });
  const path = join(repo, walk.file);
  /** The report line of a rule at a place: file:line:column: severity: message [rule]. */
  const reported = (stderr: string, place: string, rule: string) =>
    stderr.split("\n").find((line) => line.startsWith(`${walk.file}:${place}: `) && line.endsWith(`[${rule}]`));

  it("init, then new with the date as the clerk writes it: the meeting goes to the meetings folder, under its year, from the repository's template", () => {
    const init = minutes(home, "init", "mairie", "--date", "2024-01-09");
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(walk.words.cd);
    const created = minutes(repo, "new", "--date", walk.typed);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout.trim()).toBe(walk.words.wrote);
    const text = readFileSync(path, "utf8");
    expect(text).toContain(`date: ${walk.iso}\n`);
    // Every placeholder of the template is filled: the action's deadline is two weeks after the meeting.
    expect(text).not.toContain("{{");
    expect(text).toContain(
      walk.templateRow(new Date(Date.parse(`${walk.iso}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10)),
    );
  });

  it("check reports the three mistakes of the filled-in template at their lines, with the fix, in one pass", () => {
    // The clerk fills it in: real names for the examples, and three mistakes a person makes.
    let text = fillInExamples(readFileSync(path, "utf8"));
    text = text.replace(`date: ${walk.iso}`, `date: ${walk.typed}`).replace("attendees:", "atendees:");
    text = text.replace(
      /(\| [^|\n]+ \| [^|\n]+ \| )\d{4}-\d{2}-\d{2}( \| [^|\n]+ \|)/,
      `$1${walk.notADate}$2\n| ${walk.anotherAction} | | ${walk.past} |$2`,
    );
    writeFileSync(path, text);
    const check = minutes(repo, "check", "minutes");
    expect(check.status).toBe(1);
    const { error, warning } = walk.words;
    // 1. The date, at its value, with its ISO form (a warning: it reads one way in the clerk's language); 2. the misspelled key, with ours (an error: strict: missing);
    // 3. the deadline that is no date, at its cell.
    expect(reported(check.stderr, placeOf(text, walk.typed), "front-matter-date")).toMatch(
      new RegExp(`: ${warning}: .*${walk.iso}`),
    );
    expect(reported(check.stderr, placeOf(text, "atendees:"), "front-matter-unknown-key")).toMatch(
      new RegExp(`: ${error}: .*\`attendees\``),
    );
    expect(reported(check.stderr, placeOf(text, walk.notADate), "action-deadline-format")).toMatch(
      new RegExp(`: ${error}: `),
    );
    // In the same pass, the body's rules that need the meeting: the action with no responsible, its past deadline.
    const row = `${placeOf(text, `| ${walk.anotherAction}`).split(":")[0]}:1`;
    expect(reported(check.stderr, row, "action-responsible-missing")).toMatch(new RegExp(`: ${error}: `));
    expect(reported(check.stderr, row, "action-deadline-past")).toMatch(new RegExp(`: ${warning}: `));
    // The sample init wrote is still full of examples: named, so it is not published as it is.
    expect(check.stderr).toMatch(/minutes\/2024\/2024-01-09-\w+\.md:\d+:\d+: .*\[placeholder-left\]/);
  });

  it("check --fix repairs the date and the key, showing the change, and leaves the rest to the clerk", () => {
    const fix = minutes(repo, "check", "--fix", "minutes");
    expect(fix.stdout).toMatch(new RegExp(`^--- a/${walk.file}\n\\+\\+\\+ b/${walk.file}\n@@ `));
    expect(fix.stdout).toContain(`\n-date: ${walk.typed}\n+date: ${walk.iso}\n`);
    expect(fix.stdout).toContain("\n-atendees:\n+attendees:\n");
    expect(fix.stderr).toContain(walk.words.fixed(walk.file));
    const text = readFileSync(path, "utf8");
    expect(text).toContain(`\ndate: ${walk.iso}\n`);
    expect(text).toContain("\nattendees:\n");
    expect(fix.stderr).not.toMatch(/\[front-matter-(date|unknown-key)\]/);
    expect(fix.stderr).toMatch(/\[action-deadline-format\]/);
    expect(fix.status).toBe(1);
  });

  it("with the last fixes made and the sample removed, the repository builds, and the index speaks its language", () => {
    let text = readFileSync(path, "utf8");
    text = text
      .replace(walk.notADate, walk.good)
      .replace(
        `| ${walk.anotherAction} | | ${walk.past} |`,
        `| ${walk.anotherAction} | Claire Dubois | ${walk.good} |`,
      );
    writeFileSync(path, text);
    for (const sample of ["2024-01-09-exemple.md", "2024-01-09-example.md"])
      rmSync(join(repo, "minutes/2024", sample), { force: true });
    const check = minutes(repo, "check", "minutes");
    expect(check.stderr).not.toMatch(/\[[a-z-]+\]$/m);
    expect(check.status).toBe(0);
    const build = minutes(repo, "build", "minutes", "--out", "dist");
    expect(build.status, build.stderr).toBe(0);
    const pdf = join(repo, "dist", walk.file.replace(/^minutes\//, "").replace(/\.md$/, ".pdf"));
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const index = readFileSync(join(repo, "dist/index.html"), "utf8");
    expect(index).toContain(`<h1>${walk.words.indexTitle}</h1>`);
    expect(index).toContain(`<time datetime="${walk.iso}">${walk.longDate}</time>`);
    expect(index).not.toContain(`>${walk.iso}<`);
  });
});
