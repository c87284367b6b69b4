// Renders minutes as a tagged PDF/A-2a compte-rendu: draws the shared document layout top to bottom,
// then the page header and footer on every page. Same model and timestamp give the same bytes.
import type { Minutes } from "../../model/minutes.js";
import { fallbackFaces } from "../fallback-fonts.js";
import { layoutDocument, type DocumentLayout } from "../layout.js";
import type { RenderOptions } from "../render-options.js";
import { drawAgendaItem, drawNextMeeting } from "./agenda-item.js";
import { createPdfDocument } from "./create-document.js";
import { FontBook } from "./font-book.js";
import { drawFrontMatter } from "./front-matter.js";
import { itemDestination } from "./item-anchors.js";
import { drawPageFooters, pageHeader } from "./page-furniture.js";
import { PageWriter } from "./page-writer.js";
import { pdfStyles } from "./pdf-styles.js";

export async function renderPdf(minutes: Minutes, options: RenderOptions): Promise<Uint8Array> {
  return renderPdfLayout(layoutDocument(minutes, options.theme), options);
}

/** Draws any document layout (the compte-rendu, the action register). */
export async function renderPdfLayout(layout: DocumentLayout, options: RenderOptions): Promise<Uint8Array> {
  const styles = pdfStyles(options.theme);
  const doc = createPdfDocument(layout, options, styles);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const fallbacks = { faces: () => fallbackFaces(options.theme, options.projectDir, layout.language), onMissing: options.onMissingGlyph };
  const w = new PageWriter(doc, styles, new FontBook(doc, styles.fonts, fallbacks));
  w.onPageStart(pageHeader(w, layout, options.theme.logo));
  drawFrontMatter(w, layout, options.theme.logo);
  if (layout.followUp) drawAgendaItem(w, layout.followUp, "follow-up");
  layout.items.forEach((item, i) => drawAgendaItem(w, item, itemDestination(i)));
  drawNextMeeting(w, layout);
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
