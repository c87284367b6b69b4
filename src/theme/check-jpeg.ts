// A JPEG checked the way a decoder walks it: from SOI, every marker segment whole (Huffman and quantisation
// tables too), one frame header (SOF) with a sane size, precision, components and sampling, the
// quantisation tables it names defined before the first scan, every scan's entropy-coded data followed by
// a marker, and the end-of-image marker (EOI) at the end. (Missing Huffman tables are allowed: decoders
// use the standard ones, as for Motion-JPEG frames.) A truncated file, the commonest damage, has no EOI. The pixel count is bounded from the frame header.
import { text, type MessageId, type Params, type Text } from "../i18n/messages.js";

export type JpegResult = { ok: true; width: number; height: number } | { ok: false; message: Text };

const damaged = (why: MessageId, params?: Params): JpegResult => ({
  ok: false,
  message: text("jpeg.damaged", { why: text(why, params) }),
});

/** SOF markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

export function checkJpeg(bytes: Uint8Array, limit: (width: number, height: number) => Text | undefined): JpegResult {
  let offset = 2;
  let frame: { width: number; height: number; marker: number; components: number[] } | undefined;
  const quantTables = new Set<number>();
  let scans = 0;
  for (;;) {
    if (offset + 2 > bytes.length) return damaged("jpeg.cut-before-end");
    if (bytes[offset] !== 0xff) return damaged("jpeg.marker-missing", { offset });
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01)
      return damaged("jpeg.stray-marker", { marker: `FF${marker.toString(16).toUpperCase()}` });
    if (offset + 4 > bytes.length) return damaged("jpeg.cut-before-end");
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const start = offset + 4;
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) return damaged("jpeg.cut-in-segment");
    const segment = bytes.subarray(start, end);
    if (isFrame(marker)) {
      if (frame) return damaged("jpeg.two-frames");
      if (segment.length < 6) return damaged("jpeg.frame-short");
      const precision = segment[0]!;
      const height = (segment[1]! << 8) | segment[2]!;
      const width = (segment[3]! << 8) | segment[4]!;
      const count = segment[5]!;
      if (!width || !height) return { ok: false, message: text("jpeg.no-size") };
      if (![8, 12, 16].includes(precision) || ![1, 3, 4].includes(count) || segment.length !== 6 + 3 * count)
        return { ok: false, message: text("jpeg.frame-unreadable") };
      const components: number[] = [];
      for (let i = 0; i < count; i++) {
        const sampling = segment[7 + 3 * i]!;
        const table = segment[8 + 3 * i]!;
        if (sampling >> 4 < 1 || sampling >> 4 > 4 || (sampling & 15) < 1 || (sampling & 15) > 4 || table > 3)
          return damaged("jpeg.sampling");
        components.push(table);
      }
      const refused = limit(width, height);
      if (refused) return { ok: false, message: refused };
      frame = { width, height, marker, components };
    } else if (marker === 0xdb) {
      for (let at = 0; at < segment.length; ) {
        const table = segment[at]!;
        quantTables.add(table & 15);
        at += 1 + (table >> 4 === 0 ? 64 : 128);
        if (at > segment.length) return damaged("jpeg.quantisation-short");
      }
    } else if (marker === 0xc4) {
      for (let at = 0; at < segment.length; ) {
        if (at + 17 > segment.length) return damaged("jpeg.huffman-short");
        let symbols = 0;
        for (let i = 1; i <= 16; i++) symbols += segment[at + i]!;
        at += 17 + symbols;
        if (at > segment.length) return damaged("jpeg.huffman-short");
      }
    } else if (marker === 0xda) {
      if (!frame) return damaged("jpeg.scan-before-frame");
      const count = segment[0] ?? 0;
      if (count < 1 || count > 4 || segment.length !== 4 + 2 * count) return damaged("jpeg.scan-header");
      if (frame.components.some((t) => !quantTables.has(t))) return damaged("jpeg.quantisation-missing");
      scans++;
      offset = skipEntropyData(bytes, end);
      if (offset < 0) return damaged("jpeg.cut-in-data");
      continue;
    }
    offset = end;
  }
  if (!frame) return damaged("jpeg.no-frame");
  if (!scans) return damaged("jpeg.no-scan");
  return { ok: true, width: frame.width, height: frame.height };
}

/** The offset of the marker that ends a scan's entropy-coded data, or -1 when the file ends first. */
function skipEntropyData(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    // FF00 is a stuffed FF byte, FFD0–FFD7 restart markers, FFFF fill: all inside the data.
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i++;
      continue;
    }
    if (next === 0xff) continue;
    return i;
  }
  return -1;
}
