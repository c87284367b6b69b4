// Reporters turn check results into text for a terminal, a program or a CI service. They return
// text and never print: the CLI writes it. Chosen by --reporter, else GitHub annotations when
// GITHUB_ACTIONS=true, else the human form (coloured on a terminal).
import type { Diagnostic } from "../diagnostics.js";
import { sayCount } from "../i18n/messages.js";
import { githubReporter } from "./github.js";
import { humanReporter } from "./human.js";
import { jsonReporter } from "./json.js";

export const reporterNames = ["human", "json", "github"] as const;
export type ReporterName = (typeof reporterNames)[number];

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

export interface ReporterEnvironment {
  env: NodeJS.ProcessEnv;
  /** Whether the message stream (stderr) is a terminal. */
  isTTY: boolean;
}

export function isReporterName(name: string): name is ReporterName {
  return (reporterNames as readonly string[]).includes(name);
}

/** Colour on a terminal; NO_COLOR (any value) turns it off, FORCE_COLOR (other than 0) turns it on. */
export function useColor({ env, isTTY }: ReporterEnvironment): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY;
}

export function chooseReporter(requested: ReporterName | undefined, environment: ReporterEnvironment): Reporter {
  const name = requested ?? (environment.env.GITHUB_ACTIONS === "true" ? "github" : "human");
  if (name === "json") return jsonReporter();
  if (name === "github") return githubReporter();
  return humanReporter({ color: useColor(environment) });
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
