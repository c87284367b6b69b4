// Fixes on the front matter, as text edits at the YAML source: rename a key, rewrite a scalar value. Only
// one-line plain or quoted scalars are edited, so a fix never moves another line.
import { isMap, isPair, isScalar, type Scalar } from "yaml";
import type { TextEdit } from "../fix/text-edit.js";
import type { YamlSource } from "../yaml-source.js";

/** Renames the top-level key `key` to `replacement`. */
export function keyEdit(source: YamlSource, key: string, replacement: string): TextEdit | undefined {
  const contents = source.doc.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? scalarEdit(source, pair.key, replacement) : undefined;
}

/** Replaces the scalar value at `path` (quotes included) by `replacement`, written plain. */
export function valueEdit(source: YamlSource, path: (string | number)[], replacement: string): TextEdit | undefined {
  const node = source.doc.getIn(path, true);
  return isScalar(node) ? scalarEdit(source, node, replacement) : undefined;
}

function scalarEdit(source: YamlSource, node: Scalar, replacement: string): TextEdit | undefined {
  const range = node.range;
  if (!range || /[\n\r]/.test(replacement)) return undefined;
  const start = source.at(range[0]);
  const end = source.at(range[1]);
  if (start.line !== end.line) return undefined;
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text: replacement };
}
