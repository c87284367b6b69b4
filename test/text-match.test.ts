import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../src/i18n/text-match.js";
import { allSectionLabels } from "../src/parse/section-labels.js";

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

describe("closest: the count that stops at the loosest threshold", () => {
  it("answers as measuring every candidate does, for section labels, their typos and other headings", () => {
    const words = [
      ...allSectionLabels,
      ...allSectionLabels.map((l) => l.slice(1)),
      ...allSectionLabels.map((l) => `${l}s`),
      ...allSectionLabels.map((l) => l.replace(/[aeiou]/, "x")),
      "Decsions",
      "Points d'acton",
      "Perspective globale sur les indices de stabilité",
      "1. Présentation de l'Indice de stabilité de la DTM (OIM)",
      "",
      "a",
      "Wednesday, 6 March 2024",
    ];
    let found = 0;
    for (const word of words) {
      const expected = closestByReference(word, allSectionLabels);
      if (expected) found++;
      expect(closest(word, allSectionLabels), word).toBe(expected);
    }
    // The comparison covers both answers.
    expect(found).toBeGreaterThan(allSectionLabels.length);
    expect(found).toBeLessThan(words.length);
    // Short candidates whose threshold is one edit, beside a long one.
    for (const word of ["cat", "cut", "cart", "dog", "catalogue", "catalog", "katalogue", "x"])
      expect(closest(word, ["cat", "dog", "catalogue"]), word).toBe(
        closestByReference(word, ["cat", "dog", "catalogue"]),
      );
  });
});
