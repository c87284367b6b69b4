// text-line.ts writes a run of glyphs itself instead of calling pdfkit's text(): the operators must be the ones
// pdfkit writes, byte for byte, for kerned text, marks placed by GPOS (their own text matrix), right-to-left
// text and odd coordinates.
import { describe, expect, it } from "vitest";
import { shippedFont } from "../src/package/shipped-files.js";
import { RIGHT_TO_LEFT } from "../src/render/pdf/bidi-line.js";
import PDFDocument from "../src/render/pdf/pdfkit-library.js";
import type { KitFont } from "../src/render/pdf/font-book.js";
import { drawRun } from "../src/render/pdf/text-line.js";

type Draw = (doc: PDFKit.PDFDocument, font: KitFont, size: number, x: number, baseline: number, text: string) => void;

/** An uncompressed one-page PDF with `text` drawn by `draw`, as text. */
async function pdfWith(draw: Draw, font: string, size: number, x: number, baseline: number, text: string) {
  const doc = new PDFDocument({ compress: false, size: [595.28, 841.89], info: { CreationDate: new Date(0) } });
  const chunks: Uint8Array[] = [];
  doc.on("data", (c: Uint8Array) => chunks.push(c));
  const done = new Promise((resolve) => doc.on("end", resolve));
  doc.font(font).fontSize(size);
  draw(doc, (doc as unknown as { _font: KitFont })._font, size, x, baseline, text);
  doc.end();
  await done;
  return Buffer.concat(chunks).toString("latin1");
}

/**
 * pdfkit's text(); a run with marks that is not right to left is wrapped, inside pdfkit's transform, in a Span
 * whose ActualText is the text (UTF-16BE with its byte order mark), which the renderer writes so that the text
 * reads back in order.
 */
const byPdfkit: Draw = (doc, _font, _size, x, baseline, text) => {
  const draw = () => void doc.text(text, x, baseline, { lineBreak: false, baseline: "alphabetic" });
  if (!/[\p{M}\u0e33\u0eb3]/u.test(text) || RIGHT_TO_LEFT.test(text)) return draw();
  const hex = `FEFF${Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase()}`;
  const add = doc.addContent.bind(doc);
  let opened = false;
  doc.addContent = (content: string) => {
    if (!opened && content.endsWith(" cm")) {
      opened = true;
      add(content);
      return add(`/Span <</ActualText <${hex}>>> BDC`);
    }
    if (opened && content === "Q") add("EMC");
    return add(content);
  };
  draw();
  doc.addContent = add;
};
const byRenderer: Draw = (doc, font, size, x, baseline, text) => drawRun(doc, font, size, x, baseline, text, null);

const cases: [string, string][] = [
  ["noto-sans-regular", "AVATAR To. Wa, fi ffl — « guillemets » 12,5 %"],
  ["noto-sans-bold", "Nguy\u0303n Tra\u0302\u0300n q\u0303 x\u0323\u0302 e\u0301\u0301"],
  ["noto-sans-italic", "  leading and trailing spaces  "],
  ["noto-sans-arabic-regular", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"],
  ["noto-sans-devanagari-regular", "\u0928\u092e\u0938\u094d\u0924\u0947 \u0915\u094d\u0937\u093f"],
];

describe("a run of glyphs drawn by the PDF renderer", () => {
  for (const [face, text] of cases)
    it(`writes pdfkit's operators: ${face} "${text}"`, async () => {
      const args = [shippedFont(face as never), 10.5, 72.1234567, 300.987654321, text] as const;
      const expected = await pdfWith(byPdfkit, ...args);
      expect(expected).toContain("] TJ");
      // Marks are placed by GPOS: pdfkit gives each offset glyph its own text matrix, then returns.
      if (face === "noto-sans-bold") expect(expected.match(/ Tm\n/g)!.length).toBeGreaterThan(4);
      expect(expected.includes("/ActualText"), face).toBe(face === "noto-sans-bold" || face.includes("devanagari"));
      expect(await pdfWith(byRenderer, ...args)).toBe(expected);
    });

  // drawRun keeps each word's glyphs for the document: a word drawn again, alone or among others, with a
  // kerned pair at its end or across the space, and words with marks (drawn by pdfkit's path) between them.
  it("writes pdfkit's operators for words drawn again in the same document", async () => {
    const texts = [
      "AVATAR To. Wa,",
      "To. Wa, AVATAR",
      "AVATAR  AVATAR\tTo.",
      "e\u0301 AVATAR To.",
      "AVATAR To. Wa,",
      "Wa",
    ];
    const twice =
      (draw: Draw): Draw =>
      (doc, font, size, x, baseline) =>
        texts.forEach((text, i) => draw(doc, font, size, x + i, baseline + 20 * i, text));
    const args = [shippedFont("noto-sans-regular"), 10.5, 72.1234567, 300.987654321, ""] as const;
    const expected = await pdfWith(twice(byPdfkit), ...args);
    expect(expected.match(/\] TJ/g)!.length).toBeGreaterThanOrEqual(texts.length);
    expect(await pdfWith(twice(byRenderer), ...args)).toBe(expected);
  });

  it("draws nothing for empty text, as pdfkit does", async () => {
    const args = [shippedFont("noto-sans-regular"), 10, 72, 300, ""] as const;
    expect(await pdfWith(byRenderer, ...args)).toBe(await pdfWith(byPdfkit, ...args));
  });
});
