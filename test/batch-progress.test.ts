// What a batch prints: a progress bar on a terminal, plain lines in CI, errors only with --quiet.
import { describe, expect, it } from "vitest";
import type { FileOutcome } from "../src/batch/build-file.js";
import { BatchProgress, progressMode } from "../src/batch/progress.js";
import type { BatchResult } from "../src/batch/run-batch.js";

function streams(isTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: { write: (s: string) => out.push(s) },
    err: { write: (s: string) => err.push(s), isTTY, columns: 60 },
    text: { out, err },
  };
}

const ok: FileOutcome = {
  input: "m/2024/a.md",
  status: "built",
  diagnostics: [],
  outputs: [{ format: "pdf", path: "dist/2024/a.pdf" }],
  ms: 10,
};
const bad: FileOutcome = {
  input: "m/2024/b.md",
  status: "failed",
  diagnostics: [
    {
      file: "m/2024/b.md",
      line: 3,
      column: 7,
      severity: "error",
      rule: "front-matter-date",
      message: "`date` is not a real calendar date.",
    },
  ],
  outputs: [],
  ms: 5,
};
const result: BatchResult = { files: [ok, bad], problems: [], ms: 1234 };

function run(mode: ReturnType<typeof progressMode>, s: ReturnType<typeof streams>) {
  const p = new BatchProgress(mode, s);
  p.start(2, 2);
  p.fileStarted(ok.input);
  p.fileDone(ok);
  p.fileStarted(bad.input);
  p.fileDone(bad);
  p.finish(result);
}

describe("batch progress", () => {
  it("chooses the bar on a terminal, plain lines in CI or when piped", () => {
    expect(progressMode({}, streams(true), {})).toBe("tty");
    expect(progressMode({}, streams(true), { CI: "true" })).toBe("plain");
    expect(progressMode({}, streams(false), {})).toBe("plain");
    expect(progressMode({ quiet: true }, streams(true), {})).toBe("quiet");
    expect(progressMode({ json: true, quiet: true }, streams(true), {})).toBe("json");
  });

  it("draws a bar with counts and the current file, then clears it before the report", () => {
    const s = streams(true);
    run("tty", s);
    const err = s.text.err.join("");
    expect(err).toContain("[------------------------] 0/2 m/2024/a.md");
    expect(err).toContain("[############------------] 1/2 m/2024/b.md");
    expect(err).toContain("[########################] 2/2 m/2024/b.md\r\x1b[K");
    expect(err).toContain("m/2024/b.md:3:7: error: `date` is not a real calendar date. [front-matter-date]");
    expect(s.text.out.join("")).toBe("minutes: 1 built, 0 unchanged, 1 failed in 1.2 s\n");
  });

  it("prints plain lines without control characters", () => {
    const s = streams(false);
    run("plain", s);
    expect(s.text.out.join("")).toBe(
      "minutes: 2 files, 2 to build\nwrote dist/2024/a.pdf\nminutes: 1 built, 0 unchanged, 1 failed in 1.2 s\n",
    );
    expect(s.text.err.join("")).not.toMatch(/\x1b|\r/);
    expect(s.text.err.join("")).toMatch(/^failed m\/2024\/b.md\nm\/2024\/b.md:3:7: error:/);
  });

  it("prints only errors with --quiet, and one JSON document with --json", () => {
    const q = streams(true);
    run("quiet", q);
    expect(q.text.out).toEqual([]);
    expect(q.text.err.join("")).toMatch(/^m\/2024\/b.md:3:7: error:[^\n]*\nminutes: 1 error, 0 warnings;/);
    const j = streams(true);
    run("json", j);
    expect(j.text.err).toEqual([]);
    const doc = JSON.parse(j.text.out.join("")) as {
      ok: boolean;
      totals: object;
      files: { status: string; diagnostics: unknown[] }[];
    };
    expect(doc.ok).toBe(false);
    expect(doc.totals).toEqual({ files: 2, built: 1, unchanged: 0, failed: 1 });
    expect(doc.files.map((f) => f.status)).toEqual(["built", "failed"]);
    expect(doc.files[1]!.diagnostics).toHaveLength(1);
  });
});
