// A TrueType or OpenType font wrapped as WOFF 1.0 (W3C, 2012): the same tables, each compressed with zlib
// when that makes it smaller, so a page that carries its fonts inline weighs less. Deterministic: the same
// font gives the same bytes.
import { deflateSync } from "node:zlib";

export function woff(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const record = 12 + 16 * i;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    const data = font.subarray(offset, offset + length);
    const packed = deflateSync(data, { level: 9 });
    return {
      tag: font.subarray(record, record + 4),
      checksum: view.getUint32(record + 4),
      length,
      stored: packed.length < length ? packed : data,
    };
  }).sort((a, b) => Buffer.compare(a.tag, b.tag));
  const pad = (n: number): number => n + ((4 - (n % 4)) % 4);
  const headerSize = 44 + 20 * count;
  const total = tables.reduce((n, t) => n + pad(t.stored.length), headerSize);
  const out = Buffer.alloc(total);
  out.write("wOFF", 0, "latin1");
  out.writeUInt32BE(view.getUint32(0), 4);
  out.writeUInt32BE(total, 8);
  out.writeUInt16BE(count, 12);
  out.writeUInt32BE(
    tables.reduce((n, t) => n + pad(t.length), 12 + 16 * count),
    16,
  );
  let offset = headerSize;
  tables.forEach((t, i) => {
    const entry = 44 + 20 * i;
    out.set(t.tag, entry);
    out.writeUInt32BE(offset, entry + 4);
    out.writeUInt32BE(t.stored.length, entry + 8);
    out.writeUInt32BE(t.length, entry + 12);
    out.writeUInt32BE(t.checksum, entry + 16);
    out.set(t.stored, offset);
    offset += pad(t.stored.length);
  });
  return out;
}
