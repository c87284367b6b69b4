// The PDF's document-level structure read back with pdf-lib: catalog (Lang, MarkInfo, DisplayDocTitle),
// the structure tree's shape, the outline against the agenda, links, embedded fonts, and the standards
// claimed under each --pdf-standard value (XMP identification, output intent), checked with qpdf and poppler.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDict, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { parsePdfStandards, type PdfStandard } from "../src/render/render-options.js";
import { renderPdf } from "../src/index.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import { sampleMinutes } from "./fixtures/sample-minutes.js";
import { allNodes, PdfObjects, type StructNode } from "./helpers/pdf-objects.js";
import { itWithTools, run } from "./helpers/tools.js";

const timestamp = new Date("2024-03-05T14:07:09Z");
const dir = mkdtempSync(join(tmpdir(), "minutes-pdf-structure-"));
const render = (pdfStandards?: readonly PdfStandard[]) =>
  renderPdf(sampleMinutes, { theme: defaultTheme(), timestamp, ...(pdfStandards ? { pdfStandards } : {}) });
const roles = (nodes: StructNode[]) => nodes.map((n) => n.role);
const fold = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

describe("the PDF's structure, read with pdf-lib", () => {
  let pdf: PdfObjects;
  let path: string;
  beforeAll(async () => {
    const bytes = await render();
    path = join(dir, "sample.pdf");
    writeFileSync(path, bytes);
    pdf = await PdfObjects.load(bytes);
  });

  it("declares a tagged document in the meeting language that shows its title", () => {
    expect(pdf.dict(pdf.catalog, "StructTreeRoot")).toBeInstanceOf(PDFDict);
    expect(pdf.get(pdf.dict(pdf.catalog, "MarkInfo")!, "Marked")).toBe(true);
    expect(pdf.get(pdf.catalog, "Lang")).toBe("fr");
    expect(pdf.get(pdf.dict(pdf.catalog, "ViewerPreferences")!, "DisplayDocTitle")).toBe(true);
    expect(pdf.get(pdf.catalog, "PageMode")).toBe("UseOutlines");
    expect(pdf.doc.getTitle()).toBe(sampleMinutes.meeting.title);
    expect(pdf.xmp()).toContain(`<rdf:li xml:lang="x-default">${sampleMinutes.meeting.title}</rdf:li>`);
  });

  it("has one bookmark per agenda item, in order, each opening its heading's page at the heading", () => {
    const layout = layoutMinutes(sampleMinutes);
    const outline = pdf.outline();
    expect(outline.map((e) => e.title)).toEqual(layout.items.map((i) => i.heading));
    let last = 0;
    for (const entry of outline) {
      expect(entry.page).toBeGreaterThanOrEqual(last);
      last = entry.page;
      expect(entry.dest[0]).toBe("XYZ");
      expect(entry.dest[1]).toBe(0);
      // Below the page header, above the footer (PDF units from the bottom of an A4 page).
      expect(entry.dest[2]).toBeGreaterThan(72);
      expect(entry.dest[2]).toBeLessThan(842 - 60);
    }
  });

  itWithTools("pdftotext")("puts each bookmarked heading on the page the bookmark opens", () => {
    for (const entry of pdf.outline()) {
      const page = run("pdftotext", [
        "-enc",
        "UTF-8",
        "-f",
        String(entry.page + 1),
        "-l",
        String(entry.page + 1),
        path,
        "-",
      ]);
      expect(fold(page)).toContain(fold(entry.title));
    }
  });

  it("embeds a TrueType program for every font", () => {
    const fonts = pdf.fontDescriptors();
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const font of fonts) expect(font, font.name).toMatchObject({ program: "FontFile2" });
  });

  itWithTools("pdfinfo", "pdffonts")("agrees with poppler on pages and fonts", () => {
    expect(run("pdfinfo", [path])).toMatch(new RegExp(`Pages:\\s+${pdf.pageCount}\\n`));
    expect(run("pdfinfo", [path])).toMatch(/Tagged:\s+yes/);
    expect(run("pdffonts", [path]).trim().split("\n").slice(2)).toHaveLength(pdf.fontDescriptors().length);
  });

  it("nests the structure as PDF/UA asks: one Document, L/LI/Lbl/LBody, Table/TR/TH(scope)/TD", () => {
    const tree = pdf.structTree();
    expect(roles(tree)).toEqual(["Document"]);
    const nodes = allNodes(tree);
    const count = (role: string) => nodes.filter((n) => n.role === role).length;
    for (const role of ["L", "LI", "LBody", "Table", "TR", "TH", "TD", "Link", "P", "Sect"])
      expect(count(role), role).toBeGreaterThan(0);
    for (const node of nodes) {
      if (node.role === "L") expect(new Set(roles(node.kids)), "L").toEqual(new Set(["LI"]));
      if (node.role === "LI") {
        expect(roles(node.kids), "LI").toContain("LBody");
        for (const kid of roles(node.kids)) expect(["Lbl", "LBody"]).toContain(kid);
      }
      if (node.role === "Table")
        for (const kid of roles(node.kids)) expect(["TR", "THead", "TBody", "TFoot"], "Table").toContain(kid);
      if (node.role === "TR") for (const kid of roles(node.kids)) expect(["TH", "TD"], "TR").toContain(kid);
      if (node.role === "TH") expect(pdf.get(pdf.dict(node.dict, "A")!, "Scope")).toMatch(/^(Row|Column)$/);
    }
  });

  it("opens with the one H1 and never skips a heading level going down", () => {
    const levels = allNodes(pdf.structTree())
      .map((n) => /^H([1-6])$/.exec(n.role))
      .filter((m) => m !== null)
      .map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    let deepest = 1;
    for (const level of levels) {
      expect(level).toBeLessThanOrEqual(deepest + 1);
      deepest = level;
    }
    expect(new Set(levels)).toEqual(new Set([1, 2, 3, 4]));
  });

  it("draws every text inside a tagged marked-content sequence or an artifact", () => {
    let shown = 0;
    let operators = 0;
    for (let i = 0; i < pdf.pageCount; i++) {
      operators += (pdf.pageContent(i).match(/\b(TJ|Tj)\b/g) ?? []).length;
      // Marks open with "/Tag <<…>> BDC" or "/Tag BMC" and close with EMC; strings here are hex, so no
      // operator can hide inside a string.
      const ops = pdf
        .pageContent(i)
        .matchAll(/\/(\w+)\s*(<<(?:[^<>]|<[0-9A-Fa-f]*>)*>>)?\s*(BDC|BMC)\b|\b(EMC|TJ|Tj)\b/g);
      const stack: { tag: string; mcid: boolean }[] = [];
      for (const op of ops) {
        if (op[3]) stack.push({ tag: op[1]!, mcid: /\/MCID \d+/.test(op[2] ?? "") });
        else if (op[4] === "EMC") expect(stack.pop(), `page ${i + 1}: EMC without a mark`).toBeDefined();
        else {
          shown++;
          expect(
            stack.some((m) => m.tag === "Artifact" || m.mcid),
            `page ${i + 1}: text outside any tagged mark`,
          ).toBe(true);
        }
      }
      expect(stack, `page ${i + 1}: marks left open`).toEqual([]);
    }
    expect(shown).toBe(operators);
    expect(shown).toBeGreaterThan(50);
  });

  it("makes every link a Link element that owns its annotation, with alternate text, on pages in structure order", () => {
    const links = allNodes(pdf.structTree()).filter((n) => n.role === "Link");
    const annots = pdf.annotations().filter(({ annot }) => pdf.get(annot, "Subtype") === "Link");
    expect(annots.length).toBeGreaterThan(0);
    expect(links.flatMap((l) => l.objects)).toHaveLength(annots.length);
    for (const link of links) {
      expect(link.contents).toBeGreaterThan(0);
      for (const annot of link.objects) {
        const action = pdf.dict(annot, "A")!;
        const target = pdf.get(action, pdf.get(action, "S") === "URI" ? "URI" : "D");
        expect(pdf.get(annot, "Contents")).toBeTruthy();
        if (pdf.get(action, "S") === "URI") expect(pdf.get(annot, "Contents")).toBe(target);
        expect(typeof pdf.get(annot, "StructParent")).toBe("number");
        // PDF/A: annotations print.
        expect((pdf.get(annot, "F") as number) & 4).toBe(4);
      }
    }
    for (const page of new Set(annots.map((a) => a.page))) {
      expect(pdf.get(pdf.doc.getPage(page).node, "Tabs")).toBe("S");
    }
    const uris = annots.map(({ annot }) => pdf.get(pdf.dict(annot, "A")!, "URI")).filter(Boolean);
    expect(uris).toContain("https://example.org/dtm");
  });

  it("links each agenda entry to its item's heading", () => {
    const layout = layoutMinutes(sampleMinutes);
    const destinations = pdf.namedDestinations();
    const outline = pdf.outline();
    const gotos = pdf
      .annotations()
      .map(({ annot }) => ({ annot, action: pdf.dict(annot, "A")! }))
      .filter(({ action }) => pdf.get(action, "S") === "GoTo");
    // Every drawn item is linked from its agenda entry; an empty opening is listed but has nowhere to go.
    expect(gotos.map(({ annot }) => pdf.get(annot, "Contents"))).toEqual(layout.items.map((i) => i.heading));
    gotos.forEach(({ action }, i) => {
      const target = destinations.get(String(pdf.get(action, "D")));
      expect(target, `agenda entry ${i + 1}`).toBeDefined();
      expect(target!.page).toBe(outline[i]!.page);
      expect(target!.dest).toEqual(["XYZ", null, outline[i]!.dest[2], null]);
    });
  });
});

describe("--pdf-standard", () => {
  it("reads pdfa, ua, both in either order, or none", () => {
    expect(parsePdfStandards("pdfa")).toEqual(["pdfa"]);
    expect(parsePdfStandards("ua")).toEqual(["ua"]);
    expect(parsePdfStandards(" UA , pdfa ")).toEqual(["pdfa", "ua"]);
    expect(parsePdfStandards("none")).toEqual([]);
    for (const bad of ["", "pdfx", "none,ua", "pdfa;ua", "PDF/A-2b"]) expect(parsePdfStandards(bad), bad).toBeNull();
  });

  const cases: { name: string; standards?: PdfStandard[]; pdfa: boolean; ua: boolean }[] = [
    { name: "default", pdfa: true, ua: false },
    { name: "pdfa", standards: ["pdfa"], pdfa: true, ua: false },
    { name: "ua", standards: ["ua"], pdfa: false, ua: true },
    { name: "pdfa,ua", standards: ["pdfa", "ua"], pdfa: true, ua: true },
    { name: "none", standards: [], pdfa: false, ua: false },
  ];
  for (const c of cases) {
    itWithTools("qpdf", "pdfinfo")(
      `${c.name}: ${c.pdfa ? "PDF/A-2a" : "no PDF/A"}, ${c.ua ? "PDF/UA-1" : "no PDF/UA"}, always tagged`,
      async () => {
        const bytes = await render(c.standards);
        const path = join(dir, `standard-${c.name.replace(",", "-")}.pdf`);
        writeFileSync(path, bytes);
        expect(run("qpdf", ["--check", path])).toMatch(/No syntax or stream encoding errors/);
        expect(run("pdfinfo", [path])).toMatch(/Tagged:\s+yes/);
        const pdf = await PdfObjects.load(bytes);
        const xmp = pdf.xmp();
        expect(run("pdfinfo", ["-meta", path]).trim()).toBe(xmp.trim());
        expect(xmp.includes("<pdfaid:part>2</pdfaid:part>")).toBe(c.pdfa);
        expect(xmp.includes("<pdfaid:conformance>A</pdfaid:conformance>")).toBe(c.pdfa);
        expect(xmp.includes("<pdfuaid:part>1</pdfuaid:part>")).toBe(c.ua);
        // PDF/A accepts the pdfuaid namespace only when the file declares it in an extension schema.
        expect(
          xmp.includes("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"),
        ).toBe(c.pdfa && c.ua);
        const intents = pdf.array(pdf.catalog, "OutputIntents");
        expect(intents.length).toBe(c.pdfa ? 1 : 0);
        if (c.pdfa) {
          const intent = intents[0] as PDFDict;
          expect(pdf.get(intent, "S")).toBe("GTS_PDFA1");
          expect(intent.has(PDFName.of("DestOutputProfile"))).toBe(true);
        }
        expect(pdf.get(pdf.catalog, "Lang")).toBe("fr");
        expect(pdf.get(pdf.dict(pdf.catalog, "ViewerPreferences")!, "DisplayDocTitle")).toBe(true);
        expect(xmp).toContain("<xmp:ModifyDate>2024-03-05T14:07:09Z</xmp:ModifyDate>");
      },
    );
  }
});
