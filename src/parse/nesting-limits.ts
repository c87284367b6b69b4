// How deep a meeting may nest: block quotes and lists in one another, and emphasis, strikethrough, links and
// brackets in one another. Beyond MAX_NESTING levels a document is refused with `nesting-too-deep` at the
// line where it goes too deep, by `check` and `build` alike (issue 15: 2,000 nested ">" passed check and
// then overflowed the stack in build; 100 KB of them parsed for 77 s).
// Two passes. `scanNesting` reads the text before it is parsed, in one pass over the characters, because
// the parser's time grows with the square of the nesting (5,000 ">" on a line: 3 s; 10,000: 19 s); it
// sees nesting on one line and emphasis across a paragraph, and errs on the safe side only for nesting
// that is there. `treeNesting` then measures the parsed tree exactly (lists nested by indentation too),
// so that the renderers, which walk the tree recursively, never get a deeper one.
import type { Nodes, Root } from "mdast";

/** Levels of block quotes and lists, and levels of emphasis, links and brackets. */
export const MAX_NESTING = 40;

export interface NestingProblem {
  line: number;
  column: number;
  kind: "block" | "inline";
}

// A thematic break (* * *, - - -) is not a row of list markers.
const thematicBreak = /^(?:([-*_])[ \t]*){3,}$/;
const fence = /^(`{3,}|~{3,})/;
const tableDelimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export function scanNesting(text: string): NestingProblem | undefined {
  const lines = text.split("\n");
  let first = 0;
  if (lines[0] === "---") {
    const end = lines.findIndex((l, i) => i > 0 && (l === "---" || l === "..."));
    if (end > 0) first = end + 1;
  }
  let inFence: string | undefined;
  let inTable = false;
  let previousHadPipe = false;
  let inline = new InlineDepth();
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    // The container markers that open the line: ">", "-", "+", "*", "1." "1)".
    let at = 0;
    let depth = 0;
    let newItem = false;
    for (;;) {
      let spaces = 0;
      while (spaces < 4 && (line[at + spaces] === " " || line[at + spaces] === "\t")) spaces++;
      const c = line[at + spaces];
      if (c === ">") {
        at += spaces + 1;
      } else if ((c === "-" || c === "+" || c === "*") && /^[ \t]|^$/.test(line.slice(at + spaces + 1, at + spaces + 2)) && !thematicBreak.test(line.slice(at + spaces))) {
        at += spaces + 1;
        newItem = true;
      } else {
        const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(at + spaces, at + spaces + 11));
        if (!ordered) break;
        at += spaces + ordered[0].length;
        newItem = true;
      }
      depth++;
      if (depth > MAX_NESTING) {
        if (!inFence) return { line: i + 1, column: at, kind: "block" };
        break;
      }
    }
    const content = line.slice(at).replace(/^[ \t]+/, "");
    if (inFence) {
      if (content.startsWith(inFence) && /^[`~]+[ \t]*$/.test(content)) inFence = undefined;
      continue;
    }
    const opening = fence.exec(content);
    if (opening) {
      inFence = opening[1]!;
      inline = new InlineDepth();
      continue;
    }
    if (!content) {
      inTable = false;
      inline = new InlineDepth();
      previousHadPipe = false;
      continue;
    }
    // A list item, a heading and a table row each start text of their own.
    const heading = /^#{1,6}(?:[ \t]|$)/.test(content);
    if (newItem || heading) inline = new InlineDepth();
    if (!inTable && previousHadPipe && tableDelimiterRow.test(content)) inTable = true;
    previousHadPipe = content.includes("|");
    const column = inline.scan(content, line.length - content.length);
    if (column !== undefined) return { line: i + 1, column, kind: "inline" };
    // Emphasis and links never span the rows (or cells) of a table, nor leave a heading.
    if (inTable || heading) inline = new InlineDepth();
  }
  return undefined;
}

/**
 * Openers of emphasis (*, _), strikethrough (~) and brackets ([, ![) not yet closed in a paragraph, as
 * CommonMark pairs them roughly: a run that touches text on its right opens, one that touches text on its
 * left closes the last opener of its kind. A run of n stars opens up to n / 2 levels (*** is strong
 * emphasis inside emphasis).
 */
class InlineDepth {
  private readonly open: { mark: string; levels: number }[] = [];
  private depth = 0;

  /** The 1-based column where the depth passes the limit, if it does on this line. */
  scan(content: string, offset: number): number | undefined {
    for (let i = 0; i < content.length; i++) {
      const c = content[i]!;
      if (c === "\\") {
        i++;
        continue;
      }
      if (c === "[" || (c === "!" && content[i + 1] === "[")) {
        if (c === "!") i++;
        if (this.push("[", 1)) return offset + i + 1;
        continue;
      }
      if (c === "]") {
        this.close("[");
        continue;
      }
      if (c !== "*" && c !== "_" && c !== "~") continue;
      let end = i;
      while (content[end + 1] === c) end++;
      const before = content[i - 1];
      const after = content[end + 1];
      const word = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
      const canClose = before !== undefined && !/\s/.test(before);
      const canOpen = after !== undefined && !/\s/.test(after) && !(c === "_" && word(before) && word(after));
      if (canClose && !(c === "_" && word(before) && word(after)) && this.close(c)) {
        i = end;
        continue;
      }
      if (canOpen && this.push(c, c === "~" ? 1 : Math.ceil((end - i + 1) / 2))) return offset + i + 1;
      i = end;
    }
    return undefined;
  }

  /** Opens `levels` levels; true when that goes past the limit. */
  private push(mark: string, levels: number): boolean {
    this.open.push({ mark, levels });
    this.depth += levels;
    return this.depth > MAX_NESTING;
  }

  /** Closes the last opener if it is of this kind; true if it did. */
  private close(mark: string): boolean {
    const last = this.open[this.open.length - 1];
    if (last?.mark !== mark) return false;
    this.open.pop();
    this.depth -= last.levels;
    return true;
  }
}

const blockNodes = new Set(["blockquote", "list"]);
const inlineNodes = new Set(["emphasis", "strong", "delete", "link", "linkReference"]);

/** The first node of the tree nested deeper than the limit, found without recursion. */
export function treeNesting(tree: Root): NestingProblem | undefined {
  const stack: { node: Nodes; block: number; inline: number }[] = [{ node: tree, block: 0, inline: 0 }];
  while (stack.length) {
    const { node, block, inline } = stack.pop()!;
    const b = block + (blockNodes.has(node.type) ? 1 : 0);
    const n = inline + (inlineNodes.has(node.type) ? 1 : 0);
    if (b > MAX_NESTING || n > MAX_NESTING) {
      const start = node.position?.start;
      return { line: start?.line ?? 1, column: start?.column ?? 1, kind: b > MAX_NESTING ? "block" : "inline" };
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, block: b, inline: n });
  }
  return undefined;
}
