// Reads a follow-up table ("Suivi des actions"): each row names an earlier action by id and gives its new
// status and a comment. The register applies these rows in meeting order (see docs/actions.md).
import type { Table } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { inlineText, type FollowUp, type Inline } from "../model/minutes.js";
import { cellSpan, spanOf, toInlines, type ConvertContext } from "./mdast-to-blocks.js";
import type { ColumnMap } from "./action-table.js";
import { actionColumn } from "./section-labels.js";
import { text } from "../i18n/messages.js";

/** The column roles of a follow-up table (it needs an id column), or undefined. */
export function followUpColumns(table: Table, ctx: ConvertContext): ColumnMap | undefined {
  const header = table.children[0];
  if (!header) return undefined;
  const columns = header.children.map((cell) => actionColumn(inlineText(toInlines(cell.children, ctx))));
  return columns.includes("id") ? columns : undefined;
}

export function readFollowUpTable(table: Table, columns: ColumnMap, ctx: ConvertContext, file: VFile): FollowUp[] {
  const out: FollowUp[] = [];
  const idIndex = columns.indexOf("id");
  const statusIndex = columns.indexOf("status");
  const notesIndex = columns.indexOf("notes");
  for (const row of table.children.slice(1)) {
    const cells = row.children.map((cell) => toInlines(cell.children, ctx));
    if (cells.every((c) => inlineText(c).trim() === "")) continue;
    const position = spanOf(row);
    const at = (i: number) => cellSpan(row, i);
    const id = inlineText(cells[idIndex] ?? []).trim();
    if (id === "") {
      report(file, {
        severity: "error",
        rule: "follow-up-id-missing",
        message: text("follow-up-id-missing"),
        place: position?.start,
        hint: text("follow-up-id-missing.hint"),
      });
      continue;
    }
    const entry: FollowUp = { id };
    const status: Inline[] = cells[statusIndex] ?? [];
    if (inlineText(status).trim() !== "") entry.status = status;
    const comment: Inline[] = cells[notesIndex] ?? [];
    if (inlineText(comment).trim() !== "") entry.comment = comment;
    if (position) entry.position = position;
    const idSpan = at(idIndex);
    if (idSpan) entry.idPosition = idSpan;
    const statusSpan = entry.status ? at(statusIndex) : undefined;
    if (statusSpan) entry.statusPosition = statusSpan;
    out.push(entry);
  }
  return out;
}
