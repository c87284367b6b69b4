// Page header and footer templates: "{title}", "{organisation} — {date}", "Page {page} / {pages}" or
// "{pageOf}" (the language's "Page X sur Y"). The meeting's fields are filled here; {page} and {pages}
// stay fields, which the DOCX writes as Word PAGE/NUMPAGES fields and the PDF fills per page.
import type { Labels } from "../i18n/labels.js";

export type PagePiece = string | { field: "page" | "pages" };

export interface PageLine {
  pieces: PagePiece[];
  align: "left" | "center" | "right";
}

export function expandTemplate(
  template: string,
  align: PageLine["align"],
  fields: Record<"title" | "date" | "organisation", string>,
  labels: Labels,
): PageLine {
  const text = template
    .replace(/\{pageOf\}/g, labels.pageOf)
    .replace(/\{(title|date|organisation)\}/g, (_, name: keyof typeof fields) => fields[name]);
  const pieces = text
    .split(/(\{pages\}|\{page\})/)
    .filter((part) => part !== "")
    .map((part): PagePiece => (part === "{page}" ? { field: "page" } : part === "{pages}" ? { field: "pages" } : part));
  return { pieces, align };
}

/** The line's text for a given page. */
export function pageLineText(line: PageLine, page: number | string, pages: number | string): string {
  return line.pieces
    .map((p) => (typeof p === "string" ? p : p.field === "page" ? String(page) : String(pages)))
    .join("");
}
