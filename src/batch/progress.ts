// How a batch build reports while it runs and when it ends. Four modes: a progress bar on a terminal,
// plain lines in CI or when piped, errors only (--quiet), and one JSON document (--json). Diagnostics
// of every file are printed at the end, failures last, so nothing scrolls away.
import { plainDiagnostic, type Diagnostic } from "../diagnostics.js";
import { say, sayCount, uiLanguage } from "../i18n/messages.js";
import { printable } from "../printable.js";
import { chooseReporter } from "../report/choose-reporter.js";
import { tally, type FileReport, type Reporter, type ReportText } from "../report/reporter.js";
import type { FileOutcome } from "./build-file.js";
import type { BatchResult } from "./run-batch.js";

export type ProgressMode = "tty" | "plain" | "quiet" | "json";

export interface Streams {
  out: { write(s: string): unknown; columns?: number };
  err: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export function progressMode(
  flags: { quiet?: boolean; json?: boolean },
  streams: Streams,
  env: NodeJS.ProcessEnv = process.env,
): ProgressMode {
  if (flags.json) return "json";
  if (flags.quiet) return "quiet";
  return streams.err.isTTY && !env.CI ? "tty" : "plain";
}

export class BatchProgress {
  private total = 0;
  private files = 0;
  private done = 0;
  private current = "";

  constructor(
    private readonly mode: ProgressMode,
    private readonly streams: Streams,
    private readonly reporter: Reporter = chooseReporter("human", { env: {}, isTTY: false }),
  ) {}

  start(total: number, toBuild: number): void {
    this.total = toBuild;
    this.files = total;
    this.done = 0;
    if (this.mode === "plain" && total > 1)
      this.streams.out.write(`minutes: ${say("progress.files", { files: sayCount("count.file", total), toBuild })}\n`);
    this.draw();
  }

  fileStarted(input: string): void {
    this.current = input;
    this.draw();
  }

  fileDone(outcome: FileOutcome): void {
    this.done++;
    if (this.mode === "plain") {
      // With one file its messages say it all; with many, a running "failed" line shows where it is.
      if (outcome.status === "failed" && this.files > 1)
        this.streams.err.write(`${say("progress.failed", { file: printable(outcome.input) })}\n`);
      for (const output of outcome.outputs)
        this.streams.out.write(`${say("wrote", { path: printable(output.path) })}\n`);
    }
    this.draw();
  }

  finish(result: BatchResult): void {
    this.clear();
    const diagnostics = [...result.problems, ...result.files.flatMap((f) => f.diagnostics)];
    if (this.mode === "json") {
      this.streams.out.write(`${JSON.stringify(jsonSummary(result), null, 2)}\n`);
      return;
    }
    // Each file's messages through the reporter (human, GitHub annotations); outputs were listed as they came.
    const shown = (list: Diagnostic[]) => (this.mode === "quiet" ? list.filter((d) => d.severity === "error") : list);
    const reports: FileReport[] = [
      ...result.problems.map((p) => ({ input: p.file, ok: false, diagnostics: shown([p]) })),
      ...result.files.map((f) => ({ input: f.input, ok: f.status !== "failed", diagnostics: shown(f.diagnostics) })),
    ];
    for (const report of reports) if (report.diagnostics.length) this.print(this.reporter.file(report));
    this.print(this.reporter.end(reports));
    const counts = countStatuses(result);
    const failed = counts.failed + result.problems.length;
    if (failed > 0) {
      const errors = diagnostics.filter((d) => d.severity === "error").length;
      const warnings = diagnostics.length - errors;
      const names = result.files.filter((f) => f.status === "failed").map((f) => `  ${printable(f.input)}`);
      // A manifest or index page that could not be written is no file's error: no file list then.
      const onlyBatchFiles = counts.failed === 0 && result.problems.every((p) => p.rule === "write-output");
      const counted = tally({ errors, warnings });
      const line = onlyBatchFiles
        ? counted
        : names.length > 1
          ? `${say("summary.nothing-written.list", { counts: counted })}\n${names.join("\n")}`
          : say("summary.nothing-written", { counts: counted });
      this.streams.err.write(`minutes: ${line}\n`);
    }
    if (this.mode !== "quiet" && (result.files.length > 1 || counts.unchanged > 0)) {
      this.streams.out.write(`minutes: ${say("summary.batch", { ...counts, seconds: seconds(result.ms) })}\n`);
    }
    if (this.mode !== "quiet" && result.index)
      this.streams.out.write(`${say("wrote", { path: printable(result.index.html) })}\n`);
  }

  private print(text: ReportText): void {
    if (text.stdout) this.streams.out.write(text.stdout);
    if (text.stderr) this.streams.err.write(text.stderr);
  }

  private draw(): void {
    if (this.mode !== "tty" || this.total === 0) return;
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total} `;
    const room = Math.max(10, (this.streams.err.columns ?? 80) - bar.length - 1);
    const current = printable(this.current);
    const name = current.length > room ? `…${current.slice(-(room - 1))}` : current;
    this.streams.err.write(`\r\x1b[K${bar}${name}`);
  }

  private clear(): void {
    if (this.mode === "tty" && this.total > 0) this.streams.err.write("\r\x1b[K");
  }
}

function countStatuses(result: BatchResult): Record<FileOutcome["status"], number> {
  const counts = { built: 0, unchanged: 0, failed: 0 };
  for (const f of result.files) counts[f.status]++;
  return counts;
}

/** "1.2" in English, "1,2" in the languages that write a decimal comma. */
function seconds(ms: number): string {
  const text = (ms / 1000).toFixed(1);
  return uiLanguage() === "en" ? text : text.replace(".", ",");
}

/** The --json document: one entry per file, the totals and the timings. */
function jsonSummary(result: BatchResult): object {
  const counts = countStatuses(result);
  return {
    ok: counts.failed === 0 && result.problems.length === 0,
    totals: { files: result.files.length, ...counts },
    ms: Math.round(result.ms),
    files: result.files.map((f) => ({
      input: f.input,
      status: f.status,
      outputs: f.outputs,
      diagnostics: f.diagnostics.map(plainDiagnostic),
      ...(f.meeting ? { meeting: f.meeting } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
      ms: Math.round(f.ms),
    })),
    problems: result.problems.map(plainDiagnostic) satisfies Diagnostic[],
    ...(result.index ? { index: result.index } : {}),
    ...(result.manifest ? { manifest: result.manifest } : {}),
  };
}
