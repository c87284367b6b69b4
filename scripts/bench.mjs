// `npm run bench`: prints speed and memory figures for the CLI and the renderers. Not a test:
// it asserts nothing, it measures (median of several runs on this machine).
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { largeMeeting } from "./large-meeting.mjs";
import { medianBreakdown } from "./phases.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const seed = "examples/2022-09-23-gtm.md";
const work = mkdtempSync(join(tmpdir(), "minutes-bench-"));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Wall time, peak RSS and CPU time of one run of bin/minutes.js, as a user runs it (from the startup snapshot
 * when the build made one). Peak RSS and CPU come from GNU time (Debian package "time") when installed.
 */
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
function cli(args, env = {}, minutes = ["bin/minutes.js"]) {
  const report = join(work, "time.txt");
  const [command, ...rest] = gnuTime
    ? [gnuTime, "-o", report, "-f", "%M %U %S", ...minutes, ...args]
    : [...minutes, ...args];
  const start = performance.now();
  // The build server (src/start/build-server.ts) is off unless a row asks for it: each row times what it names.
  const r = spawnSync(command, rest, { encoding: "utf8", env: { ...process.env, MINUTES_SERVER: "0", ...env } });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`minutes ${args.join(" ")} failed:\n${r.stderr}`);
  const [rssKb, user, system] = gnuTime
    ? readFileSync(report, "utf8").trim().split("\n").at(-1).split(" ").map(Number)
    : [NaN, NaN, NaN];
  return { wall, rss: rssKb / 1024, cpu: user + system };
}

/** Median wall time (ms) of RUNS runs, printed with the median peak RSS and CPU; `rows` keeps both by name. */
const rows = new Map();
function row(name, args, env, minutes) {
  const runs = Array.from({ length: RUNS }, () => cli(args, env, minutes));
  const wall = median(runs.map((r) => r.wall));
  const rss = median(runs.map((r) => r.rss));
  const cpu = median(runs.map((r) => r.cpu));
  rows.set(name, { wall, rss, cpu });
  console.log(
    `${name.padEnd(44)} ${(wall / 1000).toFixed(3)} s   peak RSS ${rss.toFixed(0)} MB${Number.isNaN(cpu) ? "" : `   CPU ${cpu.toFixed(2)} s`}`,
  );
  return wall;
}

/**
 * The build server of a cache folder of its own: a first build (from the snapshot) starts it; resolves once it
 * listens. `peakMb()` is the server process's peak RSS so far (Linux: VmHWM), `stop()` ends it.
 */
async function buildServer(cache, args, env = {}, minutes = ["bin/minutes.js"]) {
  const serverEnv = { MINUTES_CACHE_DIR: cache, MINUTES_SERVER: "", CI: "", ...env };
  cli(args, serverEnv, minutes);
  const pidFile = () => {
    const identity = existsSync(cache) && readdirSync(cache).find((d) => existsSync(join(cache, d, "server", "pid")));
    return identity ? join(cache, identity, "server", "pid") : undefined;
  };
  for (let i = 0; i < 200 && !pidFile(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!pidFile()) return undefined;
  const pid = Number(readFileSync(pidFile(), "utf8"));
  // Its warm-up (four renders of the seed, 1.5 s after it listens) is done before anything is timed.
  await new Promise((r) => setTimeout(r, 3000));
  return {
    env: serverEnv,
    peakMb: () => {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return hwm ? Number(hwm[1]) / 1024 : NaN;
    },
    stop: () => process.kill(pid),
  };
}

// The reference every goal of issue 19 is stated against: pandoc's Markdown → DOCX of the seed, timed first
// and again at the end of the run (the goals use the lower median, so a busy moment does not flatter us).
const hasTool = (tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
function pandocDocxTime() {
  if (!hasTool("pandoc")) return undefined;
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    if (spawnSync("pandoc", [seed, "-o", join(work, "pandoc.docx")]).status !== 0) return undefined;
    times.push(performance.now() - t);
  }
  return median(times);
}
const pandocFirst = pandocDocxTime();

console.log(`minutes bench — node ${process.version}, ${RUNS} runs each, median`);
row("CLI start-up (--version)", ["--version"]);
row("seed: check only", ["check", seed]);
// --force: with --out, an unchanged input would otherwise be skipped (incremental build).
row("seed: json", ["build", seed, "--out", work, "--format", "json", "--force"]);
row("seed: docx", ["build", seed, "--out", work, "--format", "docx", "--force"]);
row("seed: pdf", ["build", seed, "--out", work, "--format", "pdf", "--force"]);
const single = row("seed: docx + pdf (first run: no server)", ["build", seed, "--out", work, "--force"]);
// A second build, and every build for ten minutes after one: the build server the first started runs it.
const server = await buildServer(join(work, "server-cache"), ["build", seed, "--out", work, "--force"]);
const served = server
  ? row("seed: docx + pdf, by the build server", ["build", seed, "--out", work, "--force"], server.env)
  : undefined;
if (server) console.log(`  (the build server's own peak RSS so far: ${server.peakMb().toFixed(0)} MB)`);
const snapshot = existsSync("dist/snapshot/minutes.blob")
  ? "started from the startup snapshot"
  : "no startup snapshot: started from the bundle";
console.log(`  (${snapshot}; the same runs started from the bundle:)`);
row("  --version, from the bundle", ["--version"], { MINUTES_NO_SNAPSHOT: "1" });
const fromBundle = row("  seed: docx + pdf, from the bundle", ["build", seed, "--out", work, "--force"], {
  MINUTES_NO_SNAPSHOT: "1",
});
// Where a single build's time goes (scripts/phases.mjs): CPU profiles of the seed's DOCX + PDF build, started
// directly (no launcher) from the snapshot and from the bundle, each sample given to the innermost phase on its
// stack. Work before the profiler starts (Node's own start, the snapshot's deserialisation) is the wall time of
// `node -e 0` and of `--version`; the launcher's cost is bin/minutes.js against the direct start.
{
  const PROFILES = Number(process.env.BENCH_PROFILES ?? 3);
  const buildArgs = ["build", seed, "--out", work, "--force"];
  const madeFor = existsSync("dist/snapshot/made-for")
    ? readFileSync("dist/snapshot/made-for", "utf8").split("\n")[1].split(" ").filter(Boolean)
    : undefined;
  const starts = {
    bundle: [process.execPath, "dist/cli-main.js"],
    ...(madeFor
      ? { snapshot: [process.execPath, ...madeFor, "--snapshot-blob", "dist/snapshot/minutes.blob", resolve(".")] }
      : {}),
  };
  const wall = (args, command) => median(Array.from({ length: RUNS }, () => cli(args, {}, command).wall)) / 1000;
  const nodeStart = wall(["-e", "0"], [process.execPath]);
  console.log(`where a single build (seed, docx + pdf) spends its time, CPU profiles (median of ${PROFILES}), ms:`);
  const columns = {};
  const notes = [];
  for (const [name, command] of Object.entries(starts)) {
    const dir = join(work, `profiles-${name}`);
    for (let i = 0; i < PROFILES; i++)
      cli(buildArgs, {}, [command[0], "--cpu-prof", "--cpu-prof-dir", dir, ...command.slice(1)]);
    columns[name] = medianBreakdown(readdirSync(dir).map((f) => join(dir, f)));
    const version = wall(["--version"], command);
    const direct = wall(buildArgs, command);
    notes.push(
      `${name}: node -e 0 ${nodeStart.toFixed(3)} s, --version ${version.toFixed(3)} s (start${name === "snapshot" ? " and deserialisation" : " and the CLI's modules"}), build started directly ${direct.toFixed(3)} s`,
    );
  }
  const names = Object.keys(columns);
  console.log(`  ${"phase".padEnd(32)}${names.map((n) => n.padStart(10)).join("")}`);
  for (const phase of Object.keys(columns[names[0]].ms))
    console.log(`  ${phase.padEnd(32)}${names.map((n) => columns[n].ms[phase].toFixed(1).padStart(10)).join("")}`);
  console.log(`  ${"profile span".padEnd(32)}${names.map((n) => columns[n].span.toFixed(1).padStart(10)).join("")}`);
  for (const note of notes) console.log(`  ${note}`);
}
// The published package as users get it: packed, installed globally with install scripts off, run under this
// Node and each one scripts/fetch-nodes.mjs fetched. Its first run starts from the bundle and makes the startup
// snapshot in the per-user cache; the runs timed are later ones, interleaved with the checkout's and with
// `node --snapshot-blob` on the same blob, started directly (as the POSIX shell launcher did before Node
// launched it): the difference is the Node launcher's own start.
{
  const prefix = join(work, "prefix");
  const packed = JSON.parse(
    spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { encoding: "utf8" }).stdout,
  )[0];
  spawnSync(
    "npm",
    [
      "install",
      "--global",
      "--prefix",
      prefix,
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      join(work, packed.filename),
    ],
    { encoding: "utf8" },
  );
  console.log(
    `installed package: ${(statSync(join(work, packed.filename)).size / 1048576).toFixed(1)} MB packed, installed with --ignore-scripts; seed docx + pdf, side by side:`,
  );
  const { versions } = JSON.parse(readFileSync("scripts/node-versions.json", "utf8"));
  const nodes = [
    process.execPath,
    ...versions.map((v) => join(".cache/node", v, "bin/node")).filter((n) => existsSync(n)),
  ].map((n) => resolve(n));
  const args = ["build", seed, "--out", work, "--force"];
  for (const node of nodes) {
    const cache = join(work, `cache-${nodes.indexOf(node)}`);
    const env = { MINUTES_CACHE_DIR: cache, CI: "", PATH: `${dirname(node)}:${process.env.PATH}` };
    const installed = [node, join(prefix, "bin", "minutes")];
    // The first build starts from the bundle and makes the snapshot in the background (a command that draws
    // nothing, such as --version, never makes one).
    cli(args, env, installed);
    const made = () => existsSync(cache) && readdirSync(cache).find((d) => existsSync(join(cache, d, "made-for")));
    for (let i = 0; i < 400 && !made(); i++) await new Promise((r) => setTimeout(r, 250));
    if (!made()) {
      console.log(`  ${node}: no snapshot was made`);
      continue;
    }
    const [, flags] = readFileSync(join(cache, made(), "made-for"), "utf8").split("\n");
    const installedServer = await buildServer(join(work, `server-cache-${nodes.indexOf(node)}`), args, env, installed);
    const direct = [
      node,
      ...flags.split(" ").filter(Boolean),
      "--snapshot-blob",
      join(cache, made(), "minutes.blob"),
      join(prefix, "lib/node_modules/markdown-minutes"),
    ];
    const sides = {
      "installed, 2nd and later runs": [],
      "this checkout (bin/minutes.js)": [],
      "the same snapshot, node started directly": [],
      "installed, by the build server": [],
    };
    const runs = Object.values(sides);
    for (let i = 0; i < RUNS; i++) {
      runs[0].push(cli(args, env, installed));
      runs[1].push(cli(args, env, [node, "bin/minutes.js"]));
      runs[2].push(cli(args, env, direct));
      if (installedServer) runs[3].push(cli(args, installedServer.env, installed));
    }
    installedServer?.stop();
    const boot = median(Array.from({ length: RUNS }, () => cli(["-e", "0"], {}, [node]).wall));
    console.log(
      `  node ${spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim()} (node -e 0: ${(boot / 1000).toFixed(3)} s)`,
    );
    for (const [name, r] of Object.entries(sides))
      if (r.length)
        console.log(
          `${`    ${name}`.padEnd(44)} ${(median(r.map((x) => x.wall)) / 1000).toFixed(3)} s   peak RSS ${median(r.map((x) => x.rss)).toFixed(0)} MB`,
        );
  }
}

const large = join(work, "large.md");
writeFileSync(large, largeMeeting(400));
console.log(`large meeting: ${(readFileSync(large).length / 1024).toFixed(0)} KB, 400 items`);
const largeTime = row("large: docx + pdf", ["build", large, "--out", work, "--force"]);
const largeServed = server
  ? row("large: docx + pdf, by the build server", ["build", large, "--out", work, "--force"], server.env)
  : undefined;
const largeServerPeak = server?.peakMb();
if (server) console.log(`  (the build server's own peak RSS so far: ${largeServerPeak.toFixed(0)} MB)`);
// The same meeting doubled: a build that grows faster than its input shows here (test/large-meeting-linearity.test.ts).
const doubled = join(work, "large-800.md");
writeFileSync(doubled, largeMeeting(800));
const doubledTime = row("large doubled (800 items): docx + pdf", ["build", doubled, "--out", work, "--force"]);
const largeRss = rows.get("large: docx + pdf").rss;
const doubledRss = rows.get("large doubled (800 items): docx + pdf").rss;
console.log(
  `  doubling the items: ${(doubledTime / largeTime).toFixed(2)}× the time, ${(doubledRss / largeRss).toFixed(2)}× the peak RSS (goal ≤ 2× each)`,
);

// A repository of 200 seed-sized meetings (the seed with a date a week apart, in year folders).
const REPO_SIZE = Number(process.env.BENCH_REPO_SIZE ?? 200);
const REPO_RUNS = Number(process.env.BENCH_REPO_RUNS ?? 3);
const repo = join(work, "repo");
const seedText = readFileSync(seed, "utf8");
const repoFiles = [];
for (let i = 0; i < REPO_SIZE; i++) {
  const date = new Date(Date.UTC(2019, 0, 7 + 7 * i)).toISOString().slice(0, 10);
  mkdirSync(join(repo, date.slice(0, 4)), { recursive: true });
  const path = join(repo, date.slice(0, 4), `${date}-gtm.md`);
  writeFileSync(path, seedText.replace("date: 2022-09-23", `date: ${date}`));
  repoFiles.push(path);
}
console.log(`repository: ${REPO_SIZE} seed-sized meetings, ${availableParallelism()} cores`);
const cold = [];
for (let i = 0; i < REPO_RUNS; i++) {
  const dist = join(work, `dist-${i}`);
  cold.push(cli(["build", repo, "--out", dist, "--quiet"]));
}
const coldDist = join(work, "dist-0");
const coldMedian = median(cold.map((r) => r.wall));
console.log(
  `${`repo: cold build (${REPO_RUNS} run${REPO_RUNS === 1 ? "" : "s"})`.padEnd(44)} ${(coldMedian / 1000).toFixed(3)} s   peak RSS ${median(cold.map((r) => r.rss)).toFixed(0)} MB   (${(coldMedian / REPO_SIZE).toFixed(0)} ms per meeting; CPU ${median(cold.map((r) => r.cpu)).toFixed(1)} s; runs ${cold.map((r) => `${(r.wall / 1000).toFixed(2)} s/${r.rss.toFixed(0)} MB`).join(", ")})`,
);
// The same in one thread (--jobs 1): the least memory, for runners that have little.
const oneThread = cli(["build", repo, "--out", join(work, "dist-one-thread"), "--quiet", "--jobs", "1"]);
console.log(
  `${"repo: cold build, --jobs 1".padEnd(44)} ${(oneThread.wall / 1000).toFixed(3)} s   peak RSS ${oneThread.rss.toFixed(0)} MB   (CPU ${oneThread.cpu.toFixed(1)} s)`,
);
row("repo: no-op incremental rebuild", ["build", repo, "--out", coldDist, "--quiet"]);
writeFileSync(
  repoFiles[Math.min(7, REPO_SIZE - 1)],
  readFileSync(repoFiles[Math.min(7, REPO_SIZE - 1)], "utf8").replace("## Ouverture", "## Ouverture de séance"),
);
const oneChange = cli(["build", repo, "--out", coldDist, "--quiet"]);
console.log(
  `${"repo: rebuild after one file changed".padEnd(44)} ${(oneChange.wall / 1000).toFixed(3)} s   peak RSS ${oneChange.rss.toFixed(0)} MB`,
);

// In-process, after imports: the cost of the work itself.
const api = await import("../dist/index.js");
const { minutes } = api.parseMinutes(readFileSync(seed, "utf8"), { path: seed });
const options = { theme: api.defaultTheme(), timestamp: new Date("2022-09-23T00:00:00Z") };
for (const [name, fn] of [
  ["renderDocx", api.renderDocx],
  ["renderPdf", api.renderPdf],
]) {
  await fn(minutes, options);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(minutes, options);
    times.push(performance.now() - t);
  }
  console.log(`${`in-process ${name} (seed, warm)`.padEnd(44)} ${(median(times) / 1000).toFixed(3)} s`);
}
const text = readFileSync(seed, "utf8");
const pt = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  api.parseMinutes(text, { path: seed });
  pt.push(performance.now() - t);
}
console.log(`${"in-process parseMinutes (seed, warm)".padEnd(44)} ${(median(pt) / 1000).toFixed(3)} s`);

/** Median wall time of a pandoc run, or undefined when it fails. */
function pandocTime(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    if (spawnSync("pandoc", args).status !== 0) return undefined;
    times.push(performance.now() - t);
  }
  return median(times);
}
if (hasTool("pandoc")) {
  const docx = pandocTime([seed, "-o", join(work, "pandoc.docx")]);
  if (docx)
    console.log(
      `${"reference: pandoc seed → docx".padEnd(44)} ${(docx / 1000).toFixed(3)} s   (minutes docx + pdf: ${served ? `by the build server ${(served / docx).toFixed(1)}×, ` : ""}first run ${(single / docx).toFixed(1)}× pandoc's docx time, goal ≤ 1.7×; from the bundle ${(fromBundle / docx).toFixed(1)}×, goal ≤ 3×)`,
    );
  const pdf = hasTool("pdflatex")
    ? pandocTime([seed, "-o", join(work, "pandoc.pdf"), "--pdf-engine=pdflatex"])
    : undefined;
  if (pdf) {
    console.log(`${"reference: pandoc seed → pdf (pdflatex)".padEnd(44)} ${(pdf / 1000).toFixed(3)} s`);
    console.log(
      `${`  ${REPO_SIZE} meetings: pandoc pdf one by one, estimated`.padEnd(44)} ${((pdf * REPO_SIZE) / 1000).toFixed(1)} s   (minutes cold batch, docx + pdf: ${((pdf * REPO_SIZE) / coldMedian).toFixed(1)}× faster)`,
    );
  } else console.log("reference: pandoc → pdf skipped (no pdflatex)");
}
// ---- Import of Word minutes (issue 20; goal: 100 DOCX in under 10 s) ------------------------------------
// 100 copies of the import fixtures (test/fixtures/import, hidden-like set included) in one folder, imported
// by one `minutes import` run (--force: copies of one fixture write the same file name), beside pandoc's
// DOCX → Markdown of the same 100 files, one process per file as a shell loop runs it, in the same sitting.
{
  const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
  const fixtures = ["test/fixtures/import", "test/fixtures/import/hidden-like"].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith(".docx"))
      .map((f) => join(d, f)),
  );
  const folder = join(work, "import-in");
  mkdirSync(folder, { recursive: true });
  const copies = Array.from({ length: 100 }, (_, i) => {
    const path = join(folder, `${String(i).padStart(3, "0")}-${fixtures[i % fixtures.length].split("/").at(-1)}`);
    writeFileSync(path, readFileSync(fixtures[i % fixtures.length]));
    return path;
  });
  // Exit 1 is expected while a fixture imports with an error (the report says which); the time is what counts.
  const imports = [];
  let status = 0;
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const out = join(work, `import-out-${i}`);
    const report = join(work, "import-time.txt");
    const args = ["import", folder, "--out", out, "--force"];
    const [command, ...rest] = gnuTime
      ? [gnuTime, "-o", report, "-f", "%M %U %S", "bin/minutes.js", ...args]
      : ["bin/minutes.js", ...args];
    const start = performance.now();
    const r = spawnSync(command, rest, { encoding: "utf8", env: { ...process.env, MINUTES_SERVER: "0" } });
    const [rssKb, user, system] = gnuTime
      ? readFileSync(report, "utf8").trim().split("\n").at(-1).split(" ").map(Number)
      : [NaN, NaN, NaN];
    imports.push({ wall: performance.now() - start, rss: rssKb / 1024, cpu: user + system });
    status = r.status ?? -1;
    if (i === 0 && status > 1) console.log(`  minutes import failed:\n${r.stderr.slice(0, 2000)}`);
  }
  const written = existsSync(join(work, "import-out-0"))
    ? readdirSync(join(work, "import-out-0")).filter((f) => f.endsWith(".md")).length
    : 0;
  const importWall = median(imports.map((r) => r.wall));
  console.log(
    `${`import: 100 DOCX (${fixtures.length} fixtures), one run`.padEnd(44)} ${(importWall / 1000).toFixed(3)} s   peak RSS ${median(imports.map((r) => r.rss)).toFixed(0)} MB   (median of ${IMPORT_RUNS}; CPU ${median(imports.map((r) => r.cpu)).toFixed(1)} s; exit ${status}; ${written} Markdown files; load average ${loadavg()[0].toFixed(1)}; goal < 10 s)`,
  );
  if (hasTool("pandoc")) {
    const start = performance.now();
    let failed = 0;
    for (const [i, path] of copies.entries())
      if (spawnSync("pandoc", ["-f", "docx", "-t", "markdown", path, "-o", join(work, `pandoc-${i}.md`)]).status !== 0)
        failed++;
    const pandocWall = performance.now() - start;
    console.log(
      `${"reference: pandoc docx → markdown, 100 files".padEnd(44)} ${(pandocWall / 1000).toFixed(3)} s   (one process per file${failed ? `, ${failed} failed` : ""}; minutes import: ${(importWall / pandocWall).toFixed(2)}× pandoc's time)`,
    );
  }
}
// ---- Hostile and huge inputs (issue 15; test/hostile/deep-input, huge-input) -----------------------------
// Each once ran for seconds to minutes or crashed; the figures show what they cost now. A refused input
// exits 1 with its message (nesting-too-deep, emphasis-too-dense), which is the expected outcome here.
{
  const STRESS_RUNS = Number(process.env.BENCH_STRESS_RUNS ?? 3);
  const head = "---\ntitle: Stress\ndate: 2024-01-10\nattendees: [Ana]\n---\n\n## 1. Item\n\n";
  const cases = [
    ["2,000 nested > (2 KB)", "check", ">".repeat(2000) + " x"],
    ["100 KB of nested >", "build", ">".repeat(100_000) + " x"],
    ["one 2 MB token", "build", "a".repeat(2_000_000)],
    ["50,000 × [a](< (250 KB)", "build", "[a](<".repeat(50_000)],
    ["1 MB of ]", "check", "]".repeat(1_000_000)],
    ["25,000 × *a* in one paragraph (100 KB)", "check", "*a* ".repeat(25_000)],
    [
      "1 MB of prose (reference)",
      "build",
      "The committee agreed to review the budget at the next meeting.\n\n".repeat(16_000),
    ],
  ];
  console.log(`hostile and huge inputs (${STRESS_RUNS} runs each, median; exit 1 = refused with a message):`);
  for (const [name, command, body] of cases) {
    const path = join(work, `stress-${cases.findIndex((c) => c[0] === name)}.md`);
    writeFileSync(path, `${head}${body}\n`);
    const runs = [];
    let status = 0;
    for (let i = 0; i < STRESS_RUNS; i++) {
      const report = join(work, "time.txt");
      const args =
        command === "build" ? ["build", path, "--out", join(work, `stress-out-${i}`), "--force"] : ["check", path];
      const [cmd, ...rest] = gnuTime
        ? [gnuTime, "-o", report, "-f", "%M", "bin/minutes.js", ...args]
        : ["bin/minutes.js", ...args];
      const start = performance.now();
      const r = spawnSync(cmd, rest, { encoding: "utf8", env: { ...process.env, MINUTES_SERVER: "0" } });
      runs.push({
        wall: performance.now() - start,
        rss: gnuTime ? Number(readFileSync(report, "utf8").trim().split("\n").at(-1)) / 1024 : NaN,
      });
      status = r.status ?? -1;
    }
    console.log(
      `${`  ${name}: ${command}`.padEnd(44)} ${(median(runs.map((r) => r.wall)) / 1000).toFixed(3)} s   peak RSS ${median(runs.map((r) => r.rss)).toFixed(0)} MB   exit ${status}`,
    );
  }
}
// ---- end of hostile and huge inputs --------------------------------------------------------------------
// ---- The goals of issue 19, side by side with pandoc, from this one run -----------------------------------
{
  const pandocLast = pandocDocxTime();
  const pandoc = [pandocFirst, pandocLast].filter((t) => t !== undefined).sort((a, b) => a - b)[0];
  const singleRss = rows.get("seed: docx + pdf (first run: no server)").rss;
  const servedRow = rows.get("seed: docx + pdf, by the build server");
  const coldRss = median(cold.map((r) => r.rss));
  const perMeeting = coldMedian / REPO_SIZE;
  const goals = [
    ...(served ? [["single seed build, by the build server", served, pandoc && 1.7 * pandoc, "ms"]] : []),
    ["single seed build, first run (snapshot)", single, pandoc && 1.7 * pandoc, "ms"],
    ["the same from the bundle", fromBundle, pandoc && 3 * pandoc, "ms"],
    [`${REPO_SIZE} meetings cold, per meeting`, perMeeting, pandoc && 0.25 * pandoc, "ms"],
    [`${REPO_SIZE} meetings cold, peak RSS`, coldRss, 250, "MB"],
    ...(largeServed ? [["large meeting, by the build server", largeServed, 1000, "ms"]] : []),
    ["large meeting, first run (snapshot)", largeTime, 1000, "ms"],
    ["large meeting, peak RSS", largeRss, 250, "MB"],
    ["large doubled / large, time", doubledTime / largeTime, 2, "×"],
    ["large doubled / large, peak RSS", doubledRss / largeRss, 2, "×"],
    ["single seed build, peak RSS", singleRss, 100, "MB"],
    ...(servedRow ? [["the same by the build server: the command", servedRow.rss, 100, "MB"]] : []),
    ...(server ? [["  the build server itself, after the large meeting", largeServerPeak, 250, "MB"]] : []),
  ];
  server?.stop();
  console.log(
    `goals of issue 19 (pandoc seed → docx: ${pandoc ? `${(pandoc / 1000).toFixed(3)} s, the lower of ${[pandocFirst, pandocLast].map((t) => (t / 1000).toFixed(3)).join(" and ")} s` : "pandoc not installed"}; load average ${loadavg()[0].toFixed(1)}):`,
  );
  const show = (v, unit) =>
    unit === "ms" ? `${(v / 1000).toFixed(3)} s` : unit === "MB" ? `${v.toFixed(0)} MB` : `${v.toFixed(2)}×`;
  for (const [name, value, target, unit] of goals) {
    if (target === undefined) {
      console.log(`  ${name.padEnd(42)} ${show(value, unit).padStart(9)}   (no pandoc: no target)`);
      continue;
    }
    console.log(
      `  ${name.padEnd(42)} ${show(value, unit).padStart(9)}   goal ≤ ${show(target, unit).padEnd(9)} ${value <= target ? "met" : `not met (${(value / target).toFixed(1)}× the goal)`}`,
    );
  }
}
rmSync(work, { recursive: true, force: true });
