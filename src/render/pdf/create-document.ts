// Creates the pdfkit document: page geometry, the theme's regular face as the default font (so pdfkit never
// loads Helvetica), tagged PDF/A-2a, language, and metadata whose every byte depends only on the input.
import PDFDocument from "pdfkit";
import type { DocumentLayout } from "../layout.js";
import type { RenderOptions } from "../render-options.js";
import { fontSource } from "./font-book.js";
import type { PdfStyles } from "./pdf-styles.js";

const xml = (value: string): string =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

const xmpDate = (date: Date): string => `${date.toISOString().split(".")[0]}Z`;

export function createPdfDocument(layout: DocumentLayout, options: RenderOptions, styles: PdfStyles): PDFKit.PDFDocument {
  // The timestamp feeds CreationDate, ModDate and, through them, the file /ID: no wall clock anywhere.
  const stamp = Number.isNaN(options.timestamp.getTime()) ? new Date(0) : options.timestamp;
  const date = layout.info[0]?.value;
  const subject = [layout.subtitle, typeof date === "string" ? date : undefined].filter(Boolean).join(" — ");
  const info: PDFKit.DocumentInfo = {
    Title: layout.title,
    Subject: subject || layout.title,
    Creator: "minutes",
    Producer: "PDFKit",
    CreationDate: stamp,
    ModDate: stamp,
  };
  if (layout.organisation) info.Author = layout.organisation;
  const { page } = styles;
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margins: { top: page.top, bottom: page.height - page.bottom, left: page.left, right: page.width - page.right },
    font: fontSource(styles.fonts.regular),
    bufferPages: true,
    pdfVersion: "1.7",
    subset: "PDF/A-2a",
    tagged: true,
    lang: layout.language || "und",
    displayTitle: true,
    info,
  });
  escapeXmp(doc, stamp);
  return doc;
}

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
