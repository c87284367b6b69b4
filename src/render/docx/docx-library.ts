// The one module that imports the docx library: the DOCX renderer's files import it from here, so that an
// upgrade or a replacement of docx has one place to start from. Two uses of docx's internals still sit in
// the renderer (to move here): render-docx.ts reads Packer's compiler for the parts before they are zipped,
// and page-furniture.ts passes an ImportedXmlComponent where docx types a Paragraph.
//
// Where docx's writer emits written XML (the bundled docx, patches/docx+9.15.2.patch), the body's runs, links,
// paragraphs and tables are written here as strings, byte for byte what docx's own objects write, and a
// theme's styles part is written once per process: docx still builds the package (document, numbering,
// relationships, headers, footers, sections). Elsewhere (the published docx, which vitest runs) they are
// docx's objects; test/docx-written-xml.test.ts renders meetings both ways and compares the bytes.
import {
  type AlignmentType,
  BaseXmlComponent,
  Bookmark,
  Document,
  type IPropertiesOptions,
  type IStylesOptions,
  ExternalHyperlink,
  type HeadingLevel,
  type IBorderOptions,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";

export * from "docx";

/**
 * A text run with the few properties minutes gives one: what `runXml` writes and docx's `TextRun` takes alike
 * (the font slots as an object, the flags only when on).
 */
export interface RunSpec {
  text?: string;
  /** Line breaks (`w:br`) before the text. */
  break?: number;
  style?: string;
  font?: { ascii?: string; cs?: string; eastAsia?: string; hAnsi?: string; hint?: "eastAsia" | "cs" | "default" };
  bold?: true;
  italics?: true;
  strike?: true;
  rightToLeft?: true;
  language?: { bidirectional: string };
}

/** docx's `escapeAll`: the five entities, and the C0 controls XML 1.0 cannot carry dropped. */
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
export const escapeXml = (text: string): string =>
  NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ENTITIES[c] ?? "") : text;

const attribute = (key: string, value: string | undefined): string =>
  value === undefined ? "" : ` ${key}="${escapeXml(value)}"`;

/** The `w:rPr` of a run, element for element as docx's RunProperties writes it; "" when it has none. */
function runPropertiesXml(spec: RunSpec): string {
  let xml = "";
  if (spec.style) xml += `<w:rStyle w:val="${escapeXml(spec.style)}"/>`;
  const font = spec.font;
  if (font)
    xml += `<w:rFonts${attribute("w:ascii", font.ascii)}${attribute("w:cs", font.cs)}${attribute("w:eastAsia", font.eastAsia)}${attribute("w:hAnsi", font.hAnsi)}${attribute("w:hint", font.hint)}/>`;
  if (spec.bold) xml += "<w:b/><w:bCs/>";
  if (spec.italics) xml += "<w:i/><w:iCs/>";
  if (spec.strike) xml += "<w:strike/>";
  if (spec.rightToLeft) xml += "<w:rtl/>";
  if (spec.language) xml += `<w:lang${attribute("w:bidi", spec.language.bidirectional)}/>`;
  return xml && `<w:rPr>${xml}</w:rPr>`;
}

/** Plain runs (no style, font or flag) share one empty `w:rPr`; flag-only runs share theirs (8 × styles). */
const sharedProperties = new Map<string, string>();

/** The XML docx writes for `new TextRun(spec)`, byte for byte (test/docx-run-xml.test.ts holds the two together). */
export function runXml(spec: RunSpec): string {
  let properties: string;
  if (spec.font || spec.rightToLeft || spec.language) properties = runPropertiesXml(spec);
  else {
    const key = `${spec.bold ? 1 : 0}${spec.italics ? 1 : 0}${spec.strike ? 1 : 0}${spec.style ?? ""}`;
    const known = sharedProperties.get(key);
    properties = known ?? runPropertiesXml(spec);
    if (known === undefined) sharedProperties.set(key, properties);
  }
  let xml = "<w:r>" + properties;
  for (let i = 0; i < (spec.break ?? 0); i++) xml += "<w:br/>";
  if (spec.text !== undefined) xml += `<w:t xml:space="preserve">${escapeXml(spec.text)}</w:t>`;
  return xml + "</w:r>";
}

/**
 * The key under which docx's writer emits a prepForXml result as it is: patches/docx+9.15.2.patch adds it to
 * the bundled docx; the published docx (which vitest runs the sources with) has none, and gets docx's objects.
 */
const verbatimKey = (BaseXmlComponent as unknown as { verbatimXmlKey?: unknown }).verbatimXmlKey;
let writeOwn = typeof verbatimKey === "string";

/**
 * Whether runs, paragraphs and links are written by minutes (the default where docx's writer takes written
 * XML) or built as docx's objects: test/docx-written-xml.test.ts renders the same meetings both ways.
 */
export function writeOwnXml(on: boolean): void {
  if (on && typeof verbatimKey !== "string") throw new Error("this docx does not emit written XML");
  writeOwn = on;
}

/** What a component's prepForXml gives docx's writer (an object of docx's Formatter). */
type Prepared = Record<string, unknown>;
type Context = {
  stack: unknown[];
  file: { Numbering: { createConcreteNumberingInstance(reference: string, instance: number): void } };
  viewWrapper: { Relationships: { addRelationship(id: string, type: string, target: string, mode: string): void } };
};
interface Component {
  prepForXml(context: Context): Prepared | Prepared[] | undefined;
  readonly writtenAs?: Component[];
}

const verbatim = (xml: string): Prepared => ({ [verbatimKey as string]: xml });
const verbatimXmlOf = (prepared: unknown): string | undefined =>
  typeof prepared === "object" && prepared !== null
    ? ((prepared as Prepared)[verbatimKey as string] as string | undefined)
    : undefined;

/**
 * Consecutive runs of a paragraph as one component that carries their XML already written: no RunProperties,
 * Text or attribute objects to build, prepare and write again (the body's runs are most of the document's
 * components: issue 19). It stands where docx takes a run (docx knows a component by its `prepForXml`).
 */
class WrittenRuns {
  readonly rootKey = "w:r";
  constructor(public xml: string) {}
  prepForXml(): Prepared {
    return verbatim(this.xml);
  }
}

/** Appends the run to a paragraph's children: to the written runs before it when minutes writes the XML. */
export function pushRun(out: ParagraphChild[], spec: RunSpec): void {
  if (!writeOwn) {
    out.push(new TextRun(spec));
    return;
  }
  const last = out[out.length - 1] as unknown;
  if (last instanceof WrittenRuns) last.xml += runXml(spec);
  else out.push(new WrittenRuns(runXml(spec)) as unknown as ParagraphChild);
}

/**
 * Written XML and prepared components in document order: the written text joined into one string until a
 * component that docx's writer must write comes (a bookmark, an internal link, a run of docx's); then the
 * parts, in an element whose content they are (docx's writer emits a written part as it is, even one that
 * opens or closes tags).
 */
class XmlOut {
  private xml: string;
  private parts: Prepared[] | undefined;
  constructor(head: string) {
    this.xml = head;
  }
  text(xml: string): void {
    this.xml += xml;
  }
  add(prepared: unknown): void {
    if (prepared === undefined) return;
    if (Array.isArray(prepared)) {
      for (const part of prepared) this.add(part);
      return;
    }
    const written = verbatimXmlOf(prepared);
    if (written !== undefined) this.xml += written;
    else {
      this.parts ??= [];
      if (this.xml) this.parts.push(verbatim(this.xml));
      this.xml = "";
      this.parts.push(prepared as Prepared);
    }
  }
  /** The children, docx's way (XmlComponent.prepForXml): each, or what it is written as, prepared in turn. */
  children(children: readonly unknown[], context: Context): void {
    for (const child of children) {
      const component = child as Component;
      const parts = component.writtenAs;
      if (parts) for (const part of parts) this.add(part.prepForXml(context));
      else this.add(component.prepForXml(context));
    }
  }
  /** The element with this content: written as one string, or as docx's element of the parts. */
  element(name: string, attributes?: Record<string, unknown>): Prepared {
    if (this.parts === undefined)
      return verbatim(
        this.xml
          ? `<${name}${writeAttributes(attributes)}>${this.xml}</${name}>`
          : `<${name}${writeAttributes(attributes)}/>`,
      );
    if (this.xml) this.parts.push(verbatim(this.xml));
    return { [name]: attributes ? [{ _attr: attributes }, ...this.parts] : this.parts };
  }
}

const writeAttributes = (attributes: Record<string, unknown> | undefined): string => {
  let xml = "";
  if (attributes) for (const [key, value] of Object.entries(attributes)) xml += attribute(key, String(value));
  return xml;
};

/** The external links written so far into each part's relationships. */
const linkCounts = new WeakMap<object, number>();

/** An external hyperlink, as docx's ConcreteHyperlink writes it, its relationship added as docx adds it. */
class WrittenHyperlink {
  readonly rootKey = "w:hyperlink";
  constructor(
    private readonly link: string,
    private readonly children: readonly ParagraphChild[],
  ) {}
  prepForXml(context: Context): Prepared {
    // docx's Paragraph: a link with a short fragment gets it as w:anchor, its relationship the address before it.
    const hash = this.link.indexOf("#");
    const fragment = this.link.length - hash - 1;
    const anchor = hash > 0 && fragment > 0 && fragment <= MAX_ANCHOR_LENGTH ? this.link.slice(hash + 1) : undefined;
    // docx names a link's relationship with a random id, which normalise-package.ts renames rIdLink1, 2… by
    // order of appearance; numbered so in the first place, the renaming has nothing to do.
    const relationships = context.viewWrapper.Relationships;
    const count = (linkCounts.get(relationships) ?? 0) + 1;
    linkCounts.set(relationships, count);
    const id = `Link${count}`;
    context.viewWrapper.Relationships.addRelationship(
      id,
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
      anchor === undefined ? this.link : this.link.slice(0, hash),
      "External",
    );
    const out = new XmlOut("");
    out.children(this.children, context);
    return out.element("w:hyperlink", {
      "w:history": 1,
      ...(anchor === undefined ? {} : { "w:anchor": anchor }),
      "r:id": `rId${id}`,
    });
  }
}

/** docx's limit on a link's fragment that it writes as the hyperlink's anchor. */
const MAX_ANCHOR_LENGTH = 255;

/** An external hyperlink around the runs: minutes' own when it writes the XML, else docx's. */
export function hyperlink(link: string, children: ParagraphChild[]): ParagraphChild {
  return writeOwn
    ? (new WrittenHyperlink(link, children) as unknown as ParagraphChild)
    : new ExternalHyperlink({ link, children });
}

/** The paragraph options minutes' own paragraphs take (a subset of docx's, which the fallback is given). */
export interface ParagraphSpec {
  style?: string;
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  numbering?: { reference: string; level: number; instance: number };
  bidirectional?: true;
  spacing?: { before: number };
  indent?: { left?: number; hanging?: number };
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  children?: ParagraphChild[];
}

const RIGHT_TO_LEFT: Record<string, string> = { left: "right", right: "left" };

/** The `w:pPr` of a paragraph, element for element as docx's ParagraphProperties writes it; "" when it has none. */
function paragraphPropertiesXml(spec: ParagraphSpec): string {
  let xml = "";
  if (spec.heading) xml += `<w:pStyle w:val="${escapeXml(spec.heading)}"/>`;
  if (spec.numbering && !spec.style && !spec.heading) xml += `<w:pStyle w:val="ListParagraph"/>`;
  if (spec.style) xml += `<w:pStyle w:val="${escapeXml(spec.style)}"/>`;
  const numbering = spec.numbering;
  if (numbering)
    xml += `<w:numPr><w:ilvl w:val="${numbering.level}"/><w:numId w:val="{${escapeXml(`${numbering.reference}-${numbering.instance}`)}}"/></w:numPr>`;
  if (spec.bidirectional) xml += "<w:bidi/>";
  if (spec.spacing) xml += `<w:spacing w:before="${Math.floor(spec.spacing.before)}"/>`;
  const indent = spec.indent;
  if (indent)
    xml += `<w:ind${indent.left === undefined ? "" : ` w:left="${Math.floor(indent.left)}"`}${indent.hanging === undefined ? "" : ` w:hanging="${Math.floor(indent.hanging)}"`}/>`;
  if (spec.alignment)
    xml += `<w:jc w:val="${escapeXml((spec.bidirectional && RIGHT_TO_LEFT[spec.alignment]) || spec.alignment)}"/>`;
  return xml && `<w:pPr>${xml}</w:pPr>`;
}

/** A paragraph whose properties (and written children) minutes writes; numbering registered as docx does. */
class WrittenParagraph {
  readonly rootKey = "w:p";
  private readonly children: readonly unknown[];
  constructor(private readonly spec: ParagraphSpec) {
    // docx's Paragraph writes a bookmark's parts in its place.
    this.children = (spec.children ?? []).flatMap((child) => (child instanceof Bookmark ? child.writtenAs : [child]));
  }
  prepForXml(context: Context): Prepared {
    const { numbering } = this.spec;
    if (numbering) context.file.Numbering.createConcreteNumberingInstance(numbering.reference, numbering.instance);
    context.stack.push(this);
    const out = new XmlOut(paragraphPropertiesXml(this.spec));
    out.children(this.children, context);
    context.stack.pop();
    return out.element("w:p");
  }
}

/** A paragraph: minutes' own when it writes the XML, else docx's. */
export function paragraph(spec: ParagraphSpec): Paragraph {
  return writeOwn ? (new WrittenParagraph(spec) as unknown as Paragraph) : new Paragraph(spec);
}

/** A border as minutes gives one: a style, a width in eighths of a point, a colour (hex or "auto"). */
type Border = Required<Pick<IBorderOptions, "style" | "size">> & { color: string };

/** A table cell: its width in twips, its shading (a header's fill), its paragraphs. */
export interface CellSpec {
  width: number;
  shading?: { type: "clear"; color: "auto"; fill: string };
  children: (Paragraph | Table)[];
}

/** A table of minutes' one shape (grid-table.ts): fixed layout, widths in twips, rows that never split. */
export interface TableSpec {
  rows: { tableHeader?: true; cells: CellSpec[] }[];
  width: number;
  columnWidths: number[];
  indent: number;
  tableLook: { firstRow: boolean; firstColumn: boolean; lastRow: boolean; lastColumn: boolean };
  style: string;
  borders: Record<"top" | "bottom" | "left" | "right" | "insideHorizontal" | "insideVertical", Border>;
  margins: Record<"top" | "bottom" | "left" | "right", number>;
}

/** docx's colour values: "auto", or six hex digits without the "#". */
const colorValue = (color: string): string => (color !== "auto" && color.startsWith("#") ? color.slice(1) : color);

const twipsWidth = (name: string, size: number): string => `<${name} w:type="dxa" w:w="${Math.floor(size)}"/>`;

const borderXml = (name: string, border: Border): string =>
  `<${name} w:val="${escapeXml(border.style)}" w:color="${escapeXml(colorValue(border.color))}" w:sz="${Math.floor(border.size)}"/>`;

/** What docx's Table writes before the rows (its TableProperties and TableGrid), for minutes' table shape. */
function tableFrameXml(spec: TableSpec): string {
  const { borders, margins, tableLook } = spec;
  return (
    `<w:tblPr><w:tblStyle w:val="${escapeXml(spec.style)}"/>${twipsWidth("w:tblW", spec.width)}` +
    (spec.indent > 0 ? twipsWidth("w:tblInd", spec.indent) : "") +
    `<w:tblBorders>${borderXml("w:top", borders.top)}${borderXml("w:left", borders.left)}${borderXml("w:bottom", borders.bottom)}${borderXml("w:right", borders.right)}${borderXml("w:insideH", borders.insideHorizontal)}${borderXml("w:insideV", borders.insideVertical)}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar>${twipsWidth("w:top", margins.top)}${twipsWidth("w:left", margins.left)}${twipsWidth("w:bottom", margins.bottom)}${twipsWidth("w:right", margins.right)}</w:tblCellMar>` +
    `<w:tblLook w:firstRow="${tableLook.firstRow}" w:lastRow="${tableLook.lastRow}" w:firstColumn="${tableLook.firstColumn}" w:lastColumn="${tableLook.lastColumn}"/></w:tblPr>` +
    `<w:tblGrid>${spec.columnWidths.map((width) => `<w:gridCol w:w="${Math.floor(width)}"/>`).join("")}</w:tblGrid>`
  );
}

const cellPropertiesXml = (cell: CellSpec): string =>
  `<w:tcPr>${twipsWidth("w:tcW", cell.width)}${
    cell.shading
      ? `<w:shd w:fill="${escapeXml(colorValue(cell.shading.fill))}" w:color="${escapeXml(colorValue(cell.shading.color))}" w:val="${escapeXml(cell.shading.type)}"/>`
      : ""
  }</w:tcPr>`;

/** A table whose rows, cells and properties minutes writes (the cells' paragraphs prepared in turn). */
class WrittenTable {
  readonly rootKey = "w:tbl";
  constructor(private readonly spec: TableSpec) {}
  prepForXml(context: Context): Prepared {
    context.stack.push(this);
    const out = new XmlOut(tableFrameXml(this.spec));
    for (const row of this.spec.rows) {
      out.text(`<w:tr><w:trPr><w:cantSplit/>${row.tableHeader ? "<w:tblHeader/>" : ""}</w:trPr>`);
      for (const cell of row.cells) {
        out.text(`<w:tc>${cellPropertiesXml(cell)}`);
        out.children(cell.children, context);
        // docx's TableCell: a cell must end with a paragraph.
        const last = cell.children[cell.children.length - 1] as { rootKey?: unknown } | undefined;
        out.text(last?.rootKey === "w:p" ? "</w:tc>" : "<w:p/></w:tc>");
      }
      out.text("</w:tr>");
    }
    context.stack.pop();
    return out.element("w:tbl");
  }
}

/** A table: minutes' own when it writes the XML, else docx's Table, TableRows and TableCells. */
export function table(spec: TableSpec): Table {
  if (writeOwn) return new WrittenTable(spec) as unknown as Table;
  return new Table({
    rows: spec.rows.map(
      (row) =>
        new TableRow({
          ...(row.tableHeader ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                width: { size: cell.width, type: WidthType.DXA },
                children: cell.children,
                ...(cell.shading ? { shading: cell.shading } : {}),
              }),
          ),
        }),
    ),
    width: { size: spec.width, type: WidthType.DXA },
    columnWidths: spec.columnWidths,
    layout: TableLayoutType.FIXED,
    ...(spec.indent > 0 ? { indent: { size: spec.indent, type: WidthType.DXA } } : {}),
    tableLook: spec.tableLook,
    style: spec.style,
    borders: spec.borders,
    margins: spec.margins,
  });
}

/** A part's XML, already written (without its declaration, which docx's writer adds). */
class WrittenPart {
  constructor(private readonly xml: string) {}
  prepForXml(): Prepared {
    return verbatim(this.xml);
  }
}

/**
 * The styles part of recent documents, by their style options: docx builds some 300 objects for a theme's
 * styles and its defaults and writes them for every document, the same XML for the same theme and language
 * (a batch renders hundreds of meetings with one theme).
 */
const stylesParts = new Map<string, string>();
const stylesKeys = new WeakMap<Document, string>();

/** docx's Document, whose styles part is the one written for the same style options before, when there is one. */
export function createDocument(options: IPropertiesOptions): Document {
  if (!writeOwn || options.styles === undefined) return new Document(options);
  // The styles, and the theme a style's theme colour is worked out from.
  const key = JSON.stringify([options.styles, options.theme]);
  const known = stylesParts.get(key);
  if (known === undefined) {
    const document = new Document(options);
    stylesKeys.set(document, key);
    return document;
  }
  // The patched docx takes a written part as the styles part as it is (no default styles built to be thrown away).
  return new Document({ ...options, styles: new WrittenPart(known) as unknown as IStylesOptions });
}

/** Keeps the styles part docx wrote for the document (see createDocument), from its compiled parts. */
export function keepStylesPart(document: Document, parts: ReadonlyMap<string, unknown>): void {
  const key = stylesKeys.get(document);
  const xml = parts.get("word/styles.xml");
  // A brace could be a numbering placeholder, which docx fills in per document: not kept.
  if (key === undefined || typeof xml !== "string" || !xml.startsWith("<?xml") || xml.includes("{")) return;
  if (stylesParts.size >= 16) stylesParts.clear();
  stylesParts.set(key, xml.slice(xml.indexOf("?>") + 2));
}
