// Flows runs as a paragraph down the page: wraps them, breaks pages between lines, draws an optional list
// label beside the first line, and keeps the first lines together (and headings with what follows).
import { breakLines, lineOffset, type TextLine } from "./line-breaker.js";
import type { PageWriter, Tag } from "./page-writer.js";
import type { TextStyle } from "./pdf-styles.js";
import { drawTextLine, lineBox } from "./text-line.js";
import type { Run } from "./text-runs.js";

export interface ParagraphOptions {
  x: number;
  width: number;
  style: TextStyle;
  tag: Tag;
  align?: "left" | "center" | "right";
  /** A list label set beside the first line, in its own structure element (Lbl). */
  label?: { line: TextLine; x: number; tag: Tag };
  /** Height that must follow on the same page (a heading asks for the first lines after it). */
  keepWithNext?: number;
  /** Called with the top of the first line once its page is known (an outline entry points there). */
  onFirstLine?: (top: number) => void;
}

export function drawParagraph(w: PageWriter, runs: Run[], options: ParagraphOptions): void {
  drawLines(w, breakLines(runs, options.width, w.fonts), options);
}

export function drawLines(w: PageWriter, lines: TextLine[], options: ParagraphOptions): void {
  const box = lineBox(w, options.style);
  const { label } = options;
  // An empty list item still shows its label.
  const shown = lines.length === 0 && label ? [{ segments: [], width: 0 }] : lines;
  if (shown.length === 0) return;
  // Two lines together at the top, so a paragraph never leaves a lone first line at a page bottom.
  const keep =
    Math.min(shown.length, options.keepWithNext ? shown.length : 2) * box.height + (options.keepWithNext ?? 0);
  w.ensure(Math.min(keep, w.pageHeight / 3));
  shown.forEach((line, i) => {
    w.ensure(box.height);
    if (i === 0) options.onFirstLine?.(w.y);
    if (i === 0 && label) drawTextLine(w, label.line, label.x, w.y, box, label.tag);
    drawTextLine(w, line, options.x + lineOffset(line, options.width, options.align), w.y, box, options.tag);
    w.y += box.height;
  });
}
