// Text in scripts the theme's fonts lack, for Word: a run per script, naming the font that has its glyphs in
// the slot Word reads for it (w:cs for Arabic, Hebrew, Devanagari and Thai, w:eastAsia for Chinese, Japanese
// and Korean, the ordinary slots for Armenian, Georgian and Ethiopic), with w:rtl on right-to-left runs.
// Text with none of these characters stays one run with no font of its own, as before.
import type { RunSpec } from "./docx-library.js";
import { CJK_CHARS, preferredCjkPackage, scriptFamilies, type ScriptFamily } from "../fallback-fonts.js";

type Script = ScriptFamily | "cjk";

/** Any character of those scripts, as one character class (one test per character of a run). */
const ANY = new RegExp(
  `[${[...scriptFamilies.map((f) => f.chars.source), CJK_CHARS.source.slice(1, -1)].join("")}]`,
  "u",
);
const NEUTRAL = /[\p{sc=Common}\p{sc=Inherited}]/u;
const OPENING = /\p{Ps}/u;
const CLOSING = /\p{Pe}/u;

function scriptOf(ch: string): Script | null | "neutral" {
  const family = scriptFamilies.find((f) => f.chars.test(ch));
  if (family) return family;
  if (CJK_CHARS.test(ch)) return "cjk";
  return NEUTRAL.test(ch) ? "neutral" : null;
}

export interface ScriptSpan {
  text: string;
  script: Script | null;
}

/** The text cut where the script changes; spaces, digits and punctuation between two stretches of one script belong to it. */
export function scriptSpans(text: string): ScriptSpan[] {
  if (!ANY.test(text)) return [{ text, script: null }];
  const chars = Array.from(text);
  const scripts = chars.map(scriptOf);
  for (let i = 0; i < scripts.length; i++) {
    if (scripts[i] !== "neutral") continue;
    let j = i;
    while (j < scripts.length && scripts[j] === "neutral") j++;
    const before = i > 0 ? scripts[i - 1]! : null;
    const fill = j < scripts.length && before === scripts[j] ? before : null;
    for (let k = i; k < j; k++) scripts[k] = fill;
    i = j - 1;
  }
  // A closing bracket (and the neutrals before it) whose opening bracket is in a stretch belongs to that stretch.
  let open = 0;
  for (let i = 0; i < scripts.length; i++) {
    const previous = i > 0 ? scripts[i - 1]! : null;
    if (scripts[i] === null && previous !== null && open > 0 && NEUTRAL.test(chars[i]!)) scripts[i] = previous;
    else if (scripts[i] !== previous) open = 0;
    if (scripts[i] === null) continue;
    if (OPENING.test(chars[i]!)) open++;
    else if (CLOSING.test(chars[i]!)) open = Math.max(0, open - 1);
  }
  const spans: ScriptSpan[] = [];
  chars.forEach((ch, i) => {
    const script = scripts[i] as Script | null;
    const last = spans[spans.length - 1];
    if (last && last.script === script) last.text += ch;
    else spans.push({ text: ch, script });
  });
  return spans;
}

/** The run options that make Word draw a span with a font that has its glyphs. */
export function scriptRunOptions(span: ScriptSpan): Partial<RunSpec> {
  const { script } = span;
  if (script === null) return {};
  if (script === "cjk") return { font: { eastAsia: preferredCjkPackage("", span.text).family, hint: "eastAsia" } };
  const { family, slot, rtl, language } = script;
  const font = slot === "cs" ? { cs: family } : { ascii: family, hAnsi: family, cs: family };
  return {
    font,
    ...(rtl ? { rightToLeft: true } : {}),
    ...(language ? { language: { bidirectional: language } } : {}),
  };
}

/** Scripts written right to left (a paragraph whose first letter is one of them is a right-to-left paragraph). */
const RTL_LETTER =
  /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}\p{sc=Samaritan}\p{sc=Mandaic}\p{sc=Adlam}\p{sc=Hanifi_Rohingya}\u200f]/u;
const STRONG = /[\p{L}\u200e\u200f]/u;

/** Whether the text's first strong character (a letter, or a direction mark) is right to left. */
export function startsRightToLeft(text: string): boolean {
  const first = STRONG.exec(text)?.[0];
  return first !== undefined && RTL_LETTER.test(first);
}
