// Applies the fixes diagnostics carry to a file's text, and shows them as a unified diff. A fix replaces
// text within one line and never adds or removes a line, so the diff pairs line n with line n.
import type { TextEdit } from "./text-edit.js";

/** The text with the edits applied; edits that overlap an earlier one are left out. Lines end as they did. */
export function applyEdits(source: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const lines = source.split("\n");
  const applied: TextEdit[] = [];
  const sorted = [...edits]
    .filter((e) => e.line === e.endLine && e.line >= 1 && e.line <= lines.length)
    .sort((a, b) => a.line - b.line || a.column - b.column);
  // Apply from the end of each line, so earlier columns stay right.
  const byLine = new Map<number, TextEdit[]>();
  for (const edit of sorted) {
    const same = byLine.get(edit.line) ?? [];
    const previous = same[same.length - 1];
    if (previous && edit.column < previous.endColumn) continue;
    same.push(edit);
    byLine.set(edit.line, same);
    applied.push(edit);
  }
  for (const [line, list] of byLine) {
    let value = lines[line - 1]!;
    for (const edit of [...list].reverse())
      value = value.slice(0, edit.column - 1) + edit.text + value.slice(edit.endColumn - 1);
    lines[line - 1] = value;
  }
  return { text: lines.join("\n"), applied };
}

/** A unified diff (three lines of context) between two texts with the same number of lines. */
export function unifiedDiff(path: string, before: string, after: string): string {
  const a = before.split("\n");
  const b = after.split("\n");
  const changed = a.map((line, i) => line !== b[i]).flatMap((c, i) => (c ? [i] : []));
  if (changed.length === 0) return "";
  const context = 3;
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const last = hunks[hunks.length - 1];
    if (last && i - context <= last[1] + context) last[1] = i;
    else hunks.push([i, i]);
  }
  const show = (line: string) => line.replace(/\r$/, "");
  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const [first, last] of hunks) {
    const from = Math.max(0, first - context);
    const to = Math.min(a.length - 1, last + context);
    const body: string[] = [];
    for (let i = from; i <= to; i++) {
      if (a[i] === b[i]) body.push(` ${show(a[i]!)}`);
      else body.push(`-${show(a[i]!)}`);
      if (a[i] !== b[i]) body.push(`+${show(b[i]!)}`);
    }
    // Removed lines first, then added ones, within each run of changes, as diff(1) prints them.
    const ordered: string[] = [];
    for (let k = 0; k < body.length; ) {
      if (body[k]!.startsWith(" ")) ordered.push(body[k++]!);
      else {
        const minus: string[] = [];
        const plus: string[] = [];
        while (k < body.length && !body[k]!.startsWith(" ")) (body[k]!.startsWith("-") ? minus : plus).push(body[k++]!);
        ordered.push(...minus, ...plus);
      }
    }
    const count = to - from + 1;
    out += `@@ -${from + 1},${count} +${from + 1},${count} @@\n${ordered.join("\n")}\n`;
  }
  return out;
}
