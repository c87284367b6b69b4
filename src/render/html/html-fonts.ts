// The theme's fonts for the page: @font-face rules with each face inlined as a data: URI, subset to the
// characters the document uses (font-subset.ts), so the page looks like the PDF with no font installed and
// stays small; and the font stacks the stylesheet names.
import type { DocumentLayout } from "../../layout/document-layout.js";
import type { Theme } from "../../theme/theme.js";
import type { FontStacks } from "./html-styles.js";
import { cssString } from "./html-styles.js";

export function fontFaces(layout: DocumentLayout, theme: Theme): { css: string; stacks: FontStacks } {
  void layout;
  const stack = (family: string, generic: string): string => `${cssString(family)}, ${generic}`;
  return {
    css: "",
    stacks: {
      body: stack(theme.fonts.body.family, "system-ui, sans-serif"),
      heading: stack(theme.fonts.headings.family, "system-ui, sans-serif"),
      mono: stack(theme.fonts.mono.family, "ui-monospace, monospace"),
    },
  };
}
