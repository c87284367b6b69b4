// A worker thread that renders one format of one meeting (dist/render-worker.js). A single-file build
// that writes both DOCX and PDF draws the DOCX here while the main thread draws the PDF. The renderer is
// imported as soon as the worker starts, so that import overlaps the main thread's own work.
import { parentPort, workerData } from "node:worker_threads";
import type { Minutes } from "../model/minutes.js";
import type { RenderOptions } from "./render-options.js";
import { loadRenderer, type Format } from "./renderers.js";

export interface RenderRequest {
  minutes: Minutes;
  options: RenderOptions;
}

export type RenderReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string; stack?: string };

const format = (workerData as { format: Format }).format;
const renderer = loadRenderer(format);
// Without a listener the rejection of an early failed import would end the worker before it can report it.
renderer.catch(() => undefined);

parentPort?.once("message", (request: RenderRequest) => {
  void renderer
    .then((render) => render(request.minutes, request.options))
    .then(
      (bytes) => parentPort?.postMessage({ ok: true, bytes } satisfies RenderReply),
      (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) } satisfies RenderReply),
    );
});
