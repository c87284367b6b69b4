// Word numbering definitions for Markdown lists: bullets and decimals over levels 0–8, one list instance per
// Markdown list so each ordered list restarts, at its own `start`. Feeds the Document's `numbering.config`.
import { AlignmentType, LevelFormat, type ILevelsOptions } from "./docx-library.js";

/** Word has nine list levels; deeper Markdown nesting stays on the last one. */
export const MAX_LIST_LEVEL = 8;
/** Indent added per level, and the hanging part where the bullet or number sits, in twips. */
export const LIST_STEP = 360;
export const LIST_HANGING = 300;

const BULLETS = ["•", "–", "◦"] as const;

export interface ListRef {
  reference: string;
  instance: number;
}

type Definition = { reference: string; levels: ILevelsOptions[] };

/** The indent of an item's text at `level`, pushed right by `base` (a quote or an enclosing table cell). */
export function listIndent(level: number, base: number): { left: number; hanging: number } {
  return { left: base + (Math.min(level, MAX_LIST_LEVEL) + 1) * LIST_STEP, hanging: LIST_HANGING };
}

function levels(ordered: boolean, start: number, font: string): ILevelsOptions[] {
  return Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!,
    alignment: AlignmentType.LEFT,
    // Word's numbering restarts only through a new instance; the start value rides on the definition.
    start,
    style: {
      paragraph: { indent: listIndent(level, 0) },
      // The marker in the body font, not Symbol, so it looks the same with or without Word's fonts.
      run: { font: { ascii: font, hAnsi: font, cs: font, eastAsia: font } },
    },
  }));
}

/** Markdown allows 0–999999999; Word wants a non-negative int. Anything odd becomes 1. */
function cleanStart(start: number): number {
  if (!Number.isFinite(start)) return 1;
  return Math.min(Math.max(Math.floor(start), 0), 999_999_999);
}

export class ListNumbering {
  private readonly definitions = new Map<string, Definition>();
  private nextInstance = 1;

  constructor(private readonly markerFont: string) {}

  /** A new list: every item of this Markdown list shares the returned reference and instance. */
  begin(ordered: boolean, start: number): ListRef {
    const from = ordered ? cleanStart(start) : 1;
    const reference = ordered ? `decimal-from-${from}` : "bullet";
    if (!this.definitions.has(reference)) {
      this.definitions.set(reference, { reference, levels: levels(ordered, from, this.markerFont) });
    }
    return { reference, instance: this.nextInstance++ };
  }

  /** The definitions used so far, in first-use order, for the Document's numbering option. */
  config(): Definition[] {
    return [...this.definitions.values()];
  }
}
