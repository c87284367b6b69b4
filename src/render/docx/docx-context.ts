// What every DOCX builder receives: the theme, the measures derived from it once, and the document's list registry.
// Also the unit conversions, because the theme speaks points and Word speaks twips and half-points.
import { pageSize, type Theme } from "../../theme/theme.js";
import { ListNumbering } from "./list-numbering.js";

export interface DocxContext {
  theme: Theme;
  /** Width between the margins, in twips: every full-width table is exactly this wide. */
  contentWidth: number;
  lists: ListNumbering;
}

/** Where a block sits: how far it is pushed right (list items, quotes) and whether it is quoted. */
export interface BlockScope {
  indent: number;
  quoted: boolean;
  listLevel: number;
}

export const topScope: BlockScope = { indent: 0, quoted: false, listLevel: -1 };

/** Points → twips (1/20 pt), the unit of page, indent and spacing measures. */
export const twips = (points: number): number => Math.round(points * 20);

/** Cell padding of every table, in twips: the table style's default and each table's own margins (left and right: the layout's `cellPadX`, 5 pt). */
export const cellMargins = { top: twips(3), bottom: twips(3), left: twips(5), right: twips(5) };

/** Points → half-points, the unit of font sizes. */
export const halfPoints = (points: number): number => Math.max(2, Math.round(points * 2));

/** Points → eighths of a point, the unit of border widths (Word takes 2 to 96). */
export const eighths = (points: number): number => Math.min(96, Math.max(2, Math.round(points * 8)));

export function createContext(theme: Theme): DocxContext {
  const { width } = pageSize(theme);
  const { left, right } = theme.page.margins;
  // Guard against a theme whose margins eat the page: tables still need a positive width.
  const contentWidth = Math.max(twips(72), twips(width) - twips(left) - twips(right));
  return { theme, contentWidth, lists: new ListNumbering(theme.fonts.body.family) };
}
