// Sets top-level keys of a Markdown file's YAML front matter and leaves every other byte as it was (the body,
// comments, the order and spelling of the other keys, line endings). A key written as a one-line scalar is
// rewritten in place by the text edits of `check --fix` (yaml-edits.ts, ../fix/apply-fixes.ts); a key written
// over several lines (a block map) is replaced by one line; a key not written yet is added as one line before
// the closing fence. Pure text in, text out: `minutes approve` (issue 22, part 5) reads and writes the file.
import { VFile } from "vfile";
import { isMap, isPair, isScalar } from "yaml";
import { applyEdits } from "../fix/apply-fixes.js";
import { text } from "../i18n/messages.js";
import { readYaml } from "../yaml-source.js";
import { valueEdit } from "./yaml-edits.js";

const isFence = (line: string, i: number): boolean => i > 0 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(line);

/** The file's text with each key set to its value (written as given: a YAML scalar or flow value); undefined without front matter. */
export function setFrontMatterKeys(source: string, values: Record<string, string>): string | undefined {
  // A file written with CRLF is edited as LF and given its CRLF back.
  const crlf = /^---[ \t]*\r\n/.test(source);
  let current = crlf ? source.replace(/\r\n/g, "\n") : source;
  for (const [key, value] of Object.entries(values)) {
    const next = setKey(current, key, value);
    if (next === undefined) return undefined;
    current = next;
  }
  return crlf ? current.replace(/\n/g, "\r\n") : current;
}

function setKey(source: string, key: string, value: string): string | undefined {
  const lines = source.split("\n");
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? "")) return undefined;
  const close = lines.findIndex(isFence);
  if (close < 0) return undefined;
  const yaml = readYaml(lines.slice(1, close).join("\n"), new VFile(), {
    lineOffset: 1,
    rule: "front-matter",
    what: text("yaml.what.front-matter"),
  });
  if (!yaml || !isMap(yaml.doc.contents)) return undefined;
  const pair = yaml.doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key)) {
    lines.splice(close, 0, `${key}: ${value}`);
    return lines.join("\n");
  }
  const edit = isScalar(pair.value) ? valueEdit(yaml, [key], value) : undefined;
  if (edit) return applyEdits(source, [edit]).text;
  // A value over several lines (or an empty one): the key's line and the lines of its value become one line.
  const keyLine = yaml.at(pair.key.range?.[0]).line;
  const range = (pair.value as { range?: [number, number, number] } | null)?.range;
  const end = range ? yaml.at(range[1]) : undefined;
  const last = end ? Math.min(close, end.column === 1 && end.line > keyLine ? end.line - 1 : end.line) : keyLine;
  lines.splice(keyLine - 1, last - keyLine + 1, `${key}: ${value}`);
  return lines.join("\n");
}
