// The page's stylesheet, from the same measures the PDF draws with (pdf-styles.ts: the theme's sizes,
// colours and spacing, the layout's geometry), in points, so the page reads like the document: on screen a
// column as wide as the PDF's text, and in print the PDF's page size, margins, running header and footer.
import type { DocumentLayout } from "../../layout/document-layout.js";
import { bulletAt, listBullets } from "../../layout/list-marks.js";
import { headerLogoSize, watermarkAngle } from "../../layout/page-marks.js";
import { pageLineText, type PageLine } from "../../layout/page-template.js";
import type { ThemeLogo } from "../../theme/theme.js";
import { pdfColor, type PdfStyles, type TextStyle } from "../pdf/pdf-styles.js";

/** The families the page names, in CSS form (the @font-face faces first, then what the reader has). */
export interface FontStacks {
  body: string;
  heading: string;
  mono: string;
}

const pt = (n: number): string => `${Math.round(n * 100) / 100}pt`;

/** A CSS string literal that cannot close itself, the rule or the <style> element: anything but plain characters is a CSS escape. */
export function cssString(value: string): string {
  const escaped = [...value.replace(/[\r\n]+/g, " ")]
    .map((ch) => (/[\p{L}\p{N} .,:;!?()\-–—/'’«»#+*=%@_]/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
    .join("");
  return `"${escaped}"`;
}

function font(style: TextStyle, fonts: FontStacks): string {
  const family = style.heading && style.bold && !style.italic ? fonts.heading : fonts.body;
  return `font: ${style.italic ? "italic " : ""}${style.bold ? 700 : 400} ${pt(style.size)}/${style.leading} ${family}; color: ${style.color};`;
}

/** The running header's or footer's content: text pieces, with the page fields as CSS counters. */
function marginContent(line: PageLine): string[] {
  return line.pieces.map((p) =>
    typeof p === "string" ? cssString(p) : p.field === "page" ? "counter(page)" : "counter(pages)",
  );
}

/** The header's logo in print: an image of its drawn size (a margin box shows an image at its own size). */
export interface MarginLogo {
  uri: string;
  side: "left" | "right";
}

type Box = "left" | "center" | "right";

/** What each of an edge's three margin boxes holds: the line's text in the box of its alignment, the logo at its side. */
function edgeBoxes(line: PageLine, logo: MarginLogo | undefined): Record<Box, string> {
  const boxes: Record<Box, string[]> = { left: [], center: [], right: [] };
  const text = marginContent(line);
  if (text.length) boxes[line.align].push(...text);
  if (logo) {
    const image = `url(${cssString(logo.uri)})`;
    const gap = cssString("\u00a0\u00a0\u00a0");
    if (logo.side === "left") boxes.left.unshift(image, ...(boxes.left.length ? [gap] : []));
    else boxes.right.push(...(boxes.right.length ? [gap] : []), image);
  }
  return { left: boxes.left.join(" "), center: boxes.center.join(" "), right: boxes.right.join(" ") };
}

/**
 * The running header and footer of every page, and of the first page (each box said again there, emptied
 * where the first page's line leaves it empty), as the PDF's page-furniture.ts draws them.
 */
function marginBoxes(layout: DocumentLayout, furniture: string, rule: string, logo: MarginLogo | undefined): string {
  const edge = (name: "top" | "bottom", line: PageLine, first: boolean): string[] =>
    Object.entries(edgeBoxes(line, name === "top" ? logo : undefined)).flatMap(([box, content]) => {
      if (!content && !first) return [];
      const look = name === "top" ? `${furniture} vertical-align: bottom; padding-bottom: 3pt; ${rule}` : furniture;
      return [`  @${name}-${box} { content: ${content || "none"}; ${content ? look : ""} }`];
    });
  const every = [...edge("top", layout.pageHeader.every, false), ...edge("bottom", layout.pageFooter.every, false)];
  const first = [...edge("top", layout.pageHeader.first, true), ...edge("bottom", layout.pageFooter.first, true)];
  return `${every.join("\n")}\n}\n@page :first {\n${first.join("\n")}\n}`;
}

/**
 * The header logo for the print margin boxes, where an image shows at its own size: an SVG of the logo's drawn
 * size in points holding the logo (which the page's policy allows, as a data: image).
 */
export function marginLogo(s: PdfStyles, logo: ThemeLogo, uri: string): MarginLogo | undefined {
  if (logo.placement === "title") return undefined;
  const { width, height } = headerLogoSize(logo, s.page.top, s.page.right - s.page.left);
  const w = Math.round(width * 100) / 100;
  const h = Math.round(height * 100) / 100;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}"><image width="${w}" height="${h}" preserveAspectRatio="none" xlink:href="${uri}"/></svg>`;
  return {
    uri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    side: logo.placement === "header-right" ? "right" : "left",
  };
}

export function pageCss(layout: DocumentLayout, s: PdfStyles, fonts: FontStacks, logo?: MarginLogo): string {
  const t = s.text;
  const c = s.colors;
  const g = layout.geometry;
  const textWidth = s.page.right - s.page.left;
  const border = `${pt(s.table.border)} solid ${c.border}`;
  const grid = s.look.tables === "grid";
  const furniture = `${font(t.furniture, fonts)}`;
  const margin = `${pt(s.page.top)} ${pt(s.page.width - s.page.right)} ${pt(s.page.height - s.page.bottom)} ${pt(s.page.left)}`;
  const size = s.page.width > 600 ? "letter" : "A4";
  return `
:root { color-scheme: light; }
html { background: #f4f4f4; }
body { margin: 0; ${font(t.body, fonts)} -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
.page { box-sizing: border-box; max-width: ${pt(textWidth + 2 * 36)}; margin: 0 auto; padding: ${pt(24)} ${pt(36)} ${pt(48)}; background: #fff; position: relative; overflow-wrap: break-word; }
.page-header { display: flex; align-items: flex-end; gap: 8pt; border-bottom: 0.5pt solid ${c.border}; padding-bottom: 3pt; margin-bottom: ${pt(24)}; min-height: 1em; ${furniture} }
.page-header.align-center { justify-content: center; } .page-header.align-right { justify-content: flex-end; }
.page-header .text { flex: 1; text-align: inherit; }
.page-header.align-center .text { text-align: center; } .page-header.align-right .text { text-align: right; }
.page-header img { flex: none; }
.page-header.logo-right img { order: 2; }
.page-footer { ${furniture} margin-top: ${pt(24)}; }
.page-footer.align-center { text-align: center; } .page-footer.align-right { text-align: right; }
.organisation { ${font(t.organisation, fonts)} margin: 0 0 4pt; text-align: ${s.look.titleAlign}; }
h1 { ${font(t.title, fonts)} margin: 0; text-align: ${s.look.titleAlign}; }
.subtitle { ${font(t.subtitle, fonts)} margin: 2pt 0 0; text-align: ${s.look.titleAlign}; }
.title-rule { height: ${pt(g.titleRule.thickness)}; width: ${g.titleRule.widthShare * 100}%; background: ${pdfColor(g.titleRule.color)}; margin: ${pt(g.titleRule.gapBefore)} ${s.look.titleAlign === "center" ? "auto" : "0"} ${pt(g.titleRule.gapAfter)}; border: 0; }
.title-logo { display: block; max-width: 100%; height: auto; margin: 0 ${s.look.titleAlign === "center" ? "auto" : "0"} 10pt; }
.draft-banner { ${font({ ...t.sectionTitle, color: "#FFFFFF" }, fonts)} background: ${c.accent}; text-align: center; padding: 4pt 0; margin: 0 0 12pt; }
.watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none; z-index: 0; overflow: hidden; }
.watermark span { transform: rotate(${watermarkAngle}deg); color: ${pdfColor(g.tints.watermark)}; font-family: ${fonts.heading}; font-weight: 700; white-space: nowrap; }
main { position: relative; z-index: 1; }
p { margin: 0 0 ${pt(s.space.paragraph)}; }
h2 { ${font(t.sectionTitle, fonts)} margin: ${pt(s.space.itemBefore)} 0 ${pt(s.space.paragraph)}; break-after: avoid; }
.item > h2 { ${font(t.itemHeading, fonts)} margin-bottom: 0; padding-bottom: 2pt; border-bottom: ${pt(g.itemRule.thickness)} solid ${pdfColor(g.itemRule.color)}; }
h3 { ${font(t.sectionLabel, fonts)} margin: ${pt(s.space.sectionBefore)} 0 ${pt(s.space.listItem + 1)}; break-after: avoid; }
${t.subheadings.map((style, i) => `.level-${i + 1} { ${font(style, fonts)} margin: ${pt(s.space.sectionBefore)} 0 ${pt(s.space.listItem)}; break-after: avoid; }`).join("\n")}
.item > :nth-child(2) { margin-top: ${pt(s.space.sectionBefore)}; }
/* Each item hangs in the margin of its own direction: a right-to-left item of a left-to-right list keeps its marker inside the list. */
ul, ol { margin: 0 0 ${pt(s.space.paragraph)}; padding-inline-start: 0; }
${listBullets.map((_, i) => `.bullets-${i} > li`).join(", ")}, .numbers > li { margin-inline-start: ${pt(s.list.indent)}; }
li { margin: 0 0 ${pt(s.space.listItem)}; }
li > p { margin: 0 0 ${pt(s.space.listItem)}; }
${listBullets.map((b, i) => `ul.bullets-${i} { list-style-type: ${cssString(`${b}  `)}; }`).join(" ")}
li.labelled { list-style: none; position: relative; }
li.labelled > .label { position: absolute; inset-inline-end: 100%; margin-inline-end: ${pt(s.list.labelGap)}; white-space: nowrap; font-style: normal; }
${Array.from({ length: 8 }, (_, i) => `.hang-${i + 1} > li { margin-inline-start: max(${pt(s.list.indent)}, calc(${i + 1}ch + ${pt(s.list.labelGap)})); }`).join(" ")}
.agenda { list-style: none; padding: 0; margin: 0 0 0 ${pt(s.agenda.indent)}; }
.agenda li { display: flex; margin: 0 0 ${pt(s.space.listItem + 1)}; }
.agenda .number { flex: none; width: ${pt(s.agenda.numberWidth)}; box-sizing: border-box; padding-right: ${pt(s.agenda.numberGap)}; text-align: right; }
.agenda .entry { flex: 1; }
blockquote { margin: 0 0 ${pt(s.space.paragraph)}; padding-left: ${pt(s.quote.indent - 1)}; border-left: ${pt(s.quote.rule)} solid ${c.quoteRule}; color: ${c.muted}; font-style: italic; }
pre { ${font(t.code, fonts).replace(/font: [^;]*;/, `font: 400 ${pt(t.code.size)}/${t.code.leading} ${fonts.mono};`)} background: ${c.codeFill}; border: 0.5pt solid ${pdfColor(g.tints.codeEdge)}; padding: ${pt(s.code.padY)} ${pt(s.code.padX)}; margin: ${pt(s.space.blockBefore)} 0 ${pt(s.space.blockAfter)}; white-space: pre-wrap; break-inside: avoid; }
code { font-family: ${fonts.mono}; font-size: ${s.codeScale * 100}%; }
pre code { font-size: 100%; }
:not(pre) > code { background: ${c.codeFill}; padding: 0 1pt; }
a { color: ${c.link}; }
a:focus-visible { outline: 2px solid ${c.primary}; outline-offset: 2px; }
hr { border: 0; height: 0.75pt; background: ${c.border}; margin: ${pt(s.space.paragraph)} 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: ${pt(s.space.sectionBefore)} 0 ${pt(s.space.blockAfter)}; }
th, td { ${font(t.cell, fonts)} text-align: start; vertical-align: top; padding: ${pt(s.table.padY)} ${pt(s.table.padX)}; ${grid ? `border: ${border};` : `border-bottom: ${border};`} }
th { font-weight: 700; color: ${c.primary}; background: ${c.headerFill}; }
table.dense th, table.dense td { ${font(t.denseCell, fonts)} padding: ${pt(s.table.padY)} ${pt(Math.min(s.table.padX, 3))}; }
table.dense th { font-weight: 700; color: ${c.primary}; }
td p, th p { margin: 0; }
td ul, td ol { margin: 0; }
.align-right { text-align: right; } .align-center { text-align: center; }
table.info { margin-top: 0; }
table.info ul { list-style-type: ${cssString(`${bulletAt(0)}  `)}; padding: 0; }
table.info li { margin: 0; margin-inline-start: ${pt(s.list.indent)}; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
caption { text-align: start; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.next-meeting { margin-top: ${pt(s.space.itemBefore + s.space.paragraph)}; }
.next-meeting strong { color: ${c.primary}; }
.signatures { margin-top: ${pt(s.space.itemBefore + s.space.paragraph)}; }
@media (max-width: 40em) {
  html { background: #fff; }
  .page { padding: 12pt 12pt 24pt; }
  .agenda { margin-left: 0; }
  .table-scroll { overflow-x: auto; }
  /* A narrow screen keeps whole words in an action table's cells (no "Ope|n"): each column at least its longest word, the table scrolling sideways when they do not fit. */
  .table-scroll > table { table-layout: auto; width: auto; min-width: 100%; }
  table.info { table-layout: auto; }
}
@page { size: ${size}; margin: ${margin};
${marginBoxes(layout, furniture, `border-bottom: 0.5pt solid ${c.border};`, logo)}
@media print {
  html, body { background: #fff; }
  .page { max-width: none; padding: 0; margin: 0; }
  .page-header, .page-footer { display: none; }
  .item { break-before: auto; }
  h2, h3, .level-1, .level-2, .level-3 { break-after: avoid; break-inside: avoid; }
  p, li { orphans: 2; widows: 2; }
  a { color: ${c.link}; text-decoration: underline; }
}
`;
}

/** What the on-screen header shows: the first page's header line, page fields aside (the print header has them). */
export function screenLineText(line: PageLine): string {
  return line.pieces.some((p) => typeof p !== "string") ? "" : pageLineText(line, "", "");
}
