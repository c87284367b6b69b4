// The page around the text: size and margins from the theme; the header and footer from the theme's
// templates, with live Word PAGE and NUMPAGES fields, a first-page variant (Word's "different first page"),
// the logo in the header, and the draft watermark.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  ImportedXmlComponent,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type ISectionOptions,
  type ParagraphChild,
} from "./docx-library.js";
import type { DocumentLayout } from "../../layout/document-layout.js";
import type { PageLine } from "../../layout/page-template.js";
import { pageSize, type Theme } from "../../theme/theme.js";
import { twips } from "./docx-context.js";
import { headerLogoSize, watermarkAngle } from "../../layout/page-marks.js";
import { logoImage, rightOfLine } from "./logo-image.js";
import { StyleId } from "./style-table.js";

type FooterPiece = string | (typeof PageNumber)["CURRENT"] | (typeof PageNumber)["TOTAL_PAGES"];

/** A template line → ["Page ", PAGE, " sur ", NUMPAGES]: the words stay the template's. */
export function footerPieces(line: PageLine): FooterPiece[] {
  return line.pieces.map((p) =>
    typeof p === "string" ? p : p.field === "page" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
  );
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
    // An empty header (the first page of some themes) has no rule under it, as in the PDF.
    if (!logo || !logoSize)
      return new Paragraph({
        style: StyleId.header,
        alignment: alignment[line.align],
        children: text,
        ...(text.length ? {} : { border: { bottom: { style: BorderStyle.NONE, size: 0, color: "auto", space: 0 } } }),
      });
    // The text keeps clear of the logo's side, as in the PDF. On the left, the logo is inline and the text
    // hangs beside it (a tab to the indent); on the right, it floats at the margin, its bottom on the line.
    const reserve = twips(logoSize.width + 8);
    if (logo.placement === "header-right") {
      return new Paragraph({
        style: StyleId.header,
        alignment: alignment[line.align],
        indent: { right: reserve },
        children: [logoImage(logo, logoSize, rightOfLine), ...text],
      });
    }
    const stop =
      line.align === "right"
        ? { type: TabStopType.RIGHT, position: twips(content) }
        : line.align === "center"
          ? { type: TabStopType.CENTER, position: twips((content + logoSize.width) / 2) }
          : { type: TabStopType.LEFT, position: reserve };
    return new Paragraph({
      style: StyleId.header,
      indent: { left: reserve, hanging: reserve },
      tabStops: [stop],
      children: [logoImage(logo, logoSize), new TextRun({ text: "\t" }), ...text],
    });
  };
  const footerParagraph = (line: PageLine): Paragraph =>
    new Paragraph({
      style: StyleId.footer,
      alignment: alignment[line.align],
      children: line.pieces.length ? [new TextRun({ children: footerPieces(line) })] : [],
    });
  const watermark =
    layout.draft?.mark === "watermark"
      ? [draftWatermark(layout.draft.text, theme, layout.geometry.tints.watermark)]
      : [];
  const header = (line: PageLine): Header => new Header({ children: [headerParagraph(line), ...watermark] });
  const footer = (line: PageLine): Footer => new Footer({ children: [footerParagraph(line)] });

  const same = (a: PageLine, b: PageLine): boolean => JSON.stringify(a) === JSON.stringify(b);
  const firstDiffers =
    !same(layout.pageHeader.first, layout.pageHeader.every) || !same(layout.pageFooter.first, layout.pageFooter.every);
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
    headers: {
      default: header(layout.pageHeader.every),
      ...(firstDiffers ? { first: header(layout.pageHeader.first) } : {}),
    },
    footers: {
      default: footer(layout.pageFooter.every),
      ...(firstDiffers ? { first: footer(layout.pageFooter.first) } : {}),
    },
  };
}

/** Word's own watermark shape (VML WordArt, type 136), which Word and LibreOffice both draw behind the text. */
const WORDART_TYPE =
  '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>' +
  [
    "sum #0 0 10800",
    "prod #0 2 1",
    "sum 21600 0 @1",
    "sum 0 0 @2",
    "sum 21600 0 @3",
    "if @0 @3 0",
    "if @0 21600 @1",
    "if @0 0 @2",
    "if @0 @4 21600",
    "mid @5 @6",
    "mid @8 @5",
    "mid @7 @8",
    "mid @6 @7",
    "sum @6 0 @5",
  ]
    .map((eqn) => `<v:f eqn="${eqn}"/>`)
    .join("") +
  '</v:formulas><v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
  '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';

const xmlAttr = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "PROJET" / "DRAFT" across the page, behind the text, as in Word's Design › Watermark. */
function draftWatermark(text: string, theme: Theme, fill: string): Paragraph {
  const { width } = pageSize(theme);
  const boxWidth = Math.round(width * 0.75);
  const boxHeight = Math.round(boxWidth / Math.max(2.5, text.length * 0.62));
  const shape =
    `<v:shape id="MinutesDraftWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" o:allowincell="f" filled="t" fillcolor="#${fill}" stroked="f" ` +
    `style="position:absolute;margin-left:0;margin-top:0;width:${boxWidth}pt;height:${boxHeight}pt;rotation:${360 + watermarkAngle};z-index:-251657216;` +
    `mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin">` +
    `<v:fill on="t" type="solid"/><v:stroke on="f"/><v:textpath style="font-family:&quot;${xmlAttr(theme.fonts.headings.family)}&quot;;font-size:1pt;font-weight:bold" string="${xmlAttr(text)}"/>` +
    `<w10:wrap anchorx="margin" anchory="margin"/></v:shape>`;
  const xml =
    `<w:p xmlns:w="${W}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word">` +
    `<w:pPr><w:pStyle w:val="${StyleId.header}"/><w:pBdr><w:bottom w:val="none" w:sz="0" w:space="0" w:color="auto"/></w:pBdr></w:pPr>` +
    `<w:r><w:pict>${WORDART_TYPE}${shape}</w:pict></w:r></w:p>`;
  // docx has no WordArt; the paragraph is built from its XML, and header children are typed as paragraphs.
  return ImportedXmlComponent.fromXmlString(xml) as unknown as Paragraph;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
