// The message catalogue (src/i18n/): every entry in every language, with the same placeholders; the
// language chosen as the issue orders it; the CLI printing in that language while JSON stays English.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue, chooseUiLanguage, placeholders, render, text, uiLanguages } from "../src/i18n/messages.js";
import { schemaMessageId } from "../src/yaml-source.js";
import { plainCliEnv } from "./helpers/tools.js";

/** Every TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

const line = (source: string, offset: number) => source.slice(0, offset).split("\n").length;

/** The `( … )` that starts at `open`, strings and template literals skipped. */
function parenthesised(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === "\\") i++;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

const literalProperty = /\b(message|hint)\s*:\s*["'`]/;

/**
 * Where a source writes a message or hint as text instead of a catalogue entry: in the arguments of a
 * report( or diagnostic( call, and any `message:` or `hint:` property given a string or template literal.
 */
function englishMessages(source: string, file = "<source>"): string[] {
  const offsets = new Set<number>();
  for (const call of source.matchAll(/\b(report|diagnostic)\(/g)) {
    const start = call.index + call[0].length - 1;
    const literal = literalProperty.exec(parenthesised(source, start));
    if (literal) offsets.add(start + literal.index);
  }
  for (const property of source.matchAll(new RegExp(literalProperty.source, "g"))) offsets.add(property.index);
  return [...offsets]
    .sort((a, b) => a - b)
    .map((at) => `${file}:${line(source, at)}: ${source.slice(at, at + 60).split("\n")[0]}`);
}

/**
 * Literals that are not messages to a person. Each needs a reason here; a message never does (put it in
 * src/i18n/catalogue/).
 */
const notMessages = [
  // The DOCX run property w:hint="eastAsia" (which font slot Word uses), not a hint to the user.
  /^src\/render\/docx\/script-fonts\.ts:\d+: hint: "eastAsia"/,
];

describe("the message catalogue", () => {
  it("has every entry in every language, none empty, with the same placeholders as the English", () => {
    const problems: string[] = [];
    for (const [id, entry] of Object.entries(catalogue)) {
      const english = placeholders(entry.en);
      for (const language of uiLanguages) {
        const template = (entry as Record<string, string>)[language];
        if (!template?.trim()) problems.push(`${id}: no ${language}`);
        else if (JSON.stringify(placeholders(template)) !== JSON.stringify(english))
          problems.push(
            `${id} (${language}): {${placeholders(template).join("}, {")}} instead of {${english.join("}, {")}}`,
          );
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(catalogue).length).toBeGreaterThan(2);
  });

  it("fills placeholders, and leaves one with no value as written", () => {
    expect(render(text("agenda-number", { typed: "1.", position: 4 }), "fr")).toBe(
      "Ce point porte le numéro « 1. » mais c'est le point 4 ; il est imprimé comme 4.",
    );
    expect(render(text("agenda-number", { typed: "1." }), "en")).toContain("item {position}");
  });

  it("takes the language from --lang, then the config, then LC_ALL, LC_MESSAGES, LANG, then English", () => {
    expect(chooseUiLanguage("de", "fr", { LANG: "es_ES.UTF-8" })).toBe("de");
    expect(chooseUiLanguage(undefined, "fr-CA", { LANG: "es_ES.UTF-8" })).toBe("fr");
    expect(chooseUiLanguage(undefined, undefined, { LC_ALL: "pt_BR.UTF-8", LANG: "de_DE" })).toBe("pt");
    expect(chooseUiLanguage(undefined, undefined, { LC_MESSAGES: "fr_FR.UTF-8", LANG: "de_DE" })).toBe("fr");
    expect(chooseUiLanguage(undefined, undefined, { LANG: "de_DE.UTF-8" })).toBe("de");
    expect(chooseUiLanguage(undefined, "it", { LANG: "C.UTF-8" })).toBe("en");
    expect(chooseUiLanguage("xx", undefined, {})).toBe("en");
  });
});

describe("every message is in the catalogue", () => {
  it("no report( or diagnostic( call, and no message or hint property, is written as English text in src/", () => {
    const found = sources("src")
      .filter((file) => !file.startsWith(join("src", "i18n", "catalogue")))
      .flatMap((file) => englishMessages(readFileSync(file, "utf8"), relative(".", file).split("\\").join("/")))
      .filter((hit) => !notMessages.some((allowed) => allowed.test(hit)));
    expect(found).toEqual([]);
  });

  it("the scan finds a message or hint written as text, in a call or in a result", () => {
    expect(
      englishMessages('report(file, { severity: "error", rule: "x", message: "The file is empty." });'),
    ).toHaveLength(1);
    expect(
      englishMessages('report(file, { severity: "error", rule: "x", message: text("x"), hint: `Write ${key}.` });'),
    ).toHaveLength(1);
    expect(
      englishMessages("diagnostics.push(diagnostic({ ...at, message: text(\"x\"), hint: 'Check it.' }));"),
    ).toHaveLength(1);
    expect(englishMessages('return { ok: false, message: "is not a font" };')).toHaveLength(1);
    expect(
      englishMessages(
        'report(file, { severity: "error", rule: "x", message: text("x", { key: "a(b" }), hint: text("x.hint") });',
      ),
    ).toEqual([]);
  });

  it('has an entry for every message a zod schema writes, whose English is "`{key}` <message>."', () => {
    const schemaMessages = sources("src")
      .map((file) => readFileSync(file, "utf8"))
      .filter((source) => /from "zod"/.test(source))
      .flatMap((source) =>
        [...source.matchAll(/\berror:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g)].map((m) =>
          m[1]!.startsWith("'") ? m[1]!.slice(1, -1) : (JSON.parse(m[1]!) as string),
        ),
      );
    expect(schemaMessages.length).toBeGreaterThan(20);
    expect(schemaMessages.filter((message) => schemaMessageId(message) === undefined)).toEqual([]);
    expect(render(text(schemaMessageId("must be true or false")!, { key: "strict" }), "de")).toBe(
      "`strict` muss true oder false sein.",
    );
  });

  it("defines each id once in src/i18n/catalogue/ (a second definition would replace the first unseen), and merges every file", () => {
    const definitions = sources(join("src", "i18n", "catalogue")).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^ {2}"([^"]+)": \{/gm)].map((m) => ({ id: m[1]!, file })),
    );
    const seen = new Map<string, string>();
    const twice = definitions
      .filter(({ id, file }) => (seen.has(id) ? true : (seen.set(id, file), false)))
      .map(({ id, file }) => `${id} in ${seen.get(id)} and ${file}`);
    expect(twice).toEqual([]);
    expect(definitions.filter(({ id }) => !(id in catalogue))).toEqual([]);
    expect(definitions.length).toBe(Object.keys(catalogue).length);
  });
});

describe("the CLI speaks the user's language", () => {
  const dir = mkdtempSync(join(tmpdir(), "minutes-lang-"));
  copyFileSync("examples/2022-09-23-gtm.md", join(dir, "seed.md"));
  const { LC_ALL: _a, LC_MESSAGES: _m, LANG: _l, ...env } = plainCliEnv();
  const cli = (args: string[], extra: NodeJS.ProcessEnv = {}, cwd = dir) =>
    spawnSync(process.execPath, [join(process.cwd(), "bin/minutes.js"), ...args], {
      cwd,
      encoding: "utf8",
      env: { ...env, ...extra },
    });

  it("prints diagnostics in French under LANG=fr_FR.UTF-8, in German with --lang de, in English by default", () => {
    expect(cli(["check", "seed.md"], { LANG: "fr_FR.UTF-8" }).stderr).toContain(
      "seed.md:116:1: avertissement: Ce point porte le numéro « 1. » mais c'est le point 4",
    );
    expect(cli(["check", "seed.md"], { LANG: "fr_FR.UTF-8" }).stderr).toContain("  conseil: Écrivez « 4. »");
    expect(cli(["--lang", "de", "check", "seed.md"], { LANG: "fr_FR.UTF-8" }).stderr).toContain(
      "seed.md:116:1: Warnung: Dieser Punkt trägt",
    );
    expect(cli(["check", "seed.md", "--lang=es"]).stderr).toContain("advertencia: Este punto lleva");
    expect(cli(["check", "seed.md"]).stderr).toContain("seed.md:116:1: warning: This item is typed");
  });

  it("prints each problem of a broken meeting (front matter, body, action table) in French and in German, at the same file:line:column", () => {
    const repo = mkdtempSync(join(tmpdir(), "minutes-lang-broken-"));
    writeFileSync(
      join(repo, "reunion.md"),
      [
        "---",
        "title: Conseil d'administration",
        "date: 2024-03-05",
        "time: 11:00-09:00",
        "language: fr",
        "lieu: Genève",
        "---",
        "",
        "## 1. Budget",
        "",
        "Le budget est présenté.",
        "",
        "### Points d'action",
        "",
        "| Action | Responsable | Date limite |",
        "|---|---|---|",
        "|  | Ana | 2024-04-01 |",
        "| Envoyer le rapport | Ana | 31/31/2024 |",
        "",
        "## 3. Divers",
        "",
        "Rien à signaler.",
        "",
      ].join("\n"),
    );
    const json = JSON.parse(
      cli(["check", "reunion.md", "--reporter", "json"], { LANG: "fr_FR.UTF-8" }, repo).stdout,
    ) as { files: { diagnostics: { line: number; column: number; rule: string; message: string }[] }[] };
    const places = json.files[0]!.diagnostics.map((d) => `reunion.md:${d.line}:${d.column} ${d.rule}`).sort(
      (a, b) => Number(a.split(":")[1]) - Number(b.split(":")[1]),
    );
    expect(places).toEqual([
      "reunion.md:4:7 front-matter-time",
      "reunion.md:6:1 front-matter-unknown-key",
      "reunion.md:17:1 action-text-missing",
      "reunion.md:18:30 action-deadline-format",
      "reunion.md:20:1 agenda-number",
    ]);
    expect(json.files[0]!.diagnostics.find((d) => d.rule === "front-matter-time")!.message).toBe(
      "`time` ends (09:00) before it starts (11:00).",
    );
    const expected = {
      fr: [
        "reunion.md:4:7: erreur: `time` se termine (09:00) avant de commencer (11:00). [front-matter-time]",
        "  conseil: Écrivez d'abord l'heure de début, par exemple 09:00-11:00.",
        "reunion.md:6:1: avertissement: Clé inconnue `lieu` : vouliez-vous dire `location` ? [front-matter-unknown-key]",
        "reunion.md:17:1: erreur: Cette ligne d'action n'a pas de texte d'action. [action-text-missing]",
        "  conseil: Écrivez ce qu'il faut faire dans la première colonne, ou supprimez la ligne.",
        "reunion.md:18:30: erreur: La date limite « 31/31/2024 » n'est pas une date lisible. [action-deadline-format]",
        "  conseil: Écrivez-la sous l'une de ces formes : 2022-10-27, 27/10/2022",
        "reunion.md:20:1: avertissement: Ce point porte le numéro « 3. » mais c'est le point 2 ; il est imprimé comme 2. [agenda-number]",
      ],
      de: [
        "reunion.md:4:7: Fehler: `time` endet (09:00), bevor es beginnt (11:00). [front-matter-time]",
        "  Hinweis: Schreiben Sie zuerst die Anfangszeit, z. B. 09:00-11:00.",
        "reunion.md:6:1: Warnung: Unbekannter Schlüssel `lieu`: Meinten Sie `location`? [front-matter-unknown-key]",
        "reunion.md:17:1: Fehler: Diese Aufgabenzeile hat keinen Aufgabentext. [action-text-missing]",
        "  Hinweis: Schreiben Sie in die erste Spalte, was zu tun ist, oder löschen Sie die Zeile.",
        "reunion.md:18:30: Fehler: Die Frist „31/31/2024“ ist kein lesbares Datum. [action-deadline-format]",
        "  Hinweis: Schreiben Sie sie in einer dieser Formen: 2022-10-27, 27/10/2022",
        "reunion.md:20:1: Warnung: Dieser Punkt trägt die Nummer „3.“, ist aber Punkt 2; er wird als 2 gedruckt. [agenda-number]",
      ],
    };
    for (const [language, lines] of Object.entries(expected)) {
      const r = cli(["check", "reunion.md"], { LANG: `${language}_${language.toUpperCase()}.UTF-8` }, repo);
      expect(r.status, language).toBe(1);
      for (const expectedLine of lines) expect(r.stderr, language).toContain(expectedLine);
      // Nothing English is left but what the user wrote, the rule ids and the code: no English sentence.
      expect(r.stderr, language).not.toMatch(/ (is|has|the|Write|not a date) /);
    }
  });

  it("takes the config's language, and keeps JSON output in English", () => {
    const repo = mkdtempSync(join(tmpdir(), "minutes-lang-config-"));
    copyFileSync("examples/2022-09-23-gtm.md", join(repo, "seed.md"));
    writeFileSync(join(repo, "minutes.config.yaml"), "language: pt\n");
    expect(cli(["check", "seed.md"], {}, repo).stderr).toContain("aviso: Este item tem o número");
    const json = JSON.parse(cli(["check", "seed.md", "--reporter", "json"], { LANG: "fr_FR.UTF-8" }).stdout) as {
      files: { diagnostics: Record<string, unknown>[] }[];
    };
    expect(json.files[0]!.diagnostics[0]).toEqual(
      expect.objectContaining({
        rule: "agenda-number",
        severity: "warning",
        message: 'This item is typed "1." but it is item 4; it is printed as 4.',
      }),
    );
    expect(Object.keys(json.files[0]!.diagnostics[0]!)).not.toContain("text");
  });
});
