// Renders in one process share parsed fonts and shaped words (what a batch worker does): a meeting
// rendered after others gives the same bytes as when rendered first.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { itWithTools, plainCliEnv, run } from "./helpers/tools.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { renderPdf } from "../src/index.js";
import { defaultTheme } from "../src/theme/default-theme.js";

const load = (path: string) => parseMinutes(readFileSync(path, "utf8"), { path }).minutes!;

describe("PDF renders in one process", () => {
  it("give the same bytes whatever was rendered before", async () => {
    const options = { theme: defaultTheme(), timestamp: new Date("2024-01-01T00:00:00Z") };
    const seed = load("examples/2022-09-23-gtm.md");
    const english = load("examples/2024-03-05-steering-committee.md");
    const first = await renderPdf(seed, options);
    const englishFirst = await renderPdf(english, options);
    for (let i = 0; i < 2; i++) {
      expect(Buffer.from(await renderPdf(seed, options)).equals(Buffer.from(first))).toBe(true);
      expect(Buffer.from(await renderPdf(english, options)).equals(Buffer.from(englishFirst))).toBe(true);
    }
  });

  it("give the same bytes for Arabic whichever letter of a shared glyph came first", () => {
    // ج, ح and خ share one glyph in Noto Sans Arabic: the map of the glyph's text is made per document, from its
    // first use there, not from the first letter the process drew with it.
    const { alone, after } = aloneAndAfter("محمد أحمد", "جمال خالد حسن");
    expect(readFileSync(alone).length).toBeGreaterThan(1000);
    expect(readFileSync(after).equals(readFileSync(alone))).toBe(true);
  });

  itWithTools("pdftotext")("give the same bytes and text for Thai's vowel AM whatever came before", () => {
    // Noto Sans Thai draws ำ as the circle ํ and the glyph of า: the batch used to give that glyph the text of
    // its first use in the process (found by review: จำนวน read "จำ นวน" alone and "จำานวน" after "มา นา").
    const { alone, after } = aloneAndAfter("มา นา", "จำนวน กำหนด มา");
    expect(readFileSync(after).equals(readFileSync(alone))).toBe(true);
    expect(run("pdftotext", [alone, "-"])).toContain("จำนวน กำหนด มา");
  });
});

/**
 * The PDF of a meeting whose item holds `body`, built alone and in a batch of one worker after a meeting whose
 * item holds `before`.
 */
function aloneAndAfter(before: string, body: string): { alone: string; after: string } {
  const dir = mkdtempSync(join(tmpdir(), "minutes-shared-"));
  const write = (name: string, text: string) =>
    writeFileSync(join(dir, name), `---\ntitle: T\ndate: 2024-01-01\n---\n\n## 1. Item\n\n${text}\n`);
  write("a.md", before);
  write("b.md", body);
  const build = (out: string, ...files: string[]): string => {
    const r = spawnSync(
      "bin/minutes.js",
      ["build", "--jobs", "1", "--format", "pdf", "--out", join(dir, out), ...files.map((f) => join(dir, f))],
      { encoding: "utf8", env: { ...plainCliEnv(), SOURCE_DATE_EPOCH: "1700000000" } },
    );
    expect(r.status, r.stderr).toBe(0);
    return join(dir, out, "b.pdf");
  };
  return { alone: build("alone", "b.md"), after: build("after", "a.md", "b.md") };
}

describe("the text of PDFs built one after the other in a process", () => {
  // A composite glyph (É) brings its parts (E) into the first document's subset with no characters; a font shared
  // with a later document must still give that document's E its character, or "Ellie" is copied as "llie".
  itWithTools("pdftotext")(
    "keeps every letter of a later meeting (a batch of one worker, French before English)",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "minutes-shared-glyphs-"));
      writeFileSync(join(dir, "a.md"), "---\ntitle: A\ndate: 2024-01-01\n---\n\n## 1. Item\n\nÉlodie, Émile et Ève.\n");
      writeFileSync(join(dir, "b.md"), "---\ntitle: B\ndate: 2024-01-02\n---\n\n## 1. Item\n\nEllie Editors WECG.\n");
      const r = spawnSync(
        "bin/minutes.js",
        ["build", "--jobs", "1", "--format", "pdf", join(dir, "a.md"), join(dir, "b.md")],
        {
          encoding: "utf8",
          env: plainCliEnv(),
        },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(run("pdftotext", [join(dir, "a.pdf"), "-"])).toContain("Élodie, Émile et Ève.");
      expect(run("pdftotext", [join(dir, "b.pdf"), "-"])).toContain("Ellie Editors WECG.");
    },
  );
});
