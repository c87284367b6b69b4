// The one module that imports pdfkit (and, through it, fontkit, which no source file imports): the PDF
// renderer's files take PDFDocument from here. pdfkit's internals the renderer still touches (to move here):
// kit._addInfo (create-document.ts), kit._font and kit._fontFamilies (font-book.ts), doc.outline.addItem
// (item-anchors.ts), doc.openImage and a structure element's dictionary (page-writer.ts), doc.page.fonts
// (text-line.ts), fontkit's getGlyph (keepGlyphCodePoints, below), font.layout (shaping-table.ts, through
// font-book.ts) and a TrueType subset's encode (subset-writer.ts). Edits to pdfkit's and fontkit's own code are patches/*.patch (patches/README.md).
export { default } from "pdfkit";

type FontkitGlyph = { codePoints: number[] };
type FontkitFont = {
  getGlyph: (id: number, codePoints?: number[]) => FontkitGlyph | null;
  minutesKeepsCodePoints?: true;
};

/**
 * fontkit keeps one glyph object per glyph id, with the characters it was first asked for. A document's subset
 * asks for the parts of a composite glyph with none (É's E), and pdfkit writes a glyph's characters into the
 * document's ToUnicode map: in a font parsed once and shared by several documents (font-book.ts), a later
 * document's "Ellie" then read "llie" once copied or searched. The glyph takes the characters of the first call
 * that gives some.
 */
export function keepGlyphCodePoints(font: unknown): void {
  const kit = font as FontkitFont;
  if (kit.minutesKeepsCodePoints || typeof kit.getGlyph !== "function") return;
  const getGlyph = kit.getGlyph;
  kit.getGlyph = function (this: FontkitFont, id: number, codePoints?: number[]) {
    const glyph = getGlyph.call(this, id, codePoints);
    if (glyph && codePoints?.length && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    return glyph;
  };
  kit.minutesKeepsCodePoints = true;
}
