// Every measure the DOCX and the PDF share, decided here once from the theme: table column proportions, the
// rules under the title and the item headings, the quote rule, the tints derived from the theme's colours, and the
// look of the section labels and of the headings written inside an item.
// The renderers translate these into their own units (twips, eighths of a point, PDF points); they never
// choose a proportion, a thickness or a tint of their own, so the two formats cannot drift apart.
import type { Theme } from "../theme/theme.js";

/** A rule: thickness in points and colour as "RRGGBB". */
export interface Rule {
  thickness: number;
  color: string;
}

export interface Geometry {
  /** The info table (date, place, attendance…): label column and value column. */
  infoColumns: readonly number[];
  /** The accent rule under the title block: a share of the text width, centred or left like the title. */
  titleRule: Rule & { widthShare: number; gapBefore: number; gapAfter: number };
  /** The rule under each agenda item's heading, across the text width. */
  itemRule: Rule;
  /** The rule left of a block quote. */
  quoteRule: Rule;
  /** A table cell's padding, in points: left and right (x), top and bottom (y). */
  cellPadding: { x: number; y: number };
  /** Fills derived from the theme's border colour, as "RRGGBB". */
  tints: { codeFill: string; codeEdge: string; watermark: string };
  /**
   * The agenda's entries: their indent from the margin, the column their number hangs in (a multiple of the
   * body size; the number ends `numberGap` points before the text, and wrapped lines align under the text).
   */
  agenda: { indent: number; numberWidthEm: number; numberGap: number };
  /** A section label of an item ("Key discussion points", "Decisions", "Actions"). */
  sectionLabel: TextLook;
  /** Headings written inside an item (`###`… under a section), by level − 1; deeper levels use the last. */
  headings: readonly TextLook[];
}

/**
 * How a line of text looks, in the theme's terms: one of its sizes and colours, bold, italic. Bold upright text
 * is set in the theme's headings family, the rest in the body family.
 */
export interface TextLook {
  size: "body" | "subheading";
  color: "primary" | "text" | "muted";
  bold: boolean;
  italic: boolean;
}

/**
 * Below the item heading: the section label, then the item's own headings, each a step down, so that a heading
 * inside "Key discussion points" never looks larger than the label above it.
 */
const sectionLabel: TextLook = { size: "subheading", color: "primary", bold: true, italic: false };
const headings: readonly TextLook[] = [
  { size: "body", color: "text", bold: true, italic: false },
  { size: "body", color: "text", bold: true, italic: true },
  { size: "body", color: "muted", bold: false, italic: true },
];

/** What the geometry takes from the theme. */
export type GeometryTheme = { colors: Pick<Theme["colors"], "accent" | "border"> };

/**
 * Column proportions of an action table by its number of columns: action, responsible, deadline, then the
 * optional status and notes. The action text gets the most; status is 20% of four columns, 14% of five.
 */
const actionColumnSets: Record<number, readonly number[]> = {
  3: [50, 30, 20],
  4: [40, 25, 15, 20],
  5: [34, 20, 14, 14, 18],
};

export function actionColumns(count: number): number[] {
  return [...(actionColumnSets[count] ?? Array.from({ length: count }, () => 1))];
}

/** The follow-up section's and the action register's tables: id, action, responsible, deadline, status, comment. */
export const followUpColumns: readonly number[] = [14, 23, 16, 15, 13, 19];

/** The decision register's table: id, item, decision, vote. */
export const decisionColumns: readonly number[] = [16, 18, 42, 24];

/** Mixes a "RRGGBB" colour with white; `whiteShare` 0 keeps it, 1 gives white. A malformed colour mixes grey. */
export function tint(hex: string, whiteShare: number): string {
  const channel = (i: number): string => {
    const value = Number.parseInt(hex.slice(i, i + 2), 16);
    const base = Number.isNaN(value) ? 128 : value;
    return Math.round(base + (255 - base) * whiteShare)
      .toString(16)
      .padStart(2, "0");
  };
  return `${channel(0)}${channel(2)}${channel(4)}`.toUpperCase();
}

export function geometry(theme: GeometryTheme): Geometry {
  const { accent, border } = theme.colors;
  return {
    infoColumns: [22, 78],
    titleRule: { widthShare: 0.4, thickness: 1, color: accent, gapBefore: 8, gapAfter: 14 },
    itemRule: { thickness: 0.75, color: accent },
    quoteRule: { thickness: 2, color: border },
    cellPadding: { x: 5, y: 3.5 },
    tints: { codeFill: tint(border, 0.9), codeEdge: tint(border, 0.6), watermark: tint(border, 0.78) },
    agenda: { indent: 18, numberWidthEm: 2, numberGap: 5 },
    sectionLabel,
    headings,
  };
}
