// `minutes check --fix [--dry-run]`: applies the fixes that lose nothing — a misspelled or translated
// front-matter key renamed to ours, a front-matter date rewritten as YYYY-MM-DD when its reading is not in
// doubt — and returns them as a unified diff. The file is written whole (a temporary file renamed), its
// byte-order mark and line endings kept; --dry-run writes nothing. A UTF-16 file is left as it is.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { parseOptionsFor, type BuildOptions } from "../build.js";
import { configFor } from "../config/config.js";
import { whyNotWrittenText, writeAtomically, writeFixText } from "../write-atomically.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text as textOf } from "../i18n/messages.js";
import { applyEdits, unifiedDiff } from "../fix/apply-fixes.js";
import type { TextEdit } from "../fix/text-edit.js";
import { parseMinutes } from "../parse/parse-minutes.js";

export interface FixResult {
  /** Fixes applied (or, with dryRun, that would be). */
  count: number;
  /** The unified diff of the change; "" when nothing changed. */
  diff: string;
  /** The file could not be written. */
  problem?: Diagnostic;
}

/** A fix can make another possible (`Date:` renamed to `date:`, then its value rewritten): a few passes at most. */
const PASSES = 4;

export async function fixFile(
  input: string,
  options: Pick<BuildOptions, "date" | "locale"> & { dryRun?: boolean; cwd?: string } = {},
): Promise<FixResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch {
    return { count: 0, diff: "" }; // check reports why it cannot be read
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { count: 0, diff: "" };
  let raw: string;
  try {
    raw = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { count: 0, diff: "" };
  }
  const bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
  const eol = raw.includes("\r\n") ? "\r\n" : raw.includes("\r") ? "\r" : "\n";
  const before = raw.slice(bom.length).replace(/\r\n?/g, "\n");
  const parseOptions = parseOptionsFor(input, configFor(input).config, options);
  let text = before;
  let count = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const { file } = parseMinutes(text, parseOptions);
    const edits = file.messages.flatMap((m) => (m as { fix?: TextEdit }).fix ?? []);
    const { text: next, applied } = applyEdits(text, edits);
    if (applied.length === 0 || next === text) break;
    count += applied.length;
    text = next;
  }
  if (count === 0) return { count: 0, diff: "" };
  const diff = unifiedDiff(
    relative(options.cwd ?? process.cwd(), input)
      .split("\\")
      .join("/"),
    before,
    text,
  );
  if (options.dryRun) return { count, diff };
  try {
    await writeAtomically(input, new TextEncoder().encode(bom + text.replace(/\n/g, eol)));
  } catch (error) {
    const why = whyNotWrittenText(error);
    if (why === undefined) throw error;
    const message = textOf("fix.write-failed", { why });
    return {
      count: 0,
      diff: "",
      problem: diagnostic({
        file: input,
        line: null,
        column: null,
        severity: "error",
        rule: "write-output",
        message,
        hint: writeFixText(error),
      }),
    };
  }
  return { count, diff };
}
