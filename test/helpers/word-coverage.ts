// How many words of a Markdown source survive in an output's text: the measure behind "never lose text".
import { actionColumn, meetingPart, sectionKind } from "../../src/parse/section-labels.js";

/** A label the output prints as its own, localised label ("Asistentes", "Owner"): its words are translated, not lost. */
export const isOutputLabel = (text: string): boolean =>
  sectionKind(text) !== undefined ||
  meetingPart(text) !== undefined ||
  (text.length < 30 && actionColumn(text) !== undefined);

/** Words of the Markdown source body (front matter keys and Markdown syntax aside). */
export function sourceWords(markdown: string): string[] {
  const body = markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
  return body
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/gi, " ")
    .replace(/&(?:nbsp|amp|mdash|ndash|lt|gt|quot);/g, " ")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\]\([^)\s]*\)/g, "]")
    .replace(/\{-\}/g, " ")
    .replace(/[#*<>|`_[\]()]/g, " ")
    .split(/[\s\u00a0]+/)
    .map((w) => w.replace(/^[-:;,.!?«»"']+|[-:;,.!?«»"']+$/g, ""))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** The source words that the output text does not contain, neither as a word nor as a substring. */
export function missingWords(words: string[], text: string): string[] {
  const have = new Set(
    text.split(/[\s\u00a0\u202f]+/).map((w) => w.replace(/^[-:;,.!?«»"'’()]+|[-:;,.!?«»"'’()]+$/g, "")),
  );
  return words.filter((w) => !have.has(w) && !text.includes(w));
}

/**
 * The source without the labels that the output replaces with its own localised labels: a line that
 * is only a section or header label ("## Present", "**Acuerdos**"), the "Label:" of a "Label: value"
 * line, and an action table's header row. Those words are translated, not lost.
 */
export function withoutLabels(markdown: string, isLabel: (text: string) => boolean): string {
  const plain = (s: string) => s.replace(/^[\s#>*_-]+|[\s*_:]+$/g, "").replace(/[*_]/g, "");
  return markdown
    .split(/\r?\n/)
    .map((line) => {
      if (isLabel(plain(line))) return "";
      const cells = line.split("|").map(plain).filter(Boolean);
      if (line.includes("|") && cells.length >= 2 && cells.filter(isLabel).length >= 2)
        return cells.filter((c) => !isLabel(c)).join(" ");
      const labelled = /^([\s*_]*)([^:]{2,40}?)([\s*_]*:[\s*_]*)(.*)$/.exec(line);
      if (labelled && isLabel(plain(labelled[2]!))) return labelled[4]!;
      return line;
    })
    .join("\n");
}

/**
 * How many of `words` come out in the same order in `text`'s words: the longest common subsequence of the
 * two word lists (punctuation at a word's ends aside), as a share of `words`. 1 when all of them do.
 */
export function inOrderShare(words: string[], text: string): number {
  const trim = (w: string) => w.replace(/^[-:;,.!?«»"'’()]+|[-:;,.!?«»"'’()]+$/g, "");
  const a = words.map(trim).filter(Boolean);
  const b = text
    .split(/[\s\u00a0\u202f]+/)
    .map(trim)
    .filter(Boolean);
  let previous = new Uint32Array(b.length + 1);
  for (const word of a) {
    const row = new Uint32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++)
      row[j] = word === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return a.length ? previous[b.length]! / a.length : 1;
}
