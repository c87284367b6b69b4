// Flattens inline content (bold, italic, strike, code, links, hard breaks) into styled runs of text.
// Runs carry everything needed to draw them; the line breaker only measures and cuts them.
import type { Inline } from "../../model/minutes.js";
import type { FaceKey } from "./font-book.js";
import { fontKey, type PdfStyles, type TextStyle } from "./pdf-styles.js";

export interface RunStyle {
  /** A theme face; after line breaking, the fallback face that draws the characters the theme's lack. */
  font: FaceKey;
  size: number;
  color: string;
  strike: boolean;
  underline: boolean;
  /** Inline code: drawn on a light fill. */
  code: boolean;
  /** Target of a link annotation, when the run is part of a link. */
  link: string | null;
}

export const sameStyle = (a: RunStyle, b: RunStyle): boolean =>
  a.font === b.font &&
  a.size === b.size &&
  a.color === b.color &&
  a.strike === b.strike &&
  a.underline === b.underline &&
  a.code === b.code &&
  a.link === b.link;

export type Run = { kind: "text"; text: string; style: RunStyle } | { kind: "break" };

interface Context {
  heading?: boolean | undefined;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  link: string | null;
}

export function runStyle(style: TextStyle): RunStyle {
  return {
    font: fontKey(style),
    size: style.size,
    color: style.color,
    strike: false,
    underline: false,
    code: false,
    link: null,
  };
}

/**
 * Plain text in one style. A newline inside model text is only source wrapping (hard breaks are their own
 * inline node), so it reads as a space, as in the DOCX.
 */
export function textRuns(text: string, style: TextStyle): Run[] {
  const flowed = text.replace(/\r\n?|\n/g, " ");
  return flowed ? [{ kind: "text", text: flowed, style: runStyle(style) }] : [];
}

export function inlineRuns(inlines: Inline[], base: TextStyle, styles: PdfStyles): Run[] {
  const runs: Run[] = [];
  const walk = (nodes: Inline[], ctx: Context): void => {
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          if (node.value) runs.push(...textRuns(node.value, base).map((r) => restyle(r, ctx, base, styles)));
          break;
        case "code":
          if (node.value) {
            runs.push({
              kind: "text",
              text: node.value.replace(/\r\n?|\n/g, " "),
              style: {
                font: "mono",
                size: base.size * styles.codeScale,
                color: ctx.link ? styles.colors.link : base.color,
                strike: ctx.strike,
                underline: ctx.link !== null,
                code: true,
                link: ctx.link,
              },
            });
          }
          break;
        case "break":
          runs.push({ kind: "break" });
          break;
        case "strong":
          walk(node.children, { ...ctx, bold: true });
          break;
        case "emphasis":
          walk(node.children, { ...ctx, italic: true });
          break;
        case "delete":
          walk(node.children, { ...ctx, strike: true });
          break;
        case "link":
          // A link with no text still has to be visible and clickable: show its address.
          walk(node.children.length ? node.children : [{ type: "text", value: node.url }], {
            ...ctx,
            link: node.url || null,
          });
          break;
      }
    }
  };
  walk(inlines, { heading: base.heading, bold: base.bold, italic: base.italic, strike: false, link: null });
  return runs;
}

function restyle(run: Run, ctx: Context, base: TextStyle, styles: PdfStyles): Run {
  if (run.kind === "break") return run;
  return {
    kind: "text",
    text: run.text,
    style: {
      font: fontKey(ctx),
      size: base.size,
      color: ctx.link ? styles.colors.link : base.color,
      strike: ctx.strike,
      underline: ctx.link !== null,
      code: false,
      link: ctx.link,
    },
  };
}
