// What the build server (build-server.ts) and the launcher that asks it (launch.ts) must agree on, in one place:
// where the server listens, the secret both prove they know, and the messages they exchange. Only node:
// modules: the launcher bundles this file.
//
// The server's folder is `server/` in the per-user cache folder of one identity (a Node binary and a package
// build: launch.ts), made readable by its user only. It holds `key`, 32 random bytes, and, on Linux and macOS,
// the socket. On Windows the server listens on a named pipe whose name comes from the key, so another user
// cannot guess it before the server makes it. Each side proves it knows the key before the launcher sends
// anything (HMAC-SHA256 of the other side's random nonce): a process of another user that took the address
// gets nothing, and cannot make the server build.
//
// Messages are lines of JSON, each way:
//   server → launcher  {"nonce"}                        on connection
//   launcher → server  {"nonce","proof"}                 its nonce, and its proof of the server's
//   server → launcher  {"proof"}                         its proof of the launcher's nonce
//   launcher → server  {"request": ServerRequest}
//   server → launcher  {"busy": true}                    another build is running: the launcher builds itself
//                      {"go": true}, then {"out"|"err": base64}…, then {"exit": code}
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Socket } from "node:net";
import { inCi } from "./ci.js";

/** What a run asks the server to do: the command line as typed, where and with what environment. */
export interface ServerRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** The launcher's file mode mask, which the files a build writes get (absent on Windows). */
  umask?: number;
  /** Whether the launcher's standard output and error are terminals, and the terminal's width. */
  tty: { out: boolean; err: boolean; columns?: number };
}

export type ServerMessage =
  | { nonce: string; proof?: string }
  | { proof: string }
  | { request: ServerRequest }
  | { busy: true }
  | { go: true }
  | { out: string }
  | { err: string }
  | { exit: number };

/** The server's folder in a cache folder of one identity. */
export const serverFolder = (cache: string): string => join(cache, "server");

/** `key` in the server's folder; undefined when there is none (no server was ever started) or it cannot be read. */
export function readKey(folder: string): Buffer | undefined {
  try {
    const key = readFileSync(join(folder, "key"));
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The key, made (with the folder, for its user only) when there is none yet. Throws when the folder cannot be written. */
export function makeKey(folder: string): Buffer {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform !== "win32") chmodSync(folder, 0o700);
  const known = readKey(folder);
  if (known) return known;
  const key = randomBytes(32);
  try {
    writeFileSync(join(folder, "key"), key, { mode: 0o600, flag: "wx" });
  } catch {
    // Another run made it first: use theirs.
    return readKey(folder) ?? key;
  }
  return key;
}

/**
 * Where the server of this folder listens: a named pipe on Windows, else a socket in the folder; undefined when
 * the socket's path is longer than the system takes (104 bytes on macOS), and then no server is used.
 */
export function serverAddress(folder: string, key: Buffer, platform = process.platform): string | undefined {
  if (platform === "win32") {
    const name = createHash("sha256").update(key).update(folder).digest("hex").slice(0, 40);
    return `\\\\.\\pipe\\minutes-${name}`;
  }
  const socket = join(folder, "socket");
  return Buffer.byteLength(socket) < 100 ? socket : undefined;
}

export const nonce = (): string => randomBytes(16).toString("hex");

/** The proof that `side` knows the key, for the other side's nonce. */
export const proof = (key: Buffer, side: "launcher" | "server", theirNonce: string): string =>
  createHmac("sha256", key).update(`${side} ${theirNonce}`).digest("hex");

/** Whether `given` is the proof `side` would give for `ourNonce`, compared in constant time. */
export function proves(key: Buffer, side: "launcher" | "server", ourNonce: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const expected = Buffer.from(proof(key, side, ourNonce));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function send(socket: Socket, message: ServerMessage): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
}

/** Calls `each` with every message the socket receives, a line of JSON each; a line that is not JSON closes it. */
export function receive(socket: Socket, each: (message: Record<string, unknown>) => void): void {
  let pending = "";
  socket.setEncoding("utf8");
  socket.on("data", (data: string) => {
    pending += data;
    let end: number;
    while ((end = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        socket.destroy();
        return;
      }
      if (message && typeof message === "object") each(message as Record<string, unknown>);
      if (socket.destroyed) return;
    }
    // A line longer than any request (a whole environment is a few KB): not ours.
    if (pending.length > 4 * 1024 * 1024) socket.destroy();
  });
}

/**
 * Whether the build server may be used and started: not in CI, not with MINUTES_SERVER=0 or MINUTES_NO_SNAPSHOT,
 * and not with NODE_OPTIONS, which a server would keep from the run that started it (an `--inspect` port left
 * open for ten minutes) and not take from the runs it serves.
 */
export function serverWanted(env: NodeJS.ProcessEnv): boolean {
  return (
    !inCi(env) &&
    !env.MINUTES_NO_SNAPSHOT &&
    !env.NODE_OPTIONS?.trim() &&
    !/^\s*(0+(\.0*)?|false|no|off)\s*$/i.test(env.MINUTES_SERVER ?? "")
  );
}

/** How long a server waits for a build before it stops: MINUTES_SERVER in minutes when it is a number, else 10 minutes. */
export function idleMinutes(env: NodeJS.ProcessEnv): number {
  const minutes = Number(env.MINUTES_SERVER);
  return env.MINUTES_SERVER?.trim() && Number.isFinite(minutes) && minutes > 0 ? minutes : 10;
}
