// Page header (document title over a thin rule) and footer ("Page 1 sur 3") on every page, in the top and
// bottom margins, as pagination artifacts outside the structure tree.
import type { DocumentLayout } from "../layout.js";
import { breakLines, type TextLine } from "./line-breaker.js";
import type { PageWriter } from "./page-writer.js";
import { drawTextLine, lineBox } from "./text-line.js";
import { textRuns } from "./text-runs.js";

/** At most this many header lines, so a very long title cannot reach into the page body. */
const MAX_HEADER_LINES = 2;

/**
 * Returns the drawer of the page header for the current page. It runs as each page starts, so that in
 * content order (pdftotext -raw, screen readers ignoring artifacts aside) the header comes first.
 */
export function pageHeader(w: PageWriter, layout: DocumentLayout): () => void {
  const { styles } = w;
  const box = lineBox(w, styles.text.furniture);
  const lines = headerLines(w, layout.headerText);
  const ruleY = styles.page.top - 14;
  const top = ruleY - 3 - lines.length * box.height;
  return () => {
    lines.forEach((line, n) => drawTextLine(w, line, w.left, top + n * box.height, box, null));
    w.artifact((d) => d.rect(w.left, ruleY, w.width, 0.5).fill(styles.colors.border), "Pagination");
  };
}

/** Footers need the page count, so they are drawn last, on every buffered page. */
export function drawPageFooters(w: PageWriter, layout: DocumentLayout): void {
  const { doc, styles } = w;
  const style = styles.text.furniture;
  const box = lineBox(w, style);
  const top = styles.page.bottom + (styles.page.height - styles.page.bottom) / 2 - box.height / 2;
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const footer = breakLines(textRuns(layout.footer(i + 1, count), style), w.width, w.fonts)[0];
    if (footer) drawTextLine(w, footer, w.left + (w.width - footer.width) / 2, top, box, null);
  }
}

function headerLines(w: PageWriter, text: string): TextLine[] {
  const style = w.styles.text.furniture;
  const runs = textRuns(text, style);
  const lines = breakLines(runs, w.width, w.fonts);
  if (lines.length <= MAX_HEADER_LINES) return lines;
  // Too long: wrap again leaving room for an ellipsis at the end of the last kept line.
  const kept = breakLines(runs, w.width - w.fonts.width("…", "regular", style.size), w.fonts).slice(0, MAX_HEADER_LINES);
  const last = kept[kept.length - 1]?.segments.at(-1);
  if (last) {
    last.text = last.text.replace(/ +$/, "") + "…";
    last.width = w.fonts.width(last.text, last.style.font, last.style.size);
  }
  return kept;
}
