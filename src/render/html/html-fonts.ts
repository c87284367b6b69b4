// The theme's fonts for the page: @font-face rules with each face inlined as a data: URI, cut down to the
// characters the document uses (font-subset.ts) and wrapped as WOFF (woff.ts), so the page looks like the PDF with no font installed and
// stays small; and the font stacks the stylesheet names. Characters the theme's faces lack are drawn, as in
// the PDF, by the fallback faces (symbols, the shipped script fonts, installed packages) that have them.
import { readFileSync } from "node:fs";
import type { DocumentLayout } from "../../layout/document-layout.js";
import { bulletAt } from "../../layout/list-marks.js";
import { cmapLookup, fontTables } from "../../theme/font-metrics.js";
import type { Theme } from "../../theme/theme.js";
import { fallbackFaces } from "../fallback-fonts.js";
import type { RenderOptions } from "../render-options.js";
import { subsetFont } from "./font-subset.js";
import { woff } from "./woff.js";
import { cssString, type FontStacks } from "./html-styles.js";

/** A font whose subset cannot be made (CFF outlines) is embedded whole only below this size. */
const WHOLE_FONT_LIMIT = 1_500_000;

/** Characters the page may draw besides the layout's strings: page numbers, the info table's bullets, task marks. */
const FURNITURE = `0123456789 ${bulletAt(0)}[]x.`;

interface Face {
  family: string;
  file: string;
  weight: 400 | 700;
  style: "normal" | "italic";
}

export function fontFaces(
  layout: DocumentLayout,
  options: Pick<RenderOptions, "theme" | "projectDir" | "world">,
): { css: string; stacks: FontStacks } {
  const { theme } = options;
  const { chars, code } = documentText(layout);
  const { body, headings, mono } = theme.fonts;
  const faces: Face[] = [
    { family: body.family, file: body.files.regular, weight: 400, style: "normal" },
    { family: body.family, file: body.files.bold, weight: 700, style: "normal" },
    { family: body.family, file: body.files.italic, weight: 400, style: "italic" },
    { family: body.family, file: body.files.boldItalic, weight: 700, style: "italic" },
  ];
  if (headings.family !== body.family)
    faces.push({ family: headings.family, file: headings.files.bold, weight: 700, style: "normal" });
  if (code) faces.push({ family: mono.family, file: mono.files.regular, weight: 400, style: "normal" });
  const text = [...chars];
  const fallbacks = fallbackFamilies(theme, text, layout.language, options);
  const css = [
    ...faces.map((face) => fontFace(face, text)),
    ...fallbacks.flatMap((f) => f.faces.map((face) => fontFace(face, f.chars))),
  ]
    .filter(Boolean)
    .join("\n");
  const others = fallbacks.map((f) => cssString(f.family));
  const stack = (family: string, generic: string): string => [cssString(family), ...others, generic].join(", ");
  return {
    css: css ? `${css}\n` : "",
    stacks: {
      body: stack(body.family, "sans-serif"),
      heading: stack(headings.family, "sans-serif"),
      mono: stack(mono.family, "monospace"),
    },
  };
}

/** Every character of every text the layout holds (strings anywhere in it), and whether it holds code. */
function documentText(layout: DocumentLayout): { chars: Set<string>; code: boolean } {
  const chars = new Set<string>(FURNITURE);
  let code = false;
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === "string") for (const ch of value) chars.add(ch);
    else if (Array.isArray(value)) for (const v of value) walk(v, depth);
    else if (value && typeof value === "object") {
      const type = (value as { type?: unknown }).type;
      if (type === "code") code = true;
      if (type === "list") chars.add(bulletAt(depth));
      for (const v of Object.values(value)) walk(v, type === "list" ? depth + 1 : depth);
    }
  };
  walk({ ...layout, footer: layout.footer(1, 1) }, 0);
  return { chars, code };
}

/** The fallback families that draw characters the theme's body face lacks, each with those characters. */
function fallbackFamilies(
  theme: Theme,
  text: string[],
  language: string,
  options: Pick<RenderOptions, "projectDir" | "world">,
): { family: string; chars: string[]; faces: Face[] }[] {
  const has = glyphTest(theme.fonts.body.files.regular);
  let missing = text.filter((ch) => /\S/.test(ch) && !has(ch));
  if (!missing.length) return [];
  const candidates = [
    {
      family: theme.fonts.symbols.family,
      files: { regular: theme.fonts.symbols.files.regular, bold: theme.fonts.symbols.files.regular },
      chars: undefined as RegExp | undefined,
    },
    ...fallbackFaces(theme, options.projectDir, language, options.world),
  ];
  const found: { family: string; chars: string[]; faces: Face[] }[] = [];
  for (const face of candidates) {
    if (!missing.length) break;
    const draws = glyphTest(face.files.regular);
    const chars = missing.filter((ch) => (!face.chars || face.chars.test(ch)) && draws(ch));
    if (!chars.length) continue;
    missing = missing.filter((ch) => !chars.includes(ch));
    const faces: Face[] = [{ family: face.family, file: face.files.regular, weight: 400, style: "normal" }];
    if (face.files.bold !== face.files.regular)
      faces.push({ family: face.family, file: face.files.bold, weight: 700, style: "normal" });
    found.push({ family: face.family, chars: [...chars, " "], faces });
  }
  return found;
}

/** Whether a font file has a glyph for a character (false when it cannot be read). */
function glyphTest(file: string): (ch: string) => boolean {
  try {
    const bytes = readFileSync(file);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const cmap = fontTables(bytes)?.get("cmap");
    const lookup = cmap && cmapLookup(view, cmap.offset);
    if (lookup) return (ch) => lookup(ch.codePointAt(0)!) > 0;
  } catch {
    // An unreadable fallback draws nothing.
  }
  return () => false;
}

function fontFace(face: Face, text: string[]): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(face.file);
  } catch {
    return "";
  }
  const subset = subsetFont(bytes, text);
  if (!subset && bytes.length > WHOLE_FONT_LIMIT) return "";
  const data = Buffer.from(woff(subset ?? bytes)).toString("base64");
  return `@font-face { font-family: ${cssString(face.family)}; font-weight: ${face.weight}; font-style: ${face.style}; font-display: block; src: url(data:font/woff;base64,${data}) format("woff"); }`;
}
