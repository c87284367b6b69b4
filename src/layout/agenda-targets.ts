// Which drawn item each agenda entry points at, so both formats can link the agenda to the items.
import type { DocumentLayout } from "./document-layout.js";

/**
 * For each agenda entry, the index of its item in `layout.items`, or null for an entry with no section of
 * its own (an opening with nothing in it). Drawn items are the agenda's entries in order, some left out.
 */
/** An agenda entry's number ("1.", hung in a column of its own by both formats) and its text. */
export function agendaEntryParts(entry: string): { number: string | null; text: string } {
  const numbered = /^(\d+\.)\s+([\s\S]*)$/.exec(entry);
  return numbered ? { number: numbered[1]!, text: numbered[2]! } : { number: null, text: entry };
}

export function agendaTargets(layout: DocumentLayout): (number | null)[] {
  let next = 0;
  return layout.agenda.map((entry) => (layout.items[next]?.heading === entry ? next++ : null));
}
