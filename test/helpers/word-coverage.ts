// How many words of a Markdown source survive in an output's text: the measure behind "never lose text".
/** Words of the Markdown source body (front matter keys and Markdown syntax aside). */
export function sourceWords(markdown: string): string[] {
  const body = markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
  return body
    .replace(/\{-\}/g, " ")
    .replace(/[#*>|`_[\]()]/g, " ")
    .split(/[\s\u00a0]+/)
    .map((w) => w.replace(/^[-:;,.!?«»"']+|[-:;,.!?«»"']+$/g, ""))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** The source words that the output text does not contain, neither as a word nor as a substring. */
export function missingWords(words: string[], text: string): string[] {
  const have = new Set(text.split(/[\s\u00a0\u202f]+/).map((w) => w.replace(/^[-:;,.!?«»"'’()]+|[-:;,.!?«»"'’()]+$/g, "")));
  return words.filter((w) => !have.has(w) && !text.includes(w));
}
