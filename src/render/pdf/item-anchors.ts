// Where each agenda item can be reached from: a bookmark (outline entry) that opens the page at the item's
// heading, and a named destination that the agenda's entries link to.
import { agendaTargets } from "../../layout/agenda-targets.js";
import type { DocumentLayout } from "../../layout/document-layout.js";
import type { PageWriter } from "./page-writer.js";

interface OutlineOptions {
  fit: boolean;
  top: number;
  left: number;
  zoom: number;
}

/** The named destination of the `index`-th drawn item. */
export const itemDestination = (index: number): string => `item-${index + 1}`;

/** Adds the bookmark and the destination of an item whose heading's first line sits at `top` on the current page. */
export function anchorItem(w: PageWriter, title: string, destination: string, top: number): void {
  const outline = w.doc.outline as unknown as { addItem(title: string, options: OutlineOptions): unknown };
  // pdfkit writes the outline destination as [page /XYZ width-left height-top zoom]: left = page width
  // gives x = 0, and zoom 0 keeps the reader's zoom.
  outline.addItem(title, { fit: false, top, left: w.doc.page.width, zoom: 0 });
  w.doc.addNamedDestination(destination, "XYZ", null, top, null);
}

/** The destination of each agenda entry, or null for one with no section of its own. */
export function agendaDestinations(layout: DocumentLayout): (string | null)[] {
  return agendaTargets(layout).map((index) => (index === null ? null : itemDestination(index)));
}
