// The build server (src/start/build-server.ts, server-client.ts, server-protocol.ts): outside CI, a build of
// one document leaves a process that runs the next builds of the same package and Node warm. What it writes and
// says must be what a run without it writes and says, in the request's folder, language and environment; it
// must serve nobody who does not know its key, and send nothing to a server that does not; it must step aside
// when busy, and stop when idle. The suite turns the server off (vitest.config.ts); these tests turn it on,
// each with a cache folder of its own, and stop the servers they started.
import { spawn, spawnSync } from "node:child_process";
import {
  mkdirSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
  serverWanted,
  idleMinutes,
} from "../src/start/server-protocol.js";
import { plainCliEnv } from "./helpers/tools.js";
import { ciServiceVariables } from "../src/start/ci.js";

const root = process.cwd();
const launcher = join(root, "bin/minutes.js");
const seed = join(root, "examples/2022-09-23-gtm.md");
const caches: string[] = [];

/** A cache folder of its own (short: a socket's path must stay under 100 bytes). */
function newCache(): string {
  const cache = mkdtempSync("/tmp/mns-");
  caches.push(cache);
  return cache;
}

const serverEnv = (cache: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...plainCliEnv(),
  // Not a CI job, even when the suite runs in one.
  CI: "",
  ...Object.fromEntries(ciServiceVariables.map((name) => [name, ""])),
  MINUTES_SERVER: "",
  MINUTES_NO_SNAPSHOT: "",
  MINUTES_CACHE_DIR: cache,
  MINUTES_TRACE_START: "1",
  SOURCE_DATE_EPOCH: "1700000000",
  ...extra,
});

function run(args: string[], env: NodeJS.ProcessEnv, cwd = root) {
  return spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: "utf8", env });
}

/** The server folder in `cache`: the identity folder's (one per Node binary and package build; this suite uses one). */
function serverOf(cache: string): string | undefined {
  const [identity] = existsSync(cache)
    ? readdirSync(cache).filter((name) => existsSync(join(cache, name, "server")))
    : [];
  return identity ? serverFolder(join(cache, identity)) : undefined;
}

function pidOf(cache: string): number | undefined {
  const folder = serverOf(cache);
  const file = folder && join(folder, "pid");
  return file && existsSync(file) ? Number(readFileSync(file, "utf8")) : undefined;
}

/** The processes started as the server of `folder` (Linux: their environment, read from /proc). */
function serverPids(folder: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/environ`, "latin1").split("\0").includes(`MINUTES_SERVE=${folder}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the server of `cache` listens (its pid file is written once it does). */
async function serverUp(cache: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const pid = pidOf(cache);
    if (pid && alive(pid)) return pid;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no build server started in ${cache}`);
}

const withoutTrace = (stderr: string): string =>
  stderr.replace(/^minutes: (started from the \w+|built by the build server|a pool of .*)\n/gm, "");

afterAll(() => {
  for (const cache of caches) {
    const folder = serverOf(cache);
    for (const pid of folder ? serverPids(folder) : []) process.kill(pid);
  }
});

describe("the build server", () => {
  it("builds the second run with the same bytes and messages as a run without it, in the run's folder and language", async () => {
    const cache = newCache();
    const dir = mkdtempSync(join(tmpdir(), "minutes-srv-"));
    copyFileSync(seed, join(dir, "seed.md"));
    const first = run(["build", "seed.md", "--out", "first"], serverEnv(cache), dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain("minutes: started from the snapshot");
    expect(first.stderr).not.toContain("built by the build server");
    const pid = await serverUp(cache);
    expect(serverPids(serverOf(cache)!)).toEqual([pid]);
    // It works in the temporary folder, not in the project's, which Windows would then keep from being removed.
    expect(readlinkSync(`/proc/${pid}/cwd`)).toBe(realpathSync(tmpdir()));

    for (const [lang, wrote] of [
      ["fr_FR.UTF-8", "écrit :"],
      ["de_DE.UTF-8", "geschrieben:"],
    ] as const) {
      const served = run(["build", "seed.md", "--out", "via", "--force"], serverEnv(cache, { LANG: lang }), dir);
      const alone = run(
        ["build", "seed.md", "--out", "own", "--force"],
        serverEnv(cache, { LANG: lang, MINUTES_SERVER: "0" }),
        dir,
      );
      expect(served.stderr).toContain("minutes: built by the build server");
      expect(alone.stderr).not.toContain("built by the build server");
      expect(served.status).toBe(0);
      expect(served.stdout).toContain(`${wrote} ${join(dir, "via", "seed.pdf")}`);
      expect(served.stdout.replaceAll("/via/", "/own/")).toBe(alone.stdout);
      expect(withoutTrace(served.stderr)).toBe(withoutTrace(alone.stderr));
      expect(withoutTrace(served.stderr)).toContain("agenda-number");
      for (const file of ["seed.pdf", "seed.docx"])
        expect(readFileSync(join(dir, "via", file)).equals(readFileSync(join(dir, "own", file))), file).toBe(true);
    }

    // The files it writes get the command's file mode mask, not the server's.
    const masked = spawnSync(
      "sh",
      ["-c", `umask 027; exec "${process.execPath}" "${launcher}" build seed.md --out masked`],
      {
        cwd: dir,
        encoding: "utf8",
        env: serverEnv(cache),
      },
    );
    expect(masked.stderr).toContain("minutes: built by the build server");
    expect(statSync(join(dir, "masked/seed.pdf")).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, "via/seed.pdf")).mode & 0o777).toBe(0o666 & ~process.umask());

    // A file with errors: exit 1, the same messages, at file:line:column, and nothing written.
    writeFileSync(join(dir, "bad.md"), "---\ntitle: x\n---\n# bad\n");
    const bad = run(["build", "bad.md"], serverEnv(cache, { LANG: "es_ES.UTF-8" }), dir);
    const badAlone = run(["build", "bad.md"], serverEnv(cache, { LANG: "es_ES.UTF-8", MINUTES_SERVER: "0" }), dir);
    expect(bad.stderr).toContain("minutes: built by the build server");
    expect(bad.status).toBe(1);
    expect(badAlone.status).toBe(1);
    expect(withoutTrace(bad.stderr)).toBe(withoutTrace(badAlone.stderr));
    expect(bad.stderr).toMatch(/^bad\.md:2:1: error|^bad\.md:2:1: [^\n]*\[front-matter-date\]/m);
    expect(existsSync(join(dir, "bad.pdf"))).toBe(false);

    // A usage error is said and exits 2, as without the server.
    const usage = run(["build", "seed.md", "--format", "odt"], serverEnv(cache), dir);
    expect(usage.stderr).toContain("minutes: built by the build server");
    expect(usage.status).toBe(2);
    expect(withoutTrace(usage.stderr)).toBe(
      withoutTrace(run(["build", "seed.md", "--format", "odt"], serverEnv(cache, { MINUTES_SERVER: "0" }), dir).stderr),
    );
  });

  it("reads again a theme's font file replaced between two builds", async () => {
    const cache = newCache();
    const dir = mkdtempSync(join(tmpdir(), "minutes-srv-font-"));
    const fonts = join(root, "dist/fonts");
    mkdirSync(join(dir, "house/fonts"), { recursive: true });
    const faces = { regular: "NotoSans_400Regular", bold: "NotoSans_700Bold", italic: "NotoSans_400Regular_Italic" };
    for (const [face, file] of Object.entries(faces))
      copyFileSync(join(fonts, `${file}.ttf`), join(dir, "house/fonts", `${face}.ttf`));
    writeFileSync(
      join(dir, "house/theme.yaml"),
      "name: house\nfonts:\n  body: { family: House, regular: fonts/regular.ttf, bold: fonts/bold.ttf, italic: fonts/italic.ttf }\n",
    );
    copyFileSync(seed, join(dir, "seed.md"));
    const build = (out: string, extra: NodeJS.ProcessEnv = {}) =>
      run(["build", "seed.md", "--theme", "house", "--out", out, "--force"], serverEnv(cache, extra), dir);
    expect(build("first").status).toBe(0);
    await serverUp(cache);
    const before = build("before");
    expect(before.stderr).toContain("minutes: built by the build server");
    // The regular face becomes another font, at the same path.
    copyFileSync(join(fonts, "NotoSansMono_400Regular.ttf"), join(dir, "house/fonts/regular.ttf"));
    const after = build("after");
    const alone = build("alone", { MINUTES_SERVER: "0" });
    expect(after.stderr).toContain("minutes: built by the build server");
    expect(after.status, after.stderr).toBe(0);
    for (const file of ["seed.pdf", "seed.docx"])
      expect(readFileSync(join(dir, "after", file)).equals(readFileSync(join(dir, "alone", file))), file).toBe(true);
    expect(readFileSync(join(dir, "after/seed.pdf")).equals(readFileSync(join(dir, "before/seed.pdf")))).toBe(false);
  });

  it("never serves a build that watches, however its flags are written (-qw): it would keep watching after the command", async () => {
    const cache = newCache();
    const dir = mkdtempSync(join(tmpdir(), "minutes-srv-watch-"));
    copyFileSync(seed, join(dir, "seed.md"));
    expect(run(["build", "seed.md", "--format", "json"], serverEnv(cache), dir).status).toBe(0);
    await serverUp(cache);
    for (const flags of [["-qw"], ["-wq"], ["-qo", "out", "-w"]]) {
      const stderr = await new Promise<string>((done) => {
        const child = spawn(process.execPath, [launcher, "build", "seed.md", "--format", "json", ...flags], {
          cwd: dir,
          env: serverEnv(cache),
        });
        let text = "";
        child.stderr.on("data", (d: Buffer) => {
          text += d;
          if (/started from the|built by the build server/.test(text)) child.kill();
        });
        child.on("close", () => done(text));
      });
      expect(stderr, flags.join(" ")).toContain("minutes: started from the bundle");
      expect(stderr, flags.join(" ")).not.toContain("built by the build server");
    }
    // `-ow` names the folder w: one file, served.
    const written = run(["build", "seed.md", "--format", "json", "-ow"], serverEnv(cache), dir);
    expect(written.stderr).toContain("minutes: built by the build server");
    expect(existsSync(join(dir, "w", "seed.json"))).toBe(true);
  });

  it("keeps its folder and key to its user, and serves nobody who does not know the key", async () => {
    const cache = newCache();
    const first = run(["build", seed, "--format", "json", "--out", join(cache, "out")], serverEnv(cache));
    expect(first.status, first.stderr).toBe(0);
    await serverUp(cache);
    const folder = serverOf(cache)!;
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, "key")).mode & 0o777).toBe(0o600);
    const key = readKey(folder)!;
    const address = serverAddress(folder, key)!;

    // A client with a wrong key is cut off after its proof, and never told the server's.
    const answers = await new Promise<Record<string, unknown>[]>((done) => {
      const seen: Record<string, unknown>[] = [];
      const socket = connect(address);
      receive(socket, (message) => {
        seen.push(message);
        if (typeof message.nonce === "string")
          send(socket, { nonce: nonce(), proof: proof(Buffer.alloc(32, 7), "launcher", message.nonce) });
      });
      socket.on("close", () => done(seen));
      socket.on("error", () => {});
    });
    expect(answers).toHaveLength(1);
    expect(Object.keys(answers[0]!)).toEqual(["nonce"]);
  });

  it("sends nothing to a server that cannot prove the key, and the run builds itself", async () => {
    const cache = newCache();
    // A process that took the server's address once the server stopped, without its key.
    expect(run(["build", seed, "--format", "json", "--out", join(cache, "out")], serverEnv(cache)).status).toBe(0);
    const pid = await serverUp(cache);
    process.kill(pid);
    while (alive(pid)) await new Promise((done) => setTimeout(done, 50));
    const folder = serverOf(cache)!;
    const address = serverAddress(folder, readKey(folder)!)!;
    rmSync(address, { force: true });
    const requests: unknown[] = [];
    const impostor = createServer((socket) => {
      socket.on("error", () => {});
      send(socket, { nonce: nonce() });
      receive(socket, (message) => {
        if ("request" in message) requests.push(message.request);
        else send(socket, { proof: proof(Buffer.alloc(32, 1), "server", String(message.nonce)) });
      });
    });
    await new Promise<void>((done) => impostor.listen(address, done));
    try {
      const out = join(cache, "impostor");
      const r = await new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [launcher, "build", seed, "--format", "json", "--out", out], {
          env: serverEnv(cache),
        });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d));
        child.on("close", (status) => done({ status, stderr }));
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain("minutes: started from the snapshot");
      expect(r.stderr).not.toContain("built by the build server");
      expect(existsSync(join(out, "2022-09-23-gtm.json"))).toBe(true);
      expect(requests).toEqual([]);
      // The server that run started finds the address taken by a process that answers, and leaves.
      await new Promise((done) => setTimeout(done, 1500));
      expect(serverPids(folder), "a second server stayed").toEqual([]);
    } finally {
      impostor.close();
    }
  });

  it("answers busy while it builds, and the other run builds itself; both write their files", async () => {
    const cache = newCache();
    const dir = mkdtempSync(join(tmpdir(), "minutes-busy-"));
    // A long meeting keeps the server busy for a while.
    const items = Array.from(
      { length: 400 },
      (_, i) =>
        `## Item ${i + 1}\n\nText with **bold** and a [link](https://example.org/${i}).\n\n- a point\n- another\n`,
    ).join("\n");
    writeFileSync(join(dir, "2024-01-01-long.md"), `---\ntitle: Long\ndate: 2024-01-01\n---\n\n${items}`);
    copyFileSync(seed, join(dir, "seed.md"));
    expect(run(["build", "seed.md", "--format", "json"], serverEnv(cache), dir).status).toBe(0);
    await serverUp(cache);
    let served: () => void = () => {};
    const going = new Promise<void>((done) => (served = done));
    const long = new Promise<{ status: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [launcher, "build", "2024-01-01-long.md", "--force"], {
        cwd: dir,
        env: serverEnv(cache),
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => {
        stderr += d;
        if (stderr.includes("built by the build server")) served();
      });
      child.on("close", (status) => {
        served();
        done({ status, stderr });
      });
    });
    await going; // the server has taken the long meeting
    const short = run(["build", "seed.md", "--format", "json", "--out", "short"], serverEnv(cache), dir);
    const longDone = await long;
    expect(longDone.status, longDone.stderr).toBe(0);
    expect(longDone.stderr).toContain("minutes: built by the build server");
    expect(short.status, short.stderr).toBe(0);
    expect(short.stderr).toContain("minutes: started from the snapshot");
    expect(JSON.parse(readFileSync(join(dir, "short", "seed.json"), "utf8")).meeting.title).toContain("Migration");
    expect(readFileSync(join(dir, "2024-01-01-long.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("stops when it has had nothing to build for its idle time", async () => {
    const cache = newCache();
    const env = serverEnv(cache, { MINUTES_SERVER: "0.025" }); // 1.5 s;
    expect(run(["build", seed, "--format", "json", "--out", join(cache, "out")], env).status).toBe(0);
    const pid = await serverUp(cache);
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((done) => setTimeout(done, 100));
    expect(alive(pid)).toBe(false);
  });

  it("is not used or started in CI, with MINUTES_SERVER=0, or with MINUTES_NO_SNAPSHOT", () => {
    expect(serverWanted({})).toBe(true);
    expect(serverWanted({ MINUTES_SERVER: "1" })).toBe(true);
    expect(serverWanted({ CI: "false" })).toBe(true);
    expect(serverWanted({ NODE_OPTIONS: " " })).toBe(true);
    for (const env of [
      { CI: "true" },
      { CI: "1" },
      { JENKINS_URL: "http://ci.example.org/" },
      { TF_BUILD: "True" },
      { MINUTES_SERVER: "0" },
      { MINUTES_SERVER: "off" },
      { MINUTES_NO_SNAPSHOT: "1" },
      { NODE_OPTIONS: "--inspect=127.0.0.1:0" },
    ])
      expect(serverWanted(env), JSON.stringify(env)).toBe(false);
    for (const extra of [{ CI: "true" }, { NODE_OPTIONS: "--no-deprecation" }]) {
      const cache = newCache();
      const r = run(["build", seed, "--format", "json", "--out", join(cache, "out")], serverEnv(cache, extra));
      expect(r.status, r.stderr).toBe(0);
      expect(serverOf(cache) && existsSync(serverOf(cache)!), JSON.stringify(extra)).toBeFalsy();
    }
  });

  it("listens on a socket in its folder, or a named pipe named from its key on Windows, and proves with HMAC", () => {
    const key = Buffer.alloc(32, 3);
    expect(serverAddress("/home/a/.cache/minutes/1.0.0-abc/server", key, "linux")).toBe(
      "/home/a/.cache/minutes/1.0.0-abc/server/socket",
    );
    expect(serverAddress(`/${"x".repeat(100)}/server`, key, "linux")).toBeUndefined();
    const pipe = serverAddress("C:\\Users\\a\\AppData\\Local\\minutes\\Cache\\1.0.0-abc\\server", key, "win32")!;
    expect(pipe).toMatch(/^\\\\\.\\pipe\\minutes-[0-9a-f]{40}$/);
    expect(serverAddress("C:\\other\\server", key, "win32")).not.toBe(pipe);
    expect(
      serverAddress("C:\\Users\\a\\AppData\\Local\\minutes\\Cache\\1.0.0-abc\\server", Buffer.alloc(32, 4), "win32"),
    ).not.toBe(pipe);
    const n = nonce();
    expect(proves(key, "launcher", n, proof(key, "launcher", n))).toBe(true);
    expect(proves(key, "server", n, proof(key, "launcher", n))).toBe(false);
    expect(proves(Buffer.alloc(32, 5), "launcher", n, proof(key, "launcher", n))).toBe(false);
    expect(proves(key, "launcher", n, undefined)).toBe(false);
    expect(proves(key, "launcher", n, "short")).toBe(false);
    const folder = join(mkdtempSync(join(tmpdir(), "minutes-key-")), "server");
    const made = makeKey(folder);
    expect(made).toHaveLength(32);
    expect(makeKey(folder).equals(made)).toBe(true);
  });
});
