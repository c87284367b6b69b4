// A meeting twice as long costs at most about twice as much (issue 19): parse + DOCX + PDF of the bench's
// large meeting (scripts/large-meeting.mjs) at N and 2N items. Not a timing against a fixed limit: a ratio,
// measured in CPU time (steadier than wall time on a loaded machine), with slack for noise, so that only a
// cost that grows faster than the input (a quadratic loop over items, lines or pages) fails it. The sizes
// (the layout, the DOCX and the PDF) are deterministic and held to a tighter ratio.
import { describe, expect, it } from "vitest";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import type { Minutes } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { loadRenderer } from "../src/render/renderers.js";
import { defaultTheme } from "../src/theme/default-theme.js";

const { largeMeeting } = (await import(new URL("../scripts/large-meeting.mjs", import.meta.url).href)) as {
  largeMeeting: (items: number) => string;
};

const theme = defaultTheme();
const options = { theme, timestamp: new Date("2024-01-15T00:00:00Z") };
const docx = await loadRenderer("docx");
const pdf = await loadRenderer("pdf");

interface Run {
  cpu: number;
  layout: number;
  docx: number;
  pdf: number;
}

/** One build of a meeting with `items` items, in memory: CPU milliseconds and the sizes of what it made. */
async function build(items: number): Promise<Run> {
  const text = largeMeeting(items);
  const start = process.cpuUsage();
  const { minutes } = parseMinutes(text, { path: `large-${items}.md` });
  const layout = layoutMinutes(minutes as Minutes, theme);
  const docxBytes = await docx(layout, options);
  const pdfBytes = await pdf(layout, options);
  const used = process.cpuUsage(start);
  return {
    cpu: (used.user + used.system) / 1000,
    layout: JSON.stringify(layout).length,
    docx: docxBytes.length,
    pdf: pdfBytes.length,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("the large meeting grows linearly", () => {
  it("doubling the items at most doubles the time and the sizes, with slack", async () => {
    const N = 24;
    // Warm: the first runs compile the code and shape the fonts' words, which a longer meeting would hide.
    await build(N);
    await build(2 * N);
    const ratios: number[] = [];
    let small: Run | undefined;
    let large: Run | undefined;
    // Interleaved pairs: a burst of load from other processes falls on both sides of a pair more often than not.
    for (let round = 0; round < 5; round++) {
      small = await build(N);
      large = await build(2 * N);
      ratios.push(large.cpu / small.cpu);
    }
    const timeRatio = median(ratios);
    expect(
      timeRatio,
      `CPU time ratio 2N/N over 5 pairs: ${ratios.map((r) => r.toFixed(2)).join(", ")}`,
    ).toBeLessThanOrEqual(2.6);
    // Each item's content is the same length give or take its number's digits; what is shared (styles, fonts,
    // the front page) and the DOCX's compression make the ratio lower than 2, never higher.
    for (const key of ["layout", "docx", "pdf"] as const) {
      const ratio = large![key] / small![key];
      expect(ratio, `${key} size ${small![key]} → ${large![key]}`).toBeGreaterThan(1.1);
      expect(ratio, `${key} size ${small![key]} → ${large![key]}`).toBeLessThanOrEqual(2.15);
    }
  });
});
