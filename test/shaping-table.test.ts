// The shipped faces' shaping table (src/render/pdf/shaping-table.ts) gives exactly fontkit's layout: the same
// glyphs (ids and characters), positions and run fields for every word of the examples and fixtures and for
// random strings of its characters, in each face; fonts and words it does not hold go to fontkit.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
// @ts-expect-error: fontkit ships no types (pdfkit-library.ts is the one source module that reaches it)
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { type ShippedFont, shippedFont } from "../src/package/shipped-files.js";
import {
  type ShapingTables,
  shaperFor,
  shippedShapingTables,
  TableRun,
  useShapingTable,
} from "../src/render/pdf/shaping-table.js";
// @ts-expect-error: a build script, plain JavaScript
import { SCRIPTS, SHAPED_FACES, SHAPING_TABLES_VERSION, shapingTable } from "../scripts/shaping-tables.mjs";

type Font = { layout: (text: string) => Run };
type Run = {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
  advanceHeight: number;
  script: string;
  language: string | null;
  direction: string;
  features: Record<string, boolean>;
};

const faces = SHAPED_FACES as ShippedFont[];

/** The tables of the build (dist/fonts/), else made here from the fonts (slower). */
function tables(): ShapingTables {
  const shipped = shippedShapingTables();
  if (shipped) return shipped;
  const made: ShapingTables = { version: SHAPING_TABLES_VERSION, scripts: SCRIPTS, faces: {} };
  for (const face of faces) {
    const path = shippedFont(face);
    made.faces[path.split(/[\\/]/).pop()!] = shapingTable(readFileSync(path));
  }
  return made;
}
const TABLES = tables();

/** Everything of a run that pdfkit or anyone could read, glyph objects reduced to their id and characters. */
function summary(run: Run) {
  return {
    glyphs: run.glyphs.map((g) => ({ id: g.id, codePoints: [...g.codePoints] })),
    positions: run.positions.map((p) => ({ ...p })),
    advanceWidth: run.advanceWidth,
    advanceHeight: run.advanceHeight,
    script: run.script,
    language: run.language,
    direction: run.direction,
    features: run.features,
  };
}

/** A face opened twice: as fontkit gives it, and with the table. */
function pair(face: ShippedFont): { plain: Font; tabled: Font } {
  const path = shippedFont(face);
  const plain = fontkit.openSync(path) as unknown as Font;
  const tabled = fontkit.openSync(path) as unknown as Font;
  useShapingTable(tabled, path, TABLES);
  return { plain, tabled };
}

/** The glyph objects fontkit has made so far, with their characters: what the layouts left behind. */
function madeGlyphs(font: Font): [string, number[]][] {
  const glyphs = (font as unknown as { _glyphs: Record<string, { codePoints: number[] }> })._glyphs;
  return Object.entries(glyphs).map(([id, glyph]) => [id, [...glyph.codePoints]]);
}

/** Lays out each word in both and compares; returns how many the table gave. */
function compare(fonts: { plain: Font; tabled: Font }, words: Iterable<string>): { words: number; fromTable: number } {
  let count = 0;
  let fromTable = 0;
  for (const word of words) {
    const got = fonts.tabled.layout(word);
    const want = fonts.plain.layout(word);
    if (got instanceof TableRun) fromTable++;
    count++;
    if (JSON.stringify(summary(got)) !== JSON.stringify(summary(want))) {
      expect({ word, ...summary(got) }).toEqual({ word, ...summary(want) });
    }
  }
  return { words: count, fromTable };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The words pdfkit hands fontkit: a line cut after each space or tab, the space kept. */
function wordsOf(files: string[]): string[] {
  const words = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
      for (const word of line.split(/(?<=[ \t])/)) {
        if (word) words.add(word);
        if (word.trimEnd()) words.add(word.trimEnd());
      }
    }
  }
  return [...words];
}

const WORDS = wordsOf([...markdownFiles("examples"), ...markdownFiles("test/fixtures")]);

describe("shaping table", () => {
  it("holds every shipped text face, made from these very font files", () => {
    for (const face of faces) {
      const path = shippedFont(face);
      expect(shaperFor(fontkit.openSync(path), path, TABLES), face).not.toBeNull();
    }
  });

  for (const face of faces) {
    it(`gives fontkit's layout of every word of the examples and fixtures (${face})`, () => {
      const fonts = pair(face);
      const { words, fromTable } = compare(fonts, WORDS);
      // The same glyph objects made, with the same characters (pdfkit writes them into the ToUnicode map).
      expect(madeGlyphs(fonts.tabled)).toEqual(madeGlyphs(fonts.plain));
      expect(words).toBeGreaterThan(7000);
      // Most words are simple: the fast path is really taken.
      expect(fromTable / words).toBeGreaterThan(0.98);
    });

    it(`gives fontkit's layout of random strings of its characters (${face})`, () => {
      const fonts = pair(face);
      const table = Object.values(TABLES.faces)[faces.indexOf(face)]!;
      const pools = TABLES.scripts.map((_, s) => table.codePoints.filter((_, i) => [0, s].includes(table.scripts[i]!)));
      // Letters that kern or form ligatures in these faces, so that pairs that matter come up often.
      const busy = [..."AVTWYLPFfilj.,;:'\"’”«»-–—() 0123456789ÀÉÔïœ"].map((c) => c.codePointAt(0)!);
      const character = (s: number) => fc.oneof(fc.constantFrom(...pools[s]!), fc.constantFrom(...busy));
      const text = fc
        .integer({ min: 0, max: pools.length - 1 })
        .chain((s) => fc.array(character(s), { minLength: 1, maxLength: 20 }))
        .map((cps) => String.fromCodePoint(...cps));
      let fromTable = 0;
      fc.assert(
        fc.property(text, (t) => {
          fromTable += compare(fonts, [t]).fromTable;
        }),
        { numRuns: 4000, seed: 19 },
      );
      expect(fromTable).toBeGreaterThan(2000);
      expect(madeGlyphs(fonts.tabled)).toEqual(madeGlyphs(fonts.plain));
    });
  }

  it("leaves words it does not hold to fontkit: marks, other scripts, fraction slash, ignorables; takes f-ligatures", () => {
    const fonts = pair("noto-sans-regular");
    const words = ["ﬁn", "e\u0301t\u00e9", "i\u0308", "شكرا", "שלום", "1\u20442", "soft\u00adhyphen", "a\u200db"];
    for (const word of words) expect(fonts.tabled.layout(word), word).not.toBeInstanceOf(TableRun);
    expect(compare(fonts, words).fromTable).toBe(0);
    expect(fonts.tabled.layout("Café ")).toBeInstanceOf(TableRun);
    // Ligatures of simple letters come from the table too.
    expect(compare(fonts, ["office ", "ﬀ", "effluent", "fiffle", "(fi)", "«flûte»"]).fromTable).toBe(5);
  });

  it("leaves other fonts to fontkit: a face it has no table for, a changed font file", () => {
    const arabic = shippedFont("noto-sans-arabic-regular");
    expect(shaperFor(fontkit.openSync(arabic), arabic, TABLES)).toBeNull();
    const path = shippedFont("noto-sans-regular");
    const changed = Buffer.concat([readFileSync(path), Buffer.alloc(4)]);
    const plain = fontkit.create(changed) as unknown as Font;
    const tabled = fontkit.create(changed) as unknown as Font;
    expect(shaperFor(tabled, path, TABLES)).toBeNull();
    useShapingTable(tabled, path, TABLES);
    expect(tabled.layout("AVATAR ")).not.toBeInstanceOf(TableRun);
    expect(summary(tabled.layout("AVATAR "))).toEqual(summary(plain.layout("AVATAR ")));
  });
});
