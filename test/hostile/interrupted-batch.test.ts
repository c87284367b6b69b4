// Hostile conditions, class "faults": a batch killed halfway (SIGKILL, as a CI time-out or the OOM killer
// does) must resume. Each finished file is recorded in <out>/.minutes-manifest.log as it completes; the
// rerun skips what was finished ("unchanged", the files left as they were), builds the rest, folds the log
// into the manifest and removes it. A line cut short by the kill is ignored.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestName } from "../../src/batch/manifest.js";
import { ResumeLog, resumeLogName } from "../../src/batch/resume-log.js";
import { generateRepo, tempDir } from "../helpers/minutes-repo.js";

const bin = resolve("bin/minutes.js");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Summary {
  totals: { files: number; built: number; unchanged: number; failed: number };
  files: { input: string; status: string; outputs: { path: string }[] }[];
}

/** The JSON outputs under <out>/2021 (not the index). */
const outputs = (out: string): string[] =>
  existsSync(join(out, "2021"))
    ? readdirSync(join(out, "2021"))
        .filter((f) => f.endsWith(".json"))
        .map((f) => join(out, "2021", f))
    : [];

describe("a batch killed halfway", () => {
  it("resumes: the files finished before the kill are skipped and untouched, the rest are built", async () => {
    const repo = tempDir("resume");
    const inputs = generateRepo(repo, 30);
    const out = tempDir("resume-out");
    const args = ["build", repo, "--out", out, "--format", "json", "--jobs", "2"];
    const child = spawn(process.execPath, [bin, ...args], { stdio: "ignore", env: { ...process.env, CI: "true" } });
    let running = true;
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once("exit", (_, signal) => r(signal)));
    void exited.then(() => (running = false));
    for (const end = Date.now() + 60_000; running && outputs(out).length < 4; await sleep(5))
      if (Date.now() > end) throw new Error("no output after 60 s");
    child.kill("SIGKILL");
    expect(await exited, "the build finished before it could be killed").toBe("SIGKILL");

    // What the kill left: some outputs, no manifest, the log of what finished.
    const left = outputs(out);
    expect(left.length).toBeLessThan(30);
    expect(existsSync(join(out, manifestName))).toBe(false);
    const logged = new ResumeLog(join(out, resumeLogName)).read().map(([input]) => resolve(out, input)); // names are relative to the manifest
    expect(logged.length).toBeGreaterThan(0);
    // Each logged file's output is there, complete (the log line is written after the output is renamed in).
    const outputOf = (input: string) => join(out, "2021", input.split("/").at(-1)!.replace(/\.md$/, ".json"));
    for (const input of logged) expect(JSON.parse(readFileSync(outputOf(input), "utf8"))).toHaveProperty("meeting");
    const before = new Map(logged.map((input) => [input, statSync(outputOf(input)).mtimeMs]));

    // A line torn by the kill, and an input changed since it was logged: the torn line is ignored, the changed input rebuilt.
    appendFileSync(join(out, resumeLogName), `{"input":"${logged[0]}","key":"0123`);
    const changed = logged.at(-1)!;
    writeFileSync(changed, readFileSync(changed, "utf8").replace(/^title: .*$/m, "title: Changed after the kill"));

    const again = spawnSync(process.execPath, [bin, ...args, "--json"], { encoding: "utf8" });
    expect(again.status, again.stdout + again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as Summary;
    const status = new Map(summary.files.map((f) => [resolve(f.input), f.status]));
    const skipped = logged.filter((input) => input !== changed);
    for (const input of skipped) expect(status.get(input), input).toBe("unchanged");
    expect(status.get(changed)).toBe("built");
    expect(summary.totals).toEqual({ files: 30, built: 30 - skipped.length, unchanged: skipped.length, failed: 0 });
    for (const input of skipped)
      expect(statSync(outputOf(input)).mtimeMs, `${input} was written again`).toBe(before.get(input));

    // Every output complete and its own meeting's; the log folded into the manifest and gone.
    expect(outputs(out)).toHaveLength(30);
    for (const input of inputs) {
      const model = JSON.parse(readFileSync(outputOf(input), "utf8")) as { meeting: { date: string; title: string } };
      expect(model.meeting.date).toBe(input.match(/(\d{4}-\d\d-\d\d)-gtm\.md$/)![1]);
    }
    expect(JSON.parse(readFileSync(outputOf(changed), "utf8")).meeting.title).toBe("Changed after the kill");
    expect(existsSync(join(out, resumeLogName))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(out, manifestName), "utf8")).files)).toHaveLength(30);
    const third = JSON.parse(
      spawnSync(process.execPath, [bin, ...args, "--json"], { encoding: "utf8" }).stdout,
    ) as Summary;
    expect(third.totals).toMatchObject({ built: 0, unchanged: 30 });
  }, 120_000);
});

describe("the resume log", () => {
  it("ignores a torn or foreign line, and starts the next line on a line of its own", () => {
    const path = join(tempDir("resume-log"), resumeLogName);
    writeFileSync(
      path,
      [
        '{"input":"a.md","key":"k1","outputs":["a.pdf"]}',
        "not json",
        '{"input":"b.md"}',
        '{"input":"c.md","key":"k3","outputs":["c.pdf"],"meeting":{"title":"C"}}',
        '{"input":"d.md","key":"k',
      ].join("\n"),
    );
    const log = new ResumeLog(path);
    expect(log.read()).toEqual([
      ["a.md", { key: "k1", outputs: ["a.pdf"] }],
      ["c.md", { key: "k3", outputs: ["c.pdf"], meeting: { title: "C" } }],
    ]);
    // A line holds the whole entry: the recorded world too (a line without it is read, and rebuilt: see manifest.ts).
    log.append("d.md", {
      key: "k4",
      outputs: ["d.pdf"],
      read: { "d.md": "h4" },
      missing: ["minutes.config.yaml"],
      facts: [],
    });
    log.append("a.md", { key: "k5", outputs: ["a.pdf"], read: { "a.md": "h5" }, missing: [], facts: [] });
    expect(readFileSync(path, "utf8").split("\n").slice(-4)).toEqual([
      '{"input":"d.md","key":"k',
      '{"input":"d.md","key":"k4","outputs":["d.pdf"],"read":{"d.md":"h4"},"missing":["minutes.config.yaml"],"facts":[]}',
      '{"input":"a.md","key":"k5","outputs":["a.pdf"],"read":{"a.md":"h5"},"missing":[],"facts":[]}',
      "",
    ]);
    expect(Object.fromEntries(new ResumeLog(path).read())["d.md"]).toEqual({
      key: "k4",
      outputs: ["d.pdf"],
      read: { "d.md": "h4" },
      missing: ["minutes.config.yaml"],
      facts: [],
    });
    // A later line for the same input wins when the manifest takes them in, in order.
    expect(Object.fromEntries(new ResumeLog(path).read())).toMatchObject({
      "a.md": { key: "k5" },
      "d.md": { key: "k4" },
    });
    log.remove();
    expect(existsSync(path)).toBe(false);
    expect(new ResumeLog(path).read()).toEqual([]);
  });
});
