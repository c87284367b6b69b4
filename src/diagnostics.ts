// Messages with a place: parsing and validation add them to the VFile and never throw on user input.
// Errors block the build; warnings do not. Only the CLI prints them.
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { Point, Span } from "./model/minutes.js";

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** A stable rule id, e.g. "front-matter-date". */
  rule: string;
  message: string;
  /** Where the problem is; a message without one points at the file. */
  place?: Point | Span | undefined;
  /** What to write instead. */
  hint?: string;
}

export function report(file: VFile, problem: Problem): VFileMessage {
  const message = file.message(problem.message, {
    ...(problem.place ? { place: problem.place } : {}),
    ruleId: problem.rule,
    source: "minutes",
  });
  message.fatal = problem.severity === "error";
  if (problem.hint) message.note = problem.hint;
  return message;
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}

/** A plain record of a message, for JSON reporters and tests. */
export interface Diagnostic {
  file: string;
  line: number | null;
  column: number | null;
  severity: Severity;
  rule: string;
  message: string;
  hint?: string;
}

export function toDiagnostic(message: VFileMessage, path: string): Diagnostic {
  return {
    file: message.file || path,
    line: message.line ?? null,
    column: message.column ?? null,
    severity: message.fatal ? "error" : "warning",
    rule: message.ruleId ?? "unknown",
    message: message.reason,
    ...(message.note ? { hint: message.note } : {}),
  };
}

/** "file:line:column: error: message [rule]" and an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === null ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const head = `${where}: ${d.severity}: ${d.message} [${d.rule}]`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
