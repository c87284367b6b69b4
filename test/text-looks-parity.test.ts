// The section labels and the headings written inside an item look the same in both formats: the layout's
// geometry decides each look (size, colour, bold, italic, headings family), and the DOCX's Word styles and the
// PDF's text styles are read here side by side, for a theme whose sizes and colours all differ, so that a
// renderer choosing a look of its own fails. (Before: the PDF drew a `####` heading of the seed in the
// subheading size and the primary colour, larger than the section label above it; the DOCX in bold text.)
import { describe, expect, it } from "vitest";
import { geometry } from "../src/layout/geometry.js";
import { styleTable } from "../src/render/docx/style-table.js";
import { pdfStyles, type TextStyle } from "../src/render/pdf/pdf-styles.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import type { Theme } from "../src/theme/theme.js";

const base = defaultTheme();
const theme: Theme = {
  ...base,
  sizes: { ...base.sizes, body: 10, subheading: 13 },
  colors: { ...base.colors, primary: "AA0000", text: "00AA00", muted: "0000AA" },
  fonts: { ...base.fonts, headings: { ...base.fonts.headings, family: "Heading Family" } },
};

interface Look {
  size: number;
  color: string;
  bold: boolean;
  italic: boolean;
  headingsFamily: boolean;
}

const fromPdf = (style: TextStyle): Look => ({
  size: style.size,
  color: style.color.replace("#", "").toUpperCase(),
  bold: style.bold,
  italic: style.italic,
  headingsFamily: Boolean(style.heading) && style.bold && !style.italic,
});

interface WordRun {
  size?: number;
  color?: string;
  bold?: boolean;
  italics?: boolean;
  font?: { ascii?: string };
}

const fromWord = (run: WordRun | undefined): Look => ({
  size: (run?.size ?? 0) / 2,
  color: (run?.color ?? "").toUpperCase(),
  bold: Boolean(run?.bold),
  italic: Boolean(run?.italics),
  headingsFamily: run?.font?.ascii === "Heading Family",
});

describe("the look of section labels and of an item's headings", () => {
  const pdf = pdfStyles(theme).text;
  const word = styleTable(theme, "en", geometry(theme)).default as Record<string, { run?: WordRun } | undefined>;

  it("is the same in the PDF and in the DOCX's Word styles, level by level", () => {
    expect(fromWord(word.heading2?.run)).toEqual(fromPdf(pdf.sectionLabel));
    // block-content.ts: a heading of level n inside an item is Word's Heading n + 2; the PDF's subheadings[n - 1].
    for (const level of [1, 2, 3, 4]) {
      const pdfStyle = pdf.subheadings[Math.min(level, pdf.subheadings.length) - 1]!;
      expect(fromWord(word[`heading${level + 2}`]?.run), `level ${level}`).toEqual(fromPdf(pdfStyle));
    }
  });

  it("puts a first-level heading below the section label, not above it", () => {
    const label = fromPdf(pdf.sectionLabel);
    const first = fromPdf(pdf.subheadings[0]!);
    expect(first.size).toBeLessThanOrEqual(label.size);
    expect(first).not.toEqual(label);
  });
});
