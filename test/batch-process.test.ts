// A batch build as a process: killed halfway it leaves only complete outputs; --watch rebuilds on save
// and stops cleanly on Ctrl-C (SIGINT).
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { generateRepo, tempDir } from "./helpers/minutes-repo.js";
import { useTools } from "./helpers/tools.js";

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function expectComplete(path: string): void {
  const bytes = readFileSync(path);
  if (path.endsWith(".pdf")) {
    expect(bytes.subarray(0, 5).toString(), path).toBe("%PDF-");
    expect(bytes.subarray(-32).toString().trimEnd().endsWith("%%EOF"), path).toBe(true);
    if (useTools("qpdf")) expect(spawnSync("qpdf", ["--check", path]).status, path).toBe(0);
  } else if (path.endsWith(".docx")) {
    const parts = unzipSync(new Uint8Array(bytes));
    expect(new TextDecoder().decode(parts["word/document.xml"]), path).toContain("</w:document>");
  }
}

describe("a build killed halfway", () => {
  it("leaves every output complete, and temporary files are neither outputs nor indexed", async () => {
    const repo = tempDir("kill");
    generateRepo(repo, 24);
    const out = tempDir("kill-out");
    const child = spawn(process.execPath, ["bin/minutes.js", "build", repo, "--out", out, "--jobs", "2", "--quiet"], {
      stdio: "ignore",
    });
    const outputs = () => files(out).filter((f) => /\.(pdf|docx)$/.test(f));
    await until(() => outputs().length >= 6, "some outputs");
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const written = outputs();
    expect(written.length).toBeGreaterThanOrEqual(6);
    expect(written.length).toBeLessThan(48);
    for (const path of written) expectComplete(path);
    // Every name that is not a complete output is a dot-file (temporary file or manifest).
    for (const path of files(out)) if (!written.includes(path)) expect(path.split("/").at(-1), path).toMatch(/^\./);

    // The next build completes the set; leftover temporary files do not count as outputs.
    const again = spawnSync(process.execPath, ["bin/minutes.js", "build", repo, "--out", out, "--json"], {
      encoding: "utf8",
    });
    expect(again.status).toBe(0);
    const summary = JSON.parse(again.stdout) as {
      totals: { files: number; failed: number };
      files: { outputs: { path: string }[] }[];
    };
    expect(summary.totals).toMatchObject({ files: 24, failed: 0 });
    expect(outputs()).toHaveLength(48);
    for (const path of outputs()) expectComplete(path);
    const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8")) as {
      meetings: { pdf: string; docx: string }[];
    };
    expect(index.meetings).toHaveLength(24);
    for (const m of index.meetings) expect(m.pdf).toMatch(/^2021\/2021-\d\d-\d\d-gtm\.pdf$/);
  });
});

describe("minutes build --watch", () => {
  it("rebuilds on save, keeps watching after an error, and exits 0 on SIGINT", async () => {
    const repo = tempDir("watch");
    const [first] = generateRepo(repo, 2) as [string];
    const out = tempDir("watch-out");
    const child = spawn(
      process.execPath,
      ["bin/minutes.js", "build", repo, "--out", out, "--format", "json", "--watch"],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const output = join(out, "2021", "2021-01-04-gtm.json");
    await until(() => stderr.includes("watching for changes"), "the first build");
    expect(stdout).toContain("2 built");

    // An error: reported, and watching goes on.
    writeFileSync(first, readFileSync(first, "utf8").replace("date: 2021-01-04", "date: 2021-02-30"));
    await until(() => stderr.includes(":3:7: error:"), "the error");
    // A fix with a new title: rebuilt.
    writeFileSync(
      first,
      readFileSync(first, "utf8")
        .replace("date: 2021-02-30", "date: 2021-01-04")
        .replace(/^title: .*$/m, "title: Watched meeting"),
    );
    await until(() => readFileSync(output, "utf8").includes("Watched meeting"), "the rebuilt output");

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
