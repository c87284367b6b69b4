// The DOCX renderer, checked by content: the package parts, what pandoc and LibreOffice read back, and
// reproducible bytes. Uses the hand-built sample model, so it does not depend on the parser.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block, Inline, ListItem, Minutes } from "../src/model/minutes.js";
import { renderDocx } from "../src/index.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import type { Theme } from "../src/theme/theme.js";
import { sampleMinutes } from "./fixtures/sample-minutes.js";
import { docxText, itWithTools, run } from "./helpers/tools.js";

const timestamp = new Date("2024-03-05T14:07:09.456Z");
const options = (theme: Theme = defaultTheme()) => ({ theme, timestamp });
const dir = mkdtempSync(join(tmpdir(), "minutes-docx-"));
const text = (value: string): Inline[] => [{ type: "text", value }];
const para = (value: string): Block => ({ type: "paragraph", children: text(value) });

type Parts = Record<string, string>;
function parts(bytes: Uint8Array): Parts {
  const out: Parts = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}
function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
/** Asserts that each needle occurs in the haystack after the previous one. */
function expectInOrder(haystack: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
/** Text as docx escapes it in element content (it escapes quotes too). */
const esc = (value: string) =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
/** The paragraph (w:p) of document.xml whose text runs include `value`. */
const paragraphWith = (doc: string, value: string) =>
  doc.match(/<w:p>.*?<\/w:p>/g)!.find((p) => p.includes(`>${esc(value)}<`))!;

function withItems(items: Minutes["items"], meeting: Partial<Minutes["meeting"]> = {}): Minutes {
  return { ...sampleMinutes, meeting: { ...sampleMinutes.meeting, ...meeting }, items };
}
function item(
  number: number | null,
  title: string,
  discussion: Block[] = [],
  extra: Partial<Minutes["items"][number]> = {},
) {
  return { number, title, discussion, decisions: [], actions: [], actionNotes: [], ...extra };
}

describe("renderDocx on the sample model", () => {
  let bytes: Uint8Array;
  let xml: Parts;
  let doc: string;
  beforeAll(async () => {
    bytes = await renderDocx(sampleMinutes, options());
    xml = parts(bytes);
    doc = xml["word/document.xml"]!;
  });

  it("writes the core properties with the render timestamp and the meeting language", () => {
    const core = xml["docProps/core.xml"]!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T14:07:09Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-05T14:07:09Z</dcterms:modified>');
    expect(core).toContain(`<dc:title>${sampleMinutes.meeting.title}</dc:title>`);
    expect(core).toContain("<dc:creator>Secrétariat Permanent</dc:creator>");
    expect(core).toContain("<dc:language>fr-FR</dc:language>");
  });

  it("defines named styles from the theme, with fonts and language in the defaults", () => {
    const styles = xml["word/styles.xml"]!;
    for (const id of [
      "Normal",
      "MinutesTitle",
      "MinutesSubtitle",
      "Heading1",
      "Heading2",
      "Heading3",
      "Heading4",
      "Heading5",
      "Heading6",
      "Quote",
      "Code",
      "InlineCode",
      "Hyperlink",
      "Header",
      "Footer",
      "TableText",
      "TableHeading",
    ]) {
      expect(styles, id).toContain(`w:styleId="${id}"`);
    }
    const defaults = styles.match(/<w:docDefaults>.*<\/w:docDefaults>/)![0];
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Noto Sans" w:cs="Noto Sans" w:eastAsia="Noto Sans" w:hAnsi="Noto Sans"/>',
    );
    expect(defaults).toContain('<w:sz w:val="21"/>');
    expect(defaults).toContain('<w:lang w:val="fr-FR"/>');
    const style = (id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`))![0];
    expect(style("Normal")).toMatch(/<w:rFonts w:ascii="Noto Sans".*<w:sz w:val="21"\/>/);
    expect(style("Heading1")).toMatch(/<w:b\/>.*<w:color w:val="1F3864"\/>/);
    expect(style("Code")).toContain('w:ascii="Noto Sans Mono"');
    expect(style("InlineCode")).toContain('w:ascii="Noto Sans Mono"');
    expect(style("Hyperlink")).toContain('<w:color w:val="1F4E9A"/>');
    expect(style("Quote")).toMatch(/<w:pBdr><w:left /);
  });

  it("sets page size and margins from the theme, in twips", () => {
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="1440" w:right="1240" w:bottom="1280" w:left="1240"/);
  });

  it("repeats the title in the header and puts live PAGE / NUMPAGES fields in the footer", () => {
    const header = xml["word/header1.xml"]!;
    const footer = xml["word/footer1.xml"]!;
    expect(header).toContain(sampleMinutes.meeting.title);
    expect(header).toContain('<w:pStyle w:val="Header"/>');
    expectInOrder(footer, [">Page <", ">PAGE<", "> sur <", ">NUMPAGES<"]);
    expect(doc).toMatch(/<w:headerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
  });

  it("maps the outline onto heading styles", () => {
    const styled = (style: string, value: string) =>
      doc
        .match(/<w:p>.*?<\/w:p>/g)!
        .some((p) => p.includes(`>${esc(value)}<`) && p.includes(`<w:pStyle w:val="${style}"/>`));
    expect(styled("MinutesTitle", sampleMinutes.meeting.title)).toBe(true);
    expect(styled("Organisation", "Secrétariat Permanent")).toBe(true);
    expect(styled("MinutesSubtitle", "Réunion mensuelle")).toBe(true);
    expect(styled("Heading1", "1. Présentation de l'Indice de stabilité")).toBe(true);
    expect(styled("Heading2", "Points de discussion clés")).toBe(true);
    expect(styled("Heading2", "Décisions")).toBe(true);
    expect(styled("Heading3", "Méthodologie")).toBe(true);
    expect(styled("AgendaEntry", "Ouverture (SP/CCM)")).toBe(true);
  });

  it("writes inline formatting, inline code and a real hyperlink", () => {
    // French minutes get French spacing: a narrow no-break space before "?", no-break spaces in « » and numbers.
    expect(paragraphWith(doc, "De quoi s'agit-il\u202f?")).toContain("<w:b/>");
    expect(doc).toMatch(/<w:i\/>.{0,200}«\u00a01\u202f912 localités\u00a0»/);
    expect(doc).toMatch(/<w:rStyle w:val="InlineCode"\/>.{0,200}round1/);
    const link = doc.match(/<w:hyperlink [^>]*r:id="([^"]+)"/)!;
    expect(link[1]).toBe("rIdLink1");
    expect(xml["word/_rels/document.xml.rels"]).toContain(
      'Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/dtm" TargetMode="External"',
    );
  });

  it("numbers lists through Word numbering, with a new instance per list and check boxes on task items", () => {
    const numbering = xml["word/numbering.xml"]!;
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
    expect(numbering).toContain('<w:lvl w:ilvl="8"');
    const numIds = [...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    // Info lists (2), the méthodologie list, its sub-list, the decisions list: five separate lists.
    expect(new Set(numIds).size).toBe(5);
    expect(doc).toMatch(/<w:ilvl w:val="1"\/>.{0,200}<\/w:pPr>.{0,200}☑ .{0,200}Sous-point numéroté deux/);
  });

  it("keeps code lines and leading spaces, and marks the thematic break", () => {
    expect(doc).toMatch(
      /score = pca\(indicateurs\)<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">print\(score\)/,
    );
    expect(doc).toContain('<w:pStyle w:val="Separator"/>');
  });

  it("draws full-width tables with fixed columns, shaded repeating header rows and rows that do not split", () => {
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    expect(tables).toHaveLength(4); // info, GFM, two action tables
    for (const table of tables) {
      const cols = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1240);
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      expect(table).toContain('<w:insideH w:val="single" w:color="7F7F7F" w:sz="4"/>');
      expect(count(table, "<w:cantSplit/>")).toBe(count(table, "<w:tr>"));
    }
    const [info, gfm, action] = tables;
    expect(info).not.toContain("<w:tblHeader/>");
    expect(info).toContain('w:fill="D9E2F3"');
    const widths = [...action!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 9426);
    expect(widths.map((w) => Math.round(w * 100))).toEqual([50, 30, 20]);
    for (const table of [gfm!, action!]) {
      const headerRow = table.match(/<w:tr>.*?<\/w:tr>/)![0];
      expect(headerRow).toContain("<w:tblHeader/>");
      expect(headerRow).toContain('w:fill="D9E2F3"');
      expect(count(table, "<w:tblHeader/>")).toBe(1);
    }
    expect(gfm).toMatch(/<w:jc w:val="right"\/>.{0,300}Localités/);
  });

  it("writes a reproducible package: same model and timestamp give the same bytes", async () => {
    const again = await renderDocx(sampleMinutes, options());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(Object.keys(unzipSync(bytes))[0]).toBe("[Content_Types].xml");
    // Renders running side by side share no state.
    const [a, b] = await Promise.all([renderDocx(sampleMinutes, options()), renderDocx(sampleMinutes, options())]);
    expect(Buffer.from(a).equals(Buffer.from(bytes)) && Buffer.from(b).equals(Buffer.from(bytes))).toBe(true);
    // Only the core properties follow the clock.
    const later = parts(
      await renderDocx(sampleMinutes, { theme: defaultTheme(), timestamp: new Date("2030-01-01T00:00:00Z") }),
    );
    for (const name of Object.keys(xml)) if (name !== "docProps/core.xml") expect(later[name], name).toBe(xml[name]);
  });

  itWithTools("pandoc")("reads back in pandoc with every text of the layout, in order", () => {
    const read = docxText(save("sample.docx", bytes));
    const layout = layoutMinutes(sampleMinutes);
    const expected = [
      "Secrétariat Permanent",
      layout.title,
      "Réunion mensuelle",
      ...layout.info.flatMap((row) => [row.label, ...(typeof row.value === "string" ? [row.value] : row.value)]),
      "Texte d'introduction avant le premier point.",
      layout.agendaTitle,
      ...layout.agenda,
      "1. Présentation de l'Indice de stabilité",
      "Points de discussion clés",
      "De quoi s'agit-il ?",
      "L'indice établit un lien, voir la DTM, avec « 1 912 localités » et round1 œ ç à é … ’ –",
      "Méthodologie",
      "Premier point de liste",
      "Deuxième point, avec sous-liste",
      "Sous-point numéroté un",
      "☑ Sous-point numéroté deux",
      "Une citation importante de la stratégie.",
      "Pays",
      "Localités",
      "Niger",
      "1 912",
      "Mali",
      "38",
      "score = pca(indicateurs)",
      "print(score)",
      "Décisions",
      "Le groupe adopte la méthodologie.",
      "Points d'action",
      "Personne/Agence Responsable",
      "Date limite",
      "Partage de la présentation",
      "SP/CCM-OIM",
      "—",
      "Partage de l'étude de référence du projet",
      "HELVETAS",
      "2022-10-15",
      "2. Divers",
      "Sous ce point, rien à signaler.",
      "Points d'action",
      "N/A",
      "Prochaine réunion : jeudi 27 octobre 2022, 09:00, Salle B",
    ];
    expectInOrder(
      read,
      expected.map((s) => s.replace(/[\s\u00a0\u202f]+/g, " ")),
    );
  });

  itWithTools("soffice", "pdftotext")(
    "converts in LibreOffice with the header and computed page fields on every page",
    () => {
      const path = save("lo.docx", bytes);
      const out = join(dir, "lo");
      run("soffice", [
        `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        out,
        path,
      ]);
      const pages = run("pdftotext", ["-enc", "UTF-8", join(out, "lo.pdf"), "-"])
        .split("\f")
        .filter((p) => p.trim());
      expect(pages.length).toBeGreaterThanOrEqual(1);
      pages.forEach((page, i) => {
        expect(page.replace(/\s+/g, " ")).toContain(sampleMinutes.meeting.title);
        expect(page).toContain(`Page ${i + 1} sur ${pages.length}`);
      });
    },
  );
});

describe("renderDocx on other models", () => {
  const nasty = `Tom & Jerry <b>"quoted"</b> 'single' ]]> &amp;`;
  const nastyModel = (): Minutes => {
    const model = withItems(
      [
        item(1, nasty, [
          { type: "paragraph", children: [{ type: "link", url: "https://x.org/?a=1&b=<2>", children: text(nasty) }] },
        ]),
      ],
      { title: nasty, organisation: nasty },
    );
    // English, so that French spacing (a narrow space before the ";" of "&amp;") does not change the text.
    model.meeting.language = "en";
    return model;
  };

  it("escapes XML-special characters in text, attributes and link targets", async () => {
    const bytes = await renderDocx(nastyModel(), options());
    const xml = parts(bytes);
    expect(esc(nasty)).toBe(
      "Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &apos;single&apos; ]]&gt; &amp;amp;",
    );
    expect(xml["word/document.xml"]).toContain(`>${esc(nasty)}<`);
    expect(xml["word/document.xml"]).toContain(`>1. ${esc(nasty)}<`);
    expect(xml["word/header1.xml"]).toContain(`>${esc(nasty)}<`);
    expect(xml["docProps/core.xml"]).toContain("<dc:title>Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;");
    expect(xml["word/_rels/document.xml.rels"]).toContain('Target="https://x.org/?a=1&amp;b=&lt;2&gt;"');
  });

  itWithTools("pandoc")("gives back XML-special characters as text when pandoc reads it", async () => {
    expect(docxText(save("nasty.docx", await renderDocx(nastyModel(), options())))).toContain(nasty);
  });

  it("honours an ordered list's start and restarts each ordered list", async () => {
    const ordered = (start: number, ...values: string[]): Block => ({
      type: "list",
      ordered: true,
      start,
      items: values.map((v): ListItem => ({ checked: null, children: [para(v)] })),
    });
    const model = withItems([item(1, "Listes", [ordered(5, "cinq", "six"), para("entre"), ordered(1, "un", "deux")])]);
    const xml = parts(await renderDocx(model, options()));
    const numbering = xml["word/numbering.xml"]!;
    const doc = xml["word/document.xml"]!;
    const numOf = (value: string) => paragraphWith(doc, value).match(/<w:numId w:val="(\d+)"\/>/)![1]!;
    expect(numOf("cinq")).toBe(numOf("six"));
    expect(numOf("un")).not.toBe(numOf("cinq"));
    const startOf = (numId: string) =>
      numbering.match(
        new RegExp(`<w:num w:numId="${numId}">.*?<w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\\d+)"/>`),
      )![1];
    expect(startOf(numOf("cinq"))).toBe("5");
    expect(startOf(numOf("un"))).toBe("1");
  });

  it("renders English labels, Letter paper and no organisation", async () => {
    const theme = defaultTheme();
    theme.page.size = "Letter";
    const { organisation: _dropped, ...meeting } = sampleMinutes.meeting;
    const model: Minutes = { ...sampleMinutes, meeting: { ...meeting, language: "en" } };
    const xml = parts(await renderDocx(model, options(theme)));
    expect(xml["word/document.xml"]).toContain('<w:pgSz w:w="12240" w:h="15840"');
    expect(xml["word/styles.xml"]).toContain('<w:lang w:val="en-GB"/>');
    expectInOrder(xml["word/footer1.xml"]!, [">Page <", ">PAGE<", "> of <", ">NUMPAGES<"]);
    expect(xml["docProps/core.xml"]).toContain("<dc:creator>minutes</dc:creator>");
    expect(xml["word/document.xml"]).toContain("Next meeting: ");
  });

  const deepList = (depth: number): Block => ({
    type: "list",
    ordered: depth % 2 === 0,
    start: 1,
    items: [
      {
        checked: depth % 3 === 0 ? false : null,
        children: [para(`niveau ${depth}`), ...(depth < 10 ? [deepList(depth + 1)] : [])],
      },
    ],
  });
  const wide: Block = {
    type: "table",
    align: Array.from({ length: 12 }, (_, i) => (["left", "center", "right", null] as const)[i % 4]!),
    header: Array.from({ length: 12 }, (_, i) => text(`Col ${i + 1}`)),
    rows: [Array.from({ length: 12 }, (_, i) => text(`v${i}`)), [text("court")]],
  };
  const edgeCases: [string, Minutes][] = [
    [
      "zero items and empty strings",
      { ...withItems([], { title: "", subtitle: "", location: "", attendees: [], absent: [] }), preamble: [] },
    ],
    [
      "empty blocks",
      withItems([
        item(
          1,
          "",
          [
            para(""),
            { type: "list", ordered: true, start: 0, items: [] },
            { type: "list", ordered: false, start: 1, items: [{ checked: true, children: [] }] },
            { type: "code", lang: null, value: "" },
            { type: "blockquote", children: [] },
            { type: "table", align: [], header: [], rows: [] },
            { type: "heading", level: 9, children: [] },
          ],
          {
            decisions: [para("")],
            actionNotes: [para("")],
            actions: [{ action: [], responsible: [], deadline: null }],
          },
        ),
      ]),
    ],
    [
      "200 items",
      withItems(Array.from({ length: 200 }, (_, i) => item(i + 1, `Point ${i + 1}`, [para(`Discussion ${i + 1}`)]))),
    ],
    [
      "a 5,000-character word",
      withItems([
        item(1, "x".repeat(5000), [para("y".repeat(5000))], {
          actions: [{ action: text("z".repeat(5000)), responsible: [], deadline: null }],
        }),
      ]),
    ],
    ["a table with 12 columns", withItems([item(1, "Large", [wide])])],
    [
      "lists nested 10 deep, quotes inside",
      withItems([
        item(1, "Profond", [
          deepList(0),
          { type: "blockquote", children: [{ type: "blockquote", children: [deepList(5), wide] }] },
        ]),
      ]),
    ],
    [
      "CJK, emoji, RTL and control characters",
      withItems(
        [
          item(1, "会议纪要 📝", [
            para("中文 日本語 한국어 😀👍🏽 مرحبا \u0001\u0008\u000b\uFFFE\uD800 fin"),
            { type: "code", lang: null, value: "\tindent\n  deux espaces\r\nfin" },
          ]),
        ],
        { title: "会议纪要 📝", language: "zh" },
      ),
    ],
    [
      "odd URLs and a huge list start",
      withItems(
        [
          item(1, "Liens", [
            {
              type: "paragraph",
              children: [
                { type: "link", url: "", children: text("vide") },
                { type: "link", url: "has space", children: [] },
                {
                  type: "link",
                  url: "https://a.b",
                  children: [{ type: "link", url: "https://c.d", children: text("nested") }],
                },
              ],
            },
            { type: "list", ordered: true, start: 999999999, items: [{ checked: null, children: [para("grand")] }] },
          ]),
        ],
        { language: "" },
      ),
    ],
  ];

  for (const [name, model] of edgeCases) {
    it(`renders ${name}`, async () => {
      const bytes = await renderDocx(model, options());
      const xml = parts(bytes);
      expect(xml["word/document.xml"]).toMatch(/<w:body>.*<w:sectPr>/);
      expect(xml["word/document.xml"]).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    });

    itWithTools("pandoc")(`renders ${name} as a DOCX that pandoc reads, with its first item's title`, async () => {
      const text = docxText(save(`${name.replace(/\W+/g, "-")}.docx`, await renderDocx(model, options())));
      const title = model.items[0]?.title.trim();
      expect(text.length).toBeGreaterThan(0);
      if (title) expect(text).toContain(title);
    });
  }

  it("keeps CJK and emoji text intact", async () => {
    const model = edgeCases.find(([name]) => name.startsWith("CJK"))![1];
    const doc = parts(await renderDocx(model, options()))["word/document.xml"]!;
    // Each script is its own run (with the font Word should use for it): the text reads whole across them.
    const runText = doc
      .split("</w:p>")
      .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    expect(runText).toContain("中文 日本語 한국어 😀👍🏽 مرحبا  fin");
    expect(doc).toContain('<w:rFonts w:eastAsia="Noto Sans KR" w:hint="eastAsia"/>');
    expect(doc).toMatch(/<w:rFonts w:cs="Noto Sans Arabic"\/><w:rtl\/>[^]*?<w:t xml:space="preserve">مرحبا<\/w:t>/);
    expect(doc).toContain('<w:t xml:space="preserve">    indent</w:t>');
  });

  it("gives 200 items 200 headings and caps nesting at Word's ninth level", async () => {
    const many = parts(await renderDocx(edgeCases[2]![1], options()))["word/document.xml"]!;
    expect(count(many, '<w:pStyle w:val="Heading1"/>')).toBe(201); // the agenda title and 200 items
    const deep = parts(await renderDocx(edgeCases[5]![1], options()))["word/document.xml"]!;
    const levels = [...deep.matchAll(/<w:ilvl w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(Math.max(...levels)).toBe(8);
    expect(deep).toContain("niveau 10");
  });
});
