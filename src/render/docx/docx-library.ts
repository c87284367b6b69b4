// The one module that imports the docx library: the DOCX renderer's files import it from here, so that an
// upgrade or a replacement of docx has one place to start from. Two uses of docx's internals still sit in
// the renderer (to move here): render-docx.ts reads Packer's compiler for the parts before they are zipped,
// and page-furniture.ts passes an ImportedXmlComponent where docx types a Paragraph.
import {
  type AlignmentType,
  BaseXmlComponent,
  Bookmark,
  ExternalHyperlink,
  type HeadingLevel,
  Paragraph,
  TextRun,
  uniqueId,
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
const escapeXml = (text: string): string =>
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
 * The children's XML, docx's way (XmlComponent.prepForXml: each child, or what it is written as, prepared in
 * turn; nothing for undefined), with the written ones joined into one string after `head`. A single string
 * when every child is written; else the list of prepared children for an element of docx's writer.
 */
function prepareChildren(children: readonly unknown[], context: Context, head: string): string | Prepared[] {
  let xml = head;
  let list: Prepared[] | undefined;
  const add = (prepared: unknown): void => {
    if (prepared === undefined) return;
    if (Array.isArray(prepared)) {
      for (const part of prepared) add(part);
      return;
    }
    const written = verbatimXmlOf(prepared);
    if (written !== undefined) xml += written;
    else {
      list ??= [];
      if (xml) list.push(verbatim(xml));
      xml = "";
      list.push(prepared as Prepared);
    }
  };
  for (const child of children) {
    const component = child as Component;
    const parts = component.writtenAs;
    if (parts) for (const part of parts) add(part.prepForXml(context));
    else add(component.prepForXml(context));
  }
  if (list === undefined) return xml;
  if (xml) list.push(verbatim(xml));
  return list;
}

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
    const id = uniqueId();
    context.viewWrapper.Relationships.addRelationship(
      id,
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
      anchor === undefined ? this.link : this.link.slice(0, hash),
      "External",
    );
    const open = `<w:hyperlink w:history="1"${attribute("w:anchor", anchor)} r:id="rId${id}"`;
    const content = prepareChildren(this.children, context, "");
    if (typeof content === "string") return verbatim(content ? `${open}>${content}</w:hyperlink>` : `${open}/>`);
    const attributes = { "w:history": 1, ...(anchor === undefined ? {} : { "w:anchor": anchor }), "r:id": `rId${id}` };
    return { "w:hyperlink": [{ _attr: attributes }, ...content] };
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
export function paragraphPropertiesXml(spec: ParagraphSpec): string {
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
    const content = prepareChildren(this.children, context, paragraphPropertiesXml(this.spec));
    context.stack.pop();
    if (typeof content === "string") return verbatim(content ? `<w:p>${content}</w:p>` : "<w:p/>");
    return { "w:p": content };
  }
}

/** A paragraph: minutes' own when it writes the XML, else docx's. */
export function paragraph(spec: ParagraphSpec): Paragraph {
  return writeOwn ? (new WrittenParagraph(spec) as unknown as Paragraph) : new Paragraph(spec);
}
