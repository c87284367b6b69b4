// The real corpus (issue 17): real minutes from public repositories of standards bodies, open-source
// foundations, associations, hackerspaces and university teams, in several languages, each with its source
// and licence in test/real-world/SOURCES.md and what a careful reader finds in it in expected.json.
// The corpus is built in one CLI run (PDF + JSON, a summary per file); then, per file and as separate tests:
// no crash and messages at file:line:col, exit 0 (no error: the file is built), the meeting
// date, the PDF's words, the chair, secretary, attendees and items, and for files that hold several
// meetings the date of each (readMeetings, the reader behind `minutes split`) with every word kept.
// A check that fails today is listed in expected.json's knownGaps with its finding in the findings notes
// and runs as it.fails: when a fix makes it pass, this test fails until the entry is removed.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readMeetings } from "../src/commands/split.js";
import type { Diagnostic, FileSummary } from "./helpers/build-summary.js";
import { pdfTextAsync, plainCliEnv, useTools } from "./helpers/tools.js";
import { isOutputLabel, missingWords, sourceWords, withoutLabels } from "./helpers/word-coverage.js";

interface Expectation {
  date: string;
  endDate?: string;
  title?: string;
  chair?: string;
  secretary?: string;
  attendees?: { count?: number; include?: string[] };
  items?: { count?: number; include?: string[] };
  meetings?: string[];
}
interface Corpus {
  files: Record<string, Expectation>;
  knownGaps: Record<string, string>;
}

const dir = "test/real-world";
const corpus: Corpus = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
const files = Object.keys(corpus.files);
const out = mkdtempSync(join(tmpdir(), "minutes-real-corpus-"));
const pdfReady = useTools("pdftotext");

interface Built {
  summary: FileSummary | undefined;
  json:
    | { meeting: Record<string, unknown> & { attendees: { name: string }[] }; items: { title: string }[] }
    | undefined;
  pdf: string | undefined;
}
const built = new Map<string, Built>();
let run: { status: number | null; stderr: string; stdout: string } = { status: null, stderr: "", stdout: "" };

beforeAll(async () => {
  // One CLI run builds the whole corpus (`--json`: a summary per file, with its status and messages), so
  // the worker pool shares the machine's cores: about 1.5 s a file instead of 3 s for one process each.
  const args = ["build", ...files.map((f) => join(dir, f)), "--out", out, "--format", "pdf,json", "--json"];
  run = await new Promise((resolve) => {
    const child = spawn("bin/minutes.js", args, { env: plainCliEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stderr, stdout }));
  });
  let summaries: FileSummary[] = [];
  try {
    summaries = (JSON.parse(run.stdout) as { files: FileSummary[] }).files;
  } catch {
    // Left empty: every check then fails and says so with the run's stderr.
  }
  const read = async (file: string): Promise<void> => {
    const summary = summaries.find((s) => s.input === join(dir, file));
    const output = (format: string) => summary?.outputs.find((o) => o.format === format)?.path;
    const json = output("json");
    const pdf = output("pdf");
    built.set(file, {
      summary,
      json: json && existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : undefined,
      // A PDF that cannot be read (pdftotext missing under CI) fails the PDF checks only.
      pdf: pdf && existsSync(pdf) && pdfReady ? await pdfTextAsync(pdf).catch(() => undefined) : undefined,
    });
  };
  // pdftotext four at a time: on a busy machine the processes' start-up, not their work, is the cost.
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) await read(file);
    }),
  );
}, 240_000);

/** A check by name: it.fails when expected.json lists it as a known gap (with its finding), else it. */
const checks = new Set<string>();
function check(file: string, name: string, body: () => void | Promise<void>, needsPdf = false): void {
  const key = `${file} :: ${name}`;
  checks.add(key);
  const gap = corpus.knownGaps[key];
  const title = gap ? `${name} [known gap: ${gap}]` : name;
  if (needsPdf && !pdfReady) it.skip(title, body);
  else if (gap) it.fails(title, body);
  else it(title, body);
}

/** The file's messages: each from the file, at a line and column, with a rule id; none is the bug report ("internal"). */
function expectCleanMessages(diagnostics: Diagnostic[], input: string): void {
  for (const d of diagnostics) {
    const where = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
    expect(d.rule, where).not.toBe("internal");
    expect(d.rule, where).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(d.file, where).toBe(input);
    expect(d.line, where).toEqual(expect.any(Number));
    expect(d.column, where).toEqual(expect.any(Number));
  }
}

const personName = (p: unknown) =>
  p && typeof p === "object" && "name" in p ? String((p as { name: unknown }).name) : undefined;

describe("the real corpus", () => {
  it("holds at least 18 real files, each with its expectations and its source", () => {
    const onDisk = readdirSync(dir)
      .filter((d) => d !== "LICENSES" && statSync(join(dir, d)).isDirectory())
      .flatMap((d) =>
        readdirSync(join(dir, d))
          .filter((f) => f.endsWith(".md"))
          .map((f) => `${d}/${f}`),
      );
    expect(onDisk.sort()).toEqual([...files].sort());
    expect(files.length).toBeGreaterThanOrEqual(18);
    const sources = readFileSync(join(dir, "SOURCES.md"), "utf8");
    for (const file of files) expect(sources, file).toContain(`| \`${file}\` |`);
    // Each known gap names a check that exists (file :: test name), so none is left behind when a check changes.
    for (const key of Object.keys(corpus.knownGaps)) expect(checks.has(key), key).toBe(true);
  });
});

for (const file of files) {
  const expected = corpus.files[file]!;
  const input = join(dir, file);
  describe(file, () => {
    check(file, "builds without a crash, messages at file:line:col", () => {
      expect([0, 1], run.stderr).toContain(run.status);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const summary = built.get(file)!.summary;
      expect(summary, run.stderr || run.stdout.slice(0, 2000)).toBeDefined();
      expectCleanMessages(summary!.diagnostics, input);
    });

    check(file, "exit 0", () => {
      const summary = built.get(file)!.summary;
      const errors = summary?.diagnostics.filter((d) => d.severity === "error") ?? [];
      expect(errors.map((d) => `${d.line}:${d.column} ${d.message} [${d.rule}]`)).toEqual([]);
      expect(summary?.status).toBe("built");
    });

    check(file, `meeting date ${expected.date}${expected.endDate ? ` to ${expected.endDate}` : ""}`, () => {
      const meeting = built.get(file)!.json?.meeting;
      expect(meeting?.date, JSON.stringify(built.get(file)!.summary?.diagnostics)).toBe(expected.date);
      if (expected.endDate) expect(meeting?.endDate).toBe(expected.endDate);
    });

    check(
      file,
      "the PDF keeps ≥ 98% of the words",
      () => {
        const text = built.get(file)!.pdf;
        expect(text, JSON.stringify(built.get(file)!.summary?.diagnostics)).toBeDefined();
        const source = readFileSync(input, "utf8");
        // Label words ("Aanwezig", "Roll call") are printed as the output's own labels: translated, not lost.
        const words = sourceWords(withoutLabels(source, isOutputLabel));
        const missing = missingWords(words, text!);
        expect(missing.length / words.length, `missing: ${missing.slice(0, 80).join(" ")}`).toBeLessThanOrEqual(0.02);
      },
      true,
    );

    if (expected.title) {
      check(file, `title contains "${expected.title}"`, () => {
        expect(String(built.get(file)!.json?.meeting.title)).toContain(expected.title);
      });
    }
    if (expected.chair) {
      check(file, `chair ${expected.chair}`, () => {
        expect(personName(built.get(file)!.json?.meeting.chair) ?? "").toContain(expected.chair);
      });
    }
    if (expected.secretary) {
      check(file, `secretary ${expected.secretary}`, () => {
        expect(personName(built.get(file)!.json?.meeting.secretary) ?? "").toContain(expected.secretary);
      });
    }
    if (expected.attendees) {
      const { count, include = [] } = expected.attendees;
      check(file, `attendees${count === undefined ? "" : ` (${count})`}: ${include.join(", ")}`, () => {
        const names = (built.get(file)!.json?.meeting.attendees ?? []).map((a) => a.name);
        if (count !== undefined) expect(names, names.join(" | ")).toHaveLength(count);
        for (const name of include)
          expect(
            names.some((n) => n.includes(name)),
            `${name} in ${names.join(" | ")}`,
          ).toBe(true);
      });
    }
    if (expected.items) {
      const { count, include = [] } = expected.items;
      check(file, `items${count === undefined ? "" : ` (${count})`}: ${include.join(", ")}`, () => {
        const titles = (built.get(file)!.json?.items ?? []).map((i) => i.title);
        if (count !== undefined) expect(titles, titles.join(" | ")).toHaveLength(count);
        for (const title of include)
          expect(
            titles.some((t) => t.includes(title)),
            `${title} in ${titles.join(" | ")}`,
          ).toBe(true);
      });
    }
    if (expected.meetings) {
      const dates = expected.meetings;
      check(file, `holds ${dates.length} meetings, split with their dates and every word`, async () => {
        const { meetings, diagnostics } = await readMeetings(input);
        expect(diagnostics).toEqual([]);
        expect(meetings.map((m) => m.date)).toEqual(dates);
        const words = sourceWords(readFileSync(input, "utf8"));
        expect(missingWords(words, meetings.map((m) => m.text).join("\n"))).toEqual([]);
      });
    }
  });
}
