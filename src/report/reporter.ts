// Reporters turn check results into text for a terminal, a program or a CI service. They return
// text and never print: the CLI writes it. What every reporter shares; choose-reporter.ts picks one.
import type { Diagnostic } from "../diagnostics.js";
import { sayCount } from "../i18n/messages.js";

/** One input file's outcome, as build and check return it. */
export interface FileReport {
  input: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  outputs?: { format: string; path: string }[];
}

/** Text for each stream; either may be empty. */
export interface ReportText {
  stdout: string;
  stderr: string;
}

export interface Reporter {
  /** Called after each file, so messages appear while a long build goes on. */
  file(result: FileReport): ReportText;
  /** Called once at the end with every file. */
  end(results: FileReport[]): ReportText;
}

export function countBySeverity(results: FileReport[]): { errors: number; warnings: number } {
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === "error").length;
  return { errors, warnings: all.length - errors };
}

/** "1 error, 5 warnings", in the user's language: the summary line of check and build. */
export function tally({ errors, warnings }: { errors: number; warnings: number }): string {
  return `${sayCount("count.error", errors)}, ${sayCount("count.warning", warnings)}`;
}

/** Messages in the order of the file (stable: messages at one place keep their order). */
export function inFileOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}
