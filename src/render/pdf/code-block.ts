// Draws a fenced code block in the mono face on a light fill, keeping indentation; long lines wrap,
// and the fill is drawn line by line so a block that crosses a page is filled on both pages.
import { breakLines } from "./line-breaker.js";
import type { BlockContext } from "./block-context.js";
import type { PageWriter } from "./page-writer.js";
import { drawTextLine, lineBox } from "./text-line.js";
import { type Run, runStyle } from "./text-runs.js";

const NBSP = "\u00a0";

/** Indentation and runs of spaces as no-break spaces: the line breaker collapses ordinary spaces. */
function keepSpaces(line: string): string {
  return line
    .replace(/^ +/, (lead) => NBSP.repeat(lead.length))
    .replace(/ {2,}/g, (run) => " " + NBSP.repeat(run.length - 1));
}

export function drawCodeBlock(w: PageWriter, value: string, ctx: BlockContext): void {
  const { styles } = w;
  const style = styles.text.code;
  const { padX, padY } = styles.code;
  const tag = w.tag("Code", ctx.parent);
  const source = value.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").replace(/\n$/, "").split("\n");
  const codeStyle = { ...runStyle(style), font: "mono" as const };
  const lines = source.flatMap((text) => {
    const runs: Run[] = text ? [{ kind: "text", text: keepSpaces(text), style: codeStyle }] : [];
    const wrapped = breakLines(runs, ctx.width - 2 * padX, w.fonts);
    return wrapped.length ? wrapped : [{ segments: [], width: 0 }];
  });
  const box = lineBox(w, style);
  w.ensure(Math.min(lines.length, 2) * box.height + 2 * padY);
  lines.forEach((line, i) => {
    const before = i === 0 ? padY : 0;
    const height = box.height + before + (i === lines.length - 1 ? padY : 0);
    w.ensure(height);
    const top = w.y;
    w.artifact((doc) => doc.rect(ctx.x, top, ctx.width, height).fill(styles.colors.codeFill));
    drawTextLine(w, line, ctx.x + padX, top + before, box, tag);
    w.y = top + height;
  });
  w.end(tag);
}
