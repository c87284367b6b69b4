// A JPEG checked the way a decoder walks it: from SOI, every marker segment whole (Huffman and quantisation
// tables too), one frame header (SOF) with a sane size, precision, components and sampling, the
// quantisation tables it names defined before the first scan, every scan's entropy-coded data followed by
// a marker, and the end-of-image marker (EOI) at the end. (Missing Huffman tables are allowed: decoders
// use the standard ones, as for Motion-JPEG frames.) A truncated file, the commonest damage, has no EOI. The pixel count is bounded from the frame header.
export type JpegResult = { ok: true; width: number; height: number } | { ok: false; message: string };

const damaged = (why: string): JpegResult => ({ ok: false, message: `is a damaged JPEG: ${why}` });

/** SOF markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

export function checkJpeg(bytes: Uint8Array, limit: (width: number, height: number) => string | undefined): JpegResult {
  let offset = 2;
  let frame: { width: number; height: number; marker: number; components: number[] } | undefined;
  const quantTables = new Set<number>();
  let scans = 0;
  for (;;) {
    if (offset + 2 > bytes.length) return damaged("it ends before its end marker (EOI): the file is cut short");
    if (bytes[offset] !== 0xff) return damaged(`a segment marker is missing at byte ${offset}`);
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) return damaged(`a stray marker (FF${marker.toString(16).toUpperCase()}) stands between segments`);
    if (offset + 4 > bytes.length) return damaged("it ends before its end marker (EOI): the file is cut short");
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const start = offset + 4;
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) return damaged("it ends in the middle of a segment: the file is cut short");
    const segment = bytes.subarray(start, end);
    if (isFrame(marker)) {
      if (frame) return damaged("it has two frame headers");
      if (segment.length < 6) return damaged("its frame header is too short");
      const precision = segment[0]!;
      const height = (segment[1]! << 8) | segment[2]!;
      const width = (segment[3]! << 8) | segment[4]!;
      const count = segment[5]!;
      if (!width || !height) return { ok: false, message: "is a JPEG without a size in its frame header" };
      if (![8, 12, 16].includes(precision) || ![1, 3, 4].includes(count) || segment.length !== 6 + 3 * count) return { ok: false, message: "is a JPEG whose frame header cannot be read (precision, or number of colour components)" };
      const components: number[] = [];
      for (let i = 0; i < count; i++) {
        const sampling = segment[7 + 3 * i]!;
        const table = segment[8 + 3 * i]!;
        if ((sampling >> 4) < 1 || (sampling >> 4) > 4 || (sampling & 15) < 1 || (sampling & 15) > 4 || table > 3) return damaged("its frame header has impossible sampling factors or table numbers");
        components.push(table);
      }
      const refused = limit(width, height);
      if (refused) return { ok: false, message: refused };
      frame = { width, height, marker, components };
    } else if (marker === 0xdb) {
      for (let at = 0; at < segment.length; ) {
        const table = segment[at]!;
        quantTables.add(table & 15);
        at += 1 + ((table >> 4) === 0 ? 64 : 128);
        if (at > segment.length) return damaged("a quantisation table is cut short");
      }
    } else if (marker === 0xc4) {
      for (let at = 0; at < segment.length; ) {
        if (at + 17 > segment.length) return damaged("a Huffman table is cut short");
        let symbols = 0;
        for (let i = 1; i <= 16; i++) symbols += segment[at + i]!;
        at += 17 + symbols;
        if (at > segment.length) return damaged("a Huffman table is cut short");
      }
    } else if (marker === 0xda) {
      if (!frame) return damaged("a scan comes before the frame header");
      const count = segment[0] ?? 0;
      if (count < 1 || count > 4 || segment.length !== 4 + 2 * count) return damaged("a scan header cannot be read");
      if (frame.components.some((t) => !quantTables.has(t))) return damaged("a quantisation table it uses is missing");
      scans++;
      offset = skipEntropyData(bytes, end);
      if (offset < 0) return damaged("it ends in the middle of its image data, before the end marker (EOI): the file is cut short");
      continue;
    }
    offset = end;
  }
  if (!frame) return damaged("it has no frame header (SOF)");
  if (!scans) return damaged("it has no image data (no scan)");
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
