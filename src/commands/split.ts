// `minutes split FILE [--out DIR] [--force]`: one Markdown file per meeting of a file that holds several
// (src/split/split-meetings.ts), never over an existing file unless --force, never over the source, which
// is only read. `minutes build FILE --split`: each meeting built as its own document, named the same way,
// with nothing but the documents written. Registered on the program by cli.ts, which gives it where to print.
import { mkdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { collectInputs, inputProblems } from "../batch/collect-inputs.js";
import { build, type BuildOptions, type BuildResult } from "../build.js";
import type { Command } from "commander";
import { overwriteProblem, overwritesInput, writeAllAtomically, writeNew, writeProblem } from "../write-atomically.js";
import { configFor } from "../config/config.js";
import { diagnostic, formatDiagnostic, toDiagnostic, type Diagnostic } from "../diagnostics.js";
import { say, sayCount, text } from "../i18n/messages.js";
import { dateRules } from "../parse/date-forms.js";
import { guessLanguage } from "../parse/guess-language.js";
import { scanNesting } from "../parse/nesting-limits.js";
import { parseMinutes } from "../parse/parse-minutes.js";
import { readSource, unreadable } from "../read-source.js";
import { countBySeverity, tally, type FileReport, type Reporter } from "../report/reporter.js";
import { splitMeetings, type MeetingText } from "../split/split-meetings.js";
import { SplitWorld } from "../split/split-world.js";
import { userLocale } from "./cli-dates.js";
import { valueName, withExamples } from "./localised-help.js";

export interface SplitCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  setExit: (code: number) => void;
}

export function registerSplitCommand(program: Command, io: SplitCommandIo): void {
  const command = program
    .command("split")
    .description(say("help.split"))
    .argument(`<${say("help.value.file")}>`, say("help.split.file"))
    .option(`-o, --out ${valueName("help.value.folder")}`, say("help.split.out"))
    .option("--force", say("help.split.force"))
    .action(async (input: string, opts: { out?: string; force?: boolean }) => {
      const locale = userLocale();
      const result = await splitFile(input, {
        out: opts.out ?? dirname(input),
        force: opts.force === true,
        ...(locale ? { locale } : {}),
      });
      for (const d of result.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
      for (const { path, meeting } of result.written)
        io.out(
          `${say("split.wrote", { path: relative(process.cwd(), path) || path, date: meeting.date ?? "?", line: meeting.line })}\n`,
        );
      if (result.written.length > 0)
        io.err(
          `minutes: ${say("split.done", { meetings: sayCount("count.meeting", result.written.length), source: input })}\n`,
        );
      if (result.diagnostics.some((d) => d.severity === "error")) io.setExit(1);
    });
  withExamples(command, [
    ["minutes split notes.md --out minutes", say("help.example.split.out")],
    ["minutes build notes.md --split", say("help.example.split.build")],
  ]);
}

export interface FileMeetings {
  meetings: MeetingText[];
  diagnostics: Diagnostic[];
}

/** The meetings of a file (none when it holds one), or why it cannot be read. Dates are read in its language's order. */
export async function readMeetings(input: string, options: { locale?: string } = {}): Promise<FileMeetings> {
  const source = await readSource(input);
  if (!source.ok)
    return {
      meetings: [],
      diagnostics: [unreadable(input, source)],
    };
  // Input the parser refuses (nesting too deep) is refused here with the parser's own message.
  if (scanNesting(source.text)) {
    const refused = parseMinutes(source.text, { path: input }).file.messages.map((m) => toDiagnostic(m, input));
    return { meetings: [], diagnostics: refused.filter((d) => d.severity === "error") };
  }
  const language =
    /^language\s*:\s*["']?([\w-]+)/m.exec(source.text.slice(0, 4000))?.[1] ??
    configFor(input).config?.language ??
    guessLanguage(source.text.slice(0, 20000));
  return {
    meetings: splitMeetings(source.text, {
      fileName: basename(input),
      path: input,
      rules: dateRules(language, options.locale),
    }),
    diagnostics: [],
  };
}

export interface SplitResult {
  written: { path: string; meeting: MeetingText }[];
  diagnostics: Diagnostic[];
}

/** Writes each meeting of `input` into `out`: all of them, or none when one is refused. */
export async function splitFile(
  input: string,
  options: { out: string; force: boolean; locale?: string },
): Promise<SplitResult> {
  const { meetings, diagnostics } = await readMeetings(input, options);
  if (diagnostics.length > 0) return { written: [], diagnostics };
  if (meetings.length === 0) {
    return {
      written: [],
      diagnostics: [
        diagnostic({
          file: input,
          line: null,
          column: null,
          severity: "error",
          rule: "split-one-meeting",
          message: text("split-one-meeting"),
          hint: text("split-one-meeting.hint", { file: input }),
        }),
      ],
    };
  }
  const files = meetings.map((meeting) => ({ path: join(options.out, meeting.name), meeting }));
  const refused = await outputRefusals(
    input,
    files.map(({ path }) => path),
    options.force,
  );
  if (refused.length > 0) return { written: [], diagnostics: refused };
  try {
    await mkdir(options.out, { recursive: true });
    if (options.force)
      await writeAllAtomically(
        files.map(({ path, meeting }) => ({ path, bytes: new TextEncoder().encode(meeting.text) })),
      );
    else for (const { path, meeting } of files) await writeNew(path, meeting.text);
  } catch (error) {
    const problem = writeProblem(input, error, (why) => text("write-output.folder", { folder: options.out, why }));
    if (problem === undefined) throw error;
    return { written: [], diagnostics: [problem] };
  }
  return { written: files, diagnostics: [] };
}

/**
 * Why files a command would write from `input` may not be written: one is the input itself, or (without
 * --force) one exists already. For `split` and `import`.
 */
export async function outputRefusals(input: string, paths: readonly string[], force: boolean): Promise<Diagnostic[]> {
  const refused = paths.flatMap((path) => {
    const read = overwritesInput(path, [input]);
    return read === undefined ? [] : [overwriteProblem(read, path)];
  });
  if (!force) {
    for (const path of paths) {
      if (await exists(path))
        refused.push(
          diagnostic({
            file: path,
            line: null,
            column: null,
            severity: "error",
            rule: "output-exists",
            message: text("output-exists"),
            hint: text("split.output-exists.hint"),
          }),
        );
    }
  }
  return refused;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

/**
 * `minutes build FILE... --split`: each meeting of each file built as a document of its own (a file of one
 * meeting is built as it is). Messages name the file and its lines; the exit code is 1 when one failed.
 */
export async function buildSplit(
  paths: string[],
  options: { build: BuildOptions; reporter: Reporter; locale?: string },
  io: Omit<SplitCommandIo, "setExit">,
): Promise<number> {
  const { inputs, problems } = await collectInputs(paths);
  const results: FileReport[] = inputProblems(problems).map((p) => ({ input: p.file, ok: false, diagnostics: [p] }));
  for (const { path: input } of inputs) {
    const { meetings, diagnostics } = await readMeetings(input, options);
    if (diagnostics.length > 0) results.push({ input, ok: false, diagnostics });
    else if (meetings.length === 0) results.push(await build(input, options.build));
    else {
      const served = meetings.map((meeting) => ({
        meeting,
        path: join(dirname(input), meeting.name),
        text: meeting.text,
      }));
      for (const { meeting, path } of served)
        results.push(inSource(await build(path, options.build, new SplitWorld(input, served)), input, meeting));
    }
  }
  for (const text of [...results.map((r) => options.reporter.file(r)), options.reporter.end(results)]) {
    if (text.stdout) io.out(text.stdout);
    if (text.stderr) io.err(text.stderr);
  }
  io.err(`minutes: ${tally(countBySeverity(results))}\n`);
  return results.every((r) => r.ok) ? 0 : 1;
}

/** A meeting's build result told of the file it comes from: its messages at the file's lines. */
function inSource(result: BuildResult, input: string, meeting: MeetingText): BuildResult {
  const diagnostics = result.diagnostics.map((d) => {
    if (d.file !== result.input) return d;
    const { fix: _fix, ...rest } = d;
    return {
      ...rest,
      file: input,
      line: d.line === null ? meeting.line : (meeting.sourceLines[d.line - 1] ?? meeting.line),
      column: d.line === null ? null : meeting.sourceLines[d.line - 1] ? d.column : 1,
    };
  });
  return { ...result, diagnostics };
}
