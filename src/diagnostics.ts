// Messages with a place: parsing and validation add them to the VFile and never throw on user input.
// Errors block the build; warnings do not. Only the CLI prints them.
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { TextEdit } from "./fix/text-edit.js";
import { render, text, uiLanguage, type Text, type UiLanguage } from "./i18n/messages.js";
import type { Point, Span } from "./model/minutes.js";
import { printable } from "./printable.js";
import { isRuleId, type RuleId } from "./rules.js";

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** A stable rule id, e.g. "front-matter-date": one of the table in src/rules.ts. */
  rule: RuleId;
  /**
   * What is wrong: an entry of the message catalogue (src/i18n/), so that it can be shown in the user's
   * language; never English text (test/message-catalogue.test.ts also scans the sources for that).
   */
  message: Text;
  /** Where the problem is; a message without one points at the file. */
  place?: Point | Span | undefined;
  /** What to write instead: a catalogue entry too. */
  hint?: Text;
  /** An edit that repairs it and loses nothing: `minutes check --fix` applies it. */
  fix?: TextEdit;
}

/** The catalogue texts of a message, kept beside its English reason so reporters can print it in any language. */
interface Localised {
  text?: Text;
  hintText?: Text;
}

const english = (value: Text): string => render(value, "en");

export function report(file: VFile, problem: Problem): VFileMessage {
  const message = file.message(english(problem.message), {
    ...(problem.place ? { place: problem.place } : {}),
    ruleId: problem.rule,
    source: "minutes",
  });
  message.fatal = problem.severity === "error";
  if (problem.hint) message.note = english(problem.hint);
  const localised: Localised = { text: problem.message, ...(problem.hint ? { hintText: problem.hint } : {}) };
  Object.assign(message, { localised });
  if (problem.fix) Object.assign(message, { fix: problem.fix });
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
  rule: RuleId;
  /** In English: JSON output and rule ids stay English, so that programs can rely on them. */
  message: string;
  hint?: string;
  /** The catalogue entries of message and hint, when they have one: the human reporter prints them in the user's language. */
  text?: Text;
  hintText?: Text;
  /** An edit that repairs it and loses nothing (`minutes check --fix`); JSON output carries it too. */
  fix?: TextEdit;
}

export function toDiagnostic(message: VFileMessage, path: string): Diagnostic {
  return {
    file: message.file || path,
    line: message.line ?? null,
    column: message.column ?? null,
    severity: message.fatal ? "error" : "warning",
    // report() always gives a rule of the table; a message without one would be a bug.
    rule: isRuleId(message.ruleId) ? message.ruleId : "internal",
    message: message.reason,
    ...(message.note ? { hint: message.note } : {}),
    ...(message as VFileMessage & { localised?: Localised }).localised,
    ...((message as VFileMessage & { fix?: TextEdit }).fix
      ? { fix: (message as VFileMessage & { fix: TextEdit }).fix }
      : {}),
  };
}

/** What a diagnostic says, before it is rendered: a catalogue text (or English text not yet in it) for message and hint. */
export interface DiagnosticFields extends Omit<Diagnostic, "message" | "hint" | "text" | "hintText"> {
  message: Text;
  hint?: Text | undefined;
}

/**
 * A diagnostic that no VFile holds (inputs, outputs, paths, the action register): the English text for
 * JSON and tests, the catalogue texts for the human reporter, as report() records them.
 */
export function diagnostic({
  message,
  hint,
  ...fields
}: DiagnosticFields & { text?: unknown; hintText?: unknown }): Diagnostic {
  const { text: _text, hintText: _hintText, ...rest } = fields;
  return {
    ...rest,
    message: english(message),
    ...(hint ? { hint: english(hint) } : {}),
    text: message,
    ...(hint ? { hintText: hint } : {}),
  };
}

/** The diagnostic as programs get it (JSON): English, without the catalogue references. */
export function plainDiagnostic({ text: _text, hintText: _hintText, ...plain }: Diagnostic): Diagnostic {
  return plain;
}

/** Message and hint in `language` (default: the run's): the catalogue's text, else the English one. */
export function localisedText(
  d: Diagnostic,
  language: UiLanguage = uiLanguage(),
): { severity: string; message: string; hintLabel: string; hint?: string } {
  const hint = d.hintText ? render(d.hintText, language) : d.hint;
  return {
    severity: render(text(`severity.${d.severity}`), language),
    message: d.text ? render(d.text, language) : d.message,
    hintLabel: render(text("hint"), language),
    ...(hint ? { hint } : {}),
  };
}

/** "file:line:column: error: message [rule]" and an indented hint line, in `language` (default: the run's). */
export function formatDiagnostic(d: Diagnostic, language: UiLanguage = uiLanguage()): string {
  const where = d.line === null ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const t = localisedText(d, language);
  const head = `${where}: ${t.severity}: ${t.message} [${d.rule}]`;
  return printable(t.hint ? `${head}\n  ${t.hintLabel}: ${t.hint}` : head);
}
