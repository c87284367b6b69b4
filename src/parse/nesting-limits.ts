// How deep a meeting may nest: block quotes and lists in one another, and emphasis, strikethrough, links and
// brackets in one another. Beyond MAX_NESTING levels a document is refused with `nesting-too-deep` at the
// line where it goes too deep, by `check` and `build` alike; and a paragraph with more emphasis marks than
// its length allows (MAX_MARKS_BY_LENGTH) with `emphasis-too-dense` (issue 15: 2,000 nested ">" passed check and
// then overflowed the stack in build; 100 KB of them parsed for 77 s).
// Two passes. `scanNesting` reads the text before it is parsed, in one pass over the characters, because
// the parser's time grows with the square of the nesting (5,000 ">" on a line: 3 s; 10,000: 19 s); it
// sees nesting on one line and emphasis across a paragraph, and errs on the safe side only for nesting
// that is there. `treeNesting` then measures the parsed tree exactly (lists nested by indentation too),
// so that the renderers, which walk the tree recursively, never get a deeper one.
import type { Nodes, Root } from "mdast";

/** Levels of block quotes and lists, and levels of emphasis, links and brackets. */
export const MAX_NESTING = 40;

/**
 * Emphasis marks × characters in one paragraph. micromark pairs emphasis by walking back and splicing the
 * paragraph's event list, once per pair: 25,000 × "*a* " (100 KB) took 3.9 s, 50,000 took 13.6 s. At
 * 20 million (a 20,000-character paragraph with 1,000 marks) a paragraph parses in about 15 ms.
 */
export const MAX_MARKS_BY_LENGTH = 20_000_000;

export type NestingProblem =
  | { line: number; column: number; kind: "block" | "inline" }
  | { line: number; column: number; kind: "dense"; marks: number; length: number; allowed: number };

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
  let inline = new InlineDepth(first + 1);
  /** Ends the paragraph being read: its marks for its length. */
  const next = (line: number): NestingProblem | undefined => {
    const dense = inline.density();
    inline = new InlineDepth(line);
    return dense;
  };
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
      const column = at + spaces + 1;
      if (c === ">") {
        at += spaces + 1;
      } else if (
        (c === "-" || c === "+" || c === "*") &&
        /^[ \t]|^$/.test(line.slice(at + spaces + 1, at + spaces + 2)) &&
        !thematicBreak.test(line.slice(at + spaces))
      ) {
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
        if (!inFence) return { line: i + 1, column, kind: "block" };
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
      const dense = next(i + 2);
      if (dense) return dense;
      continue;
    }
    if (!content) {
      inTable = false;
      const dense = next(i + 2);
      if (dense) return dense;
      previousHadPipe = false;
      continue;
    }
    // A list item, a heading and a table row each start text of their own.
    const heading = /^#{1,6}(?:[ \t]|$)/.test(content);
    if (newItem || heading) {
      const dense = next(i + 1);
      if (dense) return dense;
    }
    if (!inTable && previousHadPipe && tableDelimiterRow.test(content)) inTable = true;
    previousHadPipe = content.includes("|");
    const column = inline.scan(content, line.length - content.length);
    if (column !== undefined) return { line: i + 1, column, kind: "inline" };
    // Emphasis and links never span the rows (or cells) of a table, nor leave a heading.
    if (inTable || heading) {
      const dense = next(i + 2);
      if (dense) return dense;
    }
  }
  return inline.density();
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
  private marks = 0;
  private length = 0;

  /** `line`: where the paragraph starts. */
  constructor(private readonly line: number) {}

  /** The paragraph's marks for its length, when they are past the limit. */
  density(): NestingProblem | undefined {
    if (this.marks * this.length <= MAX_MARKS_BY_LENGTH) return undefined;
    return {
      line: this.line,
      column: 1,
      kind: "dense",
      marks: this.marks,
      length: this.length,
      allowed: Math.floor(MAX_MARKS_BY_LENGTH / this.length),
    };
  }

  /** The 1-based column where the depth passes the limit, if it does on this line. */
  scan(content: string, offset: number): number | undefined {
    this.length += content.length + 1;
    // Lengths of backtick runs with no run of the same length after them on this line (so not code).
    const unclosed = new Set<number>();
    for (let i = 0; i < content.length; i++) {
      const c = content[i]!;
      if (c === "\\") {
        i++;
        continue;
      }
      if (c === "`") {
        // A code span holds no marks: skip to the run of as many backticks that closes it, if the line
        // has one. Each length is looked for until it is missing once, so the line is read a few times at most.
        let end = i;
        while (content[end + 1] === "`") end++;
        const run = end - i + 1;
        const close = run <= 32 && !unclosed.has(run) ? closingRun(content, end + 1, run) : -1;
        if (close < 0) unclosed.add(run);
        i = close < 0 ? end : close + run - 1;
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
      // An underscore inside a word (snake_case) neither opens nor closes.
      const inWord = c === "_" && word(before) && word(after);
      const canClose = !inWord && before !== undefined && !/\s/.test(before);
      const canOpen = !inWord && after !== undefined && !/\s/.test(after);
      if (canOpen || canClose) this.marks++;
      if (canClose && this.close(c)) {
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
    if ("children" in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, block: b, inline: n });
  }
  return undefined;
}

/** Where the next run of exactly `run` backticks starts at or after `from`, or -1. */
function closingRun(content: string, from: number, run: number): number {
  for (let i = content.indexOf("`", from); i >= 0; i = content.indexOf("`", i)) {
    let end = i;
    while (content[end + 1] === "`") end++;
    if (end - i + 1 === run) return i;
    i = end + 1;
  }
  return -1;
}
