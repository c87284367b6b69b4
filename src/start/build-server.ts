// The build server: a process that stays after a build, with its code compiled and its fonts parsed, and runs
// the next builds of the same identity (Node binary and package build) for the launcher (server-client.ts).
// A build by hand then costs a Node start and the warm build (about 0.1 s for the seed, against 0.28 s from
// the snapshot: docs/performance.md). The launcher starts it, outside CI, when a command that draws documents
// found none; it stops after 10 minutes without a build (MINUTES_SERVER=<minutes> sets another time), when its
// key is removed (`minutes cache clear`), when its package is gone, or after a build that left it large.
//
// It runs `main` of cli.ts, the code a run without a server runs, for one request at a time, with the
// request's folder, environment, arguments and terminals standing in for its own, and sends back what the
// command wrote and its exit code. A request that comes while a build runs is answered "busy", and that run
// builds itself. The batch's worker threads show that builds in one process write the same bytes as builds in
// their own (test/pdf-shared-caches.test.ts); test/build-server.test.ts compares the server's outputs and
// messages with a run's without it.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main, reportBug } from "../cli.js";
import {
  idleMinutes,
  nonce,
  proof,
  proves,
  readKey,
  receive,
  send,
  serverAddress,
  type ServerRequest,
} from "./server-protocol.js";
import { warmUp } from "./warm-up.js";
import v8 from "node:v8";
import vm from "node:vm";
import { forgetChangedFiles } from "../world/file-stamps.js";

const root = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");

/** After a build that left the process this large (a very long meeting), the server stops rather than stay so. */
const LARGE_RSS = 300 * 1024 * 1024;
/** How long a connection has to prove itself. */
const HANDSHAKE_MS = 5000;

/** Runs the build server of `folder` (the launcher's MINUTES_SERVE) until one of the reasons above stops it. */
export function serveBuilds(folder: string): void {
  const key = readKey(folder);
  const address = key && serverAddress(folder, key);
  if (!key || !address) return;
  const idleMs = idleMinutes(process.env) * 60_000;
  // A full collection once the server has waited 2 s after a build: a large meeting's garbage would otherwise stay
  // for the ten minutes it waits (after three builds of the 257 KB meeting, RSS 231 MB idle without, 173 MB with).
  v8.setFlagsFromString("--expose-gc");
  const collect = vm.runInNewContext("gc") as () => void;
  let idleCollect: NodeJS.Timeout | undefined;
  let busy = false;
  let stopped = false;
  /** The warm-up's render under way, which a request waits for: two builds never run at once. */
  let warming: Promise<unknown> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  const server = createServer((socket) => welcome(socket));

  const stop = () => {
    stopped = true;
    try {
      if (readFileSync(join(folder, "pid"), "utf8").trim() === String(process.pid)) rmSync(join(folder, "pid"));
    } catch {
      // No pid file, or not this server's: nothing to take back.
    }
    server.close();
    clearInterval(watch);
    clearTimeout(idle);
    clearTimeout(idleCollect);
  };
  const waitIdle = () => {
    clearTimeout(idle);
    if (!stopped) idle = setTimeout(stop, idleMs);
  };
  /** Its key gone or replaced (`minutes cache clear`, another server) or its package removed: this server is not wanted. */
  const unwanted = () => !readKey(folder)?.equals(key) || !existsSync(join(root, "package.json"));
  const watch = setInterval(() => unwanted() && stop(), 30_000);
  watch.unref();

  function welcome(socket: Socket): void {
    const ours = nonce();
    let proven = false;
    socket.setTimeout(HANDSHAKE_MS, () => !proven && socket.destroy());
    socket.on("error", () => socket.destroy());
    send(socket, { nonce: ours });
    receive(socket, (message) => {
      if (!proven) {
        if (typeof message.nonce !== "string" || !proves(key!, "launcher", ours, message.proof))
          return socket.destroy();
        proven = true;
        socket.setTimeout(0);
        send(socket, { proof: proof(key!, "server", message.nonce) });
        return;
      }
      const request = message.request as ServerRequest | undefined;
      if (!request || !Array.isArray(request.argv) || typeof request.cwd !== "string") return socket.destroy();
      if (busy) {
        send(socket, { busy: true });
        socket.end();
        return;
      }
      if (unwanted()) {
        stop();
        return socket.destroy();
      }
      if (!isFolder(request.cwd)) {
        // A folder gone since the launcher looked: the launcher's own run says so as it would without a server.
        send(socket, { busy: true });
        socket.end();
        return;
      }
      busy = true;
      clearTimeout(idle);
      clearTimeout(idleCollect);
      send(socket, { go: true });
      warming
        .then(() => runRequest(request, socket))
        .then((code) => {
          send(socket, { exit: code });
          socket.end();
          busy = false;
          if (process.memoryUsage.rss() > LARGE_RSS) stop();
          else waitIdle();
          clearTimeout(idleCollect);
          idleCollect = setTimeout(collect, 2000);
        });
    });
  }

  listen(server, address, () => {
    rmSync(join(folder, "starting"), { force: true });
    writeFileSync(join(folder, "pid"), `${process.pid}\n`); // for `minutes cache` and the tests
    waitIdle();
    // Once the run that started this server is likely done: compile the build's code while nobody waits.
    const warm = setTimeout(
      () =>
        void warmUpWhileIdle(
          () => busy || stopped,
          (render) => (warming = render),
        ),
      1500,
    );
    warm.unref();
  });
}

/** Listens on `address`; a socket file left by a server that died is removed first; another server listening there stops this one. */
function listen(server: Server, address: string, listening: () => void): void {
  server.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE" || process.platform === "win32") return;
    const probe = connect(address);
    probe.on("connect", () => probe.destroy()); // a server answers there: leave it be
    probe.on("error", () => {
      rmSync(address, { force: true });
      server.once("error", () => {});
      server.listen(address, listening);
    });
  });
  server.listen(address, listening);
}

/** The seed rendered a few times in memory, each when no build runs, so that a request finds its code compiled. */
async function warmUpWhileIdle(busy: () => boolean, rendering: (render: Promise<unknown>) => void): Promise<void> {
  for (let i = 0; i < 4; i++) {
    if (busy()) return;
    const render = warmUp(root).then(
      () => true,
      () => false,
    );
    rendering(render);
    if (!(await render)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Replaces the keys of process.env by those of `env`, in place (process.env is no plain object on Windows). */
function setEnv(env: Record<string, string | undefined>): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (value !== undefined) process.env[name] = value;
}

type Write = typeof process.stdout.write;

/** Sends what `stream` is given to `socket` as `channel`, with the launcher's terminal standing in; returns the undo. */
function redirect(
  stream: NodeJS.WriteStream,
  channel: "out" | "err",
  socket: Socket,
  tty: boolean,
  columns?: number,
): () => void {
  const write = stream.write;
  stream.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), done?: () => void) => {
    const bytes =
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk;
    if (bytes.length) send(socket, { [channel]: Buffer.from(bytes).toString("base64") } as { out: string });
    (typeof encoding === "function" ? encoding : done)?.();
    return true;
  }) as Write;
  const own = (["isTTY", "columns"] as const).map(
    (name) => [name, Object.getOwnPropertyDescriptor(stream, name)] as const,
  );
  Object.defineProperty(stream, "isTTY", { value: tty, configurable: true, writable: true });
  Object.defineProperty(stream, "columns", { value: columns, configurable: true, writable: true });
  return () => {
    stream.write = write;
    for (const [name, descriptor] of own)
      if (descriptor) Object.defineProperty(stream, name, descriptor);
      else delete (stream as Partial<NodeJS.WriteStream>)[name];
  };
}

/** Runs one request as a run of its own would, and gives its exit code (70 for a bug, as run-cli.ts does: reportBug). */
async function runRequest(request: ServerRequest, socket: Socket): Promise<number> {
  const env = { ...process.env };
  const cwd = process.cwd();
  const umask = typeof request.umask === "number" ? process.umask(request.umask) : undefined;
  const undo = [
    redirect(process.stdout, "out", socket, request.tty.out, request.tty.columns),
    redirect(process.stderr, "err", socket, request.tty.err),
  ];
  try {
    setEnv(request.env);
    process.chdir(request.cwd);
    forgetChangedFiles(); // a theme's font replaced since the last build is read again
    return await main(request.argv);
  } catch (error) {
    return reportBug(error);
  } finally {
    for (const undone of undo) undone();
    if (umask !== undefined) process.umask(umask);
    setEnv(env);
    try {
      process.chdir(cwd);
    } catch {
      // The server's own folder is gone: the next request sets its own.
    }
  }
}
