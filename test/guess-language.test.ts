// The language of minutes that name none is guessed among the five label languages from their words
// (src/parse/guess-language.ts), and the model carries it, so labels and dates print in that language.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { guessLanguage } from "../src/parse/guess-language.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const dir = "test/fixtures/guess-language";

describe("guessLanguage", () => {
  for (const language of ["en", "fr", "es", "pt", "de"]) {
    it(`guesses ${language} for a short meeting written in it, and the model carries it`, () => {
      const text = readFileSync(`${dir}/${language}.md`, "utf8");
      expect(guessLanguage(text)).toBe(language);
      const { minutes } = parseMinutes(text, { path: `minutes/2024-03-05-${language}.md` });
      expect(minutes!.meeting.language).toBe(language);
    });
  }

  it("keeps the seed French and the English examples English", () => {
    expect(guessLanguage(readFileSync("examples/2022-09-23-gtm.md", "utf8"))).toBe("fr");
    for (const name of readdirSync("examples").filter((n) => n.endsWith(".md") && n !== "2022-09-23-gtm.md")) {
      const text = readFileSync(`examples/${name}`, "utf8");
      if (!/^language:/m.test(text)) expect(guessLanguage(text), name).toBe("en");
    }
  });

  it("falls back to English for a short or a mixed text", () => {
    expect(guessLanguage("Protokoll: der Haushalt")).toBe("en");
    expect(guessLanguage("")).toBe("en");
    const mixed = `${readFileSync(`${dir}/de.md`, "utf8")}\n${readFileSync(`${dir}/es.md`, "utf8")}`;
    expect(guessLanguage(mixed)).toBe("en");
  });

  it("is not swayed by URLs or e.g. in an English text", () => {
    const text =
      "The notes are at https://example.com/a and https://example.com/b (e.g. the agenda). See https://x.com/c, https://y.com/d, https://z.com/e, e.g. https://w.com/f.";
    expect(guessLanguage(text)).toBe("en");
  });
});
