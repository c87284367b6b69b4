// Reads a produced PDF's object graph with pdf-lib (parse only): the catalog entries, the structure tree,
// the outline, annotations and fonts, as plain values the tests can assert on.
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from "pdf-lib";
import { inflateSync } from "node:zlib";

export interface StructNode {
  role: string;
  /** The element's dictionary, for attributes (/A, /Alt, /Lang). */
  dict: PDFDict;
  kids: StructNode[];
  /** Marked-content ids and object references (annotations) directly under this element. */
  contents: number;
  objects: PDFDict[];
}

export interface OutlineEntry {
  title: string;
  /** Index of the destination page, and the destination array after the page ([/XYZ, left, top, zoom]). */
  page: number;
  dest: (string | number | null)[];
}

export class PdfObjects {
  private constructor(readonly doc: PDFDocument) {}

  static async load(bytes: Uint8Array): Promise<PdfObjects> {
    return new PdfObjects(await PDFDocument.load(bytes, { updateMetadata: false }));
  }

  get catalog(): PDFDict {
    return this.doc.catalog;
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  resolve(obj: PDFObject | undefined): PDFObject | undefined {
    return obj instanceof PDFRef ? this.doc.context.lookup(obj) : obj;
  }

  /** A value as plain JS: names without the slash, strings decoded, numbers, booleans, null; dicts and arrays as-is. */
  value(obj: PDFObject | undefined): unknown {
    const v = this.resolve(obj);
    if (v === PDFNull) return null;
    if (v instanceof PDFName) return v.decodeText();
    if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
    if (v instanceof PDFNumber) return v.asNumber();
    if (v instanceof PDFBool) return v.asBoolean();
    return v;
  }

  get(dict: PDFDict, key: string): unknown {
    return this.value(dict.get(PDFName.of(key)));
  }

  dict(dict: PDFDict, key: string): PDFDict | undefined {
    const v = this.resolve(dict.get(PDFName.of(key)));
    return v instanceof PDFDict ? v : undefined;
  }

  array(dict: PDFDict, key: string): PDFObject[] {
    const v = this.resolve(dict.get(PDFName.of(key)));
    return v instanceof PDFArray ? v.asArray().map((o) => this.resolve(o)!) : v ? [v] : [];
  }

  /** The structure tree below StructTreeRoot, in document order. */
  structTree(): StructNode[] {
    const root = this.dict(this.catalog, "StructTreeRoot");
    return root ? this.structKids(root) : [];
  }

  private structKids(element: PDFDict): StructNode[] {
    const out: StructNode[] = [];
    for (const kid of this.array(element, "K")) {
      if (!(kid instanceof PDFDict)) continue;
      const type = this.get(kid, "Type");
      if (type === "MCR" || type === "OBJR") continue;
      const node: StructNode = {
        role: String(this.get(kid, "S")),
        dict: kid,
        kids: this.structKids(kid),
        contents: 0,
        objects: [],
      };
      for (const k of this.array(kid, "K")) {
        if (k instanceof PDFNumber) node.contents++;
        else if (k instanceof PDFDict && this.get(k, "Type") === "MCR") node.contents++;
        else if (k instanceof PDFDict && this.get(k, "Type") === "OBJR") {
          const target = this.dict(k, "Obj");
          if (target) node.objects.push(target);
        }
      }
      out.push(node);
    }
    return out;
  }

  outline(): OutlineEntry[] {
    const outlines = this.dict(this.catalog, "Outlines");
    const pages = this.doc.getPages().map((p) => p.ref);
    const out: OutlineEntry[] = [];
    for (let entry = outlines && this.dict(outlines, "First"); entry; entry = this.dict(entry, "Next")) {
      const [page, ...rest] = (this.resolve(entry.get(PDFName.of("Dest"))) as PDFArray).asArray();
      out.push({
        title: String(this.get(entry, "Title")),
        page: pages.findIndex((ref) => ref === page),
        dest: rest.map((o) => this.value(o) as string | number | null),
      });
    }
    return out;
  }

  /** The named destinations (catalog /Names /Dests), by name: page index and the rest of the array. */
  namedDestinations(): Map<string, { page: number; dest: unknown[] }> {
    const pages = this.doc.getPages().map((p) => p.ref);
    const out = new Map<string, { page: number; dest: unknown[] }>();
    const walk = (node: PDFDict): void => {
      const names = this.array(node, "Names");
      for (let i = 0; i + 1 < names.length; i += 2) {
        const target = names[i + 1];
        const array = target instanceof PDFDict ? this.resolve(target.get(PDFName.of("D"))) : target;
        if (!(array instanceof PDFArray)) continue;
        const [page, ...rest] = array.asArray();
        out.set(String(this.value(names[i])), {
          page: pages.findIndex((ref) => ref === page),
          dest: rest.map((o) => this.value(o)),
        });
      }
      for (const kid of this.array(node, "Kids")) if (kid instanceof PDFDict) walk(kid);
    };
    const names = this.dict(this.catalog, "Names");
    const dests = names && this.dict(names, "Dests");
    if (dests) walk(dests);
    return out;
  }

  /** Every font descriptor in the file, with the name of its embedded font program, if any. */
  fontDescriptors(): { name: string; program: string | null }[] {
    const out: { name: string; program: string | null }[] = [];
    for (const [, obj] of this.doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || this.get(obj, "Type") !== "FontDescriptor") continue;
      const program = ["FontFile", "FontFile2", "FontFile3"].find((key) => obj.has(PDFName.of(key))) ?? null;
      out.push({ name: String(this.get(obj, "FontName")), program });
    }
    return out;
  }

  /** Annotations of every page, with the page index. */
  annotations(): { page: number; annot: PDFDict }[] {
    return this.doc.getPages().flatMap((page, i) =>
      this.array(page.node, "Annots")
        .filter((a): a is PDFDict => a instanceof PDFDict)
        .map((annot) => ({ page: i, annot })),
    );
  }

  /** The decoded content stream(s) of a page, as Latin-1 text (operators are ASCII). */
  pageContent(index: number): string {
    const streams = this.array(this.doc.getPage(index).node, "Contents");
    return streams
      .map((stream) => {
        if (!(stream instanceof PDFRawStream)) return "";
        const bytes =
          this.get(stream.dict, "Filter") === "FlateDecode" ? inflateSync(stream.contents) : stream.contents;
        return Buffer.from(bytes).toString("latin1");
      })
      .join("\n");
  }

  /** The XMP packet, as text. */
  xmp(): string {
    const stream = this.resolve(this.catalog.get(PDFName.of("Metadata")));
    if (!(stream instanceof PDFRawStream)) return "";
    const filter = this.get(stream.dict, "Filter");
    const bytes = filter === "FlateDecode" ? inflateSync(stream.contents) : stream.contents;
    return Buffer.from(bytes).toString("utf8");
  }
}

/** Every node of a structure tree, depth first. */
export function allNodes(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.kids)]);
}
