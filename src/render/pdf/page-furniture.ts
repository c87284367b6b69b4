// Page header and footer from the theme's templates (a first-page variant, alignment, the logo in the header),
// and the draft watermark. All of it is drawn as pagination artifacts outside the structure tree, except the
// logo on the first page, which is a Figure with its alt text.
import type { DocumentLayout } from "../../layout/document-layout.js";
import { headerLogoSize, type Size, watermarkAngle, watermarkSize } from "../../layout/page-marks.js";
import { pageLineText, type PageLine } from "../../layout/page-template.js";
import type { ThemeLogo } from "../../theme/theme.js";
import { breakLines, type TextLine } from "./line-breaker.js";
import type { PageWriter } from "./page-writer.js";
import { pdfColor } from "./pdf-styles.js";
import { drawTextLine, lineBox } from "./text-line.js";
import { textRuns } from "./text-runs.js";

/** At most this many header lines, so a very long title cannot reach into the page body. */
const MAX_HEADER_LINES = 2;
const LOGO_GAP = 8;

const hasPageFields = (line: PageLine): boolean => line.pieces.some((p) => typeof p !== "string");

/** The logo's drawn size in the header (layout/page-marks.ts). */
const logoSize = (w: PageWriter, logo: ThemeLogo): Size => headerLogoSize(logo, w.styles.page.top, w.width);

/**
 * Returns the drawer of the page header for the current page. It runs as each page starts, so that in
 * content order the header comes first; a header that shows page numbers is drawn at the end instead.
 */
export function pageHeader(w: PageWriter, layout: DocumentLayout, logo: ThemeLogo | undefined): () => void {
  const { styles, doc } = w;
  const headerLogo = logo && logo.placement !== "title" ? logo : undefined;
  const ruleY = styles.page.top - 14;
  return () => {
    const index = doc.bufferedPageRange().count - 1;
    const first = index === 0;
    if (headerLogo) drawHeaderLogo(w, headerLogo, ruleY, first);
    const line = first ? layout.pageHeader.first : layout.pageHeader.every;
    if (!hasPageFields(line)) drawHeaderText(w, pageLineText(line, "", ""), line.align, ruleY, headerLogo);
    if (line.pieces.length || headerLogo)
      w.artifact((d) => d.rect(w.left, ruleY, w.width, 0.5).fill(styles.colors.border), "Pagination");
    if (layout.draft?.mark === "watermark") drawWatermark(w, layout.draft.text, layout.geometry.tints.watermark);
  };
}

/** Footers (and headers with page numbers) need the page count, so they are drawn last, on every page. */
export function drawPageFooters(w: PageWriter, layout: DocumentLayout, logo: ThemeLogo | undefined): void {
  const { doc, styles } = w;
  const style = styles.text.furniture;
  const box = lineBox(w, style);
  const top = styles.page.bottom + (styles.page.height - styles.page.bottom) / 2 - box.height / 2;
  const { start, count } = doc.bufferedPageRange();
  const headerLogo = logo && logo.placement !== "title" ? logo : undefined;
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const header = i === 0 ? layout.pageHeader.first : layout.pageHeader.every;
    if (hasPageFields(header))
      drawHeaderText(w, pageLineText(header, i + 1, count), header.align, styles.page.top - 14, headerLogo);
    const line = i === 0 ? layout.pageFooter.first : layout.pageFooter.every;
    const footer = breakLines(textRuns(pageLineText(line, i + 1, count), style), w.width, w.fonts)[0];
    if (footer) drawTextLine(w, footer, alignedX(w.left, w.width, footer.width, line.align), top, box, null);
  }
}

function alignedX(left: number, width: number, used: number, align: PageLine["align"]): number {
  return align === "left" ? left : align === "right" ? left + width - used : left + (width - used) / 2;
}

function drawHeaderText(
  w: PageWriter,
  text: string,
  align: PageLine["align"],
  ruleY: number,
  logo: ThemeLogo | undefined,
): void {
  if (!text.trim()) return;
  const box = lineBox(w, w.styles.text.furniture);
  // The text takes the width the logo leaves.
  const logoWidth = logo ? logoSize(w, logo).width + LOGO_GAP : 0;
  const left = logo?.placement === "header-left" ? w.left + logoWidth : w.left;
  const width = w.width - logoWidth;
  const lines = headerLines(w, text, width);
  const top = ruleY - 3 - lines.length * box.height;
  lines.forEach((line, n) =>
    drawTextLine(w, line, alignedX(left, width, line.width, align), top + n * box.height, box, null),
  );
}

function drawHeaderLogo(w: PageWriter, logo: ThemeLogo, ruleY: number, first: boolean): void {
  const { width, height } = logoSize(w, logo);
  const x = logo.placement === "header-right" ? w.left + w.width - width : w.left;
  const y = ruleY - 4 - height;
  const draw = (): void => void w.doc.image(w.logoImage(logo), x, y, { width, height });
  // The first page's logo is content (a Figure that says what it shows); the repeats are pagination.
  if (first) {
    const figure = w.tag("Figure", w.root, { alt: logo.alt });
    w.content(figure, draw);
    w.end(figure);
  } else w.artifact(draw, "Pagination");
}

function drawWatermark(w: PageWriter, text: string, fill: string): void {
  const { styles } = w;
  const size = watermarkSize(styles.page.width, text);
  w.artifact((d) => {
    const width = w.fonts.width(text, "heading", size);
    const { ascent, height } = w.fonts.metrics("heading", size);
    w.fonts.use("heading", size);
    // Centred on the page and turned 40° anticlockwise, reading upwards from bottom left.
    d.translate(styles.page.width / 2, styles.page.height / 2).rotate(watermarkAngle);
    d.fillColor(pdfColor(fill));
    d.text(text, -width / 2, -height / 2 + ascent, { lineBreak: false, baseline: "alphabetic" });
  });
}

/** Header lines by writer and text: every page but the first repeats the same header. */
const headerLineCache = new WeakMap<PageWriter, Map<string, TextLine[]>>();

function headerLines(w: PageWriter, text: string, width: number): TextLine[] {
  let cache = headerLineCache.get(w);
  if (!cache) headerLineCache.set(w, (cache = new Map()));
  const key = `${width}\u0000${text}`;
  let lines = cache.get(key);
  if (!lines) cache.set(key, (lines = breakHeaderLines(w, text, width)));
  return lines;
}

function breakHeaderLines(w: PageWriter, text: string, width: number): TextLine[] {
  const style = w.styles.text.furniture;
  const runs = textRuns(text, style);
  const lines = breakLines(runs, width, w.fonts);
  if (lines.length <= MAX_HEADER_LINES) return lines;
  // Too long: wrap again leaving room for an ellipsis at the end of the last kept line.
  const kept = breakLines(runs, width - w.fonts.width("…", "regular", style.size), w.fonts).slice(0, MAX_HEADER_LINES);
  const last = kept[kept.length - 1]?.segments.at(-1);
  if (last) {
    last.text = last.text.replace(/ +$/, "") + "…";
    last.width = w.fonts.width(last.text, last.style.font, last.style.size);
  }
  return kept;
}
