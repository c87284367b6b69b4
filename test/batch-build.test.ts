// `minutes build` on a repository: parallel, failures collected, mirrored output tree, incremental
// rebuilds, shards, the JSON summary and the published index.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateRepo, tempDir } from "./helpers/minutes-repo.js";
import { itWithTools, pdfText } from "./helpers/tools.js";
import { workerExecArgv } from "../src/batch/worker-pool.js";

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/minutes.js", ...args], { encoding: "utf8", env: { ...process.env, CI: "true" } });

interface Summary {
  ok: boolean;
  totals: { files: number; built: number; unchanged: number; failed: number };
  files: {
    input: string;
    status: string;
    outputs: { format: string; path: string }[];
    diagnostics: { file: string; line: number; message: string }[];
  }[];
}
const json = (r: ReturnType<typeof cli>): Summary => JSON.parse(r.stdout) as Summary;

/** Every file under dir, relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("building a folder of minutes", () => {
  const repo = tempDir("repo");
  const out = tempDir("dist");
  let result: ReturnType<typeof cli>;
  let bad: string;

  beforeAll(() => {
    generateRepo(repo, 5);
    bad = join(repo, "2021", "2021-02-30-bad.md");
    writeFileSync(
      bad,
      readFileSync("examples/2022-09-23-gtm.md", "utf8").replace("date: 2022-09-23", "date: 2021-02-30"),
    );
    writeFileSync(join(repo, "README.md"), "# Our minutes\n");
    result = cli("build", repo, "--out", out, "--jobs", "2");
  });

  it("builds every good file, mirrors the tree, and exits 1 because one failed", () => {
    expect(result.status).toBe(1);
    const files = tree(out).filter((f) => !f.startsWith(".") && !f.startsWith("index."));
    const stems = ["2021-01-04", "2021-01-11", "2021-01-18", "2021-01-25", "2021-02-01"].map((d) => `2021/${d}-gtm`);
    expect(files).toEqual(stems.flatMap((s) => [`${s}.docx`, `${s}.pdf`]).sort());
  });

  it("reports the failure at the end with file:line:column", () => {
    expect(result.stderr).toContain(`${bad}:3:7: error:`);
    // The six copies of the seed each give its one warning (item 4 typed "1."): the bad one too, in the same pass as its error.
    expect(result.stderr.trimEnd().split("\n").at(-1)).toMatch(
      /^minutes: 1 error, 6 warnings; nothing was written for the files with errors/,
    );
    expect(result.stdout).toContain("minutes: 5 built, 0 unchanged, 1 failed");
  });

  itWithTools("pdftotext")("writes complete PDFs with each meeting's own date", () => {
    expect(pdfText(join(out, "2021", "2021-01-18-gtm.pdf"))).toContain("lundi 18 janvier 2021");
  });

  it("writes index.json, newest first, with links and open actions", () => {
    const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8")) as {
      meetings: { date: string; title: string; pdf: string; docx: string; openActions: number }[];
    };
    expect(index.meetings.map((m) => m.date)).toEqual([
      "2021-02-01",
      "2021-01-25",
      "2021-01-18",
      "2021-01-11",
      "2021-01-04",
    ]);
    expect(index.meetings[0]).toMatchObject({
      pdf: "2021/2021-02-01-gtm.pdf",
      docx: "2021/2021-02-01-gtm.docx",
      openActions: 3,
    });
    for (const m of index.meetings) expect(existsSync(join(out, m.pdf))).toBe(true);
  });
});

describe("incremental builds", () => {
  const repo = tempDir("inc");
  const out = tempDir("inc-out");
  let files: string[];
  const build = (...extra: string[]) => json(cli("build", repo, "--out", out, "--format", "json", "--json", ...extra));

  beforeAll(() => {
    files = generateRepo(repo, 6);
  });

  it("skips unchanged files, rebuilds a changed one, a config change, a missing output, and --force", () => {
    expect(build().totals).toEqual({ files: 6, built: 6, unchanged: 0, failed: 0 });
    expect(build().totals).toEqual({ files: 6, built: 0, unchanged: 6, failed: 0 });

    writeFileSync(files[2]!, readFileSync(files[2]!, "utf8").replace("## Ouverture", "## Ouverture de séance"));
    const one = build();
    expect(one.totals).toMatchObject({ built: 1, unchanged: 5 });
    expect(one.files.find((f) => f.status === "built")?.input).toBe(files[2]);

    rmSync(join(out, "2021", relative(join(repo, "2021"), files[4]!).replace(/\.md$/, ".json")));
    expect(build().totals).toMatchObject({ built: 1, unchanged: 5 });

    writeFileSync(join(repo, "minutes.config.yaml"), "strict: false\n");
    expect(build().totals).toMatchObject({ built: 6, unchanged: 0 });
    expect(build("--force").totals).toMatchObject({ built: 6, unchanged: 0 });
    expect(build().totals).toMatchObject({ built: 0, unchanged: 6 });
  });

  it("rebuilds a file that failed last time", () => {
    const broken = join(repo, "2021", "broken.md");
    writeFileSync(broken, "---\ntitle: T\ndate: 2021-13-01\n---\n\n## A\n");
    expect(build().totals).toMatchObject({ failed: 1, unchanged: 6 });
    expect(build().totals).toMatchObject({ failed: 1, unchanged: 6 });
    rmSync(broken);
  });
});

describe("shards", () => {
  it("together build exactly what a full build builds", () => {
    const repo = tempDir("shard");
    generateRepo(repo, 12);
    const full = tempDir("shard-full");
    const parts = [tempDir("shard-1"), tempDir("shard-2")];
    expect(cli("build", repo, "--out", full, "--format", "json", "--quiet").status).toBe(0);
    parts.forEach((dir, i) =>
      expect(cli("build", repo, "--out", dir, "--format", "json", "--shard", `${i + 1}/2`, "--quiet").status).toBe(0),
    );
    const outputs = (dir: string) =>
      tree(dir).filter((f) => f.endsWith(".json") && !f.startsWith(".") && f !== "index.json");
    const [a, b] = parts.map(outputs) as [string[], string[]];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((f) => b.includes(f))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(outputs(full));
    for (const f of a) expect(readFileSync(join(parts[0]!, f)).equals(readFileSync(join(full, f)))).toBe(true);
    // The same shard again gives the same share.
    const again = tempDir("shard-1-again");
    cli("build", repo, "--out", again, "--format", "json", "--shard", "1/2", "--quiet");
    expect(outputs(again)).toEqual(a);
  });
});

describe("command-line checks", () => {
  it("refuses bad --jobs and --shard values with exit 2", () => {
    for (const args of [
      ["--jobs", "0"],
      ["--jobs", "x"],
      ["--shard", "3/2"],
      ["--shard", "1"],
    ]) {
      const r = cli("build", "examples", ...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^minutes: --(jobs|shard)/);
    }
  });

  it("builds a quoted glob and prints nothing with --quiet on success", () => {
    const repo = tempDir("glob");
    generateRepo(repo, 3);
    cpSync("examples/2024-03-05-steering-committee.md", join(repo, "en.md"));
    const out = tempDir("glob-out");
    const r = cli("build", `${repo}/20*/*.md`, "--out", out, "--format", "json", "--quiet");
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe("");
    expect(tree(out).filter((f) => f.endsWith("-gtm.json"))).toEqual([
      "2021/2021-01-04-gtm.json",
      "2021/2021-01-11-gtm.json",
      "2021/2021-01-18-gtm.json",
    ]);
  });
});

describe("a worker that dies", () => {
  it("does not fail its file: the file is retried in the main thread", () => {
    const repo = tempDir("oom");
    generateRepo(repo, 3);
    const out = tempDir("oom-out");
    // A 16 MB heap cap is too small to load the renderers: every worker runs out of memory.
    const r = spawnSync(
      process.execPath,
      ["bin/minutes.js", "build", repo, "--out", out, "--format", "json,pdf", "--jobs", "2", "--json"],
      { encoding: "utf8", env: { ...process.env, MINUTES_WORKER_HEAP_MB: "16" } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(json(r).totals).toEqual({ files: 3, built: 3, unchanged: 0, failed: 0 });
    expect(tree(out).filter((f) => f.endsWith(".pdf"))).toHaveLength(3);
  });
});

describe("the build pool", () => {
  it("is this thread and N − 1 worker threads, which also start when Node runs with V8 options", () => {
    const repo = tempDir("pool");
    generateRepo(repo, 4);
    const out = tempDir("pool-out");
    // V8 options in the command line are for this thread: worker threads refuse them (Node throws
    // ERR_WORKER_INVALID_EXEC_ARGV), so the pool must not pass them on.
    // --jobs 2: the pool is capped at the cores, and this machine has two (test/hostile/jobs-cap.test.ts).
    const r = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=512",
        "--stack-size=900",
        "bin/minutes.js",
        "build",
        repo,
        "--out",
        out,
        "--format",
        "json",
        "--jobs",
        "2",
        "--json",
      ],
      { encoding: "utf8", env: { ...process.env, MINUTES_TRACE_START: "1" } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("minutes: a pool of 2 builders: this thread and 1 worker thread\n");
    expect(r.stderr.match(/worker thread started/g)?.length).toBe(1);
    // The worker holds two files while more are left than builders; this thread builds at least one.
    const inWorkers = r.stderr.match(/built in a worker thread/g)?.length ?? 0;
    expect(inWorkers).toBeGreaterThanOrEqual(1);
    expect(inWorkers).toBeLessThan(4);
    expect(json(r).totals).toEqual({ files: 4, built: 4, unchanged: 0, failed: 0 });
    expect(tree(out).filter((f) => f.endsWith(".json") && !f.includes("index") && !f.startsWith("."))).toHaveLength(4);
  });

  it("gives each builder one file when there are no more files than builders", () => {
    const repo = tempDir("pool-small");
    generateRepo(repo, 2);
    const r = spawnSync(
      process.execPath,
      [
        "bin/minutes.js",
        "build",
        repo,
        "--out",
        tempDir("pool-small-out"),
        "--format",
        "json",
        "--jobs",
        "2",
        "--json",
      ],
      { encoding: "utf8", env: { ...process.env, MINUTES_TRACE_START: "1" } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.match(/built in a worker thread/g)?.length).toBe(1);
    expect(json(r).totals).toEqual({ files: 2, built: 2, unchanged: 0, failed: 0 });
  });

  it("passes workers only the Node options they accept, with their values", () => {
    expect(
      workerExecArgv([
        "--max-old-space-size=512",
        "--cpu-prof",
        "--cpu-prof-dir",
        "/tmp/p",
        "--stack-size=900",
        "--heap-prof-name=h.heapprofile",
        "--enable-source-maps",
        "--expose-gc",
      ]),
    ).toEqual(["--cpu-prof", "--cpu-prof-dir", "/tmp/p", "--heap-prof-name=h.heapprofile", "--enable-source-maps"]);
  });
});

describe("the config file's out", () => {
  it("is the output folder when --out is not given, relative to the config file, and never an input", () => {
    const repo = tempDir("config-out");
    generateRepo(repo, 2);
    writeFileSync(join(repo, "minutes.config.yaml"), "out: site\njobs: 1\n");
    for (let i = 0; i < 2; i++) {
      const r = cli("build", join(repo, "2021"), "--format", "json", "--quiet");
      expect(r.status, r.stderr).toBe(0);
    }
    expect(tree(join(repo, "site"))).toEqual([
      ".minutes-manifest.json",
      "2021-01-04-gtm.json",
      "2021-01-11-gtm.json",
      "index.html",
      "index.json",
    ]);
  });
});

describe("the config file's jobs", () => {
  it("is validated like every config key", () => {
    const repo = tempDir("config-jobs");
    generateRepo(repo, 1);
    writeFileSync(join(repo, "minutes.config.yaml"), "jobs: 0\n");
    const r = cli("build", repo, "--format", "json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(repo, "minutes.config.yaml")}:1:7: error:`);
    expect(r.stderr).toContain("must be 1 or more");
  });
});

describe("two inputs with the same output paths", () => {
  it("builds the first and refuses the second rather than overwrite", () => {
    const a = tempDir("clash-a");
    const b = tempDir("clash-b");
    generateRepo(a, 1);
    generateRepo(b, 1);
    const out = tempDir("clash-out");
    const r = cli("build", a, b, "--out", out, "--format", "json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(b, "2021", "2021-01-04-gtm.md")}: error: Its outputs would overwrite those of ${join(a, "2021", "2021-01-04-gtm.md")}. [output-clash]`,
    );
    expect(tree(out).filter((f) => f.endsWith("gtm.json"))).toEqual(["2021/2021-01-04-gtm.json"]);
  });
});
