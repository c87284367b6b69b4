// The agenda looks the same in both formats: each entry's number right-aligned in a column of its own, the
// text after it, and a wrapped title under the text (the layout's geometry.agenda). Read back from the PDF
// and from the DOCX as LibreOffice lays it out, on the seed, whose second entry wraps. (Before: the DOCX
// wrote "2. Présentation…" as plain text 14 pt in, so the wrapped line started under the number, 25 pt left
// of the PDF's.)
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { build } from "../src/build.js";
import { itWithTools, run } from "./helpers/tools.js";

const seed = join(import.meta.dirname, "../examples/2022-09-23-gtm.md");

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** The words of a PDF's first page, in reading order. */
function firstPageWords(pdf: string): Word[] {
  const html = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    (m) => ({
      text: m[4]!,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
    }),
  );
}

/** Where the agenda's words sit: the numbers' right edges and the left edge of each line of text. */
function agendaGeometry(words: Word[]): { numberRight: number[]; textLeft: number[] } {
  const start = words.findIndex((w) => w.text === "Ouverture");
  const end = words.findIndex((w, i) => i > start && w.text === "étapes");
  expect(start, "the agenda's first entry").toBeGreaterThan(0);
  expect(end, "the agenda's last word").toBeGreaterThan(start);
  const agenda = words.slice(start, end + 1);
  // The first word of each line: a line starts where a word sits lower than the one before.
  const lineStarts = agenda.filter((w, i) => i === 0 || w.yMin > agenda[i - 1]!.yMin + 2);
  const numbers = lineStarts.filter((w) => /^\d+\.$/.test(w.text));
  const textLeft = agenda
    .filter((w, i) => !/^\d+\.$/.test(w.text) && (lineStarts.includes(w) || /^\d+\.$/.test(agenda[i - 1]?.text ?? "")))
    .map((w) => w.xMin);
  return { numberRight: numbers.map((w) => w.xMax), textLeft };
}

describe("the agenda in the PDF and in the DOCX", () => {
  itWithTools("soffice", "pdftotext")(
    "hangs each number in its column and starts every line of text at the same place",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "minutes-agenda-"));
      const built = await build(seed, { out: dir, formats: ["docx", "pdf"], config: null });
      expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
      run("soffice", [
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        join(dir, "lo"),
        join(dir, "2022-09-23-gtm.docx"),
      ]);

      const pdf = agendaGeometry(firstPageWords(join(dir, "2022-09-23-gtm.pdf")));
      const docx = agendaGeometry(firstPageWords(join(dir, "lo/2022-09-23-gtm.pdf")));
      // "Ouverture", the four titles and the second title's wrapped line: six lines of text, four numbers.
      expect(pdf.textLeft).toHaveLength(6);
      expect(pdf.numberRight).toHaveLength(4);
      // In the PDF, every line of text starts at one x, right of every number.
      for (const x of pdf.textLeft) expect(x).toBeCloseTo(pdf.textLeft[0]!, 0);
      for (const x of pdf.numberRight) expect(x).toBeLessThan(pdf.textLeft[0]!);
      // The DOCX, as LibreOffice draws it, puts them in the same places (within a point).
      expect(docx.textLeft).toHaveLength(6);
      expect(docx.numberRight).toHaveLength(4);
      docx.textLeft.forEach((x, i) => expect(Math.abs(x - pdf.textLeft[i]!), `text line ${i + 1}`).toBeLessThan(1));
      docx.numberRight.forEach((x, i) => expect(Math.abs(x - pdf.numberRight[i]!), `number ${i + 1}`).toBeLessThan(1));
    },
  );
});
