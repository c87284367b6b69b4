// What the register commands (`minutes actions`, `decisions`, `attendance`) share around their exports:
// refusing a file export over a meeting or after errors, the repository's theme and language for a PDF or
// Word register, and writing the file atomically with a diagnostic when that fails.
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Argument } from "commander";
import { configFor } from "../config/config.js";
import { diagnostic, formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { say, text } from "../i18n/messages.js";
import type { Theme } from "../theme/theme.js";
import { defaultTheme } from "../theme/default-theme.js";
import { loadTheme } from "../theme/load-theme.js";
import { overwriteProblem, overwritesInput, writeAtomically, writeProblem } from "../write-atomically.js";
import type { CommandIo } from "./command-io.js";
import type { Meeting } from "../register/register.js";
import { inMeetingOrder } from "../register/register.js";

/** A file export refused because the meetings have errors: a partial register must not replace a good one. */
function notWritten(out: string): Diagnostic {
  return diagnostic({
    file: out,
    line: null,
    column: null,
    severity: "error",
    rule: "not-written",
    message: text("not-written"),
    hint: text("not-written.hint"),
  });
}

/** Whether the export to `out` is refused (it would overwrite a file read, or the meetings had errors); says why. */
export function exportRefused(out: string, read: string[], failed: boolean, io: CommandIo): boolean {
  const input = overwritesInput(out, read);
  const refused = input !== undefined ? overwriteProblem(input, out) : failed ? notWritten(out) : undefined;
  if (!refused) return false;
  io.err(`${formatDiagnostic(refused)}\n`);
  io.setExit(1);
  return true;
}

/**
 * The theme, language and organisation of a PDF or Word register: the repository's theme (config `theme:`),
 * like the compte-rendu's; the language given, else the config's, else the latest meeting's. Undefined
 * (with the theme's diagnostics printed) when the theme cannot be loaded.
 */
export function registerLook(
  paths: string[],
  meetings: Meeting[],
  options: { language?: string | undefined; allowOutside?: string[] | undefined },
  io: CommandIo,
): { theme: Theme; language: string; organisation?: string } | undefined {
  const ordered = inMeetingOrder(meetings);
  const latest = ordered[ordered.length - 1]?.minutes.meeting;
  const config = configFor(resolve(paths[0] ?? ".", "x")).config;
  const language = options.language ?? config?.language ?? latest?.language ?? "en";
  const themed = config?.theme
    ? loadTheme(
        {
          reference: config.theme,
          baseDir: config.dir,
          source: config.path,
          ...(config.places.theme ? { place: config.places.theme } : {}),
        },
        { projectDir: config.dir, allowOutside: options.allowOutside ?? [] },
      )
    : { theme: defaultTheme(), diagnostics: [] };
  for (const d of themed.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (!themed.theme) {
    io.setExit(1);
    return undefined;
  }
  return { theme: themed.theme, language, ...(latest?.organisation ? { organisation: latest.organisation } : {}) };
}

/** Writes an export atomically, creating its folder; false (with the problem printed) when it cannot be written. */
export async function writeExport(out: string, output: string | Uint8Array, io: CommandIo): Promise<boolean> {
  try {
    await mkdir(dirname(resolve(out)), { recursive: true });
    await writeAtomically(out, typeof output === "string" ? new TextEncoder().encode(output) : output);
    return true;
  } catch (error) {
    const problem = writeProblem(out, error, (why) => text("write-output.export", { why }));
    if (problem === undefined) throw error;
    io.err(`${formatDiagnostic(problem)}\n`);
    io.setExit(1);
    return false;
  }
}

/** The meetings a register reads: files or folders, this folder by default. */
export const meetingsArgument = (): Argument =>
  new Argument(`[${say("help.value.files")}...]`, say("help.actions.meetings")).default(
    ["."],
    say("help.default.this-folder"),
  );
