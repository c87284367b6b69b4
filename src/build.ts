// The pipeline for one file: read → parse and validate → render each format → write.
// Outputs are written to a temporary file and renamed, so a failed build never truncates a good output.
import { mkdir } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative } from "node:path";
import { configBody, configFor, strictness, type Config } from "./config/config.js";
import { diagnostic, toDiagnostic, type Diagnostic } from "./diagnostics.js";
import { text } from "./i18n/messages.js";
import { hasBody, type Minutes } from "./model/minutes.js";
import { publicEdition, type Edition } from "./model/public-edition.js";
import { parseMinutes, type ParseOptions } from "./parse/parse-minutes.js";
import { readSource, unreadable } from "./read-source.js";
import { fileFacts } from "./file-facts.js";
import { previousActions } from "./register/previous-actions.js";
import { approvalPending, approvalTarget } from "./register/approval.js";
import { missingGlyphDiagnostics } from "./render/missing-glyphs.js";
import type { PdfStandard, RenderOptions } from "./render/render-options.js";
import { renderFormat, type Format } from "./render/renderers.js";
import { layoutMinutes } from "./layout/layout-minutes.js";
import { layoutConvocation } from "./layout/layout-convocation.js";
import { chooseTheme, type ThemeRequest } from "./theme/choose-theme.js";
import type { Theme } from "./theme/theme.js";
import {
  overwriteProblem,
  overwritesInput,
  writeAllAtomically,
  WriteFailure,
  writeProblem,
} from "./write-atomically.js";
import { pathProblem, projectFolder, resolveSafePath } from "./safe-path.js";
import { World, type WorldRecord } from "./world/world.js";

/** The path as the user may find it: relative to the working folder when under it. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** The warning for minutes written in a file whose front matter still says `status: agenda`. */
function agendaWritten(input: string): Diagnostic {
  return diagnostic({
    file: input,
    line: 1,
    column: 1,
    severity: "warning",
    rule: "agenda-only",
    message: text("agenda-only.written"),
    hint: text("agenda-only.written.hint"),
  });
}

/** Warnings about minutes still to write, which a convocation is not concerned by. */
const notYetWritten = new Set<string>(["agenda-empty-item", "structure-no-items", "approval-pending"]);

/** `build` of a file still at the convocation stage (status: agenda): an error naming the items without minutes. */
function agendaOnly(input: string, minutes: Minutes): Diagnostic {
  const empty = minutes.items
    .filter((i) => !hasBody(i))
    .map((i) => (i.number === null ? i.title : `${i.number}. ${i.title}`));
  return diagnostic({
    file: input,
    line: 1,
    column: 1,
    severity: "error",
    rule: "agenda-only",
    message: text("agenda-only", {
      items: empty.length && empty.length < minutes.items.length ? empty.join("; ") : text("agenda-only.no-items"),
    }),
    hint: text("agenda-only.hint"),
  });
}

export interface BuildOptions {
  /** Output folder; default: beside the input. */
  out?: string;
  formats?: Format[];
  /** Meeting date when the document gives none. */
  date?: string;
  /** true: every warning blocks the build too; false: none does. Default: the config file's `strict` (which may name rules: `strict: missing`). */
  strict?: boolean;
  /**
   * The user's locale (LC_ALL, LC_TIME or LANG, e.g. en_US.UTF-8): numeric dates of a meeting in plain `en`
   * are read month first under en_US, day first under other locales (see src/parse/date-forms.ts).
   */
  locale?: string;
  /** Settings from minutes.config.yaml; default: the nearest one above the input. `null`: none. */
  config?: Config | null;
  /** The theme object itself; otherwise it is chosen from `themeRequest`, the front matter and the config. */
  theme?: Theme;
  /** --theme and --embed-fonts. */
  themeRequest?: ThemeRequest;
  /**
   * --allow-outside: files or folders outside the project folder that paths written in files (`previous:`,
   * the theme's, the config's) may lead to. Relative to the working folder.
   */
  allowOutside?: string[];
  /**
   * Folders the command line chose for the outputs (--out): outputs may be written under their real paths
   * wherever they are. Anywhere else (an `out:` from the config, a symbolic link inside the output folder),
   * outputs must stay inside the project folder or `allowOutside`. Default: `out` itself.
   */
  outRoots?: string[];
  /** Metadata time; default SOURCE_DATE_EPOCH, else the meeting date, so output bytes are reproducible. */
  timestamp?: Date;
  /** Read the meeting named by `previous:` for the follow-up section. Default true. */
  resolvePrevious?: boolean;
  /** Standards the PDF claims (PDF/A-2a, PDF/UA-1); default: the config file's `pdfStandard`, else PDF/A-2a; `[]`: tagged, no claim. */
  pdfStandards?: readonly PdfStandard[];
  /**
   * --edition: `internal` (default) prints every item, those held in camera under a "Confidential" banner;
   * `public` goes through publicEdition() (src/model/public-edition.ts) before the layout and every output.
   */
  edition?: Edition;
  /**
   * The build publishes to the site index (a folder built with --out): without --edition, the edition is the
   * config's `publish:`, else public. Set by the batch.
   */
  publishing?: boolean;
  /**
   * A file still at the convocation stage (`status: agenda`): an `agenda-only` error (default, a file built on
   * its own), or its convocation instead of minutes (a folder built at once: `<name>.agenda.<format>`, linked
   * from the index).
   */
  agendaOnly?: "error" | "convocation";
  /** Write the convocation (`minutes agenda`: layoutConvocation, `<name>.agenda.<format>`) instead of the minutes. */
  convocation?: boolean;
}

export interface BuildResult {
  input: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  outputs: { format: Format; path: string }[];
  minutes?: Minutes;
  /** Every file the build read (with its hash) and looked for in vain: what its outputs depend on. */
  recorded: WorldRecord;
}

export interface CheckResult {
  input: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  minutes?: Minutes;
  /** The config file that applied, if any. */
  config?: Config;
  /** The theme the outputs would use (given, or chosen from --theme, the front matter and the config). */
  theme?: Theme;
}

/** The config's members and quorum, as the parser takes them. */
const bodyOf = (config: Config | undefined) => {
  const body = configBody(config);
  return body ? { body } : {};
};

/** What the parser is given for one input: its path, and what the config and the options say of meetings that do not. */
export function parseOptionsFor(
  input: string,
  config: Config | undefined,
  options: Pick<BuildOptions, "date" | "locale">,
  world?: World,
): ParseOptions {
  return {
    path: input,
    ...(options.date ? { date: options.date } : {}),
    ...(config?.language ? { language: config.language } : {}),
    ...(config?.organisation ? { organisation: config.organisation } : {}),
    ...bodyOf(config),
    ...(options.locale ? { locale: options.locale } : {}),
    // Read only for a meeting date written without a year: the file's first commit, else its modification day.
    // Through the world, which records them: a rebuild follows them too.
    fileFacts: fileFacts(input, world),
  };
}

/** Read, parse and validate one file without rendering. Every file is read through `world`, which records it. */
export async function check(
  input: string,
  options: Pick<
    BuildOptions,
    "date" | "strict" | "config" | "resolvePrevious" | "theme" | "themeRequest" | "allowOutside" | "locale"
  > = {},
  world: World = new World(),
): Promise<CheckResult> {
  const source = await readSource(input, world);
  if (!source.ok)
    return {
      input,
      ok: false,
      diagnostics: [unreadable(input, source)],
    };
  const loaded =
    options.config === undefined ? configFor(input, world) : { config: options.config ?? undefined, diagnostics: [] };
  const config = loaded.config;
  const { minutes, file } = parseMinutes(source.text, parseOptionsFor(input, config, options, world));
  const diagnostics = [...loaded.diagnostics, ...file.messages.map((m) => toDiagnostic(m, input))];
  if (minutes?.meeting.previous && options.resolvePrevious !== false) {
    const previous = await previousActions(
      input,
      minutes,
      { projectDir: projectFolder(input, config), allowOutside: options.allowOutside ?? [] },
      config?.language,
      world,
    );
    diagnostics.push(...previous.diagnostics);
    if (previous.previousActions) minutes.previousActions = previous.previousActions;
  }
  // A meeting that approves the previous minutes: say which file to update while it does not record it.
  if (minutes?.meeting.approves && minutes.meeting.status !== "agenda" && options.resolvePrevious !== false) {
    const rules = { projectDir: projectFolder(input, config), allowOutside: options.allowOutside ?? [] };
    const target = await approvalTarget(input, minutes, rules, config?.language, world);
    if (target && !target.recorded) diagnostics.push(approvalPending(input, minutes, shownPath(target.path)));
  }
  // The theme is checked too (theme.yaml, its logo and fonts), so `check` reports its problems before a build.
  const chosen = options.theme
    ? { theme: options.theme, diagnostics: [] }
    : minutes
      ? chooseTheme(input, minutes, config, options.themeRequest ?? {}, options.allowOutside, world)
      : { diagnostics: [] };
  diagnostics.push(...chosen.diagnostics);
  // `strict: missing` (or a list of rules) in the config: those warnings are errors, so the file is not built
  // and CI fails on them; --strict (or `strict: true`) blocks on every warning, and `strict: false` in the options on none.
  const strict = options.strict !== undefined ? { all: options.strict, rules: [] } : strictness(config?.strict);
  for (const d of diagnostics) if (d.severity === "warning" && strict.rules.includes(d.rule)) d.severity = "error";
  const blocked = diagnostics.some((d) => d.severity === "error") || (strict.all && diagnostics.length > 0);
  const theme = chosen.theme;
  return {
    input,
    ok: !blocked && minutes !== undefined && theme !== undefined,
    diagnostics,
    ...(minutes ? { minutes } : {}),
    ...(config ? { config } : {}),
    ...(theme ? { theme } : {}),
  };
}

/**
 * Outputs this build must not write: one that would overwrite a file it reads (notes.pdf holding Markdown), or
 * one outside the project folder that the command line did not choose (see BuildOptions.outRoots).
 */
function refusedOutputs(
  input: string,
  paths: string[],
  config: Config | undefined,
  options: BuildOptions,
): Diagnostic[] {
  // minutes.config.md built to JSON would replace minutes.config.json.
  const inputs = [input, ...(config ? [config.path] : [])];
  const overwrites = paths.flatMap((path) => {
    const read = overwritesInput(path, inputs);
    return read === undefined ? [] : [overwriteProblem(read, path)];
  });
  if (overwrites.length || options.out === undefined) return overwrites;
  const rules = {
    projectDir: projectFolder(input, config),
    allowOutside: [...(options.allowOutside ?? []), ...(options.outRoots ?? [options.out])],
  };
  return paths.flatMap((path) => {
    const where = resolveSafePath(path, ".", rules);
    return where.ok ? [] : [pathProblem(where, "out", input, undefined)];
  });
}

export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  return value && /^\d+$/.test(value) ? new Date(Number(value) * 1000) : undefined;
}

/** Check, render and write one file. `world`: what the build reads goes through it; its record comes back in the result. */
export async function build(
  input: string,
  options: BuildOptions = {},
  world: World = new World(),
): Promise<BuildResult> {
  const built = await buildInWorld(input, options, world);
  return { ...built, recorded: world.record() };
}

async function buildInWorld(
  input: string,
  options: BuildOptions,
  world: World,
): Promise<Omit<BuildResult, "recorded">> {
  const checked = await check(input, options, world);
  if (!checked.ok || !checked.minutes || !checked.theme) return { ...checked, outputs: [] };
  // A convocation whose meeting is not held yet has no minutes to print: say what is missing, or (among
  // several files) print its convocation instead.
  const atAgenda = checked.minutes.meeting.status === "agenda";
  // Minutes written under the agenda's headings while the front matter still says `status: agenda`: built (as
  // a draft), with a warning to set the status.
  const written = checked.minutes.items.some((item) => hasBody(item));
  if (atAgenda && !written && !options.convocation && options.agendaOnly !== "convocation")
    return {
      ...checked,
      ok: false,
      outputs: [],
      diagnostics: [...checked.diagnostics, agendaOnly(input, checked.minutes)],
    };
  if (atAgenda && written && !options.convocation) checked.diagnostics.push(agendaWritten(input));
  const convocation = options.convocation === true || (atAgenda && !written);
  // What speaks of minutes not written yet says nothing of a convocation.
  if (convocation) checked.diagnostics = checked.diagnostics.filter((d) => !notYetWritten.has(d.rule));
  const { theme } = checked;
  // The public edition leaves the items held in camera out of the model itself, before the layout and every output.
  const edition = options.edition ?? (options.publishing ? (checked.config?.publish ?? "public") : "internal");
  const minutes = edition === "public" ? publicEdition(checked.minutes) : checked.minutes;
  const asked = options.formats ?? checked.config?.formats ?? ["docx", "pdf"];
  // A convocation is a drawn document: no JSON of it (the meeting's JSON is its minutes').
  const formats = convocation ? asked.filter((f) => f !== "json") : asked;
  const pdfStandards = options.pdfStandards ?? checked.config?.pdfStandard;
  const timestamp = options.timestamp ?? sourceDateEpoch() ?? new Date(`${minutes.meeting.date}T00:00:00Z`);
  const outDir = options.out ?? dirname(input);
  const stem = basename(input, extname(input)) + (convocation ? ".agenda" : "");

  const refused = refusedOutputs(
    input,
    formats.map((format) => join(outDir, `${stem}.${format}`)),
    checked.config,
    options,
  );
  if (refused.length) return { ...checked, ok: false, diagnostics: [...checked.diagnostics, ...refused], outputs: [] };

  // Render everything before writing anything, so one failing renderer leaves no mixed set behind.
  const missingGlyphs = new Set<string>();
  const renderOptions: RenderOptions = {
    theme,
    timestamp,
    ...(pdfStandards ? { pdfStandards } : {}),
    projectDir: projectFolder(input, checked.config),
    onMissingGlyph: (ch) => missingGlyphs.add(ch),
    world,
  };
  // Laid out once: every drawn format receives the same layout, so the DOCX and the PDF agree by construction.
  const document = { minutes, layout: convocation ? layoutConvocation(minutes, theme) : layoutMinutes(minutes, theme) };
  const rendered = await Promise.all(
    formats.map(async (format) => ({ format, bytes: await renderFormat(format, document, renderOptions) })),
  );
  // Characters drawn as boxes are only known once the PDF is drawn: a warning, or under strict an error that writes nothing.
  if (missingGlyphs.size) {
    const source = await readSource(input, world);
    const strict = options.strict ?? strictness(checked.config?.strict).all;
    checked.diagnostics.push(
      ...missingGlyphDiagnostics(input, source.ok ? source.text : "", missingGlyphs, minutes.meeting.language, strict),
    );
    if (strict) return { ...checked, ok: false, outputs: [] };
  }
  const outputs = rendered.map(({ format }) => ({ format, path: join(outDir, `${stem}.${format}`) }));
  try {
    await mkdir(outDir, { recursive: true });
    // All or none: a disk that fills up on the PDF leaves the DOCX of the last build too.
    await writeAllAtomically(rendered.map(({ bytes }, i) => ({ path: outputs[i]!.path, bytes })));
  } catch (error) {
    // The file system refused (the output folder is a file, no permission, disk full): the user's to fix, not a bug.
    const problem =
      error instanceof WriteFailure
        ? writeProblem(input, error, (why) => text("write-output.output", { output: error.output, why }))
        : writeProblem(input, error, (why) => text("write-output.folder", { folder: outDir, why }));
    if (problem === undefined) throw error;
    return { ...checked, ok: false, outputs: [], diagnostics: [...checked.diagnostics, problem] };
  }
  // The result carries the edition it printed: the index and the JSON summary say only what the outputs say.
  return { ...checked, minutes, outputs };
}
