// The library API: what other tools and the tests use without spawning the CLI.
export { build, check, type BuildOptions, type BuildResult, type CheckResult } from "./build.js";
export { parseMinutes, type ParseOptions, type ParseResult } from "./parse/parse-minutes.js";
export { layoutDocument, type DocumentLayout } from "./render/layout.js";
export { formats, loadRenderer, type Format } from "./render/renderers.js";
export { defaultTheme, type Theme } from "./theme/theme.js";
export { formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export { frontMatterJsonSchema } from "./parse/front-matter-schema.js";
export { chooseReporter, type FileReport, type Reporter, type ReporterName } from "./report/reporter.js";
export type * from "./model/minutes.js";
export type { RenderOptions } from "./render/render-options.js";

import type { Minutes } from "./model/minutes.js";
import type { RenderOptions } from "./render/render-options.js";
import { loadRenderer } from "./render/renderers.js";

export async function renderDocx(minutes: Minutes, options: RenderOptions): Promise<Uint8Array> {
  return (await loadRenderer("docx"))(minutes, options);
}

export async function renderPdf(minutes: Minutes, options: RenderOptions): Promise<Uint8Array> {
  return (await loadRenderer("pdf"))(minutes, options);
}
