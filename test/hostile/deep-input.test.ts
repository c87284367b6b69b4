// Hostile repositories, class "deep input": block quotes, lists and emphasis nested past 40 levels are
// refused with nesting-too-deep at the line where they go too deep, by check and by build alike (2,000
// nested ">" in 2 KB passed check, then build overflowed the stack; 100 KB of them ran for minutes first).
// Up to the limit a meeting builds, and its text is on the page. Text that only looks nested (a fenced code
// block, a thematic break of stars) is not counted.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMinutes } from "../../src/parse/parse-minutes.js";
import { MAX_NESTING, scanNesting } from "../../src/parse/nesting-limits.js";
import { itWithTools, pdfText, plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

const head = "---\ntitle: Deep\ndate: 2024-01-10\nattendees: [Ana]\n---\n\n## 1. Item\n\n";

const deep: [string, string, string][] = [
  [
    "2,000 nested >",
    ">".repeat(2000) + " x\n",
    "9:41: error: Block quotes and lists are nested more than 40 levels deep here",
  ],
  [
    "100 KB of nested >",
    ">".repeat(100_000) + " x\n",
    "9:41: error: Block quotes and lists are nested more than 40 levels deep here",
  ],
  [
    "2,000 list markers on a line",
    "- ".repeat(2000) + "x\n",
    "9:81: error: Block quotes and lists are nested more than 40 levels deep here",
  ],
  [
    "quotes and lists mixed",
    "> 1. ".repeat(500) + "x\n",
    "9:101: error: Block quotes and lists are nested more than 40 levels deep here",
  ],
  [
    "a list nested 60 deep by indentation",
    Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n") + "\n",
    "49:81: error: Block quotes and lists are nested more than 40 levels deep here",
  ],
  [
    "10,000 stars around a word",
    `${"*".repeat(10_000)}x${"*".repeat(10_000)}\n`,
    "9:1: error: Emphasis, strikethrough, links and brackets are nested more than 40 levels deep here",
  ],
  [
    "emphasis opened 5,000 times",
    `${"*a ".repeat(5000)}x${" a*".repeat(5000)}\n`,
    "9:121: error: Emphasis, strikethrough, links and brackets are nested more than 40 levels deep here",
  ],
  [
    "emphasis across the lines of a paragraph",
    `${"_a\n".repeat(100)}x\n`,
    "49:1: error: Emphasis, strikethrough, links and brackets are nested more than 40 levels deep here",
  ],
  [
    "brackets in brackets",
    `${"[a".repeat(5000)}${"](u)".repeat(5000)}\n`,
    "9:81: error: Emphasis, strikethrough, links and brackets are nested more than 40 levels deep here",
  ],
];

describe("nesting past the limit", () => {
  it.each(deep)("%s: the same error from check and build, exit 1, nothing written", (_, body, message) => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-deep-"));
    writeFileSync(join(dir, "deep.md"), head + body);
    const checked = minutes(dir, "check", "deep.md");
    const built = minutes(dir, "build", "deep.md", "--out", "out");
    for (const r of [checked, built]) {
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`deep.md:${message}; minutes reads at most 40. [nesting-too-deep]`);
      expect(r.stderr).toContain("hint: Nest at most 40 levels in one another.");
      expect(r.stderr).not.toMatch(/internal|Maximum call stack|\bat .*\.js:\d+/);
    }
    expect(checked.stderr.split("\n")[0]).toBe(built.stderr.split("\n")[0]);
    expect(existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")).filter((f) => !f.startsWith(".")) : []).toEqual(
      [],
    );
  });
});

describe("nesting up to the limit", () => {
  itWithTools("pdftotext")("builds, with the deepest text on the page", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-deep-"));
    const quote = `${"> ".repeat(MAX_NESTING)}Deepest quoted words.\n\n`;
    const list = Array.from({ length: MAX_NESTING }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`).join("\n");
    const emphasis = `${"*_".repeat(MAX_NESTING / 2)}deepest emphasis${"_*".repeat(MAX_NESTING / 2)}\n\n`;
    writeFileSync(join(dir, "deep.md"), `${head}${quote}${emphasis}${list}\n`);
    const r = minutes(dir, "build", "deep.md", "--out", "out");
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText(join(dir, "out", "deep.pdf"));
    expect(text).toContain("Deepest quoted words.");
    expect(text).toContain("deepest emphasis");
    expect(text).toContain(`level ${MAX_NESTING}`);
  });

  it("does not count what only looks nested: a fenced code block, a thematic break, escaped marks", () => {
    const text = `${head}\`\`\`\n${">".repeat(500)}\n${"- ".repeat(500)}\n\`\`\`\n\n${"* ".repeat(100)}\n\n${"\\*a ".repeat(500)}\n\n${"[1] ".repeat(500)}\n\nWords with snake_case_names_${"x_".repeat(300)}end.\n`;
    const { file } = parseMinutes(text, { path: "x.md" });
    expect(file.messages.filter((m) => m.ruleId === "nesting-too-deep")).toEqual([]);
  });

  it("agrees with the parser: a line of n markers (quotes and list markers mixed) is refused exactly when n > 40", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("> ", "- ", "+ ", "1. ", "2) ", ">"), { minLength: 1, maxLength: 80 }),
        (markers) => {
          const { minutes: parsed, file } = parseMinutes(`${head}${markers.join("")}word\n`, { path: "x.md" });
          const refused = file.messages.some((m) => m.ruleId === "nesting-too-deep");
          expect(refused).toBe(markers.length > MAX_NESTING);
          if (!refused) expect(parsed).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees on emphasis: n openers of alternating kinds are refused exactly when n > 40", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("*", "_", "~~", "["), { minLength: 1, maxLength: 80 }), (marks) => {
        // No two marks of a kind side by side, so each opens a level of its own.
        const kinds = marks.filter((m, i) => i === 0 || m !== marks[i - 1]);
        const close = (m: string) => (m === "[" ? "](u)" : m);
        const body = `${kinds.join("")}word${[...kinds].reverse().map(close).join("")}`;
        const scanned = scanNesting(`${head}${body}\n`);
        expect(scanned !== undefined).toBe(kinds.length > MAX_NESTING);
        if (scanned) expect(scanned).toMatchObject({ line: 9, kind: "inline" });
      }),
      { numRuns: 300 },
    );
  });
});
