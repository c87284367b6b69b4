// Renders in one process share parsed fonts and shaped words (what a batch worker does): a meeting
// rendered after others gives the same bytes as when rendered first.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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
});
