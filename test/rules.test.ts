// Each file in test/fixtures/rules/ is a small meeting that breaks one rule; the .expected.json beside
// it lists every message it must give (line, column, severity, rule id, text), and no others.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const dir = join(import.meta.dirname, "fixtures/rules");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".md"));

interface Expected {
  line: number;
  column: number;
  severity: "error" | "warning";
  rule: string;
  message: string;
  hintIncludes?: string;
}

describe("validation rules", () => {
  it("has a fixture for every rule of the issue", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(11);
  });

  for (const name of fixtures) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.md$/, ".expected.json")), "utf8")) as Expected[];
      const { minutes, file } = parseMinutes(readFileSync(join(dir, name), "utf8"), { path: name });
      const got = file.messages.map((m) => ({ line: m.line, column: m.column, severity: m.fatal ? "error" : "warning", rule: m.ruleId, message: m.reason }));
      expect(got).toEqual(expected.map(({ hintIncludes: _, ...e }) => e));
      for (const [i, e] of expected.entries()) if (e.hintIncludes) expect(file.messages[i]!.note).toContain(e.hintIncludes);
      // Errors and only errors leave the document unbuildable; every message has a place and a hint.
      if (expected.some((e) => e.severity === "error")) expect(file.messages.some((m) => m.fatal)).toBe(true);
      else expect(minutes).toBeDefined();
      for (const m of file.messages) expect(m.note, m.reason).toBeTruthy();
    });
  }
});
