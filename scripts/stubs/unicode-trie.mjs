// unicode-trie for fontkit and unicode-properties, inflated on first use (see scripts/dependency-patches.mjs): their
// modules build a trie of Unicode data when they load (fontkit's for the Arabic, Indic and universal shapers,
// which Latin text never reaches), and each inflates its compressed data then. They only call get().
import UnicodeTrie from "unicode-trie";

export default class LazyUnicodeTrie {
  #data;
  #trie;
  constructor(data) {
    this.#data = data;
  }
  get(codePoint) {
    this.#trie ??= new UnicodeTrie(this.#data);
    return this.#trie.get(codePoint);
  }
}
