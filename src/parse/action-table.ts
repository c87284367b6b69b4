// Turns a GFM table whose header names action-table columns into ActionItems.
// Columns it does not know are kept in the notes as "Header: value", so nothing is lost.
import type { Table } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { inlineText, type ActionItem, type Inline } from "../model/minutes.js";
import { cellSpan, spanOf, toInlines, type ConvertContext } from "./mdast-to-blocks.js";
import { acceptedDeadlineForms, isNoDeadline, parseDeadline } from "./deadline.js";
import { findDayMonth } from "./date-forms.js";
import { isPlaceholder } from "./placeholders.js";
import { actionColumn, type ActionColumn } from "./section-labels.js";
import { text } from "../i18n/messages.js";

export type ColumnMap = (ActionColumn | undefined)[];

/** The column roles of a table header, or undefined when it is not an action table. */
export function actionColumns(table: Table, ctx: ConvertContext): ColumnMap | undefined {
  const header = table.children[0];
  if (!header) return undefined;
  return columnRoles(header.children.map((cell) => inlineText(toInlines(cell.children, ctx))));
}

/**
 * The column roles of a header row's texts, or undefined when they do not name an action table: one test for
 * Markdown tables and for the Word tables `minutes import` reads.
 */
export function columnRoles(headers: readonly string[]): ColumnMap | undefined {
  const columns = headers.map((cell) => actionColumn(cell));
  const has = (c: ActionColumn) => columns.includes(c);
  return has("action") && (has("responsible") || has("deadline")) ? columns : undefined;
}

export function readActionTable(table: Table, columns: ColumnMap, ctx: ConvertContext, file: VFile): ActionItem[] {
  const [header, ...rows] = table.children;
  const headerText = (header?.children ?? []).map((cell) => inlineText(toInlines(cell.children, ctx)).trim());
  const actions: ActionItem[] = [];
  for (const row of rows) {
    const cells = row.children.map((cell) => toInlines(cell.children, ctx));
    const texts = cells.map((c) => inlineText(c).trim());
    if (texts.every((t) => t === "")) continue;
    const get = (c: ActionColumn): Inline[] => {
      const i = columns.indexOf(c);
      return i >= 0 ? (cells[i] ?? []) : [];
    };
    const action = get("action");
    const actionText = inlineText(action).trim();
    const others = texts.filter((_, i) => columns[i] !== "action");
    // A row that only says "N/A" (as in the seed) means: no actions for this item.
    if (isNoDeadline(actionText) && actionText !== "" && others.every((t) => t === "" || isNoDeadline(t))) continue;

    const deadlineIndex = columns.indexOf("deadline");
    const deadlineText = deadlineIndex >= 0 ? (texts[deadlineIndex] ?? "") : "";
    const deadline = parseDeadline(deadlineText, ctx.dateRules);
    const item: ActionItem = { action, responsible: get("responsible"), deadline };
    const status = get("status");
    if (status.length) item.status = status;
    const notes: Inline[] = [...get("notes")];
    cells.forEach((cell, i) => {
      if (columns[i] !== undefined || inlineText(cell).trim() === "") return;
      if (notes.length) notes.push({ type: "break" });
      notes.push({ type: "text", value: `${headerText[i] || `#${i + 1}`}: ` }, ...cell);
    });
    if (notes.length) item.notes = notes;
    const spanOfColumn = (c: ActionColumn) => cellSpan(row, columns.indexOf(c));
    const idText = columns.includes("id") ? (texts[columns.indexOf("id")] ?? "") : "";
    // A bare number ("1", "2.") numbers the row: the default id is kept, so ids stay unique across meetings.
    if (idText !== "" && !/^\d+\.?$/.test(idText)) {
      item.id = idText;
      item.explicitId = true;
      const idSpan = spanOfColumn("id");
      if (idSpan) item.idPosition = idSpan;
    }
    const statusSpan = status.length ? spanOfColumn("status") : undefined;
    if (statusSpan) item.statusPosition = statusSpan;
    const position = spanOf(row);
    if (position) item.position = position;
    const responsiblePosition = spanOfColumn("responsible");
    if (responsiblePosition) item.responsiblePosition = responsiblePosition;

    if (actionText === "") {
      report(file, {
        severity: "error",
        rule: "action-text-missing",
        message: text("action-text-missing"),
        place: position?.start,
        hint: text("action-text-missing.hint"),
      });
    }
    // A template's `{{deadline}}` left in the cell is a placeholder to replace (rule placeholder-left), not a misread date.
    // A day without its year ("30 Aug") takes the meeting's year once the date is known (completeDeadlines in meeting-date.ts).
    if (
      deadline &&
      !deadline.date &&
      !deadline.none &&
      !isPlaceholder(deadline.text) &&
      !findDayMonth(deadline.text, ctx.dateRules, true) &&
      deadlineIndex >= 0 &&
      row.children[deadlineIndex]
    ) {
      const place = cellSpan(row, deadlineIndex);
      report(file, {
        severity: "error",
        rule: "action-deadline-format",
        message: text("action-deadline-format", { deadline: deadline.text }),
        place: place?.start,
        hint: text("action-deadline-format.hint", { forms: acceptedDeadlineForms(ctx.dateRules).join(", ") }),
      });
    }
    actions.push(item);
  }
  return actions;
}
