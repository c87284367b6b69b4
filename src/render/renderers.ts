// The renderer table: format name → renderer, each loaded only when asked for, because importing
// pdfkit or docx is most of the start-up time. Every drawn format has one contract: it receives the
// DocumentLayout that the layout stage made (the compte-rendu or the action register) and draws it.
import type { DocumentLayout } from "../layout/document-layout.js";
import type { Minutes } from "../model/minutes.js";
import type { RenderOptions } from "./render-options.js";

export const formats = ["docx", "pdf", "html", "json"] as const;
export type Format = (typeof formats)[number];
/** The formats drawn from a layout; `json` writes the model itself. */
export type DrawnFormat = Exclude<Format, "json">;

/** The one renderer contract, for the compte-rendu and the action register alike: a layout in, the file's bytes out. */
export type Renderer = (layout: DocumentLayout, options: RenderOptions) => Promise<Uint8Array>;

const loaders: Record<DrawnFormat, () => Promise<Renderer>> = {
  docx: async () => (await import("./docx/render-docx.js")).renderDocx,
  pdf: async () => (await import("./pdf/render-pdf.js")).renderPdf,
  html: async () => (await import("./html/render-html.js")).renderHtml,
};

export function loadRenderer(format: DrawnFormat): Promise<Renderer> {
  return loaders[format]();
}

/** One output of a build: `json` is the model as JSON; the other formats draw the build's one layout. */
export async function renderFormat(
  format: Format,
  document: { minutes: Minutes; layout: DocumentLayout },
  options: RenderOptions,
): Promise<Uint8Array> {
  if (format === "json") return (await import("./json/render-json.js")).renderJson(document.minutes);
  return (await loadRenderer(format))(document.layout, options);
}

export function isFormat(name: string): name is Format {
  return (formats as readonly string[]).includes(name);
}
