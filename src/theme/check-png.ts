// A PNG checked the way a reader decodes it: every chunk whole with a right CRC, a sound header (bit depth
// and colour type that go together, a palette where one is needed), no critical chunk a reader would not
// know, the image data in one run of IDAT chunks before IEND, and that data inflating to all the bytes the
// header promises (every pass of an interlaced image), each row with a valid filter. The pixel count
// is bounded before anything is inflated.
import { crc32, inflateSync } from "node:zlib";
import { text, type MessageId, type Params, type Text } from "../i18n/messages.js";

export type PngResult = { ok: true; width: number; height: number } | { ok: false; message: Text };

/** Channels per colour type, and the bit depths each allows. */
const colourTypes: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
const knownCritical = new Set(["IHDR", "PLTE", "IDAT", "IEND"]);

// Adam7: the first column and row, and the steps, of each pass.
const passes = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const damaged = (why: MessageId, params?: Params): PngResult => ({
  ok: false,
  message: text("png.damaged", { why: text(why, params) }),
});

/**
 * `limit(width, height, bytesPerPixel)` says why a size is refused (or undefined): it runs on the header,
 * before the data is inflated, so a small file that claims a huge picture costs nothing.
 */
export function checkPng(
  bytes: Uint8Array,
  limit: (width: number, height: number, bytesPerPixel: number) => Text | undefined,
): PngResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | undefined;
  let palette = false;
  const data: Uint8Array[] = [];
  let dataEnded = false;
  for (;;) {
    if (offset + 12 > bytes.length) return damaged("png.cut-before-end");
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    if (!/^[A-Za-z]{4}$/.test(type)) return damaged("png.chunk-name", { offset });
    if (length > 0x7fffffff || start + length + 4 > bytes.length) return damaged("png.cut-in-chunk", { chunk: type });
    if (crc32(bytes.subarray(offset + 4, start + length)) !== view.getUint32(start + length))
      return damaged("png.crc", { chunk: type });
    if (!header && type !== "IHDR") return damaged("png.first-not-header");
    if (type === "IHDR") {
      if (header) return damaged("png.two-headers");
      if (length !== 13) return damaged("png.header-length");
      header = {
        width: view.getUint32(start),
        height: view.getUint32(start + 4),
        depth: bytes[start + 8]!,
        colour: bytes[start + 9]!,
        interlaced: bytes[start + 12] === 1,
      };
      if (!header.width || !header.height || header.width > 0x7fffffff || header.height > 0x7fffffff)
        return damaged("png.no-size");
      const kind = colourTypes[header.colour];
      if (
        !kind?.depths.includes(header.depth) ||
        bytes[start + 10] !== 0 ||
        bytes[start + 11] !== 0 ||
        bytes[start + 12]! > 1
      ) {
        return { ok: false, message: text("png.unknown-kind") };
      }
      const refused = limit(header.width, header.height, (kind.channels * header.depth) / 8);
      if (refused) return { ok: false, message: refused };
    } else if (type === "PLTE") palette = true;
    else if (type === "IDAT") {
      if (dataEnded) return damaged("png.data-split");
      data.push(bytes.subarray(start, start + length));
    } else if (type === "IEND") break;
    else if (type.charCodeAt(0) < 0x61 && !knownCritical.has(type))
      return { ok: false, message: text("png.critical-chunk", { chunk: type }) };
    if (data.length && type !== "IDAT") dataEnded = true;
    offset = start + length + 4;
  }
  if (!header) return damaged("png.no-header");
  if (header.colour === 3 && !palette) return damaged("png.no-palette");
  if (!data.length) return damaged("png.no-data");
  return inflatesToRows(Buffer.concat(data), header);
}

/** The data inflates to exactly the rows the header promises, each starting with a filter type 0–4. */
function inflatesToRows(
  compressed: Buffer,
  h: { width: number; height: number; depth: number; colour: number; interlaced: boolean },
): PngResult {
  const bitsPerPixel = colourTypes[h.colour]!.channels * h.depth;
  const rows: number[] = []; // bytes of each row, filter byte included
  for (const [x0, y0, dx, dy] of h.interlaced ? passes : [[0, 0, 1, 1] as const]) {
    const columns = Math.ceil((h.width - x0) / dx);
    const count = Math.ceil((h.height - y0) / dy);
    if (columns > 0) for (let i = 0; i < count; i++) rows.push(1 + Math.ceil((columns * bitsPerPixel) / 8));
  }
  const expected = rows.reduce((a, b) => a + b, 0);
  let pixels: Buffer;
  try {
    pixels = inflateSync(compressed, { maxOutputLength: expected + 1 });
  } catch (error) {
    // More data than the rows need: readers draw the rows and ignore the rest (libpng: "Too much image data").
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      return { ok: true, width: h.width, height: h.height };
    return damaged("png.inflate");
  }
  if (pixels.length < expected) return damaged("png.data-short", { got: pixels.length, expected });
  let at = 0;
  for (const size of rows) {
    if (pixels[at]! > 4) return damaged("png.filter");
    at += size;
  }
  return { ok: true, width: h.width, height: h.height };
}
