// The register as text: CSV (RFC 4180, CRLF, with a UTF-8 byte-order mark so spreadsheet programs read
// accents), JSON, a Markdown table and a plain terminal table. Column names are fixed English keys.
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

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function registerCsv(entries: RegisterEntry[]): string {
  const lines = [columns.map(([name]) => name), ...entries.map((e) => columns.map(([, get]) => get(e)))];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`;
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

const mdCell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");

export function registerMarkdown(entries: RegisterEntry[]): string {
  const head = ["ID", "Meeting", "Action", "Responsible", "Deadline", "Status", "Overdue", "Comment"];
  const rows = entries.map((e) => [e.id, e.meeting.date, e.actionText, e.responsibleText, e.deadline?.text ?? "", e.state, e.overdue ? "yes" : "", e.comment]);
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.map(mdCell).join(" | ")} |`).join("\n") + "\n";
}

/** A fixed-width table for the terminal; the action text is cut to fit `width` characters. */
export function registerTable(entries: RegisterEntry[], width = 120): string {
  const head = ["ID", "STATUS", "DEADLINE", "RESPONSIBLE", "ACTION"];
  const rows = entries.map((e) => [e.id, e.state + (e.overdue ? " !" : ""), e.deadline?.date ?? e.deadline?.text ?? "", e.responsibleText.replace(/\s+/g, " "), e.actionText.replace(/\s+/g, " ")]);
  const fixed = [0, 1, 2, 3].map((c) => Math.min(c === 3 ? 24 : 40, rows.reduce((m, r) => Math.max(m, r[c]!.length), head[c]!.length)));
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s.padEnd(n));
  const room = Math.max(20, width - fixed.reduce((a, b) => a + b + 2, 0));
  const line = (r: string[]) => [...fixed.map((n, c) => cut(r[c]!, n)), cut(r[4]!, room).trimEnd()].join("  ");
  return [line(head), ...rows.map(line)].join("\n") + "\n";
}
