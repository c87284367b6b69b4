// The one module that imports pdfkit (and, through it, fontkit, which no source file imports): the PDF
// renderer's files take PDFDocument from here. pdfkit's internals the renderer still touches (to move here):
// kit._addInfo (create-document.ts), kit._font and kit._fontFamilies (font-book.ts), doc.outline.addItem
// (item-anchors.ts), doc.openImage and a structure element's dictionary (page-writer.ts), doc.page.fonts
// (text-line.ts), fontkit's getGlyph (keepGlyphCodePoints, below), its mark anchors (skipMissingAnchors,
// below), font.layout (shaping-table.ts, through font-book.ts) and a TrueType subset's encode
// (subset-writer.ts). Edits to pdfkit's and fontkit's own code are patches/*.patch (patches/README.md).
export { default } from "pdfkit";

type FontkitGlyph = { codePoints: number[] };
type FontkitFont = {
  getGlyph: (id: number, codePoints?: number[]) => FontkitGlyph | null;
  layout?: (text: unknown, ...rest: unknown[]) => unknown;
  _layoutEngine?: { engine?: { GPOSProcessor?: object | null } };
  minutesKeepsCodePoints?: true;
  minutesSkipsMissingAnchors?: true;
};
type GposProcessor = {
  applyAnchor: (markRecord: { markAnchor?: unknown } | undefined, baseAnchor: unknown, baseIndex: number) => void;
  applyLookup: (lookupType: number, table: unknown) => boolean;
  minutesSkipsMissingAnchors?: true;
};

/**
 * fontkit keeps one glyph object per glyph id, with the characters it was first asked for. A document's subset
 * asks for the parts of a composite glyph with none (É's E), and pdfkit writes a glyph's characters into the
 * document's ToUnicode map: in a font parsed once and shared by several documents (font-book.ts), a later
 * document's "Ellie" then read "llie" once copied or searched. The glyph takes the characters of the first call
 * that gives some. A use of the glyph for other characters gets a glyph object of its own, with its own
 * characters: Noto Sans Arabic draws ج, ح and خ with one dotless glyph, Noto Sans Thai draws the circle of ำ with
 * the glyph of ํ. The PDF's map of a glyph's text is then made from its first use in the document, not in the
 * process (a batch wrote other bytes than a single build), and text-line.ts writes the text of the other uses.
 * A use with no characters (a part fontkit split off a letter) says nothing, and reads the glyph's own.
 */
export function keepGlyphCodePoints(font: unknown): void {
  const kit = font as FontkitFont;
  if (kit.minutesKeepsCodePoints || typeof kit.getGlyph !== "function") return;
  const getGlyph = kit.getGlyph;
  kit.getGlyph = function (this: FontkitFont, id: number, codePoints?: number[]) {
    const glyph = getGlyph.call(this, id, codePoints);
    if (!glyph || !codePoints) return glyph;
    if (codePoints.length && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    else if (codePoints.length && !sameCodePoints(glyph.codePoints, codePoints))
      return Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as FontkitGlyph;
    return glyph;
  };
  kit.minutesKeepsCodePoints = true;
}

function sameCodePoints(kept: number[], used: number[]): boolean {
  return kept.length === used.length && kept.every((cp, i) => cp === used[i]);
}

/** Thrown by a guarded `applyAnchor` and caught by the lookup it runs in; never reaches a caller. */
const noAnchor = Symbol("no mark anchor");

/**
 * OpenType lets a mark-positioning subtable leave a base's (or a ligature component's, or a mark's) anchor for a
 * class of marks empty: that glyph takes no mark of that class there. fontkit 2 reads the empty anchor's
 * coordinates and throws, so a single letter stopped the PDF: Arabic ݠ (U+0760), Thai ฬ̃, Ethiopic ሀ̦, or a code
 * span's A̴ in Noto Sans Mono (every shipped face with such anchors, test/missing-anchors.test.ts). As in HarfBuzz,
 * the subtable then does not apply: the mark keeps the place an earlier lookup gave it, and the lookup's later
 * subtables are tried. fontkit's positioning class is shared by all its fonts and reachable only through a font's
 * layout engine, so the first layout of a guarded font mends the class once for the process.
 */
export function skipMissingAnchors(font: unknown): void {
  const kit = font as FontkitFont;
  const layout = kit.layout;
  if (kit.minutesSkipsMissingAnchors || typeof layout !== "function") return;
  let mended = false;
  kit.layout = function (this: FontkitFont, text: unknown, ...rest: unknown[]) {
    if (!mended) {
      const processor = this._layoutEngine?.engine?.GPOSProcessor;
      if (processor) mendAnchors(Object.getPrototypeOf(processor) as GposProcessor);
      mended = true;
    }
    return layout.call(this, text, ...rest);
  };
  kit.minutesSkipsMissingAnchors = true;
}

function mendAnchors(processor: GposProcessor): void {
  if (processor.minutesSkipsMissingAnchors) return;
  const { applyAnchor, applyLookup } = processor;
  processor.applyAnchor = function (this: GposProcessor, markRecord, baseAnchor, baseIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) throw noAnchor;
    applyAnchor.call(this, markRecord, baseAnchor, baseIndex);
  };
  processor.applyLookup = function (this: GposProcessor, lookupType, table) {
    try {
      return applyLookup.call(this, lookupType, table);
    } catch (error) {
      if (error === noAnchor) return false;
      throw error;
    }
  };
  processor.minutesSkipsMissingAnchors = true;
}
