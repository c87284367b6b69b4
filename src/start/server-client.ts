// The launcher's side of the build server (build-server.ts): a run of a command that draws documents asks the
// server of its identity to run it, and prints what the server sends back, as if it had run the command
// itself. When no server answers, the run goes on as before (snapshot or bundle) and starts one for the next
// runs. Only node: modules: the launcher bundles this file.
import { spawn } from "node:child_process";
import { closeSync, openSync, statSync, utimesSync } from "node:fs";
import { connect } from "node:net";
import { stopQuietlyWhenPipeCloses } from "./closed-pipe.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  makeKey,
  nonce,
  proof,
  proves,
  readKey,
  receive,
  send,
  serverAddress,
  serverFolder,
  type ServerRequest,
} from "./server-protocol.js";

/** What came of asking: the command's exit code, "busy" (a server runs another build) or "none" (no server answered). */
export type Asked = { exit: number } | "busy" | "none";

/** How long the server may take to answer before the run builds itself: it answers within milliseconds when idle. */
const ANSWER_MS = 2000;

/** Asks the server of the cache folder `cache` to run `argv`; its output goes to this process's streams. */
export function askServer(cache: string, argv: string[]): Promise<Asked> {
  const folder = serverFolder(cache);
  const key = readKey(folder);
  const address = key && serverAddress(folder, key);
  if (!key || !address) return Promise.resolve("none");
  return new Promise((resolve) => {
    let outcome: Asked = "none";
    let wrote = false;
    let answered = false;
    const socket = connect(address);
    const finish = (asked: Asked) => {
      outcome = asked;
      socket.destroy();
    };
    const timer = setTimeout(() => finish("none"), ANSWER_MS);
    const ours = nonce();
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      clearTimeout(timer);
      // A server that stopped halfway through (a bug) leaves no good output half written: the run builds again.
      if (outcome === "none" && wrote && process.env.MINUTES_TRACE_START)
        process.stderr.write("minutes: the build server stopped; building here\n");
      resolve(outcome);
    });
    receive(socket, (message) => {
      if (typeof message.nonce === "string") {
        // One proof a connection: a second nonce would make this run prove things for whoever asks.
        if (answered) return finish("none");
        answered = true;
        send(socket, { nonce: ours, proof: proof(key, "launcher", message.nonce) });
      } else if ("proof" in message) {
        if (!proves(key, "server", ours, message.proof)) return finish("none");
        const request: ServerRequest = {
          argv,
          cwd: process.cwd(),
          env: { ...process.env },
          ...(process.platform === "win32" ? {} : { umask: process.umask() }),
          tty: {
            out: process.stdout.isTTY === true,
            err: process.stderr.isTTY === true,
            ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
          },
        };
        send(socket, { request });
      } else if (message.busy === true) {
        finish("busy");
      } else if (message.go === true) {
        clearTimeout(timer); // a build may take seconds
        stopQuietlyWhenPipeCloses();
        if (process.env.MINUTES_TRACE_START) process.stderr.write("minutes: built by the build server\n");
      } else if (typeof message.out === "string") {
        wrote = true;
        process.stdout.write(Buffer.from(message.out, "base64"));
      } else if (typeof message.err === "string") {
        wrote = true;
        process.stderr.write(Buffer.from(message.err, "base64"));
      } else if (typeof message.exit === "number") {
        finish({ exit: message.exit });
      }
    });
  });
}

/** A server being started by another run: started within this many milliseconds (the `starting` file's time). */
const STARTING_MS = 20_000;

/**
 * Starts the server of the cache folder `cache` in the background, detached from this run: `command` is how Node
 * runs minutes here (the snapshot, or the launcher for the bundle). Once per 20 s at most; never throws.
 */
export function startServer(cache: string, command: string[]): void {
  try {
    const folder = serverFolder(cache);
    makeKey(folder);
    const starting = join(folder, "starting");
    const since = statSync(starting, { throwIfNoEntry: false });
    if (since && Date.now() - since.mtimeMs < STARTING_MS) return;
    if (since) utimesSync(starting, new Date(), new Date());
    else closeSync(openSync(starting, "a"));
    const child = spawn(process.execPath, command, {
      // Not the project's folder: Windows keeps a folder that a process works in from being removed or renamed.
      cwd: tmpdir(),
      detached: true,
      stdio: "ignore",
      windowsHide: true,
      env: { ...process.env, NODE_OPTIONS: "", MINUTES_SERVE: folder },
    });
    child.on("error", () => {});
    child.unref();
  } catch {
    // No folder to keep a server's key in: every run starts as before.
  }
}
