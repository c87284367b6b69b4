// Draws a bulleted, numbered or task list, nested to any depth: labels hang left of the item text, and
// indentation stops growing past styles.list.maxDepth so deep nesting never squeezes the text away.
import { bulletAt, itemLabels } from "../../layout/list-marks.js";
import type { Block } from "../../model/minutes.js";
import type { BlockContext } from "./block-context.js";
import { breakLines } from "./line-breaker.js";
import type { PageWriter } from "./page-writer.js";
import { textRuns } from "./text-runs.js";

type ListBlock = Extract<Block, { type: "list" }>;

/** `drawBlocks` draws each item's blocks (blocks.ts passes itself, which draws lists through this). */
export function drawList(
  w: PageWriter,
  list: ListBlock,
  ctx: BlockContext,
  drawBlocks: (w: PageWriter, blocks: Block[], ctx: BlockContext) => void,
): void {
  const { styles } = w;
  const tag = w.tag("L", ctx.parent);
  const labels = itemLabels(list).map((label) => label ?? bulletAt(ctx.depth));
  const labelStyle = { ...ctx.text, italic: false };
  const lines = labels.map((text) => breakLines(textRuns(text, labelStyle), 1000, w.fonts)[0]!);
  const widest = lines.reduce((m, l) => Math.max(m, l.width), 0);
  const hang = Math.max(styles.list.indent, widest + styles.list.labelGap);
  const indent = ctx.depth < styles.list.maxDepth ? hang : 0;
  const x = ctx.x + indent;
  const width = Math.max(ctx.width - indent, 40);

  list.items.forEach((item, i) => {
    if (i > 0) w.gap(styles.space.listItem);
    const li = w.tag("LI", tag);
    const lbl = w.tag("Lbl", li);
    const body = w.tag("LBody", li);
    const line = lines[i]!;
    // Labels end just before the text ("9." and "10." line up on the dot); a wide gap would make text
    // extraction read the labels as a column of their own.
    const labelX = x - styles.list.labelGap - line.width;
    drawBlocks(w, item.children, {
      ...ctx,
      x,
      width,
      parent: body,
      depth: ctx.depth + 1,
      tight: true,
      label: { line, x: labelX, tag: lbl },
    });
    w.end(li);
  });
  w.end(tag);
}
