// The DOCX as a publication: core properties that say what the PDF's metadata says (title, subject, creator,
// language, dates from the same clock), and the pagination properties Word honours (keep with next,
// repeated header rows, rows that do not split, live page fields), read from the package's XML parts.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { renderDocx } from "../src/index.js";
import { renderPdf } from "../src/index.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import { sampleMinutes } from "./fixtures/sample-minutes.js";
import { PdfObjects } from "./helpers/pdf-objects.js";

const timestamp = new Date("2024-03-05T14:07:09Z");
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
const xmlText = (value: string): string => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const element = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(xml)?.[1];

describe("the DOCX package's publication properties", () => {
  let parts: Record<string, string>;
  let pdf: PdfObjects;
  beforeAll(async () => {
    const docx = await renderDocx(sampleMinutes, { theme: defaultTheme(), timestamp });
    parts = Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, data]) => [name, strFromU8(data)]));
    pdf = await PdfObjects.load(await renderPdf(sampleMinutes, { theme: defaultTheme(), timestamp }));
  });

  it("writes the same title, subject, author and dates as the PDF's metadata, and the language", () => {
    const core = parts["docProps/core.xml"]!;
    expect(element(core, "dc:title")).toBe(xmlText(pdf.doc.getTitle()!));
    expect(element(core, "dc:subject")).toBe(xmlText(pdf.doc.getSubject()!));
    expect(element(core, "dc:subject")).toBe("Réunion mensuelle — vendredi 23 septembre 2022");
    expect(element(core, "dc:creator")).toBe(pdf.doc.getAuthor());
    expect(element(core, "cp:lastModifiedBy")).toBe(pdf.doc.getAuthor());
    expect(element(core, "dc:language")).toBe("fr-FR");
    expect(element(core, "dcterms:created")).toBe("2024-03-05T14:07:09Z");
    expect(element(core, "dcterms:modified")).toBe("2024-03-05T14:07:09Z");
    expect(pdf.doc.getCreationDate()?.toISOString()).toBe("2024-03-05T14:07:09.000Z");
    expect(pdf.doc.getModificationDate()?.toISOString()).toBe("2024-03-05T14:07:09.000Z");
  });

  it("keeps every heading style with the next paragraph, and the headings use them", () => {
    const styles = parts["word/styles.xml"]!;
    const doc = parts["word/document.xml"]!;
    for (const id of ["Heading1", "Heading2", "Heading3"]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, "s").exec(styles)?.[0];
      expect(style, id).toContain("<w:keepNext/>");
      expect(style, id).toContain("<w:keepLines/>");
    }
    const layout = layoutMinutes(sampleMinutes);
    // The agenda's title and each item's heading.
    expect(count(doc, '<w:pStyle w:val="Heading1"/>')).toBe(layout.items.length + 1);
  });

  it("repeats each table's header row, never splits a row, and numbers pages with live fields", () => {
    const doc = parts["word/document.xml"]!;
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
    const actionTables = tables.filter((t) => t.includes(">Points d'action<") || t.includes(">Points d&apos;action<"));
    expect(actionTables.length).toBe(layoutMinutes(sampleMinutes).items.filter((i) => i.actions).length);
    for (const table of actionTables) {
      expect(count(table, "<w:tblHeader/>")).toBe(1);
      expect(count(table, "<w:cantSplit/>")).toBe(count(table, "<w:tr>"));
    }
    const footer = parts["word/footer1.xml"]!;
    expect(footer).toMatch(/w:instr="\s*PAGE\s*"|<w:instrText[^>]*>\s*PAGE\s*</);
    expect(footer).toMatch(/w:instr="\s*NUMPAGES\s*"|<w:instrText[^>]*>\s*NUMPAGES\s*</);
  });

  it("sets the language on every run through the document defaults, and links as hyperlink relationships", () => {
    const styles = parts["word/styles.xml"]!;
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)![0];
    expect(defaults).toMatch(/<w:lang w:val="fr-FR"[^>]*\/>/);
    const rels = parts["word/_rels/document.xml.rels"]!;
    expect(rels).toMatch(/Type="[^"]*\/hyperlink" Target="https:\/\/example\.org\/dtm" TargetMode="External"/);
  });

  it("links each agenda entry with a section of its own to a bookmark on its item's heading", () => {
    const doc = parts["word/document.xml"]!;
    const layout = layoutMinutes(sampleMinutes);
    const anchors = [...doc.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual(layout.items.map((_, i) => `item_${i + 1}`));
    const headings = doc.match(/<w:p>(?:(?!<\/w:p>).)*<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)!;
    layout.items.forEach((item, i) => {
      const heading = headings.find((p) => p.includes(`w:name="item_${i + 1}"`));
      expect(heading, item.heading).toBeDefined();
      expect(heading).toContain(`>${xmlText(item.heading).replace(/'/g, "&apos;")}<`);
      // Ids numbered from 1 in every render, whatever docx's process-wide counter says.
      expect(heading).toMatch(
        new RegExp(`<w:bookmarkStart w:name="item_${i + 1}" w:id="${i + 1}"/>.*<w:bookmarkEnd w:id="${i + 1}"/>`, "s"),
      );
    });
  });
});
