// Creates the pdfkit document: page geometry, the theme's regular face as the default font (so pdfkit never
// loads Helvetica), always tagged, claiming PDF/A-2a and/or PDF/UA-1 as asked, language, and metadata whose
// every byte depends only on the input.
import PDFDocument from "./pdfkit-library.js";
import { documentMetadata } from "../../layout/document-metadata.js";
import type { DocumentLayout } from "../../layout/document-layout.js";
import { defaultPdfStandards, type PdfStandard, type RenderOptions } from "../render-options.js";
import { fontSource } from "./font-book.js";
import type { PdfStyles } from "./pdf-styles.js";

const xml = (value: string): string =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

const xmpDate = (date: Date): string => `${date.toISOString().split(".")[0]}Z`;

export function createPdfDocument(
  layout: DocumentLayout,
  options: RenderOptions,
  styles: PdfStyles,
): PDFKit.PDFDocument {
  // The timestamp feeds CreationDate, ModDate and, through them, the file /ID: no wall clock anywhere.
  const stamp = Number.isNaN(options.timestamp.getTime()) ? new Date(0) : options.timestamp;
  const meta = documentMetadata(layout);
  const info: PDFKit.DocumentInfo = {
    Title: meta.title,
    Subject: meta.subject,
    Creator: "minutes",
    Producer: "PDFKit",
    CreationDate: stamp,
    ModDate: stamp,
  };
  if (meta.author) info.Author = meta.author;
  if (meta.keywords) info.Keywords = meta.keywords;
  const { page } = styles;
  const standards = options.pdfStandards ?? defaultPdfStandards;
  const subset = pdfkitSubset(standards);
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margins: { top: page.top, bottom: page.height - page.bottom, left: page.left, right: page.width - page.right },
    font: fontSource(styles.fonts.regular),
    bufferPages: true,
    pdfVersion: "1.7",
    // @types/pdfkit 0.17 lists only the PDF/A subsets; pdfkit 0.20 takes "PDF/UA" too.
    ...(subset ? { subset: subset as PDFKit.Mixins.PDFSubsets } : {}),
    tagged: true,
    lang: layout.language || "und",
    displayTitle: true,
    info,
  });
  escapeXmp(doc, stamp);
  // pdfkit takes one subset: with both standards it writes the PDF/A part, and the PDF/UA part is added here.
  if (subset === "PDF/A-2a" && standards.includes("ua")) doc.appendXML(PDFUA_WITH_PDFA_SCHEMA);
  return doc;
}

function pdfkitSubset(standards: readonly PdfStandard[]): "PDF/A-2a" | "PDF/UA" | null {
  if (standards.includes("pdfa")) return "PDF/A-2a";
  return standards.includes("ua") ? "PDF/UA" : null;
}

/**
 * pdfuaid:part 1, and the PDF/A extension schema that declares the pdfuaid namespace: PDF/A-2 accepts
 * only the XMP namespaces it predefines or that the file itself declares, and pdfuaid is not predefined.
 */
const PDFUA_WITH_PDFA_SCHEMA = `
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        `;

/**
 * pdfkit writes Title, Author and Subject into the XMP packet unescaped ("R&D" would break the XML) and
 * leaves out ModifyDate, which PDF/A wants to match the Info dictionary. The Info dictionary is already
 * written when the XMP is built, so escaping the values for that one call changes nothing else.
 */
function escapeXmp(doc: PDFKit.PDFDocument, stamp: Date): void {
  const kit = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = kit._addInfo;
  kit._addInfo = function (this: typeof kit) {
    const saved = this.info;
    const escaped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(saved)) escaped[key] = typeof value === "string" ? xml(value) : value;
    this.info = escaped;
    try {
      addInfo.call(this);
    } finally {
      this.info = saved;
    }
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${xmpDate(stamp)}</xmp:ModifyDate>
            <xmp:MetadataDate>${xmpDate(stamp)}</xmp:MetadataDate>
        </rdf:Description>
        `);
  };
}
