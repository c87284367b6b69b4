// The preview's HTTP server, on node:http alone: the rendered pages from the folder the preview builds
// into, the project's own files beside them (so a meeting's relative links work), the live script, and
// the events that tell the pages to reload. Only files below those two roots are served (serve-path.ts);
// requests whose Host is not this server's are refused, so a web page cannot reach the preview through a
// name of its own that resolves to 127.0.0.1 (DNS rebinding).
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import { eventsPath, liveScript, livePage, liveStyle, scriptPath, stylePath, withLiveReload } from "./live-page.js";
import { lookUp, requestParts } from "./serve-path.js";

/** What the pages are told after each build (see liveScript). */
export interface PreviewState {
  /** The number of the render on disk; 0 before the first good build. */
  build: number;
  failed: boolean;
  heading: string;
  problems: {
    where: string;
    severity: string;
    severityLabel: string;
    rule: string;
    message: string;
    hintLabel: string;
    hint?: string;
  }[];
}

export interface PreviewSite {
  /** Where the renders are: the folder the preview builds into. */
  outputs: string;
  /** The project folder: its files are served beside the renders, at the same paths. */
  project: string;
  /** Path parts, below the project, of the folder the outputs mirror ("minutes/2024" → ["minutes", "2024"]). */
  mirrored: readonly string[];
  /** The page "/" leads to, as a path from the server's root ("/minutes/2024-03-12.html"). */
  home: string;
  /** The page shown while no render exists yet, or for a PDF: its language and texts. */
  language: string;
  waitingTitle: string;
  waitingMessage: string;
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".pdf": "application/pdf",
  ".json": "application/json; charset=utf-8",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".markdown": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".ics": "text/calendar; charset=utf-8",
};

/** A project file (not a render) runs nothing and loads nothing, even an SVG or an HTML page of the project. */
const projectFilePolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

export class PreviewServer {
  private readonly server: Server;
  private readonly clients = new Set<ServerResponse>();
  private state: PreviewState;
  private allowedHosts = new Set<string>();

  constructor(
    private readonly site: PreviewSite,
    initial: PreviewState,
  ) {
    this.state = initial;
    this.server = createServer((req, res) => void this.answer(req, res).catch(() => this.fail(res, 500)));
    // An idle browser connection must not keep the process alive once it is asked to stop.
    this.server.keepAliveTimeout = 2000;
  }

  /** Listens on `host` at `port` (0: any free port); rejects with the system's error (EADDRINUSE…). */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolvePort, reject) => {
      const failed = (error: Error): void => reject(error);
      this.server.once("error", failed);
      this.server.listen({ port, host, exclusive: true }, () => {
        this.server.off("error", failed);
        const bound = (this.server.address() as AddressInfo).port;
        this.allowedHosts = hostsFor(host, bound);
        resolvePort(bound);
      });
    });
  }

  /** Tells every page the state of the last build. */
  publish(state: PreviewState): void {
    this.state = state;
    for (const client of this.clients) send(client, state);
  }

  /** Ends the event streams and every connection, and stops listening: the port is free when this resolves. */
  close(): Promise<void> {
    for (const client of this.clients) client.end();
    this.clients.clear();
    return new Promise((done) => {
      this.server.close(() => done());
      this.server.closeAllConnections();
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.hostAllowed(req.headers.host)) return this.fail(res, 403);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return this.fail(res, 405);
    }
    const target = req.url ?? "";
    const query = target.includes("?") ? target.slice(target.indexOf("?") + 1) : "";
    const asked = requestParts(target);
    if (asked === undefined) return this.fail(res, 404);
    const home = this.site.home.slice(1).split("/");
    if (asked.length === 0 && home.length > 1) {
      // The home page lives in a folder of the project: there, so that its relative links lead where they should.
      res.writeHead(302, { Location: encodeURI(this.site.home), "Cache-Control": "no-store" });
      return void res.end();
    }
    // "/" is the home page itself when it sits at the top (a meeting of the project folder, a folder's index).
    const parts = asked.length === 0 ? home : asked;
    const path = `/${parts.join("/")}`;
    if (path === eventsPath) return this.events(req, res);
    if (path === scriptPath) return this.send(res, 200, "text/javascript; charset=utf-8", liveScript);
    if (path === stylePath) return this.send(res, 200, "text/css; charset=utf-8", liveStyle);

    // A render: below the outputs, at the path its input has below the project.
    const mirrored = this.site.mirrored;
    const below = mirrored.every((part, i) => parts[i] === part) ? parts.slice(mirrored.length) : undefined;
    const render = below ? lookUp(this.site.outputs, below) : { status: 404 as const };
    const type = types[extname(path).toLowerCase()] ?? "application/octet-stream";
    if (render.status === 200) {
      const bytes = await readFile(render.path);
      if (type.startsWith("text/html"))
        return this.send(res, 200, type, withLiveReload(new TextDecoder().decode(bytes), this.state.build));
      // A PDF opened as a page (not by its frame, and not asked raw): the page that frames it and reloads.
      if (type === "application/pdf" && req.headers["sec-fetch-dest"] === "document" && !/(^|&)raw=/.test(query))
        return this.send(res, 200, "text/html; charset=utf-8", this.pdfPage(path));
      return this.send(res, 200, type, bytes);
    }
    // The home page before its first render: a page that says so, and reloads when it comes.
    if (path === this.site.home && this.state.build === 0)
      return this.send(res, 200, "text/html; charset=utf-8", this.waitingPage());
    const file = lookUp(this.site.project, parts);
    if (file.status !== 200) return this.fail(res, render.status === 403 ? 403 : file.status);
    res.setHeader("Content-Security-Policy", projectFilePolicy);
    return this.send(res, 200, type, await readFile(file.path));
  }

  private pdfPage(path: string): string {
    const name = path.slice(path.lastIndexOf("/") + 1);
    const frame = `${encodeURI(path)}?raw=${this.state.build}`;
    return livePage(this.site.language, name, this.state.build, { pdf: frame });
  }

  private waitingPage(): string {
    return livePage(this.site.language, this.site.waitingTitle, 0, { message: this.site.waitingMessage });
  }

  private events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") return void res.end();
    res.write("retry: 500\n\n");
    send(res, this.state);
    this.clients.add(res);
    req.on("close", () => this.clients.delete(res));
  }

  private hostAllowed(host: string | undefined): boolean {
    return this.allowedHosts.size === 0 || (host !== undefined && this.allowedHosts.has(host.toLowerCase()));
  }

  private send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
    res.writeHead(status, {
      "Content-Type": type,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    res.end(body);
  }

  private fail(res: ServerResponse, status: number): void {
    if (res.headersSent) return void res.end();
    this.send(res, status, "text/plain; charset=utf-8", `${status}\n`);
  }
}

function send(client: ServerResponse, state: PreviewState): void {
  client.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
}

/**
 * The Host headers this server answers: its loopback names at its port, and the host it was bound to.
 * Bound to every interface (0.0.0.0, ::), it answers any: the user chose to be reached by other names.
 */
function hostsFor(host: string, port: number): Set<string> {
  if (host === "0.0.0.0" || host === "::" || host === "") return new Set();
  const names = ["127.0.0.1", "localhost", "[::1]", host.includes(":") ? `[${host}]` : host];
  return new Set(names.map((name) => `${name.toLowerCase()}:${port}`));
}
