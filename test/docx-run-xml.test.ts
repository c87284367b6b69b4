// The DOCX renderer writes the body's text runs itself (runXml in src/render/docx/docx-library.ts) and the
// bundled docx emits that XML as it is (patches/docx+9.15.2.patch). The XML must be the bytes docx writes for
// the same run as its own TextRun, for any text and any combination of the properties minutes gives a run:
// this compares the two on generated runs, through docx's own writer (the published docx, which vitest runs).
import fc from "fast-check";
import { awkwardPieces } from "./helpers/awkward-text.js";
import { describe, expect, it } from "vitest";
import {
  Document,
  Packer,
  Paragraph,
  TextRun,
  pushRun,
  runXml,
  type ParagraphChild,
  type RunSpec,
} from "../src/render/docx/docx-library.js";
import { StyleId } from "../src/render/docx/style-table.js";

/** The XML docx writes for a paragraph of these runs (its own TextRuns), between `<w:p>` and `</w:p>`. */
function docxRunsXml(specs: RunSpec[]): string {
  const document = new Document({
    sections: [{ children: [new Paragraph({ children: specs.map((spec) => new TextRun(spec)) })] }],
  });
  const compiler = (
    Packer as unknown as { compiler: { compile: (d: Document, p: undefined, o: []) => Map<string, string> } }
  ).compiler;
  const xml = compiler.compile(document, undefined, []).get("word/document.xml")!;
  const start = xml.indexOf("<w:body><w:p>") + "<w:body><w:p>".length;
  return xml.slice(start, xml.indexOf("</w:p><w:sectPr", start));
}

// Text with what XML escapes or drops, lone and paired surrogates, right-to-left and CJK text, and spaces at the ends.
const piece = fc.constantFrom(...awkwardPieces, "\n", "\r");
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join("")),
);
const family = fc.oneof(fc.constantFrom("Noto Naskh Arabic", "Noto Sans CJK JP", "Noto Sans Armenian"), text);
const spec: fc.Arbitrary<RunSpec> = fc.record(
  {
    text,
    break: fc.integer({ min: 0, max: 3 }),
    style: fc.oneof(fc.constantFrom(StyleId.inlineCode, StyleId.hyperlink, StyleId.label, ""), text),
    font: fc.record(
      {
        ascii: family,
        cs: family,
        eastAsia: family,
        hAnsi: family,
        hint: fc.constantFrom("eastAsia" as const, "cs" as const, "default" as const),
      },
      { requiredKeys: [] },
    ),
    bold: fc.constant(true as const),
    italics: fc.constant(true as const),
    strike: fc.constant(true as const),
    rightToLeft: fc.constant(true as const),
    language: fc.record({ bidirectional: fc.oneof(fc.constantFrom("ar-SA", "he-IL"), text) }),
  },
  { requiredKeys: [] },
);

describe("runXml (the DOCX renderer's own runs)", () => {
  it("writes the bytes docx writes for the same TextRun, for any text and properties", () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 6 }), (specs) => {
        expect(specs.map(runXml).join("")).toBe(docxRunsXml(specs));
      }),
      { numRuns: 400 },
    );
  });

  it("writes every flag combination with every style minutes gives a run as docx does", () => {
    const specs: RunSpec[] = [];
    for (const style of [undefined, StyleId.inlineCode, StyleId.hyperlink, StyleId.label])
      for (let flags = 0; flags < 64; flags++)
        specs.push({
          text: ` a & b <${flags}> `,
          ...(style ? { style } : {}),
          ...(flags & 1 ? { bold: true } : {}),
          ...(flags & 2 ? { italics: true } : {}),
          ...(flags & 4 ? { strike: true } : {}),
          ...(flags & 8 ? { rightToLeft: true, font: { cs: "Noto Naskh Arabic" } } : {}),
          ...(flags & 16 ? { language: { bidirectional: "ar-SA" } } : {}),
          ...(flags & 32 ? { break: 1 } : {}),
        });
    // Twice: the second time the shared run properties are read back, not written.
    expect(specs.map(runXml).join("")).toBe(docxRunsXml(specs));
    expect(specs.map(runXml).join("")).toBe(docxRunsXml(specs));
    expect(runXml({ break: 1 })).toBe("<w:r><w:br/></w:r>");
  });

  it("gives docx's TextRuns where the published docx cannot emit written XML", () => {
    // vitest runs the published docx: there pushRun falls back to TextRun (the bundle's patched docx takes
    // the written runs, which test/bundle-patches.test.ts compares byte for byte with these).
    const out: ParagraphChild[] = [];
    pushRun(out, { text: "a" });
    pushRun(out, { text: "b", bold: true });
    expect(out).toHaveLength(2);
    expect(out.every((child) => child instanceof TextRun)).toBe(true);
  });
});
