// Bookmarks: one outline entry per agenda item, which opens the page with the item's heading at the top.
import type { PageWriter } from "./page-writer.js";

interface OutlineOptions {
  fit: boolean;
  top: number;
  left: number;
  zoom: number;
}

/** Adds an entry for `title`, whose first line sits at `top` (pdfkit's top-down units) on the current page. */
export function addBookmark(w: PageWriter, title: string, top: number): void {
  const outline = w.doc.outline as unknown as { addItem(title: string, options: OutlineOptions): unknown };
  // pdfkit writes the destination as [page /XYZ width-left height-top zoom]: left = page width gives x = 0,
  // and zoom 0 keeps the reader's zoom.
  outline.addItem(title, { fit: false, top, left: w.doc.page.width, zoom: 0 });
}
