// fontkit's layout of a word in a shipped text face, read from a table made by fontkit at build time
// (scripts/shaping-tables.mjs, dist/fonts/shaping-tables.json) instead of running the OpenType lookups (issue 19):
// shaping was most of a PDF render, and decoding GSUB and GPOS most of a cold one. Only a word whose every
// character and adjacent pair the table calls simple takes this path, in the exact face the table was made
// from (the font file's SHA-256); any other word, face or call (features, a script) goes to fontkit.
// test/shaping-table.test.ts checks the two give the same glyphs and positions.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { shippedFontsFile } from "../../package/shipped-files.js";

/** One face's table, as scripts/shaping-tables.mjs writes it (the character arrays are parallel). */
export interface FaceTable {
  sha256: string;
  codePoints: number[];
  glyphs: number[];
  advances: number[];
  /** Index into `scripts` of the file: 0 for a character of no script (digits, punctuation). */
  scripts: number[];
  /** Ligatures (token n + k after the n characters): character indexes, glyph, advance, script indexes. */
  ligatures: { chars: number[]; glyph: number; advance: number; scripts: number[] }[];
  /** Kerning class of a token as the left and the right one of a pair; `kerning` is left × right. */
  left: number[];
  right: number[];
  rightClasses: number;
  kerning: number[];
  /** Pairs of token indexes, flattened, that fontkit does not shape as two glyphs plus kerning. */
  badPairs: Record<string, number[]>;
  /** The features fontkit's run reports for a word of each script. */
  features: Record<string, string[]>;
}

export interface ShapingTables {
  version: number;
  scripts: string[];
  /** By font file name. */
  faces: Record<string, FaceTable>;
}

export const SHAPING_TABLES_FILE = "shaping-tables.json";
const VERSION = 1;

type Glyph = { id: number; codePoints: number[] };
type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
type FontkitFont = {
  getGlyph: (id: number, codePoints?: number[]) => Glyph;
  layout: (text: unknown, ...rest: unknown[]) => unknown;
  stream?: { buffer?: Uint8Array };
  minutesShapingTable?: true;
};

/** What fontkit's layout returns (its GlyphRun), for a word the table lays out. */
export class TableRun {
  readonly language = null;
  readonly direction = "ltr";
  constructor(
    readonly glyphs: Glyph[],
    public positions: Position[],
    readonly script: string,
    readonly features: Record<string, boolean>,
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
  get advanceHeight(): number {
    let height = 0;
    for (const p of this.positions) height += p.yAdvance;
    return height;
  }
}

/** A face's table made ready for lookups. */
export class Shaper {
  /** Character index by UTF-16 code unit, -1 for none (every simple character is in the BMP). */
  private readonly index: Int16Array;
  private readonly chars: number;
  private readonly tokens: number;
  /** By script: the ligatures (longest first) that start with a pair of characters, by i * chars + j. */
  private readonly ligatureStarts: Map<number, FaceTable["ligatures"]>[];
  private readonly ligatureToken: Map<FaceTable["ligatures"][number], number>;
  private readonly bad: Set<number>[];
  private readonly features: Record<string, boolean>[];
  private readonly kerning: Int16Array;
  /** The space's character index, -1 when the table has none. */
  private readonly space: number;

  constructor(
    private readonly table: FaceTable,
    private readonly scripts: string[],
  ) {
    const top = Math.max(...table.codePoints);
    this.index = new Int16Array(top + 1).fill(-1);
    table.codePoints.forEach((cp, i) => (this.index[cp] = i));
    const n = (this.chars = table.codePoints.length);
    const t = (this.tokens = n + table.ligatures.length);
    this.ligatureToken = new Map(table.ligatures.map((l, k) => [l, n + k]));
    this.ligatureStarts = scripts.map((_, s) => {
      const starts = new Map<number, FaceTable["ligatures"]>();
      for (const l of [...table.ligatures].sort((a, b) => b.chars.length - a.chars.length)) {
        if (!l.scripts.includes(s)) continue;
        const key = l.chars[0]! * n + l.chars[1]!;
        starts.set(key, [...(starts.get(key) ?? []), l]);
      }
      return starts;
    });
    this.bad = scripts.map((tag) => {
      const pairs = table.badPairs[tag] ?? [];
      const set = new Set<number>();
      for (let k = 0; k + 1 < pairs.length; k += 2) set.add(pairs[k]! * t + pairs[k + 1]!);
      return set;
    });
    this.features = scripts.map((tag) => Object.fromEntries((table.features[tag] ?? []).map((f) => [f, true])));
    this.kerning = Int16Array.from(table.kerning);
    this.space = table.codePoints.indexOf(0x20);
  }

  /** fontkit's layout of `text` with the default features, or null when the table cannot give it. */
  layout(font: FontkitFont, text: string): TableRun | null {
    const { index, table } = this;
    const length = text.length;
    if (length === 0) return null;
    const chars: number[] = new Array(length);
    let script = 0;
    for (let k = 0; k < length; k++) {
      const unit = text.charCodeAt(k);
      const i = unit < index.length ? index[unit]! : -1;
      if (i < 0) return null;
      const s = table.scripts[i]!;
      if (s !== 0) {
        if (script === 0) script = s;
        else if (s !== script) return null;
      }
      chars[k] = i;
    }
    // Tokens: characters, and the longest ligature where one starts (fontkit's ligature lookup).
    const n = this.chars;
    const starts = this.ligatureStarts[script]!;
    const tokens: number[] = [];
    const tokenStart: number[] = [];
    for (let k = 0; k < length; ) {
      const ligatures = k + 1 < length && starts.size > 0 ? starts.get(chars[k]! * n + chars[k + 1]!) : undefined;
      tokenStart.push(k);
      if (ligatures === undefined) {
        tokens.push(chars[k]!);
        k++;
        continue;
      }
      const found = ligatures.find((l) => l.chars.every((c, m) => chars[k + m] === c));
      if (!found) return null;
      tokens.push(this.ligatureToken.get(found)!);
      k += found.chars.length;
    }
    const bad = this.bad[script]!;
    const t = this.tokens;
    for (let k = 1; k < tokens.length; k++) if (bad.has(tokens[k - 1]! * t + tokens[k]!)) return null;
    // The glyph of every character first, then the ligatures': the calls fontkit makes, in its order (the first
    // call for a glyph gives a glyph shared by the process its characters).
    const charGlyphs: Glyph[] = new Array(length);
    for (let k = 0; k < length; k++)
      charGlyphs[k] = font.getGlyph(table.glyphs[chars[k]!]!, [table.codePoints[chars[k]!]!]);
    const glyphs: Glyph[] = new Array(tokens.length);
    const positions: Position[] = new Array(tokens.length);
    const { left, right, rightClasses, advances } = table;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k]!;
      let advance: number;
      if (token < n) {
        glyphs[k] = charGlyphs[tokenStart[k]!]!;
        advance = advances[token]!;
      } else {
        const ligature = table.ligatures[token - n]!;
        const from = tokenStart[k]!;
        // fontkit's ligature takes the characters its parts' glyphs hold.
        glyphs[k] = font.getGlyph(
          ligature.glyph,
          ligature.chars.flatMap((_, m) => charGlyphs[from + m]!.codePoints),
        );
        advance = ligature.advance;
      }
      const next = tokens[k + 1];
      const kern = next === undefined ? 0 : this.kerning[left[token]! * rightClasses + right[next]!]!;
      positions[k] = { xAdvance: advance + kern, yAdvance: 0, xOffset: 0, yOffset: 0 };
    }
    // fontkit asks for the space glyph after every layout (to stand for default ignorables): its first call
    // gives that glyph its character.
    if (this.space >= 0) font.getGlyph(table.glyphs[this.space]!, [0x20]);
    return new TableRun(glyphs, positions, this.scripts[script]!, { ...this.features[script] });
  }
}

let tables: ShapingTables | null | undefined;

/** The tables shipped in dist/fonts/, read once; null when there are none (sources without a build). */
export function shippedShapingTables(): ShapingTables | null {
  if (tables === undefined) {
    const path = shippedFontsFile(SHAPING_TABLES_FILE);
    try {
      const read = path && existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as ShapingTables) : null;
      tables = read?.version === VERSION ? read : null;
    } catch {
      tables = null;
    }
  }
  return tables;
}

/** The shaper for a font parsed from `path`, when the tables hold that very file (same name and SHA-256). */
export function shaperFor(font: unknown, path: string, from = shippedShapingTables()): Shaper | null {
  const table = from?.faces[basename(path)];
  const bytes = (font as FontkitFont).stream?.buffer;
  if (!from || !table || !bytes) return null;
  if (createHash("sha256").update(bytes).digest("hex") !== table.sha256) return null;
  return new Shaper(table, from.scripts);
}

/**
 * Lays out the words of a shipped face from its table: pdfkit calls `font.layout(word, features)` with no
 * features; every other call, and every word the table cannot give, goes to fontkit. The table is looked up
 * (and the font file hashed) on the first call.
 */
export function useShapingTable(font: unknown, path: string, from = shippedShapingTables()): void {
  const kit = font as FontkitFont;
  if (kit.minutesShapingTable || typeof kit.layout !== "function") return;
  if (!from?.faces[basename(path)]) return;
  const layout = kit.layout;
  let shaper: Shaper | null | undefined;
  kit.layout = function (this: FontkitFont, text: unknown, ...rest: unknown[]) {
    if (typeof text === "string" && rest.every((arg) => arg === undefined)) {
      if (shaper === undefined) shaper = shaperFor(this, path, from);
      const run = shaper?.layout(this, text);
      if (run) return run;
    }
    return layout.call(this, text, ...rest);
  };
  kit.minutesShapingTable = true;
}
