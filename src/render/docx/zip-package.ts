// Writes a package's parts as a ZIP file (the container of a .docx): each part deflated by Node's zlib,
// in the order given, with one fixed date, no extra fields and no comments, so equal parts give equal
// bytes. Replaces fflate's zip here: its JavaScript deflate was a fifth of a single DOCX build. The checksums are
// zlib's too (a JavaScript CRC-32 was 11 ms of the large meeting's DOCX). A part given as text is encoded,
// checked and deflated once per process for each exact text (shared-deflate.ts): a theme's styles, the package's
// relationships and settings are the same in every meeting of a batch.
import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import { sharedDeflate } from "../shared-deflate.js";

export const crc32 = (data: Uint8Array): number => zlibCrc32(data);

/** 1980-01-01 00:00, the earliest MS-DOS date: the same in every time zone. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

/** The fields a local header and its central directory entry share, in the same order, from `at`. */
function sharedFields(
  view: DataView,
  at: number,
  crc: number,
  compressed: number,
  size: number,
  nameLength: number,
): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, 0x0800, true); // names are UTF-8
  view.setUint16(at + 4, 8, true); // deflate
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, crc, true);
  view.setUint32(at + 14, compressed, true);
  view.setUint32(at + 18, size, true);
  view.setUint16(at + 22, nameLength, true);
  // then: extra field length 0 (and in the central entry: comment, disk, attributes 0)
}

/** A part's bytes as stored: its size, checksum and deflated bytes. */
interface Packed {
  size: number;
  crc: number;
  deflated: Uint8Array;
}

const pack = (data: Uint8Array): Packed => ({ size: data.length, crc: crc32(data), deflated: deflateRawSync(data) });
/** A kept part's deflated bytes are copied out of zlib's output chunk (16 KB or more), which it would keep alive. */
const packText = (text: string): Packed => {
  const packed = pack(Buffer.from(text, "utf8"));
  return { ...packed, deflated: Uint8Array.prototype.slice.call(packed.deflated) };
};

/** Zips the parts in the order given; a part given as text is stored as its UTF-8 bytes. */
export function zipParts(parts: readonly (readonly [string, Uint8Array | string])[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const path = Buffer.from(name, "utf8");
    const { size, crc, deflated } = typeof data === "string" ? sharedDeflate(data, packText) : pack(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true); // local file header
    sharedFields(local, 4, crc, deflated.length, size, path.length);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true); // central directory entry
    central.setUint16(4, 20, true); // made by: 2.0, MS-DOS attributes
    sharedFields(central, 6, crc, deflated.length, size, path.length);
    central.setUint32(42, offset, true); // where its local header is
    locals.push(new Uint8Array(local.buffer), path, deflated);
    centrals.push(new Uint8Array(central.buffer), path);
    offset += 30 + path.length + deflated.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); // end of central directory
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, new Uint8Array(end.buffer)]));
}
