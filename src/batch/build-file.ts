// One unit of batch work: build one file and turn the result into a plain, cloneable outcome (what a
// worker thread posts back). An exception from build() — a bug — fails that file only.
import { performance } from "node:perf_hooks";
import { build, type BuildOptions } from "../build.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import type { Format } from "../render/renderers.js";
import type { Change } from "../world/staleness.js";
import { World, type WorldRecord } from "../world/world.js";
import { summariseMeeting, type MeetingSummary } from "./meeting-summary.js";

export interface BuildTask {
  input: string;
  /** Plain data (structured-cloned into workers): new BuildOptions keys pass through unchanged. */
  options: BuildOptions;
}

export type FileStatus = "built" | "failed" | "unchanged";

export interface FileOutcome {
  input: string;
  status: FileStatus;
  diagnostics: Diagnostic[];
  outputs: { format: Format; path: string }[];
  meeting?: MeetingSummary;
  /** Milliseconds spent on this file. */
  ms: number;
  /** What the build read (built or failed: posted back from the worker), or what the manifest recorded (unchanged). */
  recorded?: WorldRecord;
  /** Why the file was built or skipped (see run-batch.ts): `minutes build --explain`. */
  reason?: Reason;
}

/**
 * Why a batch built a file or skipped it: up to date; forced (--force); no manifest to compare with (no
 * output folder); not in the manifest (never built, or it failed); the options, version or build id differ;
 * an output is gone; or the first recorded input that changed, was removed or was created.
 */
export type Reason =
  | { kind: "up-to-date" | "forced" | "no-manifest" | "not-built-before" | "options-changed" }
  | { kind: "output-missing"; path: string }
  | Change;

export async function buildFile(task: BuildTask): Promise<FileOutcome> {
  const start = performance.now();
  const world = new World();
  try {
    const result = await build(task.input, task.options, world);
    return {
      input: task.input,
      status: result.ok ? "built" : "failed",
      diagnostics: result.diagnostics,
      outputs: result.outputs,
      ...(result.minutes ? { meeting: summariseMeeting(result.minutes) } : {}),
      ms: performance.now() - start,
      recorded: result.recorded,
    };
  } catch (error) {
    return {
      input: task.input,
      status: "failed",
      diagnostics: [internalError(task.input, error)],
      outputs: [],
      ms: performance.now() - start,
      recorded: world.record(),
    };
  }
}

function internalError(input: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic({
    file: input,
    line: null,
    column: null,
    severity: "error",
    rule: "internal",
    message: text("internal", { error: message }),
  });
}
