// The source lines of a decision's paragraphs and what each says: part of the decision's text, or its vote
// (a "Vote:" line, named votes, unanimity, a line of counts). Shared by the decisions section's reader
// (decisions.ts) and the reader of resolutions in the discussion (resolutions.ts).
import { inlineText, type Block, type Inline, type Span } from "../model/minutes.js";
import {
  afterVoteLabel,
  countLine,
  readNamedLine,
  readVote,
  readVoteTally,
  unanimityLine,
  type VoteReading,
} from "./vote-line.js";

export type Paragraph = Extract<Block, { type: "paragraph" }>;

/** A source line of a paragraph: its text with the Markdown marks that do not change the words taken out. */
export interface Line {
  text: string;
  place: Span | undefined;
}

/**
 * The source lines of a paragraph (the model joins a paragraph's lines into one text, so the lines are
 * read from the source): list markers, quote marks, indentation and emphasis marks left out.
 */
export function linesOf(block: Paragraph, source: readonly string[]): Line[] {
  const start = block.position?.start;
  const end = block.position?.end;
  if (!start || !end) return [{ text: inlineText(block.children).trim(), place: undefined }];
  const out: Line[] = [];
  for (let line = start.line; line <= end.line; line++) {
    const raw = source[line - 1] ?? "";
    const from = line === start.line ? start.column - 1 : raw.length - raw.replace(/^[\s>]+/, "").length;
    const text = raw
      .slice(from)
      .replace(/[*_`]+/g, "")
      .replace(/\\$/, "")
      .trim();
    out.push({ text, place: { start: { line, column: from + 1 }, end: { line, column: raw.length + 1 } } });
  }
  return out;
}

/** Whether a line is (part of) a vote, and what it says. */
export function voteOf(line: string): { reading?: VoteReading } | undefined {
  const after = afterVoteLabel(line);
  if (after !== undefined) {
    const reading = readVote(after) ?? readVoteTally(after);
    return reading ? { reading } : {};
  }
  const named = readNamedLine(line);
  if (named) {
    const reading: VoteReading = { named: { for: [], against: [], abstentions: [] } };
    reading.named[named.kind].push(...named.names);
    if (named.count !== undefined) reading[named.kind] = named.count;
    return { reading };
  }
  if (unanimityLine(line)) return { reading: readVote(line)! };
  const counts = countLine(line);
  return counts ? { reading: counts } : undefined;
}

/** The inline content before the text `needle` begins (where a vote line starts inside a paragraph). */
export function cutBefore(inlines: Inline[], needle: string): Inline[] {
  const probe = needle.slice(0, 12);
  const out: Inline[] = [];
  for (const node of inlines) {
    if (node.type === "text") {
      const at = node.value.indexOf(probe);
      if (at >= 0) {
        if (at > 0) out.push({ type: "text", value: node.value.slice(0, at) });
        return out;
      }
    } else if (node.type !== "break" && inlineText([node]).trim().startsWith(probe.slice(0, 4))) return out;
    out.push(node);
  }
  return out;
}

export interface Draft {
  paragraphs: Paragraph[];
  position?: Span;
  /** A resolution line of the discussion ("RESOLVED: …"): its label is not part of the decision's text. */
  labelled?: boolean;
}

export const paragraphsOf = (blocks: Block[]): Paragraph[] =>
  blocks.flatMap((b) =>
    b.type === "paragraph" ? [b] : b.type === "list" ? b.items.flatMap((i) => paragraphsOf(i.children)) : [],
  );
