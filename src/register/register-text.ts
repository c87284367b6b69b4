// The register as text: CSV (RFC 4180, CRLF, with a UTF-8 byte-order mark so spreadsheet programs read
// accents), JSON, a Markdown table and a plain terminal table. Column names are fixed English keys, for
// programs; the terminal table, for a person, has its headers and states in the user's language. The
// text of the meetings stays text in each: no formula in a spreadsheet, no HTML or link in the Markdown,
// no escape sequence on the terminal.
import { render, text, uiLanguage, type UiLanguage } from "../i18n/messages.js";
import { printable } from "../printable.js";
import type { Register, RegisterEntry } from "./register.js";

const columns: [string, (e: RegisterEntry) => string][] = [
  ["id", (e) => e.id],
  ["meeting_date", (e) => e.meeting.date],
  ["item", (e) => (e.item.number === null ? e.item.title : `${e.item.number}. ${e.item.title}`)],
  ["action", (e) => e.actionText],
  ["responsible", (e) => e.responsibleText],
  ["owners", (e) => e.owners.join("; ")],
  ["deadline", (e) => e.deadline?.text ?? ""],
  ["deadline_date", (e) => e.deadline?.date ?? ""],
  ["status", (e) => e.state],
  ["status_text", (e) => e.statusText],
  ["overdue", (e) => (e.overdue ? "yes" : "no")],
  ["comment", (e) => e.comment],
  ["source", (e) => `${e.meeting.path}:${e.line ?? 1}`],
];

// Text a spreadsheet would read as a formula (OWASP, "CSV Injection"): it starts with = + - @ (or their
// full-width forms, which some spreadsheets read the same), perhaps after spaces, or with a tab or a line
// break. It gets a leading ', so it is text ("'=HYPERLINK(…)", "'- item"). Text that is only a number
// ("-2", "+33612345678", "-1.5%") stays as it is: it holds no formula, and a spreadsheet reads the number.
// The same holds after a ; a tab or a line break inside a cell ("done; '=1+1"): a spreadsheet that splits
// at semicolons (French, German…) or tabs, or starts a record at each line, ignores our quotes there and
// starts a cell at that point (LibreOffice does).
const formulaStart = /^(?:[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;
const plainNumber = /^[+-]?\d+(?:[.,]\d+)*%?$/;
const neutralise = (text: string) => (formulaStart.test(text) && !plainNumber.test(text.trim()) ? `'${text}` : text);

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet or to print: control characters shown as
 * pictures (src/printable.ts), formulas neutralised (above), quoted when it holds a quote, a comma, a
 * semicolon, a tab or a line break, or was neutralised; quotes inside doubled.
 */
export function csvField(value: string): string {
  const shown = printable(value);
  const text = shown
    .split(/(?<=[;\t\n])/)
    .map(neutralise)
    .join("");
  return text !== shown || /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as a CSV file: a byte-order mark, every field through csvField, CRLF line ends. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export function registerCsv(entries: RegisterEntry[]): string {
  return csvText([columns.map(([name]) => name), ...entries.map((e) => columns.map(([, get]) => get(e)))]);
}

export function registerJson(register: Register, entries: RegisterEntry[]): string {
  const actions = entries.map((e) => ({
    id: e.id,
    meeting: e.meeting,
    item: e.item,
    action: e.actionText,
    responsible: e.responsibleText,
    owners: e.owners,
    deadline: e.deadline,
    status: e.state,
    statusText: e.statusText,
    overdue: e.overdue,
    comment: e.comment,
    history: e.history,
    source: { file: e.meeting.path, line: e.line, column: e.column },
  }));
  return `${JSON.stringify({ today: register.today, actions }, null, 2)}\n`;
}

// A cell of the GFM table, where text stays text: a backslash before \ and | (a cell boundary), ` (a code
// span), [ and ] (links, images) and < (raw HTML, autolinks), and before & when it would start an entity
// (&lt; would show as <); a line break (CR, LF or CRLF: CommonMark ends a line at a lone CR too) is <br>.
// Emphasis marks (* _ ~) are left as they are, for a readable file: they can only change the look.
const mdCell = (s: string) =>
  printable(
    s
      .replace(/[\\|`[\]<]/g, "\\$&")
      .replace(/&(?=#?\w+;)/g, "\\&")
      .replace(/\r\n|\r|\n/g, "<br>"),
  );

export function registerMarkdown(entries: RegisterEntry[]): string {
  const head = ["ID", "Meeting", "Action", "Responsible", "Deadline", "Status", "Overdue", "Comment"];
  const rows = entries.map((e) => [
    e.id,
    e.meeting.date,
    e.actionText,
    e.responsibleText,
    e.deadline?.text ?? "",
    e.state,
    e.overdue ? "yes" : "",
    e.comment,
  ]);
  return markdownTable(head, rows);
}

/** A GFM table whose cells stay text (mdCell). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.map(mdCell).join(" | ")} |`).join("\n") + "\n";
}

/** A fixed-width table for the terminal, in `language`; the action text is cut to fit `width` characters. */
export function registerTable(entries: RegisterEntry[], width = 120, language: UiLanguage = uiLanguage()): string {
  const head = (["table.id", "table.status", "table.deadline", "table.responsible", "table.action"] as const).map(
    (id) => render(text(id), language),
  );
  const rows = entries.map((e) =>
    [
      e.id,
      render(text(`state.${e.state}`), language) + (e.overdue ? " !" : ""),
      e.deadline?.date ?? e.deadline?.text ?? "",
      e.responsibleText,
      e.actionText,
    ].map((cell) => printable(cell.replace(/\s+/g, " "))),
  );
  const fixed = [0, 1, 2, 3].map((c) =>
    Math.min(
      c === 3 ? 24 : 40,
      rows.reduce((m, r) => Math.max(m, r[c]!.length), head[c]!.length),
    ),
  );
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s.padEnd(n));
  const room = Math.max(20, width - fixed.reduce((a, b) => a + b + 2, 0));
  const line = (r: string[]) => [...fixed.map((n, c) => cut(r[c]!, n)), cut(r[4]!, room).trimEnd()].join("  ");
  return [line(head), ...rows.map(line)].join("\n") + "\n";
}
