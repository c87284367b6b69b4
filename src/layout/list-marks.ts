// The marks before list items, which the PDF and the HTML page must draw alike: a bullet by nesting depth
// (•, –, ▪, then again), an ordered list's number ("3."), a task's box as text ("[x]", "[ ]"). Decided
// here once; the PDF draws every mark as a hung label, the page draws the bullets as CSS markers and the
// numbers and boxes as text.
import type { Block } from "../model/minutes.js";

type ListBlock = Extract<Block, { type: "list" }>;

export const listBullets = ["•", "–", "▪"] as const;

/** The bullet of a list nested `depth` lists deep (0: a list at the top). */
export const bulletAt = (depth: number): string => listBullets[depth % listBullets.length]!;

/** Each item's label, its number or its task box; null for an item that takes the list's bullet. */
export function itemLabels(list: ListBlock): (string | null)[] {
  const start = Number.isFinite(list.start) ? Math.trunc(list.start) : 1;
  return list.items.map((item, i) =>
    item.checked !== null ? (item.checked ? "[x]" : "[ ]") : list.ordered ? `${start + i}.` : null,
  );
}
