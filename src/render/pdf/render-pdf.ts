// Draws a document layout (the compte-rendu, the action register) as a tagged PDF/A-2a: top to bottom, then
// the page header and footer on every page. Same layout and timestamp give the same bytes.
import type { DocumentLayout } from "../../layout/document-layout.js";
import { fallbackFaces } from "../fallback-fonts.js";
import type { RenderOptions } from "../render-options.js";
import { drawAgendaItem, drawNextMeeting, drawSignatures } from "./agenda-item.js";
import { createPdfDocument } from "./create-document.js";
import { FontBook } from "./font-book.js";
import { drawFrontMatter } from "./front-matter.js";
import { itemDestination } from "./item-anchors.js";
import { drawPageFooters, pageHeader } from "./page-furniture.js";
import { PageWriter } from "./page-writer.js";
import { pdfStyles } from "./pdf-styles.js";

/** The PDF renderer (renderers.ts): draws the layout with the theme's fonts and sizes. */
export async function renderPdf(layout: DocumentLayout, options: RenderOptions): Promise<Uint8Array> {
  const styles = pdfStyles(options.theme, layout.geometry);
  const doc = createPdfDocument(layout, options, styles);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const fallbacks = {
    faces: () => fallbackFaces(options.theme, options.projectDir, layout.language, options.world),
    onMissing: options.onMissingGlyph,
  };
  const w = new PageWriter(doc, styles, new FontBook(doc, styles.fonts, fallbacks));
  w.onPageStart(pageHeader(w, layout, options.theme.logo));
  drawFrontMatter(w, layout, options.theme.logo);
  const rule = layout.geometry.itemRule;
  if (layout.followUp) drawAgendaItem(w, layout.followUp, "follow-up", rule);
  layout.items.forEach((item, i) => drawAgendaItem(w, item, itemDestination(i), rule));
  drawNextMeeting(w, layout);
  drawSignatures(w, layout);
  w.finish();
  drawPageFooters(w, layout, options.theme.logo);
  doc.end();
  await finished;

  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
