// Every measure the PDF uses (fonts, sizes, colours, spacing), derived from the theme in this one place, with
// the rules and tints the DOCX shares taken from the layout's geometry. Drawing code reads only PdfStyles, so a
// theme change never needs a hunt through the renderer.
import { geometry as sharedGeometry, type Geometry, type TextLook } from "../../layout/geometry.js";
import { pageSize, type Theme } from "../../theme/theme.js";

/** "heading" is the bold face of the theme's headings family (title and headings). */
export type FontKey = "regular" | "bold" | "italic" | "boldItalic" | "mono" | "symbols" | "heading";

export interface TextStyle {
  bold: boolean;
  italic: boolean;
  size: number;
  /** "#RRGGBB". */
  color: string;
  /** Line height as a multiple of the size. */
  leading: number;
  /** Drawn in the headings family (when bold and upright). */
  heading?: boolean;
}

export interface PdfStyles {
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  fonts: Record<FontKey, string>;
  colors: {
    primary: string;
    accent: string;
    text: string;
    muted: string;
    headerFill: string;
    border: string;
    link: string;
    codeFill: string;
    quoteRule: string;
  };
  /** Title block alignment and table look ("grid": every cell framed; "lines": horizontal rules only). */
  look: { titleAlign: "left" | "center"; tables: "grid" | "lines" };
  text: {
    body: TextStyle;
    organisation: TextStyle;
    title: TextStyle;
    subtitle: TextStyle;
    sectionTitle: TextStyle;
    itemHeading: TextStyle;
    sectionLabel: TextStyle;
    /** Headings inside an item, by level - 1; deeper levels use the last. */
    subheadings: TextStyle[];
    cell: TextStyle;
    /** Cells of wide GFM tables, where body size would leave a few characters per line. */
    denseCell: TextStyle;
    code: TextStyle;
    furniture: TextStyle;
  };
  /** Inline code is set slightly smaller: the mono face looks larger than the text face at the same size. */
  codeScale: number;
  space: {
    paragraph: number;
    listItem: number;
    blockBefore: number;
    blockAfter: number;
    itemBefore: number;
    sectionBefore: number;
  };
  list: { indent: number; maxDepth: number; labelGap: number };
  /** The agenda's entries (the layout's geometry): indent, the column the number hangs in, the gap after it. */
  agenda: { indent: number; numberWidth: number; numberGap: number };
  table: { padX: number; padY: number; border: number };
  quote: { indent: number; rule: number };
  code: { padX: number; padY: number };
}

/** The theme's colour as "#RRGGBB"; a malformed value falls back so drawing never fails on a bad theme. */
function hex(value: string, fallback: string): string {
  return /^[0-9a-f]{6}$/i.test(value) ? `#${value.toUpperCase()}` : `#${fallback}`;
}

/** The layout's "RRGGBB" as pdfkit's "#RRGGBB". */
export const pdfColor = (value: string): string => hex(value, "7F7F7F");

const positive = (n: number, fallback: number): number => (Number.isFinite(n) && n > 0 ? n : fallback);
const nonNegative = (n: number, fallback: number): number => (Number.isFinite(n) && n >= 0 ? n : fallback);

/** `shared`: the layout's geometry (the same function of the theme when a caller has no layout at hand). */
export function pdfStyles(theme: Theme, shared: Geometry = sharedGeometry(theme)): PdfStyles {
  const { width, height } = pageSize(theme);
  const m = theme.page.margins;
  const s = theme.sizes;
  const body = positive(s.body, 10.5);
  const colors = {
    primary: hex(theme.colors.primary, "1F3864"),
    accent: hex(theme.colors.accent, "1F3864"),
    text: hex(theme.colors.text, "000000"),
    muted: hex(theme.colors.muted, "595959"),
    headerFill: hex(theme.colors.tableHeaderFill, "D9E2F3"),
    border: hex(theme.colors.border, "7F7F7F"),
    link: hex(theme.colors.link, "1F4E9A"),
    codeFill: pdfColor(shared.tints.codeFill),
    quoteRule: pdfColor(shared.quoteRule.color),
  };
  const style = (size: number, color: string, bold = false, italic = false, leading = 1.4): TextStyle => ({
    bold,
    italic,
    size,
    color,
    leading,
  });
  const headingStyle = (size: number, color: string, leading = 1.3): TextStyle => ({
    ...style(size, color, true, false, leading),
    heading: true,
  });
  const heading = positive(s.heading, 12.5);
  const subheading = positive(s.subheading, 11);
  const small = positive(s.small, 8.5);
  /** A look the layout decides (section labels, an item's headings), as the DOCX's styles draw it too. */
  const look = (l: TextLook): TextStyle => ({
    ...style(l.size === "subheading" ? subheading : body, colors[l.color], l.bold, l.italic),
    heading: l.bold && !l.italic,
  });
  return {
    page: {
      width,
      height,
      top: nonNegative(m.top, 72),
      bottom: height - nonNegative(m.bottom, 64),
      left: nonNegative(m.left, 62),
      right: width - nonNegative(m.right, 62),
    },
    fonts: {
      regular: theme.fonts.body.files.regular,
      bold: theme.fonts.body.files.bold,
      italic: theme.fonts.body.files.italic,
      boldItalic: theme.fonts.body.files.boldItalic,
      mono: theme.fonts.mono.files.regular,
      symbols: theme.fonts.symbols.files.regular,
      heading: theme.fonts.headings.files.bold,
    },
    colors,
    look: { titleAlign: theme.layout.titleAlign, tables: theme.layout.tables },
    text: {
      body: style(body, colors.text),
      organisation: style(body, colors.muted, true),
      title: headingStyle(positive(s.title, 16), colors.primary),
      subtitle: style(positive(s.subtitle, 12), colors.muted, false, true, 1.3),
      sectionTitle: headingStyle(heading, colors.primary),
      itemHeading: headingStyle(heading, colors.primary),
      sectionLabel: look(shared.sectionLabel),
      subheadings: shared.headings.map(look),
      cell: style(body, colors.text, false, false, 1.3),
      denseCell: style(Math.min(body, small + 0.5), colors.text, false, false, 1.25),
      code: style(body * 0.9, colors.text, false, false, 1.35),
      furniture: style(small, colors.muted, false, false, 1.3),
    },
    codeScale: 0.9,
    space: { paragraph: 6, listItem: 2, blockBefore: 4, blockAfter: 8, itemBefore: 16, sectionBefore: 8 },
    list: { indent: 18, maxDepth: 6, labelGap: 5 },
    agenda: {
      indent: shared.agenda.indent,
      numberWidth: shared.agenda.numberWidthEm * body,
      numberGap: shared.agenda.numberGap,
    },
    table: { padX: shared.cellPadding.x, padY: shared.cellPadding.y, border: 0.5 },
    quote: { indent: 12, rule: shared.quoteRule.thickness },
    code: { padX: 6, padY: 4 },
  };
}

export function fontKey(style: { bold: boolean; italic: boolean; heading?: boolean | undefined }): FontKey {
  if (style.heading && style.bold && !style.italic) return "heading";
  if (style.bold) return style.italic ? "boldItalic" : "bold";
  return style.italic ? "italic" : "regular";
}
