// `minutes preview` driven as a clerk uses it: the built CLI spawned with --no-open (the port read from its
// output), the page opened in headless Chromium, the Markdown and the theme edited on disk. Each edit must
// reach the page (the time from the write to the page showing it is measured and printed), an invalid edit
// shows its diagnostic over the last good render and its fix clears it, the scroll position survives the
// reload, two previews of one folder listen on two ports, escapes from the project are refused (raw HTTP:
// a browser would resolve "..", "%2e%2e" before sending), and
// SIGINT ends the process with 0 and frees the port.
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { axeViolations, launchChromium, type TestBrowser } from "./helpers/browser.js";
import { tempDir } from "./helpers/minutes-repo.js";
import { itWithTools, pdfText, plainCliEnv } from "./helpers/tools.js";

const bin = resolve("bin/minutes.js");
const seed = "examples/2024-03-05-steering-committee.md";
/** Start-up on a loaded CI machine: generous. The edit → page bound is checked separately. */
const startMs = 60_000;
/**
 * An edit must reach the page within a second. On a quiet machine it takes about half of that (debounce
 * 150 ms, build, swap); on a 2-core CI machine running other suites a single save can take seconds, most
 * of them the build waiting for a core. So each save is bounded loosely (a hang fails), and the best of
 * three saves is held to one second times the machine's oversubscription (load average / cores, when
 * above 1; the figures and the load are printed).
 */
const updateBoundMs = Number(process.env.PREVIEW_UPDATE_BOUND_MS ?? 20_000);
const oversubscription = () => Math.max(1, loadavg()[0]! / availableParallelism());
const latencies: Record<string, number> = {};
/** Sessions not stopped yet: a test that fails half-way leaves none running (see afterEach). */
const running = new Set<Session>();

interface Session {
  /** When the command was spawned, and when it printed its first render (Date.now()). */
  started: number;
  rendered: () => number | undefined;
  child: ChildProcess;
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Spawns `minutes preview <args> --no-open` and waits for the address it prints. */
async function startPreview(args: string[]): Promise<Session> {
  const started = Date.now();
  const child = spawn(process.execPath, [bin, "preview", ...args, "--no-open"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...plainCliEnv(), CI: "true" },
  });
  let out = "";
  let err = "";
  let rendered: number | undefined;
  child.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
    if (rendered === undefined && /rendered in \d+ ms/.test(out)) rendered = Date.now();
  });
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  let gone: number | null | undefined;
  const exited = new Promise<number | null>((r) =>
    child.once("exit", (code) => {
      gone = code;
      r(code);
    }),
  );
  // A preview that never listens is not left running.
  const found = await (async () => {
    try {
      return await until(
        () => {
          if (gone !== undefined) throw new Error(`minutes preview ended (${gone}) before listening:\n${out}\n${err}`);
          return /(http:\/\/127\.0\.0\.1:(\d+)\/\S*)/.exec(out);
        },
        "the preview's address",
        startMs,
      );
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
  })();
  console.log(`preview listening after ${Date.now() - started} ms`);
  const session: Session = {
    started,
    rendered: () => rendered,
    child,
    url: found[1]!,
    port: Number(found[2]),
    stdout: () => out,
    stderr: () => err,
    exited,
    stop: async (signal = "SIGINT") => {
      running.delete(session);
      child.kill(signal);
      // One that does not stop is killed (and its code, null, fails the test that expected 0).
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  running.add(session);
  return session;
}

async function until<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  ms = startMs,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A GET with the path exactly as written (fetch and URL would resolve "..", "%2e%2e" before sending). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

function project(name: string): { dir: string; meeting: string } {
  const dir = tempDir(`preview-${name}`);
  const meeting = join(dir, "2024-03-05-steering-committee.md");
  copyFileSync(seed, meeting);
  return { dir, meeting };
}

function edit(path: string, change: (text: string) => string): number {
  const before = readFileSync(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  writeFileSync(path, after);
  return Date.now();
}

afterEach(async () => {
  await Promise.all([...running].map((session) => session.stop()));
});

afterAll(() => {
  if (Object.keys(latencies).length) console.log(`preview edit → page (ms): ${JSON.stringify(latencies)}`);
});

describe("minutes preview in a browser", () => {
  itWithTools("chromium")(
    "shows each edit of the Markdown and of the theme, keeps the scroll position, and shows then clears a diagnostic",
    async () => {
      const { dir, meeting } = project("edits");
      mkdirSync(join(dir, "house"));
      writeFileSync(join(dir, "house", "theme.yaml"), 'name: house\ncolors:\n  primary: "123456"\n');
      edit(meeting, (t) => t.replace("language: en\n", "language: en\ntheme: ./house\n"));
      let browser: TestBrowser | undefined;
      const session = await startPreview([meeting]);
      try {
        browser = await launchChromium();
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 900, height: 500 });
        // Nothing the preview does may break the page's policy (a theme edit's new styles once did, in the console).
        const violations: string[] = [];
        page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
        await page.goto(session.url);
        const shows = (text: string) =>
          page.waitForFunction((t) => (document.body?.textContent ?? "").includes(t), text, {
            timeout: startMs,
            polling: 10,
          });
        await shows("The Chair opened the meeting");
        latencies.startToFirstRender = session.rendered()! - session.started;
        expect((await page.content()).toLowerCase()).toContain("123456");

        // The Markdown: a sentence added at the end, with the page scrolled down first.
        await page.evaluate(() => window.scrollTo(0, 700));
        await page.waitForFunction(() => Math.abs(window.scrollY - 700) < 2);
        await page.evaluate(() => Object.assign(document.body, { beforeTheEdit: true }));
        let wrote = edit(meeting, (t) => `${t.trimEnd()}\n\nThe preview saw this sentence arrive.\n`);
        await shows("The preview saw this sentence arrive.");
        latencies.markdown = Date.now() - wrote;
        expect(latencies.markdown).toBeLessThanOrEqual(updateBoundMs);
        // A new render in the page (its body swapped for the new one, the head being the same), where it was.
        await page.waitForFunction(() => document.readyState === "complete");
        expect(await page.evaluate(() => "beforeTheEdit" in document.body)).toBe(false);
        expect(Math.abs((await page.evaluate(() => window.scrollY)) - 700)).toBeLessThan(40);
        // Two more saves: the best of the three must be within a second, whatever else the machine runs.
        const times = [latencies.markdown];
        for (const word of ["second", "third"]) {
          await new Promise((r) => setTimeout(r, 300));
          wrote = edit(meeting, (t) => `${t.trimEnd()}\n\nThe ${word} save arrives too.\n`);
          await shows(`The ${word} save arrives too.`);
          times.push(Date.now() - wrote);
        }
        latencies.markdownBestOf3 = Math.min(...times);
        latencies.markdownWorstOf3 = Math.max(...times);
        const factor = oversubscription();
        if (factor > 1)
          console.log(
            `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores: best of 3 held to ${(factor).toFixed(1)} s`,
          );
        expect(latencies.markdownBestOf3).toBeLessThanOrEqual(1000 * factor);
        expect(latencies.markdownWorstOf3).toBeLessThanOrEqual(updateBoundMs);

        // The theme in the project: its colour reaches the page.
        wrote = edit(join(dir, "house", "theme.yaml"), (t) => t.replace('"123456"', '"7a1f5c"'));
        await page.waitForFunction(() => document.documentElement.outerHTML.toLowerCase().includes("7a1f5c"), null, {
          timeout: startMs,
          polling: 10,
        });
        latencies.theme = Date.now() - wrote;
        expect(latencies.theme).toBeLessThanOrEqual(updateBoundMs);
        expect((await page.content()).toLowerCase()).not.toContain("123456");
        expect(violations).toEqual([]);

        // An invalid front matter: the diagnostic, with its line, over the last good render.
        wrote = edit(meeting, (t) => t.replace("date: 2024-03-05", "date: [2024-03-05"));
        const overlay = page.locator("#minutes-preview-overlay");
        await overlay.waitFor({ state: "visible", timeout: startMs });
        latencies.diagnostic = Date.now() - wrote;
        const said = await overlay.textContent();
        expect(said).toMatch(/2024-03-05-steering-committee\.md:\d+:\d+/);
        expect(said).toContain("front-matter-yaml");
        expect(said).toMatch(/hint/i);
        expect(await page.evaluate(() => document.body.textContent)).toContain("The preview saw this sentence arrive.");
        // The panel keeps the page accessible (axe-core: roles, names, contrast).
        expect(await axeViolations(page)).toEqual([]);
        expect(session.stderr()).toMatch(/2024-03-05-steering-committee\.md:\d+:\d+: error/);

        // The fix clears it, and the page shows the fixed render.
        wrote = edit(meeting, (t) =>
          t.replace("date: [2024-03-05", "date: 2024-03-05").replace("saw this sentence", "saw the fix"),
        );
        await shows("The preview saw the fix arrive.");
        await overlay.waitFor({ state: "detached", timeout: startMs });
        latencies.fix = Date.now() - wrote;
      } finally {
        await browser?.close();
        expect(await session.stop()).toBe(0);
      }
      expect(session.stdout()).toMatch(/rendered in \d+ ms/);
    },
    240_000,
  );

  itWithTools("chromium", "pdftotext")(
    "--pdf shows the PDF in a frame and reloads it after an edit",
    async () => {
      const { meeting } = project("pdf");
      let browser: TestBrowser | undefined;
      const session = await startPreview([meeting, "--pdf"]);
      try {
        expect(session.url).toMatch(/\.pdf$/);
        browser = await launchChromium();
        const page = await browser.context.newPage();
        await page.goto(session.url);
        const frame = page.locator("iframe.minutes-preview-pdf");
        const first = await page.waitForFunction(
          () =>
            document
              .querySelector("iframe")
              ?.getAttribute("src")
              ?.match(/raw=([1-9]\d*)/)?.[0],
          null,
          { timeout: startMs },
        );
        const src = (await frame.getAttribute("src"))!;
        expect(String(await first.jsonValue())).toMatch(/raw=1/);
        const pdf = await fetch(new URL(src, session.url));
        expect(pdf.headers.get("content-type")).toBe("application/pdf");
        const wrote = edit(meeting, (t) => `${t.trimEnd()}\n\nA sentence for the PDF.\n`);
        await page.waitForFunction(
          () => /raw=2/.test(document.querySelector("iframe")?.getAttribute("src") ?? ""),
          null,
          {
            timeout: startMs,
            polling: 10,
          },
        );
        latencies.pdf = Date.now() - wrote;
        const next = await fetch(new URL((await frame.getAttribute("src"))!, session.url));
        const file = join(tempDir("preview-pdf-read"), "page.pdf");
        writeFileSync(file, new Uint8Array(await next.arrayBuffer()));
        expect(pdfText(file)).toContain("A sentence for the PDF.");
      } finally {
        await browser?.close();
        expect(await session.stop()).toBe(0);
      }
    },
    240_000,
  );
});

describe("minutes preview's server", () => {
  itWithTools("chromium")(
    "gives a second preview of the same folder its own port, and serves the index page of the folder",
    async () => {
      const { dir } = project("two");
      copyFileSync("examples/2022-09-23-gtm.md", join(dir, "2022-09-23-gtm.md"));
      const first = await startPreview([dir]);
      const second = await startPreview([dir]);
      let browser: TestBrowser | undefined;
      try {
        expect(second.port).not.toBe(first.port);
        browser = await launchChromium();
        for (const session of [first, second]) {
          const page = await browser.context.newPage();
          await page.goto(session.url);
          await page.waitForFunction(() => (document.body?.textContent ?? "").includes("Steering Committee"), null, {
            timeout: startMs,
          });
          const links = await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
          expect(links.some((href) => href?.endsWith(".html"))).toBe(true);
          // The French meeting's warning waits folded in a corner, with its place once opened.
          const warnings = page.locator("#minutes-preview-overlay.minutes-preview-warnings");
          await warnings.waitFor({ state: "visible", timeout: startMs });
          expect(await warnings.locator("summary").textContent()).toBe("Warnings of the last build (1)");
          expect(await warnings.locator("li").isVisible()).toBe(false);
          await warnings.locator("summary").click();
          expect(await warnings.locator("li").textContent()).toMatch(
            /^2022-09-23-gtm\.md:116:1 warning: .*\[agenda-number\]/,
          );
          expect(await axeViolations(page)).toEqual([]);
        }
      } finally {
        await browser?.close();
        expect(await second.stop()).toBe(0);
        expect(await first.stop()).toBe(0);
      }
    },
    240_000,
  );

  it("serves only files of the project: escapes by dots, encoded dots and slashes, backslashes, absolute paths and links are refused", async () => {
    const outside = tempDir("preview-outside");
    writeFileSync(join(outside, "secret.txt"), "TOP-SECRET-OUTSIDE");
    const { dir, meeting } = project("escapes");
    // The project's parent holds a secret too: "../secret.txt" from the project would name it.
    const parentSecret = join(dir, "..", "secret-beside.txt");
    writeFileSync(parentSecret, "TOP-SECRET-BESIDE");
    writeFileSync(join(dir, "annex.txt"), "an annex of the project");
    writeFileSync(join(dir, ".env"), "TOP-SECRET-DOTFILE");
    symlinkSync(outside, join(dir, "linked-folder"));
    symlinkSync(join(outside, "secret.txt"), join(dir, "linked-secret.txt"));
    const session = await startPreview([meeting]);
    try {
      // The positive control: a file of the project is served, the meeting's page too.
      expect(await rawGet(session.port, "/annex.txt")).toEqual({ status: 200, body: "an annex of the project" });
      // "/" is the meeting's page itself (the meeting is at the top of its project), once rendered.
      await until(async () => (await rawGet(session.port, "/")).body.includes("The Chair opened the meeting"), "/");
      const refused: Record<string, number[]> = {
        "/../secret-beside.txt": [404],
        "/%2e%2e/secret-beside.txt": [404],
        "/%2E%2E/secret-beside.txt": [404],
        "/.%2e/secret-beside.txt": [404],
        "/%2e%2e%2fsecret-beside.txt": [404],
        "/annex.txt%2f..%2f..%2fsecret-beside.txt": [404],
        "/..%5csecret-beside.txt": [404],
        "/\\..\\secret-beside.txt": [404],
        "/%5c..%5csecret-beside.txt": [404],
        [`/${encodeURIComponent(parentSecret)}`]: [404],
        [parentSecret]: [404],
        [`//${parentSecret}`]: [404],
        [`http://127.0.0.1:${session.port}/../secret-beside.txt`]: [404],
        "/C:/Windows/win.ini": [404],
        "/.env": [404],
        "/%2eenv": [404],
        "/linked-folder/secret.txt": [403],
        "/linked-secret.txt": [403],
        "/annex.txt%00.html": [404],
      };
      for (const [path, statuses] of Object.entries(refused)) {
        const answer = await rawGet(session.port, path);
        expect(statuses, `GET ${path}`).toContain(answer.status);
        expect(answer.body).not.toContain("TOP-SECRET");
      }
      // A page elsewhere that names 127.0.0.1 by a name of its own (DNS rebinding) is refused.
      const rebinding = await new Promise<number>((done, fail) =>
        request(
          { host: "127.0.0.1", port: session.port, path: "/annex.txt", headers: { Host: "attacker.example:80" } },
          (res) => done(res.statusCode ?? 0),
        )
          .on("error", fail)
          .end(),
      );
      expect(rebinding).toBe(403);
    } finally {
      expect(await session.stop()).toBe(0);
    }
  }, 120_000);

  it("renders again when the config or the earlier meeting named by previous: changes", async () => {
    const dir = tempDir("preview-inputs");
    for (const file of ["2024-01-10-board.md", "2024-02-14-board.md"])
      copyFileSync(join("test/fixtures/parity", file), join(dir, file));
    mkdirSync(join(dir, "house"));
    copyFileSync("test/fixtures/parity/house/theme.yaml", join(dir, "house", "theme.yaml"));
    writeFileSync(join(dir, "minutes.config.yaml"), "organisation: Harbour Rowing Club of Testville\n");
    const session = await startPreview([join(dir, "2024-02-14-board.md")]);
    const page = async (): Promise<string> => (await fetch(session.url)).text();
    const shows = (text: string, what: string) => until(async () => (await page()).includes(text), what, startMs);
    try {
      await shows("Get quotes for the new eight", "the first render");
      expect(await page()).toContain("Harbour Rowing Club of Testville");
      edit(join(dir, "minutes.config.yaml"), (t) => t.replace("Testville", "Elsewhere"));
      await shows("Harbour Rowing Club of Elsewhere", "the render after the config's edit");
      edit(join(dir, "2024-01-10-board.md"), (t) => t.replace("Get quotes for", "Get three quotes for"));
      await shows("Get three quotes for the new eight", "the render after the earlier meeting's edit");
    } finally {
      // SIGTERM (a service manager's stop) ends it as cleanly as Ctrl-C.
      expect(await session.stop("SIGTERM")).toBe(0);
      expect(session.stdout()).toContain("preview stopped");
    }
  }, 120_000);

  it("refuses a --port that another program holds: preview-listen, exit 1, nothing served", async () => {
    const { meeting } = project("busy");
    const holder = createServer();
    const port = await new Promise<number>((done) =>
      holder.listen({ port: 0, host: "127.0.0.1" }, () => done((holder.address() as { port: number }).port)),
    );
    try {
      const child = spawn(process.execPath, [bin, "preview", meeting, "--no-open", "--port", String(port)], {
        stdio: ["ignore", "pipe", "pipe"],
        env: plainCliEnv(),
      });
      let err = "";
      child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      expect(code).toBe(1);
      expect(err).toContain(
        `--port: error: the preview cannot listen on 127.0.0.1:${port}: another program uses that port [preview-listen]`,
      );
      expect(err).toContain("hint: Give another --port");
    } finally {
      await new Promise((r) => holder.close(r));
    }
  }, 60_000);

  it("tells the pages, in the user's language, why a meeting broken from the start has no render yet", async () => {
    const { meeting } = project("broken");
    edit(meeting, (t) => t.replace("date: 2024-03-05", "date: [2024-03-05"));
    // --port 0: a free port of the system's choosing.
    const session = await startPreview([meeting, "--lang", "fr", "--port", "0"]);
    try {
      // The page: the waiting page (no render yet), with the live script.
      const home = await fetch(session.url);
      expect(home.status).toBe(200);
      const page = await home.text();
      expect(page).toContain("Pas encore de rendu");
      expect(page).toContain('<script src="/__minutes/live.js" defer></script>');
      // The event stream: the states of the builds, until the failed one, with its diagnostic in French.
      const controller = new AbortController();
      const events = await fetch(new URL("/__minutes/events", session.url), { signal: controller.signal });
      expect(events.headers.get("content-type")).toContain("text/event-stream");
      const reader = events.body!.getReader();
      let stream = "";
      let failed: { build: number; heading: string; problems: Record<string, string>[] } | undefined;
      while (!failed) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the event stream ended: ${stream}`);
        stream += new TextDecoder().decode(value);
        for (const [, data] of stream.matchAll(/event: state\ndata: (.*)\n\n/g)) {
          const state = JSON.parse(data!);
          if (state.failed) failed = state;
        }
      }
      controller.abort();
      expect(failed.build).toBe(0);
      expect(failed.heading).toBe("La dernière construction a échoué : cette page montre le dernier rendu correct");
      const problem = failed.problems.find((p) => p.rule === "front-matter-yaml")!;
      expect(problem.where).toMatch(/^2024-03-05-steering-committee\.md:\d+:\d+$/);
      expect(problem.severityLabel).toBe("erreur");
      expect(problem.hintLabel).toBe("conseil");
      expect(problem.hint).toBeTruthy();
    } finally {
      expect(await session.stop()).toBe(0);
    }
  });

  itWithTools("chromium")(
    "stops on SIGINT with exit code 0, closing the event streams, and frees its port",
    async () => {
      const { meeting } = project("sigint");
      const session = await startPreview([meeting]);
      let browser: TestBrowser | undefined;
      try {
        browser = await launchChromium();
        const page = await browser.context.newPage();
        await page.goto(session.url);
        await page.waitForFunction(
          () => (document.body?.textContent ?? "").includes("The Chair opened the meeting"),
          null,
          {
            timeout: startMs,
          },
        );
        // An open page holds an event stream: SIGINT must end it, not wait for it.
        const stopped = Date.now();
        expect(await session.stop()).toBe(0);
        console.log(`preview stopped ${Date.now() - stopped} ms after SIGINT`);
        expect(session.stdout()).toContain("preview stopped");
        const free = await new Promise<boolean>((done) => {
          const probe = createServer();
          probe.once("error", () => done(false));
          probe.listen({ port: session.port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => done(true)));
        });
        expect(free).toBe(true);
      } finally {
        await browser?.close();
        if (session.child.exitCode === null) session.child.kill("SIGKILL");
      }
    },
    120_000,
  );
});
