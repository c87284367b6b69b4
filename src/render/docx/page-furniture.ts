// The page around the text: size and margins from the theme, the title repeated in the header of every page,
// and the localised "Page X sur Y" footer whose numbers are live Word PAGE and NUMPAGES fields.
import { Footer, Header, PageNumber, Paragraph, TextRun, type ISectionOptions } from "docx";
import type { DocumentLayout } from "../layout.js";
import { pageSize, type Theme } from "../../theme/theme.js";
import { twips } from "./docx-context.js";
import { textRuns } from "./inline-runs.js";
import { StyleId } from "./style-table.js";

type FooterPiece = string | (typeof PageNumber)["CURRENT"] | (typeof PageNumber)["TOTAL_PAGES"];

/** "Page {page} sur {pages}" → ["Page ", PAGE, " sur ", NUMPAGES]: the template's words stay the label set's. */
export function footerPieces(template: string): FooterPiece[] {
  return template
    .split(/(\{pages\}|\{page\})/)
    .filter((part) => part !== "")
    .map((part) =>
      part === "{page}" ? PageNumber.CURRENT : part === "{pages}" ? PageNumber.TOTAL_PAGES : part,
    );
}

type Furniture = Pick<ISectionOptions, "headers" | "footers" | "properties">;

export function pageFurniture(layout: DocumentLayout, theme: Theme): Furniture {
  const { width, height } = pageSize(theme);
  const { top, right, bottom, left } = theme.page.margins;
  return {
    properties: {
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
      default: new Header({ children: [new Paragraph({ style: StyleId.header, children: textRuns(layout.headerText) })] }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            style: StyleId.footer,
            children: [new TextRun({ children: footerPieces(layout.labels.pageOf) })],
          }),
        ],
      }),
    },
  };
}
