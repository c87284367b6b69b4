// Makes docx's package reproducible: the clock in docProps/core.xml becomes the render timestamp, random
// relationship ids and process-wide bookmark ids become numbered ones, and the zip is rewritten in a fixed
// order with a fixed entry time (zip-package.ts).
import { stableFontKeys } from "./embedded-fonts.js";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { zipParts } from "./zip-package.js";
import { escapeXml } from "./docx-library.js";

export interface PackageMeta {
  timestamp: Date;
  /** Written as dc:language, which docx has no option for. */
  language: string;
  /** Style definitions docx cannot build (the table style), added to word/styles.xml. */
  extraStyles?: string;
}

/** Parts that differ from one meeting to the next: zipped as bytes, so they are never kept as shared. */
const OWN_PARTS = new Set(["word/document.xml", "docProps/core.xml"]);

/** W3CDTF without milliseconds; an invalid date falls back to the epoch rather than failing the render. */
export function w3cdtf(date: Date): string {
  const time = Number.isNaN(date.getTime()) ? new Date(0) : date;
  return time.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function fixCoreProperties(xml: string, meta: PackageMeta): string {
  const stamp = w3cdtf(meta.timestamp);
  let out = xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
  );
  if (!out.includes("<dc:language>")) {
    out = out.replace(
      "</cp:coreProperties>",
      `<dc:language>${escapeXml(meta.language)}</dc:language></cp:coreProperties>`,
    );
  }
  return out;
}

/**
 * docx names hyperlink relationships with nanoid ("rId5rzoa74yk…"). They are renamed by order of appearance,
 * parts taken in name order, and replaced in every part so each reference still meets its relationship.
 */
function renumberRelationships(texts: Map<string, string>): void {
  const renamed = new Map<string, string>();
  for (const [name, xml] of texts) {
    if (!name.endsWith(".rels")) continue;
    for (const match of xml.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rIdLink${renamed.size + 1}`);
    }
  }
  // minutes' own links are numbered so already (docx-library.ts): nothing to replace.
  if ([...renamed].every(([id, to]) => id === to)) return;
  // Every quoted value is looked up, rather than matched against an alternation of all the ids (which tried each id
  // at every quote of the document: quadratic in the links). Values that start as all the ids do are the only
  // candidates, so that most of the document's quotes are passed over by the regular expression itself.
  const ids = [...renamed.keys()];
  const prefix = ids.every((id) => id.startsWith("rId")) ? "rId" : "";
  const pattern = new RegExp(`"(${prefix}[^"]*)"`, "g");
  for (const [name, xml] of texts)
    texts.set(
      name,
      xml.replace(pattern, (quoted, id: string) => {
        const to = renamed.get(id);
        return to === undefined ? quoted : `"${to}"`;
      }),
    );
}

/**
 * docx numbers bookmarks from one counter per process, so a second render in the same process gets other
 * ids. They are renumbered from 1 by order of appearance; a start and its end share an id.
 */
function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return xml.replace(
    /(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)(")/g,
    (_, open: string, id: string, close: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `${open}${ids.get(id)}${close}`;
    },
  );
}

/** [Content_Types].xml first (some readers sniff it), then the package rels, then the rest by name. */
function entryOrder(a: string, b: string): number {
  const rank = (name: string): number => (name === "[Content_Types].xml" ? 0 : name === "_rels/.rels" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A package's parts by path: XML as text or bytes, media as bytes. */
export type PackageParts = Map<string, string | Uint8Array | ArrayBuffer>;

/** The parts of a packed .docx (the fallback when docx's unzipped parts are not reachable). */
export function unzipParts(bytes: Uint8Array): PackageParts {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function normalisePackage(parts: PackageParts, meta: PackageMeta): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const texts = new Map<string, string>();
  const names = [...parts.keys()].sort(entryOrder);
  for (const name of names) {
    const data = parts.get(name)!;
    const bytes = typeof data === "string" ? undefined : data instanceof Uint8Array ? data : new Uint8Array(data);
    if (/\.(xml|rels)$/.test(name)) texts.set(name, bytes ? strFromU8(bytes) : (data as string));
    else files[name] = bytes ?? strToU8(data as string);
  }
  const core = texts.get("docProps/core.xml");
  if (core !== undefined) texts.set("docProps/core.xml", fixCoreProperties(core, meta));
  renumberRelationships(texts);
  stableFontKeys(texts, files);
  const styles = texts.get("word/styles.xml");
  if (styles !== undefined && meta.extraStyles)
    texts.set("word/styles.xml", styles.replace("</w:styles>", `${meta.extraStyles}</w:styles>`));
  const body = texts.get("word/document.xml");
  if (body !== undefined) texts.set("word/document.xml", renumberBookmarks(body));

  return zipParts(
    names.map((name) => {
      const text = texts.get(name);
      // A part given as text may be kept deflated for the process (shared-deflate.ts); the meeting's own are not.
      if (text !== undefined && OWN_PARTS.has(name)) return [name, Buffer.from(text, "utf8")] as const;
      return [name, text ?? files[name]!] as const;
    }),
  );
}
