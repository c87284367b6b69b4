// What every DOCX builder receives: the theme, the measures derived from it once, and the document's list registry.
// Also the unit conversions, because the theme speaks points and Word speaks twips and half-points.
import type { Geometry } from "../../layout/geometry.js";
import { pageSize, type Theme } from "../../theme/theme.js";
import { ListNumbering } from "./list-numbering.js";

export interface DocxContext {
  theme: Theme;
  /** Width between the margins, in twips: every full-width table is exactly this wide. */
  contentWidth: number;
  lists: ListNumbering;
  /** Every table's cell padding, in twips. */
  margins: CellMargins;
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

/** Cell padding of every table, in twips (the table style's default and each table's own margins), from the layout's. */
export function cellMargins(padding: Geometry["cellPadding"]): CellMargins {
  return { top: twips(padding.y), bottom: twips(padding.y), left: twips(padding.x), right: twips(padding.x) };
}

export type CellMargins = Record<"top" | "bottom" | "left" | "right", number>;

/** Points → half-points, the unit of font sizes. */
export const halfPoints = (points: number): number => Math.max(2, Math.round(points * 2));

/** Points → eighths of a point, the unit of border widths (Word takes 2 to 96). */
export const eighths = (points: number): number => Math.min(96, Math.max(2, Math.round(points * 8)));

export function createContext(theme: Theme, geometry: Geometry): DocxContext {
  const { width } = pageSize(theme);
  const { left, right } = theme.page.margins;
  // Guard against a theme whose margins eat the page: tables still need a positive width.
  const contentWidth = Math.max(twips(72), twips(width) - twips(left) - twips(right));
  return {
    theme,
    contentWidth,
    lists: new ListNumbering(theme.fonts.body.family),
    margins: cellMargins(geometry.cellPadding),
  };
}
