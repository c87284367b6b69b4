import { describe, expect, it } from "vitest";
import { weightedWidths } from "../src/render/pdf/column-widths.js";

describe("weighted column widths", () => {
  it("keep the proportions when every longest word fits", () => {
    expect(weightedWidths(400, [50, 30, 20], [40, 40, 40])).toEqual([200, 120, 80]);
  });

  it("widen a column to its longest word and share the rest by weight", () => {
    const widths = weightedWidths(400, [50, 30, 20], [40, 40, 100]);
    expect(widths[2]).toBe(100);
    expect(widths[0]! / widths[1]!).toBeCloseTo(50 / 30);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(400);
  });

  it("widen again when taking width from the others makes one of them too narrow", () => {
    const widths = weightedWidths(300, [60, 20, 20], [50, 90, 90]);
    expect(widths).toEqual([120, 90, 90]);
  });

  it("fall back to the proportions when the words cannot all fit", () => {
    expect(weightedWidths(100, [1, 1], [80, 80])).toEqual([50, 50]);
  });
});
