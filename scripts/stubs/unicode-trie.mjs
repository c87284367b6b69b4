// unicode-trie for fontkit and unicode-properties, inflated on first use (see scripts/dependency-patches.mjs): their
// modules build a trie of Unicode data when they load (fontkit's for the Arabic, Indic and universal shapers,
// which Latin text never reaches), and each inflates its compressed data then. They only call get().
// The data is inflated by Node's zlib, not by unicode-trie's tiny-inflate (JavaScript): the same raw DEFLATE
// streams give the same bytes, and unicode-properties' trie (read by every new fontkit glyph, for `isMark`) takes
// about 1.4 ms instead of 16 ms of a cold start.
import { inflateRawSync } from "node:zlib";
import UnicodeTrie from "unicode-trie";

export default class LazyUnicodeTrie {
  #data;
  #trie;
  constructor(data) {
    this.#data = data;
  }
  get(codePoint) {
    this.#trie ??= inflated(this.#data);
    return this.#trie.get(codePoint);
  }
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The trie, from the data zlib inflated when it can, else as unicode-trie reads it. */
function inflated(data) {
  return new UnicodeTrie(natively(data) ?? data);
}

/**
 * unicode-trie's own reading of a serialised trie (a 12-byte header, then the data deflated twice, as 32-bit
 * little-endian words), with zlib doing the inflating; null for anything else, which unicode-trie reads itself.
 */
export function natively(data) {
  if (!(data instanceof Uint8Array) || data.length < 12 || !littleEndian) return null;
  const header = new DataView(data.buffer, data.byteOffset, 12);
  const length = header.getUint32(8, true);
  let bytes;
  try {
    bytes = inflateRawSync(inflateRawSync(data.subarray(12)));
  } catch {
    return null;
  }
  if (bytes.length !== length || length % 4 !== 0) return null;
  // A copy of its own, aligned for the 32-bit view (zlib's Buffer may sit at any offset of a shared one).
  const words = new Uint32Array(new Uint8Array(bytes).buffer);
  return { data: words, highStart: header.getUint32(0, true), errorValue: header.getUint32(4, true) };
}
