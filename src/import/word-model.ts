// A Word document as plain data, before anything is recognised: paragraphs (style id and name, outline level,
// the label Word's numbering shows, runs with bold, italic, links, footnote and comment references, breaks,
// images), tables (merged cells spread over the grid), page headers and footers, footnotes, comments, media and
// the document's properties. Tracked changes are accepted: insertions and moves kept where they land,
// deletions dropped. Read from the parts of docx-package.ts; no file is read here.
import { parseXml, type XmlElement } from "@rgrove/parse-xml";
import { strFromU8 } from "fflate";
import { child, descendants, type DocxPackage, elements, toggle, val } from "./docx-package.js";
import { Numbering } from "./numbering.js";

export interface WordRun {
  type: "text";
  text: string;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  code: boolean;
  link?: string;
}

export type WordInline =
  | WordRun
  | { type: "break" }
  | { type: "footnote"; id: string }
  | { type: "comment"; id: string }
  | { type: "image"; path: string; alt: string };

export interface WordParagraph {
  kind: "paragraph";
  styleId: string;
  styleName: string;
  /** 0 for Heading 1 … 8, from the style (or its parents) or the paragraph; undefined for body text. */
  outline?: number;
  /** The label of Word's automatic numbering, when the paragraph is in a list. */
  number?: { label: string; ordered: boolean; level: number; numId: string };
  /** The paragraph's alignment, when it says one. */
  align?: "left" | "right" | "center";
  /** Indentation level for lists typed without numbering (twips / 360), 0 when none. */
  indent: number;
  inlines: WordInline[];
  /** Every character of text is bold (direct formatting or the style). */
  allBold: boolean;
  /** Where it is, for messages: the n-th paragraph of the body, or a table's row. */
  place: Place;
}

export interface WordCell {
  blocks: WordBlock[];
  /** Columns spanned (gridSpan). */
  span: number;
  /** A cell merged with the one above (vMerge continue): its content is the first cell's. */
  mergedUp: boolean;
}

export interface WordTable {
  kind: "table";
  rows: WordCell[][];
  place: { table: number; row: number };
}

export type WordBlock = WordParagraph | WordTable;

export type Place = { paragraph: number } | { table: number; row: number };

export interface WordDocument {
  body: WordBlock[];
  /** Page headers and footers, each as its paragraphs (tables flattened). */
  headers: WordParagraph[][];
  footers: WordParagraph[][];
  footnotes: Map<string, WordBlock[]>;
  comments: Map<string, { author: string; text: string }>;
  /** Images used in the text: package path → bytes. */
  media: Map<string, Uint8Array>;
  properties: { title?: string; subject?: string; creator?: string; language?: string; custom: Record<string, string> };
}

interface StyleInfo {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
  bold?: boolean;
  italic?: boolean;
}

const SYMBOLS: Record<string, string> = {
  F0A7: "▪",
  F0B7: "•",
  F0D8: "➢",
  F0E0: "→",
  F0E8: "➔",
  F0FC: "✓",
  F0FE: "☑",
  F06F: "□",
  F076: "❖",
  F0A8: "□",
};

class Reader {
  private readonly styles = new Map<string, StyleInfo>();
  private readonly numbering: Numbering;
  private paragraphs = 0;
  private tables = 0;
  readonly media = new Map<string, Uint8Array>();
  private defaultStyle = "Normal";

  /** Each style's XML, by id, found by a scan of styles.xml; parsed when a paragraph or run first uses it. */
  private readonly styleXml = new Map<string, string>();

  constructor(private readonly pkg: DocxPackage) {
    // styles.xml is often hundreds of kilobytes (Word's and python-docx's templates define every built-in style),
    // of which a document uses a few: each style is parsed on first use (see style()).
    const xml = pkg.text("word/styles.xml") ?? "";
    for (const m of xml.matchAll(/<w:style\b[^>]*?(?:\/>|>[\s\S]*?<\/w:style>)/g)) {
      const id = /\bw:styleId="([^"]*)"/.exec(m[0])?.[1];
      if (!id) continue;
      this.styleXml.set(id, m[0]);
      const open = m[0].slice(0, m[0].indexOf(">"));
      if (/\bw:type="paragraph"/.test(open) && /\bw:default="(1|true|on)"/.test(open)) this.defaultStyle = id;
    }
    this.numbering = new Numbering(pkg.part("word/numbering.xml"));
  }

  /** A style's properties, parsed from its XML on first use; undefined for a style the document does not define. */
  private style(id: string): StyleInfo | undefined {
    const known = this.styles.get(id);
    if (known || !this.styleXml.has(id)) return known;
    let root: XmlElement | undefined;
    try {
      root = parseXml(this.styleXml.get(id)!).root ?? undefined;
    } catch {
      root = undefined;
    }
    const pPr = child(root, "w:pPr");
    const rPr = child(root, "w:rPr");
    const numPr = child(pPr, "w:numPr");
    const outline = val(pPr, "w:outlineLvl");
    const info: StyleInfo = { name: val(root, "w:name") ?? id };
    const basedOn = val(root, "w:basedOn");
    if (basedOn) info.basedOn = basedOn;
    if (outline !== undefined && Number(outline) < 9) info.outline = Number(outline);
    const numId = val(numPr, "w:numId");
    if (numId !== undefined) info.numId = numId;
    const ilvl = val(numPr, "w:ilvl");
    if (ilvl !== undefined) info.ilvl = Number(ilvl);
    const bold = toggle(rPr, "w:b");
    if (bold !== undefined) info.bold = bold;
    const italic = toggle(rPr, "w:i");
    if (italic !== undefined) info.italic = italic;
    this.styles.set(id, info);
    return info;
  }

  /** A style's property, looked for up its basedOn chain. */
  private inherited<K extends keyof StyleInfo>(id: string | undefined, key: K): StyleInfo[K] | undefined {
    for (let i = 0, s = id; s && i < 20; i++) {
      const info = this.style(s);
      if (!info) return undefined;
      if (info[key] !== undefined) return info[key];
      s = info.basedOn;
    }
    return undefined;
  }

  private headingLevel(styleId: string): number | undefined {
    const name = this.style(styleId)?.name ?? styleId;
    const m = /^heading\s*(\d)$/i.exec(name) ?? /^(?:heading|titre|berschrift|ttulo|titulo)\s*(\d)$/i.exec(styleId);
    if (m) return Number(m[1]) - 1;
    return this.inherited(styleId, "outline");
  }

  blocks(parent: XmlElement, part: string, inTable?: { table: number; row: number }): WordBlock[] {
    const out: WordBlock[] = [];
    const visit = (el: XmlElement): void => {
      for (const c of elements(el)) {
        switch (c.name) {
          case "w:p":
            out.push(this.paragraph(c, part, inTable));
            break;
          case "w:tbl":
            out.push(this.table(c, part, inTable));
            break;
          case "w:sdt":
            visit(child(c, "w:sdtContent") ?? c);
            break;
          case "w:customXml":
          case "w:ins":
          case "w:moveTo":
          case "w:smartTag":
            visit(c);
            break;
          default:
            break;
        }
      }
    };
    visit(parent);
    return out;
  }

  private table(tbl: XmlElement, part: string, inTable?: { table: number; row: number }): WordTable {
    const number = inTable ? inTable.table : ++this.tables;
    const rows: WordCell[][] = [];
    const rowElements: XmlElement[] = [];
    const collectRows = (el: XmlElement): void => {
      for (const c of elements(el)) {
        if (c.name === "w:tr") rowElements.push(c);
        else if (c.name === "w:sdt") collectRows(child(c, "w:sdtContent") ?? c);
        else if (c.name === "w:customXml" || c.name === "w:ins") collectRows(c);
      }
    };
    collectRows(tbl);
    rowElements.forEach((tr, r) => {
      // A deleted row (tracked change) is gone.
      if (child(child(tr, "w:trPr"), "w:del")) return;
      const place = inTable ?? { table: number, row: r + 1 };
      const cells: WordCell[] = [];
      const collectCells = (el: XmlElement): void => {
        for (const tc of elements(el)) {
          if (tc.name === "w:sdt") {
            collectCells(child(tc, "w:sdtContent") ?? tc);
            continue;
          }
          if (tc.name !== "w:tc") continue;
          const tcPr = child(tc, "w:tcPr");
          const vMerge = child(tcPr, "w:vMerge");
          cells.push({
            blocks: this.blocks(tc, part, place),
            span: Math.max(1, Number(val(tcPr, "w:gridSpan") ?? 1)),
            mergedUp: vMerge !== undefined && (vMerge.attributes["w:val"] ?? "continue") === "continue",
          });
        }
      };
      collectCells(tr);
      rows.push(cells);
    });
    return { kind: "table", rows, place: { table: number, row: 0 } };
  }

  paragraph(p: XmlElement, part: string, inTable?: { table: number; row: number }): WordParagraph {
    const place: Place = inTable ?? { paragraph: ++this.paragraphs };
    const pPr = child(p, "w:pPr");
    const styleId = val(pPr, "w:pStyle") ?? this.defaultStyle;
    const styleName = this.style(styleId)?.name ?? styleId;
    const numPr = child(pPr, "w:numPr");
    const numId = val(numPr, "w:numId") ?? this.inherited(styleId, "numId");
    const ilvl = Number(val(numPr, "w:ilvl") ?? this.inherited(styleId, "ilvl") ?? 0);
    const number = numId !== undefined ? this.numbering.next(numId, ilvl) : undefined;
    const direct = val(pPr, "w:outlineLvl");
    const outline = direct !== undefined && Number(direct) < 9 ? Number(direct) : this.headingLevel(styleId);
    const styleBold = this.inherited(styleId, "bold") ?? false;
    const styleItalic = this.inherited(styleId, "italic") ?? false;
    const inlines: WordInline[] = [];
    this.inlines(p, part, inlines, { bold: styleBold, italic: styleItalic, styleBold }, undefined);
    const runs = inlines.filter((i): i is WordRun => i.type === "text" && i.text.trim() !== "");
    const ind = child(pPr, "w:ind");
    const left = Number(ind?.attributes["w:left"] ?? ind?.attributes["w:start"] ?? 0);
    const jc = val(pPr, "w:jc");
    const align =
      jc === "left" || jc === "start"
        ? "left"
        : jc === "right" || jc === "end"
          ? "right"
          : jc === "center"
            ? "center"
            : undefined;
    return {
      kind: "paragraph",
      ...(align ? { align } : {}),
      styleId,
      styleName,
      ...(outline !== undefined ? { outline } : {}),
      ...(number && numId ? { number: { ...number, numId } } : {}),
      indent: Number.isFinite(left) ? Math.max(0, Math.round(left / 360)) : 0,
      inlines,
      allBold: runs.length > 0 && runs.every((r) => r.bold || styleBold),
      place,
    };
  }

  private inlines(
    el: XmlElement,
    part: string,
    out: WordInline[],
    look: { bold: boolean; italic: boolean; styleBold: boolean },
    link: string | undefined,
  ): void {
    // Complex fields: the instruction is skipped, the result kept; a HYPERLINK field links its result.
    let field: { instr: string; result: boolean; link?: string } | undefined;
    const fields: { instr: string; result: boolean; link?: string }[] = [];
    for (const c of elements(el)) {
      switch (c.name) {
        case "w:r": {
          const rPr = child(c, "w:rPr");
          const charStyle = val(rPr, "w:rStyle");
          const bold = toggle(rPr, "w:b") ?? this.inherited(charStyle, "bold") ?? look.bold;
          // The paragraph style's italic (a Quote) is the style's: not emphasis written by the author.
          const italic = toggle(rPr, "w:i") ?? this.inherited(charStyle, "italic") ?? false;
          const strike = toggle(rPr, "w:strike") ?? toggle(rPr, "w:dstrike") ?? false;
          const code = charStyle !== undefined && /code|verbatim/i.test(this.style(charStyle)?.name ?? charStyle);
          const hidden = toggle(rPr, "w:vanish") === true;
          const inField = fields.length > 0 && !fields[fields.length - 1]!.result;
          let fieldLink: string | undefined;
          for (const f of fields) if (f.result && f.link) fieldLink = f.link;
          for (const r of elements(c)) {
            if (r.name === "w:fldChar") {
              const kind = r.attributes["w:fldCharType"];
              if (kind === "begin") fields.push((field = { instr: "", result: false }));
              else if (kind === "separate" && fields.length) {
                const f = fields[fields.length - 1]!;
                f.result = true;
                const m = /HYPERLINK\s+"([^"]+)"/.exec(f.instr);
                if (m && !/\\l/.test(f.instr)) f.link = m[1]!;
              } else if (kind === "end") {
                fields.pop();
                field = fields[fields.length - 1];
              }
              continue;
            }
            if (r.name === "w:instrText") {
              if (field) field.instr += r.text;
              continue;
            }
            if (inField || hidden) continue;
            const push = (text: string): void => {
              const last = out[out.length - 1];
              const href = link ?? fieldLink;
              if (
                last?.type === "text" &&
                last.bold === bold &&
                last.italic === italic &&
                last.strike === strike &&
                last.code === code &&
                last.link === href
              )
                last.text += text;
              else
                out.push({
                  type: "text",
                  text,
                  bold: bold && !look.styleBold,
                  italic,
                  strike,
                  code,
                  ...(href ? { link: href } : {}),
                });
            };
            switch (r.name) {
              case "w:t":
                push(r.text);
                break;
              case "w:tab":
              case "w:ptab":
                push("\t");
                break;
              case "w:br":
              case "w:cr":
                if ((r.attributes["w:type"] ?? "textWrapping") === "textWrapping") out.push({ type: "break" });
                break;
              case "w:noBreakHyphen":
                push("-");
                break;
              case "w:sym": {
                const code = (r.attributes["w:char"] ?? "").toUpperCase();
                const symbol =
                  SYMBOLS[code] ??
                  (/^[0-9A-F]{4}$/.test(code) && !code.startsWith("F0") ? String.fromCharCode(parseInt(code, 16)) : "");
                if (symbol) push(symbol);
                break;
              }
              case "w:footnoteReference":
              case "w:endnoteReference": {
                const id = r.attributes["w:id"];
                if (id !== undefined)
                  out.push({ type: "footnote", id: `${r.name === "w:endnoteReference" ? "e" : ""}${id}` });
                break;
              }
              case "w:commentReference": {
                const id = r.attributes["w:id"];
                if (id !== undefined) out.push({ type: "comment", id });
                break;
              }
              case "w:drawing":
              case "w:pict":
              case "mc:AlternateContent": {
                // Word writes a shape twice (mc:Choice and a VML mc:Fallback): one of them is read.
                const shape =
                  r.name === "mc:AlternateContent" ? (child(r, "mc:Choice") ?? child(r, "mc:Fallback") ?? r) : r;
                this.images(shape, part, out);
                // The text of a text box, in the paragraph that anchors it.
                for (const box of descendants(shape, "w:txbxContent").slice(0, 1))
                  for (const para of descendants(box, "w:p")) {
                    const inner: WordInline[] = [];
                    this.inlines(para, part, inner, look, link);
                    if (plainText(inner).trim() === "") continue;
                    if (out.length > 0) out.push({ type: "break" });
                    out.push(...inner);
                  }
                break;
              }
              default:
                break;
            }
          }
          break;
        }
        case "w:hyperlink": {
          const id = c.attributes["r:id"];
          const target = id ? this.pkg.relationships(part).get(id) : undefined;
          // A fragment is kept apart, in w:anchor ("…/cmd.sh" and "L182-L188").
          const anchor = c.attributes["w:anchor"];
          const href = target?.external ? (anchor ? `${target.target}#${anchor}` : target.target) : undefined;
          this.inlines(c, part, out, look, href ?? link);
          break;
        }
        case "w:ins":
        case "w:moveTo":
        case "w:smartTag":
        case "w:customXml":
        case "w:fldSimple":
        case "w:dir":
        case "w:bdo":
          this.inlines(c, part, out, look, link);
          break;
        case "w:sdt":
          this.inlines(child(c, "w:sdtContent") ?? c, part, out, look, link);
          break;
        // w:del, w:moveFrom: deletions are accepted (dropped); w:pPr, bookmarks, proofing marks carry no text.
        default:
          break;
      }
    }
  }

  private images(el: XmlElement, part: string, out: WordInline[]): void {
    const blips = [...descendants(el, "a:blip"), ...descendants(el, "v:imagedata")];
    // mc:AlternateContent holds the same picture twice (choice and fallback): the first one is enough.
    const blip = blips[0];
    if (!blip) return;
    const id = blip.attributes["r:embed"] ?? blip.attributes["r:id"];
    const target = id ? this.pkg.relationships(part).get(id) : undefined;
    if (!target || target.external) return;
    const bytes = this.pkg.bytes(target.target);
    if (!bytes) return;
    const docPr = descendants(el, "wp:docPr")[0];
    const alt = docPr?.attributes.descr || docPr?.attributes.title || "";
    this.media.set(target.target, bytes);
    out.push({ type: "image", path: target.target, alt });
  }

  /** Header or footer parts, in the order the relationships name them, each read once. */
  furniture(kind: "header" | "footer"): WordParagraph[][] {
    const rels = [...this.pkg.relationships("word/document.xml").values()].filter((r) => r.type === kind);
    const seen = new Set<string>();
    const out: WordParagraph[][] = [];
    for (const rel of rels.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0))) {
      if (seen.has(rel.target)) continue;
      seen.add(rel.target);
      const root = this.pkg.part(rel.target);
      if (!root) continue;
      const saved = this.paragraphs;
      const paragraphs = flatten(this.blocks(root, rel.target, { table: 0, row: 0 }));
      this.paragraphs = saved;
      out.push(paragraphs);
    }
    return out;
  }

  notes(path: string, element: string, prefix: string): Map<string, WordBlock[]> {
    const out = new Map<string, WordBlock[]>();
    for (const note of elements(this.pkg.part(path), element)) {
      const id = note.attributes["w:id"];
      const type = note.attributes["w:type"];
      if (id === undefined || (type && type !== "normal")) continue;
      out.set(prefix + id, this.blocks(note, path, { table: 0, row: 0 }));
    }
    return out;
  }

  comments(): Map<string, { author: string; text: string }> {
    const out = new Map<string, { author: string; text: string }>();
    for (const c of elements(this.pkg.part("word/comments.xml"), "w:comment")) {
      const id = c.attributes["w:id"];
      if (id === undefined) continue;
      const text = flatten(this.blocks(c, "word/comments.xml", { table: 0, row: 0 }))
        .map((p) => plainText(p.inlines))
        .join(" ")
        .trim();
      out.set(id, { author: c.attributes["w:author"] ?? "", text });
    }
    return out;
  }
}

/** Paragraphs of blocks, tables read row by row, cell by cell. */
export function flatten(blocks: WordBlock[]): WordParagraph[] {
  const out: WordParagraph[] = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") out.push(b);
    else for (const row of b.rows) for (const cell of row) if (!cell.mergedUp) out.push(...flatten(cell.blocks));
  }
  return out;
}

/** The text of inlines: breaks as newlines, tabs as they are. */
export function plainText(inlines: readonly WordInline[]): string {
  let out = "";
  for (const i of inlines) {
    if (i.type === "text") out += i.text;
    else if (i.type === "break") out += "\n";
  }
  return out;
}

function properties(pkg: DocxPackage): WordDocument["properties"] {
  const core = pkg.part("docProps/core.xml");
  const field = (name: string) => {
    const el = elements(core).find((e) => e.name === name);
    const t = el?.text.trim();
    return t ? t : undefined;
  };
  const custom: Record<string, string> = {};
  for (const p of elements(pkg.part("docProps/custom.xml"), "property")) {
    const name = p.attributes.name;
    const value = elements(p)[0]?.text;
    if (name && value !== undefined) custom[name] = value;
  }
  const title = field("dc:title");
  const subject = field("dc:subject");
  const creator = field("dc:creator");
  const language = field("dc:language");
  return {
    ...(title ? { title } : {}),
    ...(subject ? { subject } : {}),
    ...(creator ? { creator } : {}),
    ...(language ? { language } : {}),
    custom,
  };
}

export function readWordDocument(pkg: DocxPackage): WordDocument {
  const reader = new Reader(pkg);
  const root = pkg.part("word/document.xml");
  const body = child(root, "w:body");
  return {
    body: body ? reader.blocks(body, "word/document.xml") : [],
    headers: reader.furniture("header"),
    footers: reader.furniture("footer"),
    footnotes: new Map([
      ...reader.notes("word/footnotes.xml", "w:footnote", ""),
      ...reader.notes("word/endnotes.xml", "w:endnote", "e"),
    ]),
    comments: reader.comments(),
    media: reader.media,
    properties: properties(pkg),
  };
}

/** A part's text (for tests and messages). */
export const partText = (pkg: DocxPackage, path: string): string | undefined =>
  pkg.files[path] ? strFromU8(pkg.files[path]) : undefined;
