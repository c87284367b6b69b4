// The message catalogue (src/i18n/): every entry in every language, with the same placeholders; the
// language chosen as the issue orders it; the CLI printing in that language while JSON stays English.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue, chooseUiLanguage, placeholders, render, text, uiLanguages } from "../src/i18n/messages.js";
import { plainCliEnv } from "./helpers/tools.js";

describe("the message catalogue", () => {
  it("has every entry in every language, none empty, with the same placeholders as the English", () => {
    const problems: string[] = [];
    for (const [id, entry] of Object.entries(catalogue)) {
      const english = placeholders(entry.en);
      for (const language of uiLanguages) {
        const template = (entry as Record<string, string>)[language];
        if (!template?.trim()) problems.push(`${id}: no ${language}`);
        else if (JSON.stringify(placeholders(template)) !== JSON.stringify(english)) problems.push(`${id} (${language}): {${placeholders(template).join("}, {")}} instead of {${english.join("}, {")}}`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(catalogue).length).toBeGreaterThan(2);
  });

  it("fills placeholders, and leaves one with no value as written", () => {
    expect(render(text("agenda-number", { typed: "1.", position: 4 }), "fr")).toBe("Ce point porte le numéro « 1. » mais c'est le point 4 ; il est imprimé comme 4.");
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

describe("the CLI speaks the user's language", () => {
  const dir = mkdtempSync(join(tmpdir(), "minutes-lang-"));
  copyFileSync("examples/2022-09-23-gtm.md", join(dir, "seed.md"));
  const { LC_ALL: _a, LC_MESSAGES: _m, LANG: _l, ...env } = plainCliEnv();
  const cli = (args: string[], extra: NodeJS.ProcessEnv = {}, cwd = dir) => spawnSync(process.execPath, [join(process.cwd(), "bin/minutes.js"), ...args], { cwd, encoding: "utf8", env: { ...env, ...extra } });

  it("prints diagnostics in French under LANG=fr_FR.UTF-8, in German with --lang de, in English by default", () => {
    expect(cli(["check", "seed.md"], { LANG: "fr_FR.UTF-8" }).stderr).toContain("seed.md:116:1: avertissement: Ce point porte le numéro « 1. » mais c'est le point 4");
    expect(cli(["check", "seed.md"], { LANG: "fr_FR.UTF-8" }).stderr).toContain("  conseil: Écrivez « 4. »");
    expect(cli(["--lang", "de", "check", "seed.md"], { LANG: "fr_FR.UTF-8" }).stderr).toContain("seed.md:116:1: Warnung: Dieser Punkt trägt");
    expect(cli(["check", "seed.md", "--lang=es"]).stderr).toContain("advertencia: Este punto lleva");
    expect(cli(["check", "seed.md"]).stderr).toContain("seed.md:116:1: warning: This item is typed");
  });

  it("takes the config's language, and keeps JSON output in English", () => {
    const repo = mkdtempSync(join(tmpdir(), "minutes-lang-config-"));
    copyFileSync("examples/2022-09-23-gtm.md", join(repo, "seed.md"));
    writeFileSync(join(repo, "minutes.config.yaml"), "language: pt\n");
    expect(cli(["check", "seed.md"], {}, repo).stderr).toContain("aviso: Este item tem o número");
    const json = JSON.parse(cli(["check", "seed.md", "--reporter", "json"], { LANG: "fr_FR.UTF-8" }).stdout) as { files: { diagnostics: Record<string, unknown>[] }[] };
    expect(json.files[0]!.diagnostics[0]).toEqual(expect.objectContaining({ rule: "agenda-number", severity: "warning", message: 'This item is typed "1." but it is item 4; it is printed as 4.' }));
    expect(Object.keys(json.files[0]!.diagnostics[0]!)).not.toContain("text");
  });
});
