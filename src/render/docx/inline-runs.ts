// Inline model → Word runs: bold, italic, strike, inline code (character style), real hyperlinks, hard breaks.
// Formatting nests by carrying a state down the tree; a run gets only the flags that are on.
import { hyperlink, pushRun, type ParagraphChild, type RunSpec } from "./docx-library.js";
import { inlineText, type Inline } from "../../model/minutes.js";
import { scriptRunOptions, scriptSpans, startsRightToLeft } from "./script-fonts.js";
import { StyleId } from "./style-table.js";

interface RunState {
  bold: boolean;
  italics: boolean;
  strike: boolean;
  /** Inside a hyperlink already: Word cannot nest them, so inner links become plain text. */
  linked: boolean;
}

const plain: RunState = { bold: false, italics: false, strike: false, linked: false };

/** Removes what XML 1.0 cannot carry (lone surrogates, U+FFFE/FFFF); docx already drops C0 controls. */
export function xmlSafe(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, "");
}

/** A soft line break in Markdown is a space when rendered, as in the PDF. */
const flow = (text: string): string => xmlSafe(text).replace(/\r\n?|\n/g, " ");

/** The text as runs, one per script: a script the theme's fonts lack gets a font that has it (script-fonts.ts). */
function run(text: string, state: RunState, out: ParagraphChild[], style?: string): void {
  for (const span of scriptSpans(text)) {
    const spec: RunSpec = {
      text: span.text,
      ...(state.bold ? { bold: true } : {}),
      ...(state.italics ? { italics: true } : {}),
      ...(state.strike ? { strike: true } : {}),
      ...(style ? { style } : state.linked ? { style: StyleId.hyperlink } : {}),
      ...scriptRunOptions(span),
    };
    pushRun(out, spec);
  }
}

/** Hyperlink targets go into a relationship's Target; Word rejects one with raw spaces. */
const linkTarget = (url: string): string => xmlSafe(url.trim()).replace(/\s/g, "%20");

function collect(inlines: Inline[], state: RunState, out: ParagraphChild[]): void {
  for (const node of inlines) {
    switch (node.type) {
      case "text":
        if (node.value) run(flow(node.value), state, out);
        break;
      case "code":
        if (node.value) run(flow(node.value), state, out, StyleId.inlineCode);
        break;
      case "break":
        pushRun(out, { break: 1 });
        break;
      case "strong":
        collect(node.children, { ...state, bold: true }, out);
        break;
      case "emphasis":
        collect(node.children, { ...state, italics: true }, out);
        break;
      case "delete":
        collect(node.children, { ...state, strike: true }, out);
        break;
      case "link": {
        const target = linkTarget(node.url);
        if (state.linked || !target) {
          collect(node.children, state, out);
          break;
        }
        const children: ParagraphChild[] = [];
        collect(
          node.children.length ? node.children : [{ type: "text", value: node.url }],
          { ...state, linked: true },
          children,
        );
        out.push(hyperlink(target, children));
        break;
      }
    }
  }
}

export function inlineRuns(inlines: Inline[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  collect(inlines, plain, out);
  return out;
}

/** A plain string as runs, for layout texts (labels, agenda lines, attendees). */
export function textRuns(text: string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  if (text) for (const span of scriptSpans(flow(text))) pushRun(out, { text: span.text, ...scriptRunOptions(span) });
  return out;
}

/** `bidirectional` (w:bidi) for a paragraph whose first letter is right to left; nothing otherwise. */
export function paragraphDirection(content: Inline[] | string): { bidirectional?: true } {
  return startsRightToLeft(typeof content === "string" ? content : inlineText(content)) ? { bidirectional: true } : {};
}
