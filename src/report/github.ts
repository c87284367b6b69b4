// GitHub Actions workflow commands: "::error file=…,line=…,col=…,title=rule::message", which the
// runner shows as annotations on the pull request. Written to stdout, where the runner reads them.
import type { Diagnostic } from "../diagnostics.js";
import { say } from "../i18n/messages.js";
import { inFileOrder, type FileReport, type Reporter } from "./reporter.js";

/** Escaping from the runner's workflow-command syntax. */
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function githubAnnotation(d: Diagnostic): string {
  const properties = [`file=${escapeProperty(d.file)}`];
  if (d.line !== null) properties.push(`line=${d.line}`, `col=${d.column ?? 1}`);
  properties.push(`title=${escapeProperty(d.rule)}`);
  const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${d.severity === "error" ? "error" : "warning"} ${properties.join(",")}::${escapeData(text)}`;
}

export function githubReporter(): Reporter {
  return {
    file: (result: FileReport) => ({
      stdout: [
        ...inFileOrder(result.diagnostics).map(githubAnnotation),
        ...(result.outputs ?? []).map((o) => say("wrote", { path: o.path })),
      ]
        .map((l) => `${l}\n`)
        .join(""),
      stderr: "",
    }),
    end: () => ({ stdout: "", stderr: "" }),
  };
}
