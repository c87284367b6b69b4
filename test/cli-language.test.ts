// The command line in the user's language, beyond diagnostics: help texts (each ending with examples),
// commander's own words and usage errors (exit 2), what was written, the build summary, the action
// table; while JSON and CSV outputs stay byte for byte the same, for programs.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { sayCount } from "../src/i18n/messages.js";
import { plainCliEnv } from "./helpers/tools.js";

const bin = join(process.cwd(), "bin/minutes.js");
const cli = (args: string[], extra: NodeJS.ProcessEnv = {}, cwd = process.cwd()) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...plainCliEnv(), ...extra } });

/** main() in this process (fast, for help texts): what it printed and its exit code. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    ((chunk: string | Uint8Array) => (into.push(String(chunk)), true)) as typeof process.stdout.write;
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = sink(out);
  process.stderr.write = sink(err);
  try {
    const code = await main(args);
    return { code, out: out.join(""), err: err.join("") };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

const commands = [
  [],
  ["build"],
  ["check"],
  ["init"],
  ["new"],
  ["actions"],
  ["themes"],
  ["theme"],
  ["theme", "new"],
  ["schema"],
  ["preview"],
  ["cache"],
  ["cache", "clear"],
];
// English words a French help must not hold (command names, flags, file and format names stay as typed).
const english =
  /\b(the|and|of|to|with|for|from|files?|folders?|meetings?|writes?|shows?|prints?|display|Usage|Options:|Commands:|Arguments:|Examples:|default:|version number)\b/;

describe("help texts", () => {
  for (const command of commands) {
    it(`minutes ${command.join(" ")} --help ends with examples, in French and in English`, async () => {
      const fr = await run(["--lang", "fr", ...command, "--help"]);
      const en = await run(["--lang", "en", ...command, "--help"]);
      expect([fr.code, en.code]).toEqual([0, 0]);
      // The last section: two or three "minutes …" lines, each with what it does below.
      expect(fr.out).toMatch(/\nExemples :\n( {2}(minutes|cd) .+\n( {6}.+\n)+){2,3}$/);
      expect(en.out).toMatch(/\nExamples:\n( {2}(minutes|cd) .+\n( {6}.+\n)+){2,3}$/);
      expect(fr.out).toMatch(/^Utilisation : minutes/);
      expect(fr.out).toContain("Options :");
      expect(fr.out).toContain("  -h, --help");
      expect(fr.out).toContain("affiche cette aide");
      // Every command shows --lang, whichever place it is written in.
      expect(fr.out).toMatch(/--lang <langue> +la langue des messages/);
      // Example command lines are typed as they are; flags (--from) are not words.
      const lines = fr.out
        .split("\n")
        .filter((line) => !/^ {2}(minutes|cd) /.test(line) && english.test(line.replace(/--?[\w-]+/g, "")));
      expect(lines).toEqual([]);
    });
  }

  it("is French with --lang fr before or after the command, and from LANG", async () => {
    const before = await run(["--lang", "fr", "build", "--help"]);
    const after = await run(["build", "--help", "--lang", "fr"]);
    const equals = await run(["build", "--lang=fr", "--help"]);
    expect(after.out).toBe(before.out);
    expect(equals.out).toBe(before.out);
    expect(before.out).toContain("vérifie les comptes-rendus, puis en fait les documents Word (DOCX) et PDF");
    expect(cli(["build", "--help"], { LANG: "fr_FR.UTF-8" }).stdout).toBe(before.out);
    expect(cli(["build", "--help"]).stdout).toContain(
      "check the minutes, then make their Word (DOCX) and PDF documents",
    );
  });

  it("speaks to clerks, not programmers, and gives the values in the language", async () => {
    const en = (await run(["--lang", "en", "build", "--help"])).out;
    for (const jargon of ["scaffold", "quoted globs", "worker threads", "deterministic", "CI matrices"])
      expect(en).not.toContain(jargon);
    expect((await run(["--lang", "en", "init", "--help"])).out).not.toContain("scaffold");
    const fr = (await run(["--lang", "fr", "actions", "--help"])).out;
    expect(fr).toMatch(/--since <AAAA-MM-JJ> +ne garde que les actions décidées/);
    expect(fr.replace(/\s+/g, " ")).toContain("fichiers ou dossiers (par défaut : ce dossier)");
    expect(fr.replace(/\s+/g, " ")).toContain("docx (Word) ou html (page web) (par défaut : table)");
    // French wrapping never leaves a ":" alone at the start of a line.
    expect(fr).not.toMatch(/\n +[:;»]/);
    const de = (await run(["--lang", "de", "--help"])).out;
    expect(de).toMatch(/^Aufruf: minutes \[Optionen\] \[Befehl\]/);
    expect(de).toContain("Befehle:");
    expect(de).toContain("zeigt die Versionsnummer");
  });
});

describe("usage errors", () => {
  it("are said in French, with the help to read, and exit 2", () => {
    const unknown = cli(["--lang", "fr", "build", "--frob", "x.md"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      "minutes: option inconnue : --frob\n  conseil: minutes build --help montre ce qui est accepté, avec des exemples\n",
    );
    const typo = cli(["bild"], { LANG: "fr_FR.UTF-8" });
    expect([typo.status, typo.stderr.split("\n")[0]]).toEqual([
      2,
      "minutes: commande inconnue : bild (vouliez-vous dire build ?)",
    ]);
    const missing = cli(["check"], { LANG: "fr_FR.UTF-8" });
    expect([missing.status, missing.stderr.split("\n")[0]]).toEqual([
      2,
      "minutes: il manque <fichiers> après la commande",
    ]);
    const date = cli(["check", "x.md", "--date", "31/02/2024"], { LANG: "fr_FR.UTF-8" });
    expect([date.status, date.stderr.split("\n")[0]]).toEqual([
      2,
      "minutes: --date « 31/02/2024 » : écrivez la date sous la forme AAAA-MM-JJ, par exemple 2024-03-12",
    ]);
    const choice = cli(["actions", "-f", "xlsx"], { LANG: "fr_FR.UTF-8" });
    expect([choice.status, choice.stderr.split("\n")[0]]).toEqual([
      2,
      "minutes: --format « xlsx » : choisissez parmi table, csv, json, md, ics, pdf, docx, html",
    ]);
    const status = cli(["actions", "test/fixtures/register", "--status", "peut-être"], { LANG: "fr_FR.UTF-8" });
    expect([status.status, status.stdout]).toEqual([2, ""]);
    expect(status.stderr).toContain("minutes: --status « peut-être » n'est pas un état");
  });

  it("stay English by default", () => {
    const r = cli(["build", "--frob", "x.md"]);
    expect([r.status, r.stderr]).toEqual([
      2,
      "minutes: unknown option --frob\n  hint: minutes build --help shows what it accepts, with examples\n",
    ]);
    expect(cli(["new", "extra"]).stderr).toContain("minutes: too many arguments for this command");
  });
});

describe("progress, summaries and tables", () => {
  const dir = mkdtempSync(join(tmpdir(), "minutes-cli-language-"));
  mkdirSync(join(dir, "m"));
  copyFileSync("examples/2024-03-05-steering-committee.md", join(dir, "m", "a.md"));
  writeFileSync(join(dir, "m", "b.md"), "---\ntitle: B\ndate: 2024-02-30\n---\n\n## 1. Point\n\nTexte.\n");

  it("prints what was written and the build summary in French", () => {
    const r = cli(["build", "m", "--out", "dist", "--force", "-f", "pdf"], { LANG: "fr_FR.UTF-8", CI: "true" }, dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("minutes: 2 fichiers, à faire : 2\n");
    expect(r.stdout).toMatch(/^écrit : .*dist\/a\.pdf$/m);
    expect(r.stdout).toMatch(/^minutes: générés : 1, inchangés : 0, en échec : 1, en \d+,\d s$/m);
    expect(r.stdout).toMatch(/^écrit : .*dist\/index\.html$/m);
    expect(r.stderr).toContain("échec : m/b.md\n");
    expect(r.stderr).toMatch(
      /^minutes: \d+ erreurs?, \d+ avertissements? ; rien n'a été écrit pour les fichiers en erreur$/m,
    );
    expect(r.stdout + r.stderr).not.toMatch(/\b(wrote|built|unchanged|failed|errors?|warnings?)\b/);
  });

  it("keeps them in English without a language", () => {
    const r = cli(["build", "m", "--out", "dist", "--force", "-f", "pdf"], { CI: "true" }, dir);
    expect(r.stdout).toContain("minutes: 2 files, 2 to build\n");
    expect(r.stdout).toMatch(/^wrote .*dist\/a\.pdf$/m);
    expect(r.stdout).toMatch(/^minutes: 1 built, 0 unchanged, 1 failed in \d+\.\d s$/m);
    expect(r.stderr).toMatch(/^minutes: \d+ errors?, \d+ warnings?; nothing was written for the files with errors$/m);
  });

  it("says the check summary in the language, 0 and 1 singular in French", () => {
    expect(cli(["check", "m/a.md"], { LANG: "fr_FR.UTF-8" }, dir).stderr).toMatch(
      /minutes: 0 erreur, \d+ avertissements?\n$/,
    );
    expect(cli(["check", "m/a.md"], { LANG: "de_DE.UTF-8" }, dir).stderr).toMatch(
      /minutes: 0 Fehler, \d+ Warnung(en)?\n$/,
    );
    expect([
      sayCount("count.error", 0, "fr"),
      sayCount("count.error", 0, "en"),
      sayCount("count.warning", 2, "fr"),
      sayCount("count.file", 1, "es"),
    ]).toEqual(["0 erreur", "0 errors", "2 avertissements", "1 archivo"]);
  });

  it("heads the action table in French, states in French, and keeps CSV and JSON in English", () => {
    const args = ["actions", "test/fixtures/register", "--today", "2023-03-15"];
    const fr = cli(args, { LANG: "fr_FR.UTF-8" });
    const lines = fr.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+ÉTAT\s+ÉCHÉANCE\s+RESPONSABLE\s+ACTION$/);
    expect(lines.find((l) => l.startsWith("FIN-1 "))).toMatch(
      /en cours !\s+2023-03-10\s+Finance & HR\s+Draft the 2023 budget/,
    );
    expect(cli(args).stdout.split("\n")[0]).toMatch(/^ID\s+STATUS\s+DEADLINE\s+RESPONSIBLE\s+ACTION$/);
    for (const format of ["csv", "json", "md"]) {
      const en = cli([...args, "-f", format]);
      expect(en.status).toBe(0);
      expect(cli([...args, "-f", format], { LANG: "fr_FR.UTF-8" }).stdout, format).toBe(en.stdout);
    }
    expect(
      cli([...args, "-f", "csv"], { LANG: "fr_FR.UTF-8" })
        .stdout.slice(1)
        .split("\r\n")[0],
    ).toBe(
      "id,meeting_date,item,action,responsible,owners,deadline,deadline_date,status,status_text,overdue,comment,source",
    );
  });

  it("keeps --json and --reporter json in English", () => {
    const reporter = (env: NodeJS.ProcessEnv) => cli(["check", "m", "--reporter", "json"], env, dir).stdout;
    expect(reporter({ LANG: "fr_FR.UTF-8" })).toBe(reporter({}));
    const summary = (env: NodeJS.ProcessEnv) =>
      JSON.parse(
        cli(["build", "m", "--out", "dist", "--json", "-f", "pdf"], env, dir).stdout,
        (key, value: unknown) => (key === "ms" ? 0 : value) as unknown,
      ) as object;
    const fr = summary({ LANG: "fr_FR.UTF-8" });
    expect(fr).toEqual(summary({}));
    expect(JSON.stringify(fr)).toContain("is not a real calendar date");
  });
});

describe("init's closing message", () => {
  it("gives the next commands, with the cd into the new folder, in the language", () => {
    const parent = mkdtempSync(join(tmpdir(), "minutes-init-lang-"));
    const fr = cli(
      ["init", "mes comptes-rendus", "--language", "fr", "--date", "2025-01-15"],
      { LANG: "fr_FR.UTF-8" },
      parent,
    );
    expect(fr.status).toBe(0);
    expect(fr.stdout).toMatch(/^écrit : mes comptes-rendus\/minutes\.config\.yaml$/m);
    expect(fr.stdout).toMatch(
      /minutes: votre dossier de comptes-rendus est prêt\. Ensuite :\n {2}cd "mes comptes-rendus" +entrez dans le dossier\n {2}minutes\/2025\/2025-01-15-exemple\.md +une réunion d'exemple : lisez-la, puis supprimez-la \(la vérification échoue tant que ses exemples restent\)\n {2}minutes new +écrit le fichier de la prochaine réunion, à compléter\n {2}minutes build minutes --out dist +fait les documents Word et PDF, dans dist\/\n$/,
    );
    const en = cli(["init", "repo"], {}, parent);
    expect(en.stdout).toMatch(
      /minutes: your minutes folder is ready\. Next:\n {2}cd repo +go into the folder\n {2}minutes\/\d{4}\/\d{4}-\d\d-\d\d-example\.md +an example meeting: .+\n {2}minutes new +.+\n {2}minutes build minutes --out dist +.+\n$/,
    );
    const here = mkdtempSync(join(tmpdir(), "minutes-init-here-"));
    expect(cli(["init"], {}, here).stdout).not.toContain("cd ");
  });
});

describe("the machine's locale", () => {
  it("does not change the order meetings are read and reported in (Swedish sorts å after z, English before a)", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-collation-"));
    mkdirSync(join(dir, "m"));
    // The same meeting twice: each reports its actions' ids as already used in the other, the first read first.
    for (const name of ["zeta.md", "åre.md"])
      copyFileSync(join(process.cwd(), "examples/2024-03-05-steering-committee.md"), join(dir, "m", name));
    const [sv, en] = ["sv_SE.UTF-8", "en_US.UTF-8"].map((LANG) =>
      cli(["actions", "m", "--format", "csv", "--lang", "en"], { LANG, MINUTES_SERVER: "0" }, dir),
    );
    expect(en!.stderr).toMatch(/^m\/zeta\.md:\d+:\d+: error: The action id "[^"]+" is already used in m\/åre\.md/m);
    expect(sv!.stderr).toBe(en!.stderr);
    expect(sv!.stdout).toBe(en!.stdout);
  });
});
