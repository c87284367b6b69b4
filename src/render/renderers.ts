// The renderer table: format name → renderer, each loaded only when asked for, because importing
// pdfkit or docx is most of the start-up time.
import type { Minutes } from "../model/minutes.js";
import type { DocumentLayout } from "./layout.js";
import type { RenderOptions } from "./render-options.js";

export const formats = ["docx", "pdf", "json"] as const;
export type Format = (typeof formats)[number];

export type Renderer = (minutes: Minutes, options: RenderOptions) => Promise<Uint8Array>;

const loaders: Record<Format, () => Promise<Renderer>> = {
  docx: async () => (await import("./docx/render-docx.js")).renderDocx,
  pdf: async () => (await import("./pdf/render-pdf.js")).renderPdf,
  json: async () => (await import("./json/render-json.js")).renderJson,
};

export function loadRenderer(format: Format): Promise<Renderer> {
  return loaders[format]();
}

export function isFormat(name: string): name is Format {
  return (formats as readonly string[]).includes(name);
}

/** A renderer of a ready-made layout (the action register uses the compte-rendu's drawing code). */
export type LayoutRenderer = (layout: DocumentLayout, options: RenderOptions) => Promise<Uint8Array>;

export async function loadLayoutRenderer(format: "docx" | "pdf"): Promise<LayoutRenderer> {
  return format === "docx" ? (await import("./docx/render-docx.js")).renderDocxLayout : (await import("./pdf/render-pdf.js")).renderPdfLayout;
}
