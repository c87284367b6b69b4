// Checks theme files by their bytes, not their names: images (PNG, JPEG or SVG, within size limits, and
// decoded: check-png.ts, check-jpeg.ts, clean-svg.ts) and fonts (TrueType or OpenType with a sound table
// directory). A bad file becomes a message for the user; nothing here throws on user data.
import { checkJpeg } from "./check-jpeg.js";
import { fontTables } from "./font-metrics.js";
import { checkPng } from "./check-png.js";
import { cleanSvg } from "./clean-svg.js";
import { text, type Param, type Text } from "../i18n/messages.js";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Pixels a side. */
export const MAX_IMAGE_PIXELS = 6000;
/**
 * Pixels in all (width × height), and bytes of decoded pixels (PNG: pdfkit decodes them, and splits and
 * compresses again an alpha channel). Measured peak memory of a build with a logo (seed meeting, DOCX and
 * PDF; 125 MB without): RGBA 2000² 216 MB, 3000² 285 MB, 4000² 394 MB, 6000² 711 MB; RGB 4000² 216 MB,
 * 6000² 333 MB; 16-bit RGBA 4000² 583 MB. A printed logo needs about 2000 pixels across at most (a page's
 * width at 300 dpi), so 10 million pixels and 40 MB keep a build under about 300 MB.
 */
export const MAX_IMAGE_AREA = 10_000_000;
export const MAX_IMAGE_DECODED_BYTES = 40 * 1024 * 1024;

export interface CheckedImage {
  type: "png" | "jpg" | "svg";
  /** Pixels (for SVG: the viewBox or width/height, in user units). */
  width: number;
  height: number;
  /** SVG only: the drawing written again without scripts, handlers or outside references (clean-svg.ts). */
  svg?: Uint8Array;
  /** SVG only: what was taken out, to tell the user (markup as written, or a catalogue text). */
  removed?: Param[];
}

export type ImageResult = ({ ok: true } & CheckedImage) | { ok: false; message: Text };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Why a picture of this size is refused, or undefined; `bytesPerPixel` when it is decoded (PNG). */
function tooLarge(width: number, height: number, bytesPerPixel = 0): Text | undefined {
  if (width > MAX_IMAGE_PIXELS || height > MAX_IMAGE_PIXELS)
    return text("image.pixels", { width, height, limit: MAX_IMAGE_PIXELS });
  if (width * height > MAX_IMAGE_AREA)
    return text("image.area", {
      width,
      height,
      millions: ((width * height) / 1e6).toFixed(1),
      limit: MAX_IMAGE_AREA / 1e6,
    });
  const decoded = width * height * bytesPerPixel;
  if (decoded > MAX_IMAGE_DECODED_BYTES)
    return text("image.decoded", {
      width,
      height,
      bits: bytesPerPixel * 8,
      size: Math.ceil(decoded / 1048576),
      limit: MAX_IMAGE_DECODED_BYTES / 1048576,
    });
  return undefined;
}

export function checkImage(bytes: Uint8Array): ImageResult {
  if (bytes.length > MAX_IMAGE_BYTES)
    return {
      ok: false,
      message: text("image.too-large-bytes", {
        size: (bytes.length / 1048576).toFixed(1),
        limit: MAX_IMAGE_BYTES / 1048576,
      }),
    };
  if (PNG_MAGIC.every((b, i) => bytes[i] === b)) {
    const png = checkPng(bytes, tooLarge);
    return png.ok ? { ok: true, type: "png", width: png.width, height: png.height } : png;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const jpeg = checkJpeg(bytes, tooLarge);
    return jpeg.ok ? { ok: true, type: "jpg", width: jpeg.width, height: jpeg.height } : jpeg;
  }
  if (looksLikeSvg(bytes)) return checkSvg(bytes);
  return { ok: false, message: text("image.unknown") };
}

/** An XML declaration, comments, perhaps a document type declaration (with entities: refused later), then <svg. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, "")
    .trimStart();
  const prolog = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/.exec(head)![0];
  const rest = head.slice(prolog.length);
  return (
    /^<svg[\s>/]/i.test(rest) ||
    (/^<!DOCTYPE\s/i.test(rest) && /<svg[\s>/]/i.test(new TextDecoder("utf-8", { fatal: false }).decode(bytes)))
  );
}

function checkSvg(bytes: Uint8Array): ImageResult {
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: text("svg.not-utf8") };
  }
  const clean = cleanSvg(source, (embedded) => {
    const checked = checkImage(embedded);
    return checked.ok ? (checked.type === "svg" ? text("svg.inside-svg") : undefined) : checked.message;
  });
  if (!clean.ok) return clean;
  const attributes = clean.root.attributes;
  // A length in any unit but % (only the proportions matter: the theme gives the printed width).
  const length = (name: string): number =>
    Number.parseFloat(/^\s*([0-9.]+(?:e[-+]?\d+)?)\s*[a-z]*\s*$/i.exec(attributes[name] ?? "")?.[1] ?? "");
  const box = /^\s*[-0-9.e]+[\s,]+[-0-9.e]+[\s,]+([0-9.e]+)[\s,]+([0-9.e]+)\s*$/i.exec(attributes.viewBox ?? "");
  const width = length("width") || Number(box?.[1]);
  const height = length("height") || Number(box?.[2]);
  if (!(width > 0) || !(height > 0)) return { ok: false, message: text("svg.no-size") };
  // A drawing costs no more to show when its units are many: only the side is bounded, as a sanity check.
  if (width > MAX_IMAGE_PIXELS || height > MAX_IMAGE_PIXELS)
    return { ok: false, message: text("svg.too-big", { width, height, limit: MAX_IMAGE_PIXELS }) };
  return { ok: true, type: "svg", width, height, svg: new TextEncoder().encode(clean.svg), removed: clean.removed };
}

/**
 * TrueType or OpenType (CFF) font data: the signature, then the table directory — every table inside the
 * file, the tables a font cannot work without present, and the head table's magic number. Collections
 * and web fonts are refused with the reason.
 */
export function checkFont(bytes: Uint8Array): { ok: true } | { ok: false; message: Text } {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === "ttcf") return { ok: false, message: text("font.collection") };
  if (tag === "wOFF" || tag === "wOF2") return { ok: false, message: text("font.woff") };
  if (tag !== "\u0000\u0001\u0000\u0000" && tag !== "OTTO" && tag !== "true")
    return { ok: false, message: text("font.not-font") };
  const damaged = { ok: false as const, message: text("font.damaged") };
  const tables = fontTables(bytes);
  if (!tables) return damaged;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const outlines = (tables.has("glyf") && tables.has("loca")) || tables.has("CFF ") || tables.has("CFF2");
  const missing = ["cmap", "head", "hhea", "hmtx", "maxp"].filter((name) => !tables.has(name));
  if (missing.length || !outlines) {
    const tables: Param[] = [...missing, ...(outlines ? [] : [text("font.glyph-outline")])];
    return { ok: false, message: text(tables.length > 1 ? "font.lacks-tables" : "font.lacks-table", { tables }) };
  }
  const head = tables.get("head")!;
  if (head.length < 54 || view.getUint32(head.offset + 12) !== 0x5f0f3cf5) return damaged;
  return { ok: true };
}
