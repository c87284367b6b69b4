// The summary that `minutes build --json` prints: one entry per input, with its status, outputs and messages.
export interface Diagnostic {
  file: string;
  line: number | null;
  column: number | null;
  severity: string;
  rule: string;
  message: string;
}
export interface FileSummary {
  input: string;
  status: string;
  outputs: { format: string; path: string }[];
  diagnostics: Diagnostic[];
}
