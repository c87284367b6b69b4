// The theme: page, fonts, colours, logo, page header and footer, labels. Both renderers read only this
// object, so the DOCX and the PDF share one set of measures. Themes are data: templates/<name>/theme.yaml
// for the built-in ones (see load-theme.ts for reading and checking them).
import type { ThemeData } from "./theme-schema.js";

export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export interface FontFamily {
  /** The family name written into the DOCX and the PDF. */
  family: string;
  /** The TTF/OTF files that draw it. */
  files: FontFiles;
  /** True for fonts the theme brings itself (not the shipped Noto Sans). */
  custom: boolean;
}

/** A font for characters the text faces lack; `bold` is the regular file when the family has no bold. */
export interface FallbackFamily {
  family: string;
  files: { regular: string; bold: string };
}

export interface ThemeLogo {
  /** PNG or JPEG bytes: what the PDF draws, and Word's fallback for an SVG logo. */
  image: Uint8Array;
  type: "png" | "jpg";
  /** The SVG itself, for the DOCX. */
  svg?: Uint8Array;
  /** Drawn size in points. */
  width: number;
  height: number;
  placement: "header-left" | "header-right" | "title";
  alt: string;
}

export interface Theme extends Omit<ThemeData, "fonts" | "logo" | "colors"> {
  /** The folder of theme.yaml. */
  dir: string;
  colors: ThemeData["colors"] & { accent: string };
  fonts: {
    body: FontFamily;
    /** Title and headings. */
    headings: FontFamily;
    mono: { family: string; files: Pick<FontFiles, "regular"> };
    /** Dingbats and symbols (➤ ✓ ☐ ★) the text faces lack; the PDF falls back to it per character. */
    symbols: { family: string; files: Pick<FontFiles, "regular"> };
    /** Embed the body and headings faces in the DOCX (theme `fonts.embed` or --embed-fonts). */
    embed: boolean;
    /** The theme's own fonts for characters the text faces lack (`fonts.fallbacks`), tried first. */
    fallbacks: FallbackFamily[];
  };
  logo?: ThemeLogo;
}

/** Page size in points. */
export function pageSize(theme: Pick<Theme, "page">): { width: number; height: number } {
  return theme.page.size === "Letter" ? { width: 612, height: 792 } : { width: 595.28, height: 841.89 };
}
