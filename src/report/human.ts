// The human reporter: "file:line:column: error: message [rule]" and a hint line, on stderr,
// coloured with ANSI codes when asked (the caller decides from the terminal and NO_COLOR).
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { inFileOrder, type FileReport, type Reporter } from "./reporter.js";

const paint = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;

function coloured(d: Diagnostic): string {
  const where = d.line === null ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const severity = d.severity === "error" ? paint("1;31", "error") : paint("1;33", "warning");
  const head = `${paint("1", where)}: ${severity}: ${d.message} ${paint("2", `[${d.rule}]`)}`;
  return d.hint ? `${head}\n  ${paint("36", "hint:")} ${d.hint}` : head;
}

export function humanReporter({ color }: { color: boolean }): Reporter {
  const format = color ? coloured : formatDiagnostic;
  return {
    file: (result: FileReport) => ({
      stdout: (result.outputs ?? []).map((o) => `wrote ${o.path}\n`).join(""),
      stderr: inFileOrder(result.diagnostics).map((d) => `${format(d)}\n`).join(""),
    }),
    end: () => ({ stdout: "", stderr: "" }),
  };
}
