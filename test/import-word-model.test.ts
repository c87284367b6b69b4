// The neutral Word model of `minutes import` (src/import/word-model.ts), on small packages written here part by
// part: Word's numbering computed from numbering.xml ("1.", "2.1", "a)"), merged cells, tracked changes accepted
// (insertions and moves kept, deletions dropped), fields, footnotes, comments, links; and what is not a .docx.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openPackage } from "../src/import/docx-package.js";
import { inlineMarkdown } from "../src/import/inline-markdown.js";
import { flatten, plainText, readWordDocument, type WordParagraph, type WordTable } from "../src/import/word-model.js";

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])),
  });
}

function read(body: string, parts: Record<string, string> = {}) {
  const opened = openPackage(docx(body, parts));
  if (!opened.ok) throw new Error(opened.why);
  return readWordDocument(opened.pkg);
}

const p = (text: string, pPr = "") =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (text: string, numId: number, ilvl: number) =>
  p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

const numbering = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

const paragraphs = (doc: ReturnType<typeof read>) => flatten(doc.body);
const texts = (doc: ReturnType<typeof read>) => paragraphs(doc).map((x) => plainText(x.inlines));

describe("Word's numbering", () => {
  it("computes the label each paragraph shows, level by level, as Word counts", () => {
    const doc = read(
      [
        numbered("Budget", 1, 0),
        numbered("Income", 1, 1),
        numbered("Grants", 1, 2),
        numbered("Donations", 1, 2),
        numbered("Spending", 1, 1),
        numbered("Rota", 1, 0),
        numbered("Sub-item again", 1, 1),
        numbered("A bullet", 2, 0),
        numbered("Restarted at 4", 3, 0),
        numbered("Roman", 4, 0),
        numbered("Roman two", 4, 0),
      ].join(""),
      { "word/numbering.xml": numbering },
    );
    expect(paragraphs(doc).map((x) => x.number?.label)).toEqual([
      "1.",
      "1.1",
      "a)",
      "b)",
      "1.2",
      "2.",
      "2.1",
      "•",
      "4.",
      "I.",
      "II.",
    ]);
    expect(paragraphs(doc)[7]!.number?.ordered).toBe(false);
  });

  it("takes the numbering and the outline level a paragraph style gives (Heading 1 numbered by Word)", () => {
    const styles = `<?xml version="1.0"?><w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="Titre 2"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>`;
    const doc = read(
      [
        p("Welcome", '<w:pStyle w:val="Heading1"/>'),
        p("Text"),
        p("Budget", '<w:pStyle w:val="Heading1"/>'),
        p("Sous-titre", '<w:pStyle w:val="Titre2"/>'),
      ].join(""),
      {
        "word/styles.xml": styles,
        "word/numbering.xml": numbering,
      },
    );
    const [welcome, text, budget, sous] = paragraphs(doc) as WordParagraph[];
    expect([welcome!.outline, welcome!.number?.label, welcome!.allBold]).toEqual([0, "1.", true]);
    expect([text!.outline, text!.styleId]).toEqual([undefined, "Normal"]);
    expect(budget!.number?.label).toBe("2.");
    // A localised style id ("Titre2") is a heading level too.
    expect(sous!.outline).toBe(1);
  });
});

describe("tables", () => {
  it("spreads merged cells: gridSpan over columns, vMerge continuing the cell above", () => {
    const cell = (text: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${p(text)}</w:tc>`;
    const doc = read(
      `<w:tbl><w:tr>${cell("Actions à mener", '<w:gridSpan w:val="3"/>')}</w:tr>` +
        `<w:tr>${cell("Action")}${cell("Responsable")}${cell("Échéance")}</w:tr>` +
        `<w:tr>${cell("Poser la conduite")}${cell("Hugo Lambert", '<w:vMerge w:val="restart"/>')}${cell("30 avril 2024")}</w:tr>` +
        `<w:tr>${cell("Réparer la vanne")}${cell("", "<w:vMerge/>")}${cell("15 mai 2024")}</w:tr></w:tbl>`,
    );
    const table = doc.body[0] as WordTable;
    expect(table.kind).toBe("table");
    expect(table.rows[0]![0]!.span).toBe(3);
    expect(table.rows[3]![1]!.mergedUp).toBe(true);
    expect(table.rows[2]![1]!.mergedUp).toBe(false);
    // The merged cell's text is read once.
    expect(texts(doc).filter((t) => t === "Hugo Lambert")).toHaveLength(1);
  });
});

describe("runs", () => {
  it("accepts tracked changes: insertions and moves kept, deletions and moved-from text dropped", () => {
    const doc = read(
      `<w:p><w:r><w:t xml:space="preserve">The fair is on </w:t></w:r>` +
        `<w:del w:id="1" w:author="A"><w:r><w:delText>Saturday</w:delText></w:r></w:del>` +
        `<w:ins w:id="2" w:author="A"><w:r><w:t>Sunday</w:t></w:r></w:ins>` +
        `<w:moveFrom w:id="3"><w:r><w:t> (old place)</w:t></w:r></w:moveFrom>` +
        `<w:moveTo w:id="4"><w:r><w:t> in the park</w:t></w:r></w:moveTo></w:p>`,
    );
    expect(texts(doc)).toEqual(["The fair is on Sunday in the park"]);
  });

  it("keeps a field's result and drops its instruction; a HYPERLINK field and a hyperlink are links", () => {
    const doc = read(
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org/a" </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the portal</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `<w:r><w:t xml:space="preserve"> and </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>the sheet</w:t></w:r></w:hyperlink>` +
        `<w:r><w:t xml:space="preserve"> page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      {
        "word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/sheet" TargetMode="External"/></Relationships>`,
      },
    );
    const [para] = paragraphs(doc);
    const ctx = {
      inCell: false,
      keepComments: false,
      comments: doc.comments,
      footnotes: [],
      imagePath: (x: string) => x,
    };
    expect(inlineMarkdown(para!.inlines, ctx)).toBe(
      "[the portal](https://example.org/a) and [the sheet](https://example.org/sheet) page 3",
    );
  });

  it("reads bold, italic, footnotes and comments, and writes them as Markdown (comments only when asked)", () => {
    const doc = read(
      `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Budget </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>adopted</w:t></w:r>` +
        `<w:r><w:footnoteReference w:id="2"/></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>.</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
      {
        "word/footnotes.xml": `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="0"><w:p/></w:footnote><w:footnote w:id="2">${p("By 5 votes to 1.")}</w:footnote></w:footnotes>`,
        "word/comments.xml": `<?xml version="1.0"?><w:comments ${W}><w:comment w:id="0" w:author="Jane Doe">${p("Check the figure")}</w:comment></w:comments>`,
      },
    );
    const [para] = paragraphs(doc);
    const base = { inCell: false, comments: doc.comments, imagePath: (x: string) => x };
    expect(inlineMarkdown(para!.inlines, { ...base, keepComments: false, footnotes: [] })).toBe(
      "**Budget** *adopted*[^1].",
    );
    expect(inlineMarkdown(para!.inlines, { ...base, keepComments: true, footnotes: [] })).toBe(
      "**Budget** *adopted*[^1]. <!-- comment (Jane Doe): Check the figure -->",
    );
    expect(flatten(doc.footnotes.get("2")!).map((x) => plainText(x.inlines))).toEqual(["By 5 votes to 1."]);
  });
});

describe("text boxes", () => {
  it("reads a text box's text once, in the paragraph that anchors it (Word writes the shape twice)", () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const doc = read(
      `<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
        `<mc:Choice Requires="wps"><w:drawing><wps:txbx>${box("Draft for the board")}</wps:txbx></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><v:textbox>${box("Draft for the board")}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
    expect(texts(doc)).toEqual(["Before \nDraft for the board"]);
  });
});

describe("what is not a .docx", () => {
  it("names an old .doc, a PDF, a damaged zip and a zip that holds no Word document", () => {
    const why = (bytes: Uint8Array) => {
      const r = openPackage(bytes);
      return r.ok ? "ok" : r.why;
    };
    expect(why(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("doc");
    expect(why(strToU8("%PDF-1.7\n"))).toBe("pdf");
    expect(why(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("zip");
    expect(why(zipSync({ "a.txt": strToU8("hello") }))).toBe("not-word");
    expect(why(docx(p("x")))).toBe("ok");
  });
});
