// `minutes preview FILE.md|FOLDER`: build into a temporary folder, serve it on 127.0.0.1, and build again
// whenever a recorded input of a meeting changes (the --watch of batch/watch.ts, which watches what each
// build's world read: the file, its config, its theme and the theme's files, its earlier meetings). After
// each build the pages are told over server-sent events: a new render reloads them, keeping the scroll
// position; a failed build leaves the last good render on disk and in the page, with its diagnostics in
// an overlay. A folder previews the index page of its meetings. SIGINT or SIGTERM ends the watchers, the
// event streams and the server, removes the temporary folder, and returns 0.
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { check, type BuildOptions } from "../build.js";
import { findConfig } from "../config/config.js";
import { diagnostic, formatDiagnostic, localisedText, type Diagnostic } from "../diagnostics.js";
import { say, text, uiLanguage } from "../i18n/messages.js";
import { printable } from "../printable.js";
import type { Format } from "../render/renderers.js";
import { isInside } from "../safe-path.js";
import { isFolder } from "../batch/collect-inputs.js";
import { runBatch } from "../batch/run-batch.js";
import { watchBuild, type WatchRound } from "../batch/watch.js";
import { PreviewServer, type PreviewState } from "./preview-server.js";

export interface PreviewOptions {
  /** A meeting file or a folder of meetings. */
  path: string;
  /** Show the PDF rather than the HTML. */
  pdf?: boolean;
  /** The port asked for (--port); otherwise the first free one from 4700 on. */
  port?: number;
  /** Where to listen; default 127.0.0.1. */
  host?: string;
  /** The build's options (theme, --allow-outside, locale); `out` and `formats` are the preview's. */
  build?: BuildOptions;
}

export interface PreviewIo {
  /** A line for the user (the URL, each build's status). */
  out: (line: string) => void;
  /** A line about a problem (diagnostics, a browser that would not open). */
  err: (line: string) => void;
  /** Called once the server listens, with its URL (cli.ts opens the browser unless --no-open). */
  onListening?: (url: string) => void;
  /** Resolves when the preview is asked to stop; default: SIGINT or SIGTERM. */
  stop?: Promise<void>;
}

/** The first port tried when none is asked for; the next ones are tried when it is taken. */
export const firstPort = 4700;
const portsTried = 20;

export async function preview(options: PreviewOptions, io: PreviewIo): Promise<number> {
  const input = resolve(options.path);
  const folder = isFolder(input);
  if (!folder && !existsSync(input)) {
    // A file that is not there: the build's own message (file:1:1, what to do), and nothing is served.
    const checked = await check(options.path);
    for (const d of checked.diagnostics) io.err(formatDiagnostic(d));
    return 1;
  }
  const base = folder ? input : dirname(input);
  const config = findConfig(base);
  const project = config && isInside(base, dirname(config)) ? dirname(config) : base;
  const mirrored = relative(project, base).split(sep).filter(Boolean);
  const stem = basename(input, extname(input));
  const shown: Format = options.pdf ? "pdf" : "html";
  // A folder's index links each meeting's HTML and PDF; one meeting needs only the format shown.
  const built: Format[] = folder ? [...new Set<Format>([shown, "pdf"])] : [shown];
  const home = `/${[...mirrored, folder ? "index.html" : `${stem}.${shown}`].join("/")}`;

  const outputs = await mkdtemp(join(tmpdir(), "minutes-preview-"));
  const server = new PreviewServer(
    {
      outputs,
      project,
      mirrored,
      home,
      language: uiLanguage(),
      waitingTitle: say("preview.waiting.title"),
      waitingMessage: say("preview.waiting.message"),
    },
    { build: 0, failed: false, heading: "", problems: [] },
  );
  const host = options.host ?? "127.0.0.1";
  const listened = await listen(server, host, options.port);
  if ("problem" in listened) {
    io.err(formatDiagnostic(listened.problem));
    await rm(outputs, { recursive: true, force: true });
    return 1;
  }
  // Bound to every interface: the address to open on this machine is its loopback one.
  const shownHost = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${listened.port}${encodeURI(home)}`;
  io.out(`minutes: ${say("preview.serving", { input: printable(options.path), url })}`);
  io.onListening?.(url);

  let good = 0;
  // The warnings of the render on show: a round that rebuilt nothing (a save that changed no byte) keeps them.
  let shownWarnings: Diagnostic[] = [];
  const once = async (): Promise<WatchRound> => {
    const start = performance.now();
    const result = await runBatch([input], {
      // The author sees every item, those held in camera too (a folder's index would publish the public edition).
      build: { edition: "internal", ...options.build, out: outputs, outRoots: [outputs], formats: built },
      jobs: Number.MAX_SAFE_INTEGER,
      index: folder,
    });
    const diagnostics = [...result.problems, ...result.files.flatMap((f) => f.diagnostics)];
    const failed = result.problems.length > 0 || result.files.some((f) => f.status === "failed");
    const changed = result.files.some((f) => f.status === "built");
    if (changed) good++;
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    const ms = Math.round(performance.now() - start);
    if (failed) io.err(`minutes: ${say("preview.failed")}`);
    else if (changed) io.out(`minutes: ${say("preview.updated", { ms })}`);
    if (changed && !failed) shownWarnings = diagnostics;
    server.publish(stateOf(good, failed, failed || changed ? diagnostics : shownWarnings, project));
    return { code: failed ? 1 : 0, recorded: result.files.map((f) => f.recorded) };
  };

  const stop = io.stop ?? signalled();
  await watchBuild([input], outputs, once, (line) => io.err(line), { until: stop });
  await server.close();
  await rm(outputs, { recursive: true, force: true });
  io.out(`minutes: ${say("preview.stopped")}`);
  return 0;
}

/** The state the pages are told: the render's number, and the build's problems in the user's language. */
function stateOf(build: number, failed: boolean, diagnostics: readonly Diagnostic[], project: string): PreviewState {
  return {
    build,
    failed,
    heading: say(failed ? "preview.overlay.failed" : "preview.overlay.warnings"),
    problems: diagnostics.map((d) => {
      const t = localisedText(d);
      const file = isInside(d.file, project) ? relative(project, resolve(d.file)) || d.file : d.file;
      return {
        where: d.line === null ? file : `${file}:${d.line}:${d.column ?? 1}`,
        severity: d.severity,
        severityLabel: t.severity,
        rule: d.rule,
        message: t.message,
        hintLabel: t.hintLabel,
        ...(t.hint ? { hint: t.hint } : {}),
      };
    }),
  };
}

/** Listens on the port asked for, or on the first free one from `firstPort`, or on any the system gives. */
async function listen(
  server: PreviewServer,
  host: string,
  asked: number | undefined,
): Promise<{ port: number } | { problem: Diagnostic }> {
  const candidates =
    asked !== undefined ? [asked] : [...Array.from({ length: portsTried }, (_, i) => firstPort + i), 0];
  let last: NodeJS.ErrnoException | undefined;
  for (const port of candidates) {
    try {
      return { port: await server.listen(port, host) };
    } catch (error) {
      last = error as NodeJS.ErrnoException;
      // Taken: the next one, unless this one was asked for. Any other reason (no such address) is final.
      if (last.code !== "EADDRINUSE" || asked !== undefined) break;
    }
  }
  const inUse = last?.code === "EADDRINUSE";
  const where = `${host}:${asked ?? firstPort}`;
  return {
    problem: diagnostic({
      file: asked !== undefined ? "--port" : host,
      line: null,
      column: null,
      severity: "error",
      rule: "preview-listen",
      message: inUse
        ? text("preview-listen.in-use", { where })
        : text("preview-listen.other", { where, reason: last?.code ?? String(last) }),
      hint: inUse ? text("preview-listen.in-use.hint") : text("preview-listen.other.hint"),
    }),
  };
}

/** Resolves on the first SIGINT or SIGTERM, which then no longer end the process by themselves. */
function signalled(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
