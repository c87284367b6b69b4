// The renderer table: format name → renderer, each loaded only when asked for, because importing
// pdfkit or docx is most of the start-up time.
import type { Minutes } from "../model/minutes.js";
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
