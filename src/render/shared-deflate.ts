// Deflated parts that different meetings really share (a theme's styles and numbering definitions, the package's
// relationships and settings, Word's theme part): compressed once per process and kept, keyed by the exact input
// text, so a later meeting gets the very bytes zlib gives for that input. A batch builds hundreds of documents in
// one worker; each part deflated anew cost a zlib stream's set-up (about 35 µs) plus its compression, 1–2 ms a
// meeting. A meeting's own parts (its body, its core properties) are handed to the zip as bytes and never come
// here (normalise-package.ts). Bounded: a part longer than MAX_ENTRY characters is never kept, and the oldest
// entries go once the kept texts pass MAX_TOTAL characters, so distinct meetings do not grow the heap.
const MAX_ENTRY = 32 * 1024;
const MAX_TOTAL = 256 * 1024;

const kept = new Map<string, unknown>();
let total = 0;

/** `make(text)`, computed once per process for each exact `text` of at most MAX_ENTRY characters. */
export function sharedDeflate<T>(text: string, make: (text: string) => T): T {
  if (text.length > MAX_ENTRY) return make(text);
  if (kept.has(text)) {
    const value = kept.get(text) as T;
    // Most recently used last, so a part every meeting shares is never the one dropped.
    kept.delete(text);
    kept.set(text, value);
    return value;
  }
  const value = make(text);
  kept.set(text, value);
  total += text.length;
  for (const oldest of kept.keys()) {
    if (total <= MAX_TOTAL) break;
    kept.delete(oldest);
    total -= oldest.length;
  }
  return value;
}
