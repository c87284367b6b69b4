// The decision register as text: CSV (through the action register's csvText, so formulas are neutralised
// the same way), JSON, a Markdown table and a terminal table. Column names and JSON keys are fixed
// English, for programs; the vote is always the author's words, with the counts read from them beside.
import { render, text, uiLanguage, type UiLanguage } from "../i18n/messages.js";
import { printable } from "../printable.js";
import { voteSummary, type DecisionEntry } from "./decision-register.js";
import { csvText, markdownTable } from "./register-text.js";

const itemName = (e: DecisionEntry) => (e.item.number === null ? e.item.title : `${e.item.number}. ${e.item.title}`);

const columns: [string, (e: DecisionEntry) => string][] = [
  ["id", (e) => e.id],
  ["meeting_date", (e) => e.meeting.date],
  ["meeting", (e) => e.meeting.title],
  ["item", itemName],
  ["decision", (e) => e.decisionText],
  ["vote", (e) => e.voteText],
  ["for", (e) => voteSummary(e.vote).for],
  ["against", (e) => voteSummary(e.vote).against],
  ["abstentions", (e) => voteSummary(e.vote).abstentions],
  ["unanimous", (e) => voteSummary(e.vote).unanimous],
  ["quorum", (e) => (e.withoutQuorum ? "not reached" : "")],
  ["source", (e) => `${e.meeting.path}:${e.line ?? 1}`],
];

export function decisionsCsv(entries: DecisionEntry[]): string {
  return csvText([columns.map(([name]) => name), ...entries.map((e) => columns.map(([, get]) => get(e)))]);
}

function counts(vote: DecisionEntry["vote"]): { for?: number; against?: number; abstentions?: number } {
  const summary = voteSummary(vote);
  const out: { for?: number; against?: number; abstentions?: number } = {};
  for (const kind of ["for", "against", "abstentions"] as const) if (summary[kind]) out[kind] = Number(summary[kind]);
  return out;
}

export function decisionsJson(entries: DecisionEntry[]): string {
  const decisions = entries.map((e) => ({
    id: e.id,
    meeting: e.meeting,
    item: e.item,
    decision: e.decisionText,
    vote: e.vote
      ? {
          text: e.vote.text,
          // The counts the CSV gives: written, else the number of names (votes written as named lines only).
          ...counts(e.vote),
          unanimous: e.vote.unanimous === true,
          ...(e.vote.named ? { named: e.vote.named } : {}),
        }
      : null,
    withoutQuorum: e.withoutQuorum,
    source: { file: e.meeting.path, line: e.line, column: e.column },
  }));
  return `${JSON.stringify({ decisions }, null, 2)}\n`;
}

export function decisionsMarkdown(entries: DecisionEntry[]): string {
  return markdownTable(
    ["ID", "Meeting", "Item", "Decision", "Vote"],
    entries.map((e) => [e.id, e.meeting.date, itemName(e), e.decisionText, e.voteText]),
  );
}

/**
 * A fixed-width table for the terminal: each column as wide as its longest cell up to `caps[c]`, the last
 * one cut to what is left of `width`. Cells are made printable (no escape sequence reaches the terminal).
 */
export function terminalTable(head: string[], rows: string[][], width: number, caps: number[]): string {
  const cells = rows.map((r) => r.map((cell) => printable(cell.replace(/\s+/g, " "))));
  const last = head.length - 1;
  const fixed = head.slice(0, last).map((h, c) =>
    Math.min(
      caps[c] ?? 40,
      cells.reduce((m, r) => Math.max(m, r[c]!.length), h.length),
    ),
  );
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s.padEnd(n));
  const room = Math.max(20, width - fixed.reduce((a, b) => a + b + 2, 0));
  const line = (r: string[]) => [...fixed.map((n, c) => cut(r[c]!, n)), cut(r[last]!, room).trimEnd()].join("  ");
  return [line(head), ...cells.map(line)].join("\n") + "\n";
}

export function decisionsTable(entries: DecisionEntry[], width = 120, language: UiLanguage = uiLanguage()): string {
  const head = (["table.id", "table.meeting", "table.vote", "table.decision"] as const).map((id) =>
    render(text(id), language),
  );
  const rows = entries.map((e) => [e.id, e.meeting.date, e.voteText, e.decisionText]);
  return terminalTable(head, rows, width, [28, 10, 36]);
}
