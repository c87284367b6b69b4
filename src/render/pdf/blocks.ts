// Draws the model's blocks (paragraphs, headings, lists, quotes, tables, code, breaks) in a column of the
// page, each tagged with its structure element under the caller's parent.
import type { Block } from "../../model/minutes.js";
import type { BlockContext } from "./block-context.js";
import { drawCodeBlock } from "./code-block.js";
import { drawList } from "./list-block.js";
import { drawMarkdownTable } from "./markdown-table.js";
import type { PageWriter, Tag } from "./page-writer.js";
import { drawLines, drawParagraph } from "./paragraph.js";
import { inlineRuns } from "./text-runs.js";

/** The full width of the page body, directly under `parent` (the document unless given). */
export function bodyContext(w: PageWriter, parent: Tag = w.root): BlockContext {
  return { x: w.left, width: w.width, parent, depth: 0, text: w.styles.text.body, tight: false, label: null };
}

export function drawBlocks(w: PageWriter, blocks: Block[], ctx: BlockContext): void {
  let label = ctx.label;
  blocks.forEach((block, i) => {
    const takesLabel = block.type === "paragraph" || block.type === "heading";
    if (label && !takesLabel) {
      // The item starts with something that has no first line of text: give the label a line of its own.
      drawLines(w, [], { x: ctx.x, width: ctx.width, style: ctx.text, tag: ctx.parent, label });
      label = null;
    }
    drawBlock(w, block, { ...ctx, label: takesLabel ? label : null });
    label = null;
    if (i < blocks.length - 1) w.gap(gapAfter(w, block, ctx));
  });
  if (label) drawLines(w, [], { x: ctx.x, width: ctx.width, style: ctx.text, tag: ctx.parent, label });
}

function gapAfter(w: PageWriter, block: Block, ctx: BlockContext): number {
  const { space } = w.styles;
  if (block.type === "heading") return space.listItem;
  if (block.type === "table" || block.type === "code") return space.blockAfter;
  return ctx.tight ? space.listItem : space.paragraph;
}

function drawBlock(w: PageWriter, block: Block, ctx: BlockContext): void {
  const { styles } = w;
  switch (block.type) {
    case "paragraph": {
      const tag = w.tag("P", ctx.parent);
      const label = ctx.label ? { label: ctx.label } : {};
      drawParagraph(w, inlineRuns(block.children, ctx.text, styles), {
        x: ctx.x,
        width: ctx.width,
        style: ctx.text,
        tag,
        ...label,
      });
      w.end(tag);
      return;
    }
    case "heading": {
      const level = Math.max(1, Math.floor(block.level) || 1);
      const style = styles.text.subheadings[Math.min(level, styles.text.subheadings.length) - 1]!;
      const tag = w.tag(`H${Math.min(level + 3, 6)}`, ctx.parent);
      w.gap(styles.space.sectionBefore - styles.space.paragraph);
      const keepWithNext = 2 * ctx.text.size * ctx.text.leading;
      const label = ctx.label ? { label: ctx.label } : {};
      drawParagraph(w, inlineRuns(block.children, style, styles), {
        x: ctx.x,
        width: ctx.width,
        style,
        tag,
        keepWithNext,
        ...label,
      });
      w.end(tag);
      return;
    }
    case "list":
      drawList(w, block, ctx, drawBlocks);
      return;
    case "blockquote": {
      const tag = w.tag("BlockQuote", ctx.parent);
      // Quotes in quotes stop moving right at half the column, as the DOCX does: 40 levels of 12 points
      // left no room, and the text vanished from the page.
      const indent = ctx.width - styles.quote.indent >= w.width / 2 ? styles.quote.indent : 0;
      w.pushRule(ctx.x + 1);
      const text = { ...ctx.text, color: styles.colors.muted, italic: true };
      drawBlocks(w, block.children, {
        ...ctx,
        x: ctx.x + indent,
        width: ctx.width - indent,
        parent: tag,
        text,
        label: null,
      });
      w.popRule();
      w.end(tag);
      return;
    }
    case "table":
      drawMarkdownTable(w, block, ctx);
      return;
    case "code":
      drawCodeBlock(w, block.value, ctx);
      return;
    case "thematicBreak": {
      w.ensure(styles.space.paragraph * 2);
      w.gap(styles.space.paragraph);
      const y = w.y;
      w.artifact((doc) => doc.rect(ctx.x, y, ctx.width, 0.75).fill(styles.colors.border));
      w.y += 0.75;
      w.gap(styles.space.paragraph);
      return;
    }
  }
}
