// The one place that turns the theme into named Word styles. Every paragraph and run elsewhere refers to these
// ids instead of carrying direct formatting, so a user can restyle the whole compte-rendu from Word's style pane.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  ShadingType,
  TabStopType,
  UnderlineType,
  type IStylesOptions,
} from "./docx-library.js";
import type { Geometry, TextLook } from "../../layout/geometry.js";
import type { Theme } from "../../theme/theme.js";
import { naturalLineHeight } from "../../theme/font-metrics.js";
import { eighths, halfPoints, twips, type CellMargins } from "./docx-context.js";

export const StyleId = {
  normal: "Normal",
  // Not Word's built-in "Title"/"Subtitle": pandoc and other readers treat those as metadata and
  // drop them from the body text, and the title must read back with the rest of the minutes.
  title: "MinutesTitle",
  subtitle: "MinutesSubtitle",
  organisation: "Organisation",
  quote: "Quote",
  code: "Code",
  inlineCode: "InlineCode",
  hyperlink: "Hyperlink",
  header: "Header",
  footer: "Footer",
  tableText: "TableText",
  tableHeading: "TableHeading",
  tableSpacer: "TableSpacer",
  agendaEntry: "AgendaEntry",
  separator: "Separator",
  nextMeeting: "NextMeeting",
  label: "Label",
  draftBanner: "DraftBanner",
  table: "MinutesTable",
} as const;

/** A proportional line height; the rule is written out because LibreOffice does not assume "auto". */
const lines = (share: number) => ({ line: Math.round(240 * share), lineRule: LineRuleType.AUTO });

const fontsOf = (family: string) => ({ ascii: family, hAnsi: family, cs: family, eastAsia: family });

/** Where an agenda entry's text starts, in points from the margin. */
const agendaTextStart = (theme: Theme, geometry: Geometry): number =>
  geometry.agenda.indent + geometry.agenda.numberWidthEm * theme.sizes.body;

type TabStop = { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number };

/** An agenda entry's tab stops (a Word paragraph style takes none): its number ends at the first, its text starts at the second. */
export function agendaTabStops(theme: Theme, geometry: Geometry): TabStop[] {
  const text = agendaTextStart(theme, geometry);
  return [
    { type: TabStopType.RIGHT, position: twips(text - geometry.agenda.numberGap) },
    { type: TabStopType.LEFT, position: twips(text) },
  ];
}

/** The Word styles of `theme`; the rules and tints the PDF shares are the layout's (`geometry`). */
export function styleTable(theme: Theme, language: string, geometry: Geometry): IStylesOptions {
  const { codeFill, codeEdge: edgeColor } = geometry.tints;
  const codeEdge = { style: BorderStyle.SINGLE, size: 2, color: edgeColor, space: 4 };
  const { sizes, colors } = theme;
  const agendaText = agendaTextStart(theme, geometry);
  // Word's proportional spacing multiplies the font's own line height; the PDF sets lines at a share of
  // the size. Dividing by the font's ratio gives both the same line pitch.
  const natural = naturalLineHeight(theme.fonts.body.files.regular);
  const leading = (pdfLeading: number) => lines(pdfLeading / natural);
  const body = fontsOf(theme.fonts.body.family);
  const headings = fontsOf(theme.fonts.headings.family);
  const titleAlign = theme.layout.titleAlign === "left" ? AlignmentType.LEFT : AlignmentType.CENTER;
  const mono = fontsOf(theme.fonts.mono.family);
  const size = (points: number) => ({ size: halfPoints(points), sizeComplexScript: halfPoints(points) });
  const thin = { style: BorderStyle.SINGLE, size: 4, color: colors.border, space: 1 };
  const heading = (points: number, before: number, after: number, outlineLevel: number) => ({
    basedOn: StyleId.normal,
    next: StyleId.normal,
    quickFormat: true,
    paragraph: {
      spacing: { before: twips(before), after: twips(after) },
      keepNext: true,
      keepLines: true,
      outlineLevel,
    },
    run: { font: headings, ...size(points), bold: true, color: colors.primary },
  });
  /** A look the layout decides (section labels, an item's headings), as the PDF draws it too. */
  const look = (l: TextLook) => ({
    ...(l.bold && !l.italic ? { font: headings } : {}),
    ...size(l.size === "subheading" ? sizes.subheading : sizes.body),
    bold: l.bold,
    italics: l.italic,
    color: colors[l.color],
  });
  const itemHeading = (level: number, before: number, after: number) => ({
    ...heading(sizes.body, before, after, level + 1),
    run: look(geometry.headings[Math.min(level, geometry.headings.length) - 1]!),
  });

  return {
    default: {
      document: {
        run: { font: body, ...size(sizes.body), color: colors.text, language: { value: language } },
        paragraph: { spacing: { after: twips(6), ...leading(1.4) } },
      },
      heading1: {
        ...heading(sizes.heading, 18, 6, 0),
        // A hairline under each agenda item marks where the next point of the minutes begins.
        paragraph: {
          spacing: { before: twips(18), after: twips(6) },
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
          border: {
            bottom: {
              style: BorderStyle.SINGLE,
              size: eighths(geometry.itemRule.thickness),
              color: geometry.itemRule.color,
              space: 2,
            },
          },
        },
      },
      // The section labels, then the headings written inside an item (block-content.ts: level 1 → Heading 3).
      heading2: { ...heading(sizes.subheading, 10, 4, 1), run: look(geometry.sectionLabel) },
      heading3: itemHeading(1, 8, 3),
      heading4: itemHeading(2, 6, 3),
      heading5: itemHeading(3, 6, 2),
      heading6: itemHeading(4, 6, 2),
      listParagraph: { basedOn: StyleId.normal, paragraph: { spacing: { after: twips(3) } } },
      hyperlink: { run: { color: colors.link, underline: { type: UnderlineType.SINGLE, color: colors.link } } },
    },
    paragraphStyles: [
      {
        // The same values as the defaults, stated on Normal too, so "Modify Style" on Normal changes the body text.
        id: StyleId.normal,
        name: "Normal",
        quickFormat: true,
        paragraph: { spacing: { after: twips(6), ...leading(1.4) } },
        run: { font: body, ...size(sizes.body), color: colors.text },
      },
      {
        id: StyleId.title,
        name: "Minutes Title",
        basedOn: StyleId.normal,
        next: StyleId.subtitle,
        quickFormat: true,
        paragraph: { alignment: titleAlign, spacing: { before: 0, after: twips(4), ...leading(1.3) }, keepNext: true },
        run: { font: headings, ...size(sizes.title), bold: true, color: colors.primary },
      },
      {
        id: StyleId.subtitle,
        name: "Minutes Subtitle",
        basedOn: StyleId.normal,
        next: StyleId.normal,
        quickFormat: true,
        paragraph: { alignment: titleAlign, spacing: { after: twips(4) }, keepNext: true },
        run: { ...size(sizes.subtitle), italics: true, color: colors.muted },
      },
      {
        id: StyleId.organisation,
        name: "Organisation",
        basedOn: StyleId.normal,
        next: StyleId.title,
        paragraph: { alignment: titleAlign, spacing: { after: twips(6) }, keepNext: true },
        // As the PDF draws it: bold, muted, body size, as written (no capitals forced).
        run: { ...size(sizes.body), bold: true, color: colors.muted },
      },
      {
        id: StyleId.quote,
        name: "Quote",
        basedOn: StyleId.normal,
        next: StyleId.normal,
        quickFormat: true,
        paragraph: {
          indent: { left: twips(12), right: twips(12) },
          spacing: { before: twips(4), after: twips(8) },
          border: {
            left: {
              style: BorderStyle.SINGLE,
              size: eighths(geometry.quoteRule.thickness),
              color: geometry.quoteRule.color,
              space: 8,
            },
          },
        },
        run: { italics: true, color: colors.muted },
      },
      {
        id: StyleId.code,
        name: "Code",
        basedOn: StyleId.normal,
        next: StyleId.normal,
        paragraph: {
          spacing: { before: twips(2), after: twips(8), ...lines(1) },
          indent: { left: twips(4), right: twips(4) },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: codeFill },
          border: { top: codeEdge, bottom: codeEdge, left: codeEdge, right: codeEdge },
        },
        run: { font: mono, ...size(sizes.small), noProof: true },
      },
      {
        id: StyleId.header,
        name: "header",
        basedOn: StyleId.normal,
        paragraph: {
          alignment: AlignmentType.LEFT,
          spacing: { after: 0, ...lines(1) },
          border: { bottom: { ...thin, space: 4 } },
        },
        run: { ...size(sizes.small), color: colors.muted },
      },
      {
        id: StyleId.footer,
        name: "footer",
        basedOn: StyleId.normal,
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, ...lines(1) } },
        run: { ...size(sizes.small), color: colors.muted },
      },
      {
        id: StyleId.tableText,
        name: "Table Text",
        basedOn: StyleId.normal,
        paragraph: { spacing: { before: 0, after: twips(2), ...leading(1.3) } },
      },
      {
        id: StyleId.tableHeading,
        name: "Table Heading",
        basedOn: StyleId.tableText,
        paragraph: { keepNext: true },
        run: { bold: true, color: colors.primary },
      },
      {
        id: StyleId.tableSpacer,
        name: "Table Spacer",
        basedOn: StyleId.normal,
        // A fixed 8 pt line: the gap between a table and its neighbours, whatever the body size.
        paragraph: { spacing: { before: 0, after: 0, line: twips(8), lineRule: LineRuleType.EXACT } },
        run: size(Math.min(sizes.small, 5)),
      },
      {
        id: StyleId.agendaEntry,
        name: "Agenda Entry",
        basedOn: StyleId.normal,
        // As the PDF (the layout's geometry): each entry is "⇥1.⇥Title" (agendaTabStops), the number
        // right-aligned in a column that hangs left of the text, and wrapped lines under the text.
        paragraph: {
          indent: { left: twips(agendaText), hanging: twips(agendaText - geometry.agenda.indent) },
          spacing: { after: twips(3) },
        },
      },
      {
        id: StyleId.separator,
        name: "Separator",
        basedOn: StyleId.normal,
        next: StyleId.normal,
        paragraph: {
          spacing: { before: 0, after: twips(10), ...lines(0.5) },
          border: { bottom: { ...thin, space: 1 } },
        },
        run: size(sizes.small),
      },
      {
        id: StyleId.draftBanner,
        name: "Draft Banner",
        basedOn: StyleId.normal,
        next: StyleId.normal,
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: twips(12) },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: colors.accent },
        },
        run: { font: headings, ...size(sizes.heading), bold: true, color: "FFFFFF" },
      },
      {
        id: StyleId.nextMeeting,
        name: "Next Meeting",
        basedOn: StyleId.normal,
        paragraph: { spacing: { before: twips(18) }, keepLines: true },
      },
    ],
    characterStyles: [
      {
        // A run-in label such as "Prochaine réunion :", in the heading colour as in the PDF.
        id: StyleId.label,
        name: "Label",
        basedOn: "DefaultParagraphFont",
        run: { font: headings, bold: true, color: colors.primary },
      },
      {
        id: StyleId.inlineCode,
        name: "Inline Code",
        basedOn: "DefaultParagraphFont",
        run: { font: mono, noProof: true, shading: { type: ShadingType.CLEAR, color: "auto", fill: codeFill } },
      },
    ],
  };
}

/**
 * "Minutes Table", the named table style every table uses: the theme's borders (grid or horizontal lines) and
 * cell margins. Header shading and bold stay on the cells and the Table Heading style: LibreOffice applies a
 * style's first-row formatting even where the table's look turns it off (the info table has no header row).
 */
export function tableStyleXml(theme: Theme, cellMargins: CellMargins): string {
  const { colors } = theme;
  const line = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${colors.border}"/>`;
  const none = (side: string): string => `<w:${side} w:val="nil"/>`;
  const grid = theme.layout.tables === "grid";
  // In the schema's order: top, left, bottom, right, insideH, insideV.
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => (grid || !["left", "right", "insideV"].includes(side) ? line(side) : none(side)))
    .join("");
  return (
    `<w:style w:type="table" w:styleId="${StyleId.table}"><w:name w:val="Minutes Table"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:tblPr><w:tblBorders>${borders}</w:tblBorders><w:tblCellMar><w:top w:w="${cellMargins.top}" w:type="dxa"/><w:left w:w="${cellMargins.left}" w:type="dxa"/><w:bottom w:w="${cellMargins.bottom}" w:type="dxa"/><w:right w:w="${cellMargins.right}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `</w:style>`
  );
}
