// The one module that imports the docx library: the DOCX renderer's files import it from here, so that an
// upgrade or a replacement of docx has one place to start from. Two uses of docx's internals still sit in
// the renderer (to move here): render-docx.ts reads Packer's compiler for the parts before they are zipped,
// and page-furniture.ts passes an ImportedXmlComponent where docx types a Paragraph.
import { BaseXmlComponent, TextRun, type ParagraphChild } from "docx";

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
 * the bundled docx; the published docx (which vitest runs the sources with) has none, and gets TextRuns.
 */
const verbatimKey = (BaseXmlComponent as unknown as { verbatimXmlKey?: unknown }).verbatimXmlKey;

/**
 * Consecutive runs of a paragraph as one component that carries their XML already written: no RunProperties,
 * Text or attribute objects to build, prepare and write again (the body's runs are most of the document's
 * components: issue 19). It stands where docx takes a run (docx knows a component by its `prepForXml`).
 */
class WrittenRuns {
  readonly rootKey = "w:r";
  constructor(public xml: string) {}
  prepForXml(): Record<string, string> {
    return { [verbatimKey as string]: this.xml };
  }
}

/** Appends the run to a paragraph's children: to the written runs before it when docx's writer takes them. */
export function pushRun(out: ParagraphChild[], spec: RunSpec): void {
  if (typeof verbatimKey !== "string") {
    out.push(new TextRun(spec));
    return;
  }
  const last = out[out.length - 1] as unknown;
  if (last instanceof WrittenRuns) last.xml += runXml(spec);
  else out.push(new WrittenRuns(runXml(spec)) as unknown as ParagraphChild);
}
