// `minutes build --explain FILE`: why a batch built FILE or skipped it, in the user's language, from the
// reason run-batch.ts found comparing the manifest's recorded world with the files now. Returns the text;
// cli.ts prints it.
import { isAbsolute, relative, resolve } from "node:path";
import { say } from "../i18n/messages.js";
import { pathKey } from "./batch-paths.js";
import type { FileOutcome, Reason } from "./build-file.js";

/** A line per file named: why it was built or skipped, or that the batch does not cover it. */
export function explainOutcomes(
  files: readonly string[],
  outcomes: readonly FileOutcome[],
  cwd: string = process.cwd(),
): string {
  const shown = (path: string): string => {
    const rel = relative(cwd, resolve(cwd, path));
    return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : resolve(cwd, path);
  };
  return files
    .map((file) => {
      const outcome = outcomes.find((o) => pathKey(resolve(cwd, o.input)) === pathKey(resolve(cwd, file)));
      if (!outcome?.reason) return say("explain.not-an-input", { file: shown(file) });
      const line = sayReason(shown(file), outcome.reason, outcome, shown);
      return outcome.status === "failed" ? `${line} ${say("explain.failed")}` : line;
    })
    .map((line) => `${line}\n`)
    .join("");
}

function sayReason(file: string, reason: Reason, outcome: FileOutcome, shown: (path: string) => string): string {
  switch (reason.kind) {
    case "up-to-date":
      return say("explain.up-to-date", {
        file,
        read: Object.keys(outcome.recorded?.files ?? {}).length,
        missing: outcome.recorded?.missing.length ?? 0,
      });
    case "forced":
    case "no-manifest":
    case "not-built-before":
    case "options-changed":
      return say(`explain.${reason.kind}`, { file });
    case "fact":
      return say("explain.fact", { file, path: shown(reason.path), fact: reason.fact });
    default:
      return say(`explain.${reason.kind}`, { file, path: shown(reason.path) });
  }
}
