// Checks theme files by their bytes, not their names: images (PNG, JPEG or SVG, within size limits, and
// decodable) and fonts (TrueType or OpenType with a sound table directory).
// A bad file becomes a message for the user; nothing here throws on user data.
import { inflateSync } from "node:zlib";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 6000;

export interface CheckedImage {
  type: "png" | "jpg" | "svg";
  /** Pixels (for SVG: the viewBox or width/height, in user units). */
  width: number;
  height: number;
}

export type ImageResult = ({ ok: true } & CheckedImage) | { ok: false; message: string };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function checkImage(bytes: Uint8Array): ImageResult {
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, message: `is ${(bytes.length / 1048576).toFixed(1)} MB; images may be at most ${MAX_IMAGE_BYTES / 1048576} MB` };
  const result = PNG_MAGIC.every((b, i) => bytes[i] === b) ? checkPng(bytes) : bytes[0] === 0xff && bytes[1] === 0xd8 ? checkJpeg(bytes) : looksLikeSvg(bytes) ? checkSvg(bytes) : { ok: false as const, message: "is not a PNG, JPEG or SVG image (checked by its content, not its name)" };
  if (result.ok && (result.width > MAX_IMAGE_PIXELS || result.height > MAX_IMAGE_PIXELS)) {
    return { ok: false, message: `is ${result.width}×${result.height} pixels; images may be at most ${MAX_IMAGE_PIXELS} pixels wide and high` };
  }
  return result;
}

function checkPng(bytes: Uint8Array): ImageResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = 0;
  const data: Uint8Array[] = [];
  let ended = false;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    if (start + length + 4 > bytes.length) return { ok: false, message: "is a damaged PNG: it ends in the middle of a chunk" };
    if (type === "IHDR") {
      if (length < 13) return { ok: false, message: "is a damaged PNG: its header is too short" };
      width = view.getUint32(start);
      height = view.getUint32(start + 4);
      bitDepth = bytes[start + 8]!;
      colorType = bytes[start + 9]!;
    } else if (type === "IDAT") data.push(bytes.subarray(start, start + length));
    else if (type === "IEND") {
      ended = true;
      break;
    }
    offset = start + length + 4;
  }
  if (!width || !height) return { ok: false, message: "is a damaged PNG: it has no image header" };
  if (width > MAX_IMAGE_PIXELS || height > MAX_IMAGE_PIXELS) return { ok: true, type: "png", width, height };
  if (!ended || data.length === 0) return { ok: false, message: "is a damaged PNG: its image data is missing or cut short" };
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels || ![1, 2, 4, 8, 16].includes(bitDepth)) return { ok: false, message: "is a PNG of a kind that cannot be read (unknown colour type or bit depth)" };
  try {
    const inflated = inflateSync(Buffer.concat(data), { maxOutputLength: 256 * 1024 * 1024 });
    const rowBytes = Math.ceil((width * channels * bitDepth) / 8) + 1;
    // Interlaced images hold a little more; fewer bytes than one full pass means the data is cut.
    if (inflated.length < rowBytes * height) return { ok: false, message: "is a damaged PNG: its image data is cut short" };
  } catch {
    return { ok: false, message: "is a damaged PNG: its image data cannot be decompressed" };
  }
  return { ok: true, type: "png", width, height };
}

function checkJpeg(bytes: Uint8Array): ImageResult {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { ok: false, message: "is a damaged JPEG: a segment marker is missing" };
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    // Start of frame (baseline, progressive…), not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (offset + 9 > bytes.length) break;
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      const components = bytes[offset + 9];
      if (!width || !height) return { ok: false, message: "is a JPEG without a size" };
      if (components !== 1 && components !== 3 && components !== 4) return { ok: false, message: "is a JPEG with an unusual colour layout that cannot be read" };
      return { ok: true, type: "jpg", width, height };
    }
    offset += 2 + length;
  }
  return { ok: false, message: "is a damaged JPEG: it has no image frame" };
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, "").trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head);
}

function checkSvg(bytes: Uint8Array): ImageResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "is an SVG that is not valid UTF-8" };
  }
  if (!/<\/svg\s*>\s*$/i.test(text.trim())) return { ok: false, message: "is a damaged SVG: it does not end with </svg>" };
  if (/<!ENTITY/i.test(text)) return { ok: false, message: "is an SVG that declares XML entities, which minutes does not read" };
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? "";
  const attr = (name: string): number => Number.parseFloat(new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)`).exec(tag)?.[1] ?? "");
  const box = /viewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)/i.exec(tag);
  const width = attr("width") || Number(box?.[1]);
  const height = attr("height") || Number(box?.[2]);
  if (!(width > 0) || !(height > 0)) return { ok: false, message: "is an SVG without a size: give its <svg> element a viewBox or width and height" };
  return { ok: true, type: "svg", width, height };
}

/**
 * TrueType or OpenType (CFF) font data: the signature, then the table directory — every table inside the
 * file, the tables a font cannot work without present, and the head table's magic number. Collections
 * and web fonts are refused with the reason.
 */
export function checkFont(bytes: Uint8Array): { ok: true } | { ok: false; message: string } {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === "ttcf") return { ok: false, message: "is a font collection (.ttc); give the .ttf or .otf file of one face" };
  if (tag === "wOFF" || tag === "wOF2") return { ok: false, message: "is a web font (WOFF); give the .ttf or .otf file" };
  if (tag !== "\u0000\u0001\u0000\u0000" && tag !== "OTTO" && tag !== "true") return { ok: false, message: "is not a TrueType or OpenType font (checked by its content)" };
  const damaged = { ok: false as const, message: "is a damaged font file: its table directory does not match its content" };
  if (bytes.length < 12) return damaged;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  if (count === 0 || 12 + 16 * count > bytes.length) return damaged;
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > bytes.length) return damaged;
    tables.set(String.fromCharCode(...bytes.subarray(record, record + 4)), { offset, length });
  }
  const outlines = (tables.has("glyf") && tables.has("loca")) || tables.has("CFF ") || tables.has("CFF2");
  const missing = ["cmap", "head", "hhea", "hmtx", "maxp"].filter((name) => !tables.has(name));
  if (missing.length || !outlines) return { ok: false, message: `is a damaged font file: it lacks the ${[...missing, ...(outlines ? [] : ["glyph outline"])].join(", ")} table${missing.length + (outlines ? 0 : 1) > 1 ? "s" : ""}` };
  const head = tables.get("head")!;
  if (head.length < 54 || view.getUint32(head.offset + 12) !== 0x5f0f3cf5) return damaged;
  return { ok: true };
}
