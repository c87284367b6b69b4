// Markdown text → mdast, in pieces: the tree is exactly the one a parse of the whole text gives (positions
// included), but a long meeting is parsed one part at a time, so micromark's event list, which holds every
// token of what it parses until the tree is made, never spans the whole document (issue 19: 257 KB parsed
// whole kept 250–400 MB alive and took twice as long, most of it in the garbage collector).
//
// A piece starts at an ATX heading (`#` … `######`) in column 1 that the parser certainly reads as a new
// top-level block: not inside a fenced code block or an HTML block. Such a line closes every open paragraph,
// list, block quote and table, so what comes before it never reaches past it, and what follows does not
// depend on what came before, except for what is document-wide: link and footnote definitions (a text with
// `]:` anywhere is parsed whole). A line the scan cannot place for certain (an indented fence that may belong
// to a list item, a line that may open an HTML block) ends the scan: the rest is one piece.
// test/parse-markdown.property.test.ts compares both parses on generated documents and on every example.
// Each piece is parsed without the GFM constructs it cannot hold (IDLE_CONSTRUCTS), by parsers made once per process.
import type { Nodes, Root, RootContent } from "mdast";
import { fromMarkdown, type Options as FromMarkdownOptions } from "mdast-util-from-markdown";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]).freeze();
skipIdleAutolinkLiterals(processor.data("fromMarkdownExtensions"));

/**
 * Pieces shorter than this are joined to the next: each parse has a fixed cost. 8 KB while the parser was set
 * up anew for every parse; 1 KB since it is made once per process (and a short piece more often needs no table
 * or autolink): parseMarkdown's CPU time, 1 KB against 8 KB, 0.88 for the seed and 0.77–0.80 for the large
 * meeting (medians of 40 and 8 alternating rounds, twice; 512 B and 2 KB alike, 4 KB 0.88–0.99).
 */
const PIECE_LENGTH = 1024;

/**
 * The mdast of a whole document, as one parse of it gives it. `pieceLength`: the shortest piece (0 cuts at
 * every place it can, Infinity parses the text whole).
 */
export function parseMarkdown(text: string, pieceLength = PIECE_LENGTH): Root {
  const starts = pieceLength === Number.POSITIVE_INFINITY ? [0] : pieceStarts(text, pieceLength);
  if (starts.length === 1) return parseText(text);
  const children: RootContent[] = [];
  let root: Root | undefined;
  let line = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const next = starts[i + 1];
    // Each piece is parsed with the heading line that opens the next one: that line closes what is open
    // before it (a fence in a list item) as it does in the whole text; at the end of the text, the same
    // fence would take in the last line ending.
    const to = next === undefined ? text.length : lineEnd(text, next);
    const piece = parseText(text.slice(from, to));
    if (next !== undefined) {
      const heading = piece.children.pop();
      // Never seen; a check that the scan and the parser agree, with the whole parse as the answer if not.
      if (heading?.type !== "heading" || heading.position?.start.offset !== next - from) return parseText(text);
    }
    for (const node of piece.children) {
      if (from > 0) shift(node, line, from);
      children.push(node);
    }
    if (!root) root = piece;
    else if (next === undefined && piece.position && root.position) {
      const end = piece.position.end;
      root.position.end = { line: end.line + line, column: end.column, offset: (end.offset ?? 0) + from };
    }
    if (next !== undefined) line += countLines(text, from, next);
  }
  root!.children = children;
  return root!;
}

/** The offset just past the line that starts at `at` (its LF included). */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  return end < 0 ? text.length : end + 1;
}

/**
 * Offsets where the pieces start: 0, then lines that certainly open a top-level block and cannot be reached
 * by what precedes them, each at least `minLength` characters after the previous start (0 keeps them all).
 */
export function pieceStarts(text: string, minLength = 0): number[] {
  const starts = [0];
  // Definitions are document-wide ([x]: url, [^1]: note); a byte-order mark would hide the front matter's
  // fence; the scan reads lines ended by LF alone (parseMinutes makes them so).
  if (text.includes("]:") || text.includes("\r") || text.charCodeAt(0) === 0xfeff) return starts;
  let at = frontMatterEnd(text);
  if (at < 0) return starts;
  let fence: { mark: string; length: number } | undefined;
  while (at < text.length) {
    const next = text.indexOf("\n", at);
    const end = next < 0 ? text.length : next;
    const first = text[at];
    if (fence) {
      if (closesFence(text.slice(at, end), fence)) fence = undefined;
    } else if (first === "#") {
      if (ATX_HEADING.test(text.slice(at, Math.min(end, at + 8))) && at - starts[starts.length - 1]! >= minLength)
        starts.push(at);
    } else if (first === "`" || first === "~") {
      const opening = FENCE_OPENING.exec(text.slice(at, end));
      if (opening) fence = { mark: first, length: (opening[1] ?? opening[2])!.length };
    } else if (first === " " || first === "<") {
      // Up to three spaces: a fence or HTML block that may be top-level or in a list item; "<": HTML block
      // or not, which depends on the paragraph before. Four spaces or a tab: indented code or inside a
      // container, which the next heading in column 1 closes.
      const indented = /^ {0,3}([`~<])/.exec(text.slice(at, Math.min(end, at + 4)));
      if (indented?.[1] === "<" || (indented && FENCE_OPENING.test(text.slice(at, end).trimStart()))) break;
    }
    at = end + 1;
  }
  return starts;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A fence opening: backticks with no backtick after them, or tildes. */
const FENCE_OPENING = /^(`{3,})[^`]*$|^(~{3,})/;

function closesFence(line: string, fence: { mark: string; length: number }): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === fence.mark && match[1]!.length >= fence.length;
}

/**
 * Where the body starts: after the YAML front matter that micromark-extension-frontmatter reads, else 0; -1
 * for a fence on line 1 that nothing closes (the parser's attempt at it changes how the rest is read: a `>`
 * line further down becomes a paragraph).
 */
function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return 0;
  const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
  if (!close) return -1;
  const end = text.indexOf("\n", open[0].length + close.index);
  return end < 0 ? text.length : end + 1;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** Moves a piece's positions to where the piece sits in the document (its columns are the document's). */
function shift(tree: Nodes, lines: number, offset: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const place = node.position;
    if (place) {
      place.start.line += lines;
      place.end.line += lines;
      if (place.start.offset !== undefined) place.start.offset += offset;
      if (place.end.offset !== undefined) place.end.offset += offset;
    }
    if ("children" in node) for (const child of node.children) stack.push(child);
  }
}

/**
 * GFM's literal autolinks (www.example.com, https://…, ana@example.org) are found after the parse, by four
 * walks of the whole tree (mdast-util-find-and-replace: one per pattern, each visit renaming a function),
 * 15 % of the large meeting's parse, which has none. Every pattern needs `@`, `www.` or `http(s)://` in a
 * text node outside a link: a tree with no such text node is left alone, as the walks would leave it.
 */
function skipIdleAutolinkLiterals(extensions: unknown): void {
  const all = [extensions].flat(Number.POSITIVE_INFINITY) as {
    enter?: Record<string, unknown>;
    transforms?: ((tree: Root) => Root | undefined)[];
  }[];
  for (const extension of all) {
    if (!extension?.enter?.literalAutolink || !extension.transforms) continue;
    extension.transforms = extension.transforms.map(
      (transform) => (tree: Root) => (mayHoldAutolinkLiteral(tree) ? transform(tree) : undefined),
    );
  }
}

const AUTOLINK_LITERAL = /https?:\/\/|www\./i;

function mayHoldAutolinkLiteral(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "text") {
      if (node.value.includes("@") || AUTOLINK_LITERAL.test(node.value)) return true;
    } else if ("children" in node && node.type !== "link" && node.type !== "linkReference")
      for (const child of node.children) stack.push(child);
  }
  return false;
}

type Construct = { name?: string };
type ConstructRecord = Record<string, Construct | Construct[] | undefined>;
type SyntaxExtension = Record<string, ConstructRecord | undefined>;

/**
 * GFM constructs that cannot succeed on a text without a given mark, with the test for that mark. micromark
 * tries each construct of a character wherever that character may start one: the email autolink at the start
 * of every word (its characters are every ASCII letter and digit), the table at the start of every flow line.
 * A construct that fails leaves no trace (micromark restores its state; GFM's table resets `interrupt` before
 * it can fail on the next line), so a parser without the ones whose mark is absent gives the same events, but
 * for `data` tokens cut at fewer places, which micromark's text resolver joins into the same tokens anyway.
 * - email autolink: consumes an `@` before it can succeed;
 * - www autolink: `www.` (any case);
 * - protocol autolink: `http:` or `https:` (any case);
 * - table: a delimiter row, a line of `|`, `:`, `-`, spaces and tabs with a `|` or a `:` (micromark-extension-
 *   gfm-table's `seen`; `a\n:-` is a table), after the prefixes of block quotes and list items.
 */
const IDLE_CONSTRUCTS: { name: string; needs: (text: string) => boolean }[] = [
  { name: "emailAutolink", needs: (text) => text.includes("@") },
  { name: "wwwAutolink", needs: (text) => /www\./i.test(text) },
  { name: "protocolAutolink", needs: (text) => /https?:/i.test(text) },
  { name: "table", needs: (text) => /^[ \t>]*[ \t|:-]*[|:][ \t|:-]*$/m.test(text) },
];

/** The parser's options for each set of idle constructs left out (a bit each), made once per process. */
const parserOptions = new Map<number, FromMarkdownOptions>();

/** The GFM constructs a parse of `text` leaves out (none can succeed on it), a bit each. */
function idleBits(text: string): number {
  let idle = 0;
  for (let i = 0; i < IDLE_CONSTRUCTS.length; i++) if (!IDLE_CONSTRUCTS[i]!.needs(text)) idle |= 1 << i;
  return idle;
}

const namesOf = (idle: number): string[] => IDLE_CONSTRUCTS.filter((_, i) => idle & (1 << i)).map((c) => c.name);

/** The names of the GFM constructs a parse of `text` leaves out (none can succeed on it). */
export function idleConstructs(text: string): string[] {
  return namesOf(idleBits(text));
}

/** One parse, by the parser made for what the text may hold (mdast-util-from-markdown, as remark-parse calls it). */
function parseText(text: string): Root {
  const idle = idleBits(text);
  let options = parserOptions.get(idle);
  if (!options) {
    const names = new Set(namesOf(idle));
    const extensions = processor.data("micromarkExtensions") as SyntaxExtension[];
    options = {
      extensions: extensions.map((extension) => withoutConstructs(extension, names)),
      mdastExtensions: processor.data("fromMarkdownExtensions"),
    } as FromMarkdownOptions;
    parserOptions.set(idle, options);
  }
  return fromMarkdown(text, options);
}

/** A syntax extension without the named constructs in its `text` and `flow` hooks (the rest shared). */
function withoutConstructs(extension: SyntaxExtension, names: Set<string>): SyntaxExtension {
  const result: SyntaxExtension = { ...extension };
  for (const hook of ["text", "flow"]) {
    const record = extension[hook];
    if (!record) continue;
    const kept: ConstructRecord = {};
    for (const [code, value] of Object.entries(record)) {
      const list = [value ?? []].flat().filter((construct) => !names.has(construct.name ?? ""));
      if (list.length > 0) kept[code] = list;
    }
    result[hook] = kept;
  }
  return result;
}
