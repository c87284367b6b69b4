// What every renderer receives besides the model: the theme, the clock and the PDF standards, through one seam.
import type { Theme } from "../theme/theme.js";
import type { World } from "../world/world.js";

/** What a renderer may ask the build's world (src/world/world.ts): whether a file is there, and its bytes, both recorded. */
export type FontLookup = Pick<World, "kind" | "read">;

/** Standards a PDF can claim: PDF/A-2a (archival; "a" because the PDF is tagged) and PDF/UA-1 (accessible). */
export const pdfStandardNames = ["pdfa", "ua"] as const;
export type PdfStandard = (typeof pdfStandardNames)[number];

/** Archival by default: every font is embedded and colours are sRGB, so nothing drawn breaks PDF/A-2. */
export const defaultPdfStandards: readonly PdfStandard[] = ["pdfa"];

export interface RenderOptions {
  theme: Theme;
  /** The time written into document metadata. Fixed so that the same input gives the same bytes. */
  timestamp: Date;
  /** Standards the PDF claims; default `defaultPdfStandards`; `[]` gives a tagged PDF that claims none. */
  pdfStandards?: readonly PdfStandard[];
  /** The project folder: optional font packages (CJK, emoji) installed there are found too. */
  projectDir?: string;
  /** Told of each character the PDF draws as a box because no font has it (the build warns). */
  onMissingGlyph?: (character: string) => void;
  /** The build's world: optional font packages looked for (fallbacks) are looked for through it, so they are recorded. */
  world?: FontLookup;
}

/** Reads `pdfa`, `ua`, `pdfa,ua` (either order) or `none`; null for anything else. */
export function parsePdfStandards(value: string): PdfStandard[] | null {
  const names = value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 1 && names[0] === "none") return [];
  if (names.length === 0 || !names.every((n): n is PdfStandard => (pdfStandardNames as readonly string[]).includes(n)))
    return null;
  return pdfStandardNames.filter((n) => names.includes(n));
}
