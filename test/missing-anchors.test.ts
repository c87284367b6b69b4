// A mark-positioning subtable may leave a glyph's anchor for a class of marks empty (OpenType allows it), and
// fontkit 2 then throws reading its coordinates: one letter stopped the whole PDF (found by the property test in
// render-pdf.test.ts, with Arabic ݠ). pdfkit-library.ts's skipMissingAnchors makes the subtable not apply, as
// HarfBuzz does. The samples are the shipped faces' cases found by laying out every code point alone and every
// letter followed by every combining mark of each face.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
// @ts-expect-error: fontkit ships no types (pdfkit-library.ts is the one source module that reaches it)
import * as published from "fontkit";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { skipMissingAnchors } from "../src/render/pdf/pdfkit-library.js";
import { itWithTools, pdfText } from "./helpers/tools.js";

import { shippedFont } from "../src/package/shipped-files.js";

const samples = [
  { font: shippedFont("noto-sans-arabic-regular"), text: "\u0760" },
  { font: shippedFont("noto-sans-arabic-bold"), text: "\u0760" },
  { font: shippedFont("noto-sans-thai-regular"), text: "\u0e2c\u0303" },
  { font: shippedFont("noto-sans-ethiopic-bold"), text: "\u1200\u0326" },
  { font: shippedFont("noto-sans-mono"), text: "A\u0334" },
  { font: shippedFont("noto-sans-armenian-regular"), text: "\u0531\u0326" },
  { font: shippedFont("noto-sans-arabic-regular"), text: "\u06a2" },
];

type GlyphRun = { glyphs: { id: number }[]; positions: { xOffset: number; yOffset: number }[] };
type Font = { layout: (text: string) => GlyphRun };
const fontkit = published as unknown as { openSync: (path: string) => Font };

describe("a mark whose anchor the font leaves empty", () => {
  it("throws in the published fontkit (the guard is still needed)", () => {
    // In a process of its own: the guard mends fontkit's positioning class for the whole process.
    const script = `import * as fontkit from "fontkit";
      const failed = [];
      for (const { font, text } of ${JSON.stringify(samples)}) {
        try { fontkit.openSync(font).layout(text); } catch (error) { failed.push(String(error.message)); }
      }
      process.stdout.write(JSON.stringify(failed));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    const failed = JSON.parse(out) as string[];
    expect(failed).toHaveLength(samples.length);
    for (const message of failed) expect(message).toMatch(/reading 'xCoordinate'/);
  });

  it.each(samples.map((sample) => ({ ...sample, face: basename(sample.font) })))(
    "is laid out once guarded: $text in $face",
    ({ font, text }) => {
      const kit = fontkit.openSync(font);
      skipMissingAnchors(kit);
      const run = kit.layout(text);
      expect(run.glyphs.length).toBeGreaterThanOrEqual(2);
    },
  );

  it("keeps the place an earlier lookup gave the mark", () => {
    // ݠ is the dotless feh and a two-dot mark below. Noto Sans Arabic's first mark-to-base lookup puts the dots
    // at the base's anchor (770, −25) less the mark's (141, 0); a later one has no anchor for this base.
    const kit = fontkit.openSync(samples[0]!.font);
    skipMissingAnchors(kit);
    const run = kit.layout("\u0760");
    const mark = run.glyphs.findIndex((glyph) => glyph.id === 317);
    expect(mark).toBeGreaterThanOrEqual(0);
    expect(run.positions[mark]).toMatchObject({ xOffset: 629, yOffset: -25 });
  });

  itWithTools("pdftotext")("no longer stops the PDF, and its text is all there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-anchors-"));
    const input = join(dir, "2024-05-09-anchors.md");
    // One of each, between Latin words, so that pdftotext's reordering of right-to-left text keeps their order.
    const letters = [...new Set(samples.map((sample) => sample.text))];
    const line = `${letters.map((letter, i) => `w${i} ${letter}`).join(" ")} end`;
    writeFileSync(
      input,
      `---\ntitle: Ancres\ndate: 2024-05-09\nlanguage: fr\nattendees: [Ana]\n---\n\n## 1. Point\n\n` +
        `Texte ${line} ; **gras ${line}** ; \`code ${line}\`.\n`,
    );
    const result = await build(input, { out: dir, timestamp: new Date("2024-05-09T10:00:00Z") });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    const pdf = result.outputs.find((output) => output.format === "pdf")!;
    // pdftotext wraps right-to-left text in embedding marks, and moves the space after it before it.
    const squeeze = (text: string) => text.replace(/[\s\u202a-\u202e]/g, "");
    expect(squeeze(pdfText(pdf.path))).toContain(squeeze(`Texte ${line} ; gras ${line} ; code ${line}.`));
  });
});
