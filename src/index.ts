// The library API: what other tools and the tests use without spawning the CLI.
export { build, check, type BuildOptions, type BuildResult, type CheckResult } from "./build.js";
export { parseMinutes, type ParseOptions, type ParseResult } from "./parse/parse-minutes.js";
export { layoutMinutes } from "./layout/layout-minutes.js";
export type { DocumentLayout } from "./layout/document-layout.js";
export { formats, loadRenderer, type Format, type Renderer } from "./render/renderers.js";
export { defaultTheme } from "./theme/default-theme.js";
export type { Theme } from "./theme/theme.js";
export { builtInThemes, loadTheme, loadThemeFile, type ThemeResult } from "./theme/load-theme.js";
export { formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export { buildRegister, type Register, type RegisterEntry, type Meeting } from "./register/register.js";
export { filterRegister, type RegisterFilter } from "./register/filter-register.js";
export { loadMeetings } from "./commands/load-meetings.js";
export { registerCsv, registerJson, registerMarkdown, registerTable } from "./register/register-text.js";
export { registerIcs } from "./register/register-ics.js";
export { layoutRegister } from "./register/register-layout.js";
export { newMeeting, type NewMeetingOptions } from "./new-meeting/new-meeting.js";
export { actionState, isOpen, isOverdueAt, type ActionState } from "./model/action-status.js";
export { splitOwners } from "./model/action-owners.js";
export { frontMatterJsonSchema } from "./parse/front-matter-schema.js";
export { chooseReporter, type ReporterName } from "./report/choose-reporter.js";
export type { FileReport, Reporter } from "./report/reporter.js";
export type * from "./model/minutes.js";
export type { PdfStandard, RenderOptions } from "./render/render-options.js";
export { parsePdfStandards } from "./render/render-options.js";

import { layoutMinutes } from "./layout/layout-minutes.js";
import type { Minutes } from "./model/minutes.js";
import type { RenderOptions } from "./render/render-options.js";
import { loadRenderer } from "./render/renderers.js";

/** Lays the minutes out with `options.theme` and draws the layout as a DOCX (what a build does for one format). */
export async function renderDocx(minutes: Minutes, options: RenderOptions): Promise<Uint8Array> {
  return (await loadRenderer("docx"))(layoutMinutes(minutes, options.theme), options);
}

/** Lays the minutes out with `options.theme` and draws the layout as a PDF. */
export async function renderPdf(minutes: Minutes, options: RenderOptions): Promise<Uint8Array> {
  return (await loadRenderer("pdf"))(layoutMinutes(minutes, options.theme), options);
}
