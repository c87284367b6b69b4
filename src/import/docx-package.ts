// A .docx as parts: the zip read with fflate (as the rest of minutes reads zips), each XML part parsed by
// @rgrove/parse-xml when first asked, relationships resolved to part paths. What is not a Word package
// (a .doc, a PDF, a damaged zip) is said here, once, for the importer to report.
import { parseXml, type XmlElement } from "@rgrove/parse-xml";
import { strFromU8, unzipSync } from "fflate";

const NEEDED =
  /^(?:\[Content_Types\]\.xml|docProps\/(?:core|custom)\.xml|word\/(?:_rels\/)?(?:document|styles|numbering|footnotes|endnotes|comments|header\d*|footer\d*)\.xml(?:\.rels)?)$/;

export type NotDocx = "doc" | "pdf" | "zip" | "not-word";

/** The package's parts, or why the bytes are not a Word document. */
export type PackageResult = { ok: true; pkg: DocxPackage } | { ok: false; why: NotDocx };

export class DocxPackage {
  private readonly xml = new Map<string, XmlElement | null>();
  private readonly rels = new Map<string, Map<string, { target: string; external: boolean; type: string }>>();

  constructor(
    readonly files: Record<string, Uint8Array>,
    private readonly zip?: Uint8Array,
  ) {}

  /** A part's bytes: the XML parts were unzipped at once, others (media) are unzipped when first asked. */
  bytes(path: string): Uint8Array | undefined {
    if (!(path in this.files) && this.zip) {
      try {
        Object.assign(this.files, unzipSync(this.zip, { filter: (file) => file.name === path }));
      } catch {
        return undefined;
      }
    }
    return this.files[path];
  }

  has(path: string): boolean {
    return path in this.files;
  }

  /** An XML part as text (a byte-order mark removed), or undefined when it is missing. */
  text(path: string): string | undefined {
    const bytes = this.files[path];
    return bytes ? strFromU8(bytes).replace(/^\uFEFF/, "") : undefined;
  }

  /** The root element of an XML part, or null when the part is missing or not well-formed. */
  part(path: string): XmlElement | null {
    let root = this.xml.get(path);
    if (root !== undefined) return root;
    const bytes = this.files[path];
    root = null;
    if (bytes) {
      try {
        const xml = strFromU8(bytes).replace(/^\uFEFF/, "");
        const doc = parseXml(xml);
        root = doc.root;
      } catch {
        root = null;
      }
    }
    this.xml.set(path, root);
    return root;
  }

  /** The relationships of a part (word/document.xml → word/_rels/document.xml.rels), by id. */
  relationships(path: string): Map<string, { target: string; external: boolean; type: string }> {
    const known = this.rels.get(path);
    if (known) return known;
    const slash = path.lastIndexOf("/");
    const dir = path.slice(0, slash + 1);
    const root = this.part(`${dir}_rels/${path.slice(slash + 1)}.rels`);
    const out = new Map<string, { target: string; external: boolean; type: string }>();
    for (const rel of elements(root)) {
      const id = rel.attributes.Id;
      const target = rel.attributes.Target;
      if (!id || target === undefined) continue;
      const external = rel.attributes.TargetMode === "External";
      out.set(id, {
        target: external ? target : resolvePart(dir, target),
        external,
        type: (rel.attributes.Type ?? "").replace(/^.*\//, ""),
      });
    }
    this.rels.set(path, out);
    return out;
  }
}

/** A relationship target relative to the part's folder, as a path inside the package. */
function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export function openPackage(bytes: Uint8Array): PackageResult {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return { ok: false, why: "doc" };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { ok: false, why: "pdf" };
  if (!starts(0x50, 0x4b)) return { ok: false, why: "not-word" };
  let files: Record<string, Uint8Array>;
  try {
    // Only the parts the importer reads: not the theme, fonts, settings, thumbnails; media when a picture uses it.
    files = unzipSync(bytes, { filter: (file) => NEEDED.test(file.name) });
  } catch {
    return { ok: false, why: "zip" };
  }
  const pkg = new DocxPackage(files, bytes);
  if (!pkg.has("word/document.xml") || pkg.part("word/document.xml") === null) return { ok: false, why: "not-word" };
  return { ok: true, pkg };
}

// Small helpers over parse-xml's tree: names keep their prefix ("w:p"), as Word writes them.

/** The child elements of `el` (all of them, or those named `name`). */
export function elements(el: XmlElement | null | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children)
    if (c.type === "element" && (name === undefined || (c as XmlElement).name === name)) out.push(c as XmlElement);
  return out;
}

export function child(el: XmlElement | null | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.type === "element" && (c as XmlElement).name === name) return c as XmlElement;
  return undefined;
}

/** `w:val` of a child element (`<w:pStyle w:val="Heading1"/>` → "Heading1"). */
export function val(el: XmlElement | null | undefined, name: string): string | undefined {
  return child(el, name)?.attributes["w:val"];
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when not said. */
export function toggle(el: XmlElement | null | undefined, name: string): boolean | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const v = c.attributes["w:val"];
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: XmlElement | null | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.type !== "element") continue;
      const ce = c as XmlElement;
      if (ce.name === name) out.push(ce);
      else visit(ce);
    }
  };
  if (el) visit(el);
  return out;
}
