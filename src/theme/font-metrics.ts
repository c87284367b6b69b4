// The one font metric the DOCX needs from a font file: its natural line height as a share of the size
// (Word's "single" spacing), so that DOCX line spacing can be set to the PDF's leading.
import { readFileSync } from "node:fs";

const cache = new Map<string, number>();

/** (winAscent + winDescent) / unitsPerEm from the OS/2 and head tables; 1.2 when they cannot be read. */
export function naturalLineHeight(path: string): number {
  let ratio = cache.get(path);
  if (ratio === undefined) {
    ratio = 1.2;
    try {
      const bytes = readFileSync(path);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const tables = new Map<string, number>();
      const count = view.getUint16(4);
      for (let i = 0; i < count; i++) {
        const record = 12 + 16 * i;
        tables.set(bytes.toString("latin1", record, record + 4), view.getUint32(record + 8));
      }
      const head = tables.get("head");
      const os2 = tables.get("OS/2");
      if (head !== undefined && os2 !== undefined) {
        const unitsPerEm = view.getUint16(head + 18);
        const height = view.getUint16(os2 + 74) + view.getUint16(os2 + 76);
        if (unitsPerEm > 0 && height > 0) ratio = height / unitsPerEm;
      }
    } catch {
      // A font that cannot be measured keeps the usual ratio; the theme loader has already checked it.
    }
    cache.set(path, ratio);
  }
  return ratio;
}
