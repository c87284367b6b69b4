// The human reporter: "file:line:column: error: message [rule]" and a hint line, on stderr,
// coloured with ANSI codes when asked (the caller decides from the terminal and NO_COLOR).
import { formatDiagnostic, localisedText, type Diagnostic } from "../diagnostics.js";
import { say } from "../i18n/messages.js";
import { printable } from "../printable.js";
import { inFileOrder, type FileReport, type Reporter } from "./reporter.js";

const paint = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;

function coloured(d: Diagnostic): string {
  const where = d.line === null ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const t = localisedText(d);
  const severity = paint(d.severity === "error" ? "1;31" : "1;33", t.severity);
  const head = `${paint("1", printable(where))}: ${severity}: ${printable(t.message)} ${paint("2", `[${d.rule}]`)}`;
  return t.hint ? `${head}\n  ${paint("36", `${t.hintLabel}:`)} ${printable(t.hint)}` : head;
}

export function humanReporter({ color }: { color: boolean }): Reporter {
  const format = color ? coloured : (d: Diagnostic) => formatDiagnostic(d);
  return {
    file: (result: FileReport) => ({
      stdout: (result.outputs ?? []).map((o) => `${say("wrote", { path: printable(o.path) })}\n`).join(""),
      stderr: inFileOrder(result.diagnostics)
        .map((d) => `${format(d)}\n`)
        .join(""),
    }),
    end: () => ({ stdout: "", stderr: "" }),
  };
}
