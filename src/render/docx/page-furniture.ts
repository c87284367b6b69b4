// The page around the text: size and margins from the theme; the header and footer from the theme's
// templates, with live Word PAGE and NUMPAGES fields, a first-page variant (Word's "different first page"),
// the logo in the header, and the draft watermark.
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TabStopType, Textbox, TextRun, type ISectionOptions, type ParagraphChild } from "docx";
import type { DocumentLayout } from "../layout.js";
import type { PageLine } from "../page-template.js";
import { pageSize, type Theme } from "../../theme/theme.js";
import { tint, twips } from "./docx-context.js";
import { headerLogoSize, logoImage } from "./logo-image.js";
import { StyleId } from "./style-table.js";

type FooterPiece = string | (typeof PageNumber)["CURRENT"] | (typeof PageNumber)["TOTAL_PAGES"];

/** A template line → ["Page ", PAGE, " sur ", NUMPAGES]: the words stay the template's. */
export function footerPieces(line: PageLine): FooterPiece[] {
  return line.pieces.map((p) => (typeof p === "string" ? p : p.field === "page" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES));
}

const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

type Furniture = Pick<ISectionOptions, "headers" | "footers" | "properties">;

export function pageFurniture(layout: DocumentLayout, theme: Theme): Furniture {
  const { width, height } = pageSize(theme);
  const { top, right, bottom, left } = theme.page.margins;
  const content = width - left - right;
  const logo = theme.logo && theme.logo.placement !== "title" ? theme.logo : undefined;
  const logoSize = logo ? headerLogoSize(logo, top, content) : undefined;

  const headerParagraph = (line: PageLine): Paragraph => {
    const text: ParagraphChild[] = line.pieces.length ? [new TextRun({ children: footerPieces(line) })] : [];
    if (!logo || !logoSize) return new Paragraph({ style: StyleId.header, alignment: alignment[line.align], children: text });
    // The logo and the text share the line: a tab stop puts the text beside the logo, or the logo at the right edge.
    const image = logoImage(logo, logoSize);
    const tab = new TextRun({ text: "\t" });
    if (logo.placement === "header-right") {
      return new Paragraph({ style: StyleId.header, tabStops: [{ type: TabStopType.RIGHT, position: twips(content) }], children: [...text, tab, image] });
    }
    const stop = line.align === "right" ? { type: TabStopType.RIGHT, position: twips(content) } : line.align === "center" ? { type: TabStopType.CENTER, position: twips((content + logoSize.width) / 2) } : { type: TabStopType.LEFT, position: twips(logoSize.width + 8) };
    return new Paragraph({ style: StyleId.header, tabStops: [stop], children: [image, tab, ...text] });
  };
  const footerParagraph = (line: PageLine): Paragraph =>
    new Paragraph({ style: StyleId.footer, alignment: alignment[line.align], children: line.pieces.length ? [new TextRun({ children: footerPieces(line) })] : [] });
  const watermark = layout.draft?.mark === "watermark" ? [draftWatermark(layout.draft.text, theme)] : [];
  const header = (line: PageLine): Header => new Header({ children: [headerParagraph(line), ...watermark] });
  const footer = (line: PageLine): Footer => new Footer({ children: [footerParagraph(line)] });

  const same = (a: PageLine, b: PageLine): boolean => JSON.stringify(a) === JSON.stringify(b);
  const firstDiffers = !same(layout.pageHeader.first, layout.pageHeader.every) || !same(layout.pageFooter.first, layout.pageFooter.every);
  return {
    properties: {
      ...(firstDiffers ? { titlePage: true } : {}),
      page: {
        size: { width: twips(width), height: twips(height) },
        // Header and footer sit halfway into their margins, clear of the text and of the paper edge.
        margin: {
          top: twips(top),
          right: twips(right),
          bottom: twips(bottom),
          left: twips(left),
          header: twips(top / 2),
          footer: twips(bottom / 2),
        },
      },
    },
    headers: { default: header(layout.pageHeader.every), ...(firstDiffers ? { first: header(layout.pageHeader.first) } : {}) },
    footers: { default: footer(layout.pageFooter.every), ...(firstDiffers ? { first: footer(layout.pageFooter.first) } : {}) },
  };
}

/** "PROJET" / "DRAFT" across the page, behind the text: a rotated text box anchored in the header. */
function draftWatermark(text: string, theme: Theme): Paragraph {
  const { width, height } = pageSize(theme);
  const size = Math.min(110, (width * 1.1) / Math.max(3, text.length) / 0.6);
  const boxWidth = width * 0.95;
  const boxHeight = size * 1.5;
  const style: NonNullable<ConstructorParameters<typeof Textbox>[0]["style"]> = {
      position: "absolute",
      width: `${Math.round(boxWidth)}pt`,
      height: `${Math.round(boxHeight)}pt`,
      marginLeft: `${Math.round((width - boxWidth) / 2)}pt`,
      marginTop: `${Math.round((height - boxHeight) / 2)}pt`,
      positionHorizontalRelative: "page",
      positionVerticalRelative: "page",
      rotation: -50,
      wrapStyle: "none",
      zIndex: -1,
  };
  // A text box is a paragraph-level element (a w:p holding a VML shape), which docx types apart from Paragraph.
  return new Textbox({
    style,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true, size: Math.round(size * 2), color: tint(theme.colors.border, 0.78) })] })],
  }) as unknown as Paragraph;
}

