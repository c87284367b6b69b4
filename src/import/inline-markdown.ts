// Word runs as Markdown inline text: bold, italic, strike-through, code, links, footnote references, images
// and (with --keep-comments) comments; characters Markdown would read as syntax escaped. No-break spaces
// (which Word and our own French typography put before ":" and inside « ») become plain spaces: the build
// puts them back for French.
import type { WordInline, WordRun } from "./word-model.js";

export interface InlineContext {
  /** Where a table cell's line breaks go: "<br>" in cells, a Markdown hard break elsewhere. */
  inCell: boolean;
  keepComments: boolean;
  comments: Map<string, { author: string; text: string }>;
  /** Footnote ids referenced, in order of first use (numbered 1, 2… in the Markdown). */
  footnotes: string[];
  /** Package path of an image → the path the Markdown links to. */
  imagePath: (path: string) => string;
}

/** Plain text with Markdown's syntax characters escaped. */
export function escapeText(text: string, inCell: boolean): string {
  let out = text.replace(/[\\`*_[\]<>]/g, "\\$&").replace(/~~/g, "\\~\\~");
  if (inCell) out = out.replace(/\|/g, "\\|");
  return out;
}

/** Escapes what would open a block at the start of a line ("# ", "1. ", "- ", "> ", "|"). */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)(#{1,6}(?:\s|$)|[>+=]|-(?=\s|$)|\*(?=\s))/, "$1\\$2")
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*)(-{3,}|_{3,})\s*$/, "$1\\$2");
}

const space = (s: string): string => s.replace(/[\u00a0\u202f]/g, " ").replace(/\t/g, " ");

function wrap(inner: string, mark: string): string {
  // Markdown's emphasis may not start or end with a space: the spaces go outside the marks.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : inner;
}

function runMarkdown(run: WordRun, ctx: InlineContext): string {
  const raw = space(run.text);
  if (run.code)
    return raw.trim() ? raw.replace(/^(\s*)(.*?)(\s*)$/s, (_, a, b, c) => `${a}\`${b.replace(/`/g, "'")}\`${c}`) : raw;
  let out = escapeText(raw, ctx.inCell);
  if (run.strike) out = wrap(out, "~~");
  if (run.italic) out = wrap(out, "*");
  if (run.bold) out = wrap(out, "**");
  return out;
}

/** Inlines as one Markdown line (or lines joined by hard breaks). */
export function inlineMarkdown(inlines: readonly WordInline[], ctx: InlineContext): string {
  let out = "";
  let i = 0;
  while (i < inlines.length) {
    const node = inlines[i]!;
    if (node.type === "text" && node.link) {
      // A link spans the runs that share its address.
      const link = node.link;
      const parts: WordRun[] = [];
      while (i < inlines.length) {
        const n = inlines[i]!;
        if (n.type !== "text" || n.link !== link) break;
        parts.push(n);
        i++;
      }
      const label = parts.map((p) => runMarkdown(p, ctx)).join("");
      const url = link.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
      out += label.trim() === "" ? label : `[${label}](${url})`;
      continue;
    }
    i++;
    switch (node.type) {
      case "text":
        out += runMarkdown(node, ctx);
        break;
      case "break":
        out += ctx.inCell ? "<br>" : "\\\n";
        break;
      case "footnote": {
        let n = ctx.footnotes.indexOf(node.id);
        if (n < 0) n = ctx.footnotes.push(node.id) - 1;
        out += `[^${n + 1}]`;
        break;
      }
      case "comment": {
        const c = ctx.comments.get(node.id);
        if (ctx.keepComments && c?.text)
          out += ` <!-- comment${c.author ? ` (${c.author.replace(/--/g, "- -")})` : ""}: ${c.text.replace(/--/g, "- -")} -->`;
        break;
      }
      case "image":
        out += `![${escapeText(node.alt.replace(/\s+/g, " "), ctx.inCell)}](${ctx.imagePath(node.path)})`;
        break;
    }
  }
  // Bold runs next to each other ("**a****b**") read badly: joined.
  out = out.replace(/\*\*\*\*/g, "");
  // Hard breaks at the very end or doubled mean nothing in Markdown.
  return out.replace(/(?:\\\n|<br>)+$/g, "").replace(/^(?:\\\n|<br>)+/g, "");
}
