import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../src/i18n/text-match.js";

/** The textbook definition, for comparison. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** closest() without the shortcut: every candidate measured. */
function closestByReference(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = reference(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

describe("editDistance and closest", () => {
  it("measure as the textbook definition does, and closest skips no better candidate", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "A", "İ", " "), maxLength: 9 });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 8 }), (a, b, candidates) => {
        expect(editDistance(a, b)).toBe(reference(a, b));
        expect(closest(a, candidates)).toBe(closestByReference(a, candidates));
      }),
      { numRuns: 2000 },
    );
  });

  it("suggests a label for a typo", () => {
    expect(closest("Decsions", ["Discussion", "Decisions", "Actions"])).toBe("Decisions");
    expect(closest("Budget", ["Discussion", "Decisions", "Actions"])).toBeUndefined();
  });
});
