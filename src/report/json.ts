// The JSON reporter: one JSON document on stdout at the end, for programs and editors.
import { plainDiagnostic } from "../diagnostics.js";
import { countBySeverity, type FileReport, type Reporter } from "./reporter.js";

export function jsonReporter(): Reporter {
  return {
    file: () => ({ stdout: "", stderr: "" }),
    end: (results: FileReport[]) => ({
      stdout: `${JSON.stringify({ ...countBySeverity(results), files: results.map((r) => ({ file: r.input, ok: r.ok, diagnostics: r.diagnostics.map(plainDiagnostic), ...(r.outputs ? { outputs: r.outputs } : {}) })) }, null, 2)}\n`,
      stderr: "",
    }),
  };
}
