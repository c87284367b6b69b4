// Renders one format on a worker thread (dist/render-worker.js) while the caller's thread does other work.
// Used by a single-file build that writes DOCX and PDF on a machine with at least two cores: the DOCX is
// drawn beside the PDF instead of after it. The bytes are the same as in-thread rendering (same code,
// same plain-data model). When the worker cannot run, the format is rendered in this thread instead.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { workerExecArgv } from "../batch/worker-pool.js";
import type { Minutes } from "../model/minutes.js";
import type { RenderOptions } from "./render-options.js";
import { loadRenderer, type Format } from "./renderers.js";
import type { RenderReply, RenderRequest } from "./render-worker.js";

/** The bundled worker entry; absent when running from the TypeScript sources. */
function workerScript(): URL | undefined {
  const url = new URL("./render-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

export interface WorkerRender {
  render(minutes: Minutes, options: RenderOptions): Promise<Uint8Array>;
  /** Stops the worker when render() is not called (the build stopped before rendering). */
  cancel(): void;
}

/** Starts a worker that imports the renderer of `format` now; undefined when one core only or no bundle. */
export function startWorkerRender(format: Format): WorkerRender | undefined {
  const script = workerScript();
  if (!script || availableParallelism() < 2) return undefined;
  const worker = new Worker(script, { workerData: { format }, execArgv: workerExecArgv() });
  worker.unref();
  return {
    cancel: () => void worker.terminate(),
    render: (minutes, options) =>
      new Promise<Uint8Array>((resolve, reject) => {
        let settled = false;
        const inThread = (): void => {
          if (settled) return;
          settled = true;
          loadRenderer(format).then((render) => render(minutes, options)).then(resolve, reject);
        };
        worker.once("message", (reply: RenderReply) => {
          settled = true;
          void worker.terminate();
          if (reply.ok) resolve(reply.bytes);
          else reject(Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {}));
        });
        // A worker that dies or cannot start (memory, a broken install) costs time, not the output.
        worker.once("error", inThread);
        worker.once("exit", inThread);
        worker.postMessage({ minutes, options } satisfies RenderRequest);
      }),
  };
}
