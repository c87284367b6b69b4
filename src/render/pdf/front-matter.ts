// The opening of the compte-rendu: organisation, title and subtitle, the bordered info table
// (date, time, place, attendance...), the preamble, and the list of agenda points.
import { agendaEntryParts } from "../../layout/agenda-targets.js";
import type { DocumentLayout } from "../../layout/document-layout.js";
import { titleLogoSize } from "../../layout/page-marks.js";
import type { ThemeLogo } from "../../theme/theme.js";
import { bodyContext, drawBlocks } from "./blocks.js";
import { proportionalWidths } from "./column-widths.js";
import { agendaDestinations } from "./item-anchors.js";
import { breakLines } from "./line-breaker.js";
import type { PageWriter } from "./page-writer.js";
import { drawParagraph } from "./paragraph.js";
import { pdfColor } from "./pdf-styles.js";
import { drawTable } from "./table.js";
import type { TableCell } from "./table-row.js";
import { lineBox } from "./text-line.js";
import { textRuns } from "./text-runs.js";

export function drawFrontMatter(w: PageWriter, layout: DocumentLayout, logo?: ThemeLogo): void {
  if (layout.draft?.mark === "banner") drawBanner(w, layout.draft.text);
  if (logo?.placement === "title") drawTitleLogo(w, logo);
  drawTitleBlock(w, layout);
  drawInfoTable(w, layout);
  if (layout.preamble.length) {
    w.gap(w.styles.space.itemBefore);
    drawBlocks(w, layout.preamble, bodyContext(w));
  }
  drawAgenda(w, layout);
}

/** The logo above the title, as a Figure with its alt text. */
function drawTitleLogo(w: PageWriter, logo: ThemeLogo): void {
  const { width, height } = titleLogoSize(logo, w.width, w.pageHeight);
  const x = w.styles.look.titleAlign === "center" ? w.left + (w.width - width) / 2 : w.left;
  const y = w.y;
  const figure = w.tag("Figure", w.root, { alt: logo.alt });
  w.content(figure, () => void w.doc.image(w.logoImage(logo), x, y, { width, height }));
  w.end(figure);
  w.y += height;
  w.gap(10);
}

/** "PROJET" / "DRAFT" in a band across the top of the first page. */
/** A band in the accent colour across the text width: the draft banner, and "Confidential" over an item. */
export function drawBanner(w: PageWriter, value: string): void {
  const { text, colors } = w.styles;
  const style = { ...text.sectionTitle, color: "#FFFFFF" };
  const box = lineBox(w, style);
  const y = w.y;
  const height = box.height + 8;
  w.artifact((doc) => doc.rect(w.left, y, w.width, height).fill(colors.accent));
  w.y += 4;
  const tag = w.tag("P", w.root);
  drawParagraph(w, textRuns(value, style), { x: w.left, width: w.width, style, tag, align: "center" });
  w.end(tag);
  w.y = y + height;
  w.gap(12);
}

function drawTitleBlock(w: PageWriter, layout: DocumentLayout): void {
  const { text, look } = w.styles;
  const centred = (value: string, style: typeof text.body, type: string): void => {
    const tag = w.tag(type, w.root);
    drawParagraph(w, textRuns(value, style), { x: w.left, width: w.width, style, tag, align: look.titleAlign });
    w.end(tag);
  };
  if (layout.organisation) {
    centred(layout.organisation, text.organisation, "P");
    w.gap(4);
  }
  centred(layout.title, text.title, "H1");
  if (layout.subtitle) {
    w.gap(2);
    centred(layout.subtitle, text.subtitle, "P");
  }
  // The layout's rule under the title: a share of the width, centred or left like the title.
  const rule = layout.geometry.titleRule;
  w.gap(rule.gapBefore);
  const y = w.y;
  const ruleWidth = w.width * rule.widthShare;
  const ruleX = look.titleAlign === "center" ? w.left + (w.width - ruleWidth) / 2 : w.left;
  w.artifact((doc) => doc.rect(ruleX, y, ruleWidth, rule.thickness).fill(pdfColor(rule.color)));
  w.y += rule.thickness;
  w.gap(rule.gapAfter);
}

function drawInfoTable(w: PageWriter, layout: DocumentLayout): void {
  const { text, colors } = w.styles;
  const label = { ...text.cell, bold: true, color: colors.primary };
  const rows = layout.info.map((row): TableCell[] => [
    {
      paragraphs: [{ runs: textRuns(row.label, label), bullet: false }],
      style: label,
      align: "left",
      scope: "Row",
      fill: colors.headerFill,
    },
    {
      paragraphs: (Array.isArray(row.value) ? row.value : [row.value]).map((value) => ({
        runs: textRuns(value, text.cell),
        bullet: Array.isArray(row.value),
      })),
      style: text.cell,
      align: "left",
      scope: null,
      fill: null,
    },
  ]);
  drawTable(w, {
    x: w.left,
    widths: proportionalWidths(w.width, [...layout.geometry.infoColumns]),
    header: null,
    rows,
    parent: w.root,
  });
}

function drawAgenda(w: PageWriter, layout: DocumentLayout): void {
  // A document without agenda items (the action register) has no agenda.
  if (!layout.agenda.length) return;
  const { text, space, agenda } = w.styles;
  w.gap(space.itemBefore);
  const title = w.tag("H2", w.root);
  const style = text.sectionTitle;
  drawParagraph(w, textRuns(layout.agendaTitle, style), {
    x: w.left,
    width: w.width,
    style,
    tag: title,
    keepWithNext: 2 * text.body.size * text.body.leading,
  });
  w.end(title);
  if (layout.agendaBlocks) {
    // The agenda as planned, drawn as written (its entries need not be the items).
    w.gap(space.paragraph);
    drawBlocks(w, layout.agendaBlocks, bodyContext(w));
    return;
  }
  w.gap(space.paragraph);
  const tag = w.tag("L", w.root);
  const x = w.left + agenda.indent;
  const destinations = agendaDestinations(layout);
  layout.agenda.forEach((entry, i) => {
    if (i > 0) w.gap(space.listItem + 1);
    const li = w.tag("LI", tag);
    // "1. Title": the number hangs in a column of its own so wrapped titles align under the text.
    const { number, text: title } = agendaEntryParts(entry);
    const numberWidth = agenda.numberWidth;
    const lbl = number ? w.tag("Lbl", li) : null;
    const body = w.tag("LBody", li);
    const destination = destinations[i] ?? null;
    // An entry whose item has a section of its own links to it: the text sits in a Link element that
    // also owns the annotation, as PDF/UA asks.
    const link = destination ? w.tag("Link", body) : null;
    // Where the entry's first line landed, once drawParagraph has chosen its page.
    const anchor: { page: unknown; top: number } = { page: null, top: 0 };
    const common = {
      x: x + numberWidth,
      width: w.width - agenda.indent - numberWidth,
      style: text.body,
      tag: link ?? body,
      onFirstLine: (top: number) => {
        anchor.page = w.doc.page;
        anchor.top = top;
      },
    };
    if (number && lbl) {
      const line = breakLines(textRuns(number, text.body), 1000, w.fonts)[0]!;
      const label = { line, x: x + numberWidth - agenda.numberGap - line.width, tag: lbl };
      drawParagraph(w, textRuns(title, text.body), { ...common, label });
    } else {
      drawParagraph(w, textRuns(title, text.body), common);
    }
    // An entry of one or two lines never crosses a page (paragraphs keep two lines together).
    if (link && destination && anchor.page === w.doc.page) {
      w.doc.goTo(common.x, anchor.top, common.width, w.y - anchor.top, destination, {
        structParent: link,
        Contents: new String(entry),
      } as unknown as PDFKit.Mixins.AnnotationOption);
    }
    if (link) w.end(link);
    w.end(li);
  });
  w.end(tag);
}
