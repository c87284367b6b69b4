// `npm run bench`: prints speed and memory figures for the CLI and the renderers. Not a test:
// it asserts nothing, it measures (median of several runs on this machine).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const seed = "examples/2022-09-23-gtm.md";
const work = mkdtempSync(join(tmpdir(), "minutes-bench-"));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time and peak RSS of one CLI run, measured by a wrapper in the child process. */
function cli(args) {
  const wrapper = `process.argv.splice(1, 0, "minutes"); const t0 = performance.now();
process.on("exit", () => process.stderr.write("\\nBENCH " + (performance.now() - t0) + " " + process.resourceUsage().maxRSS + "\\n"));
await import("./dist/cli-main.js");`;
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", wrapper, "--", ...args], { encoding: "utf8" });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`minutes ${args.join(" ")} failed:\n${r.stderr}`);
  const rss = Number(/BENCH \S+ (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { wall, rss };
}

function row(name, args) {
  const runs = Array.from({ length: RUNS }, () => cli(args));
  console.log(`${name.padEnd(44)} ${(median(runs.map((r) => r.wall)) / 1000).toFixed(3)} s   peak RSS ${median(runs.map((r) => r.rss)).toFixed(0)} MB`);
}

/** A large synthetic meeting: many items, lists and action rows. */
function largeMeeting(items) {
  const parts = ["---", "title: Large meeting", "date: 2024-01-15", "language: en", "attendees: [Ana, Bo, Chen]", "---", ""];
  for (let i = 1; i <= items; i++) {
    parts.push(`## Item ${i}`, "", "### Discussion", "", `Paragraph ${i} with **bold**, _italic_ and a [link](https://example.org/${i}). `.repeat(6), "", "- first point\n- second point\n  1. nested\n  2. nested", "", "### Actions", "", "| Action | Owner | Due |", "|---|---|---|", `| Follow up ${i} | Ana | 2024-02-01 |`, `| Report ${i} | Bo | TBD |`, "");
  }
  return parts.join("\n");
}

console.log(`minutes bench — node ${process.version}, ${RUNS} runs each, median`);
row("CLI start-up (--version)", ["--version"]);
row("seed: check only", ["check", seed]);
row("seed: json", ["build", seed, "--out", work, "--format", "json"]);
row("seed: docx", ["build", seed, "--out", work, "--format", "docx"]);
row("seed: pdf", ["build", seed, "--out", work, "--format", "pdf"]);
row("seed: docx + pdf (default)", ["build", seed, "--out", work]);
const large = join(work, "large.md");
writeFileSync(large, largeMeeting(400));
console.log(`large meeting: ${(readFileSync(large).length / 1024).toFixed(0)} KB, 400 items`);
row("large: docx + pdf", ["build", large, "--out", work]);

// In-process, after imports: the cost of the work itself.
const api = await import("../dist/index.js");
const { minutes } = api.parseMinutes(readFileSync(seed, "utf8"), { path: seed });
const options = { theme: api.defaultTheme(), timestamp: new Date("2022-09-23T00:00:00Z") };
for (const [name, fn] of [["renderDocx", api.renderDocx], ["renderPdf", api.renderPdf]]) {
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

const pandoc = spawnSync("sh", ["-c", "command -v pandoc"]).status === 0;
if (pandoc) {
  const times = Array.from({ length: RUNS }, () => {
    const t = performance.now();
    spawnSync("pandoc", [seed, "-o", join(work, "pandoc.docx")]);
    return performance.now() - t;
  });
  console.log(`${"reference: pandoc seed → docx".padEnd(44)} ${(median(times) / 1000).toFixed(3)} s`);
}
