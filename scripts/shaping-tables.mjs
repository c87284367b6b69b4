// Pre-computed shaping of the shipped text faces, made with fontkit itself at build time (issue 19). For each
// face: the glyph and advance of each "simple" character, the kerning between two simple characters, and the
// pairs that are not simple. src/render/pdf/shaping-table.ts lays out a word from it, without fontkit's
// OpenType lookups, when every character and adjacent pair of the word is simple; test/shaping-table.test.ts
// checks that this gives what fontkit gives.
//
// What "simple" means, and how it is found:
// - A character is simple in a script (fontkit shapes a word with the OpenType script of its first letter:
//   zzzz for a word of digits and punctuation only, latn, grek, cyrl) when fontkit shapes it alone as the
//   glyph its cmap gives, at that glyph's advance with no offset, and the glyph is a base glyph (GDEF class
//   0 or 1: lookups that skip marks, ligatures or components never skip it). A character of the common
//   script is kept only when it is simple in all four.
// - The faces' pair kerning is GPOS pair adjustment of the first glyph's advance only (checked below: no
//   other value in any pair lookup), so in a run of simple glyphs with no substitution, the advance of each
//   glyph is its own plus the kerning with the next one. Every ordered pair of a script's characters is
//   shaped inside long strings that hold each pair once (a de Bruijn sequence): where fontkit's glyphs are
//   the characters' own, the kerning is read off; where they are not, the pairs of that string are shaped one
//   by one and those that fontkit does not shape as two glyphs plus kerning (ligatures like fi, the
//   decomposition of a precomposed letter…) are the pairs that are not simple.
// - Then random strings of simple characters, avoiding those pairs, are shaped by fontkit and compared with
//   the table's layout: any difference (a substitution or position that needs more than two characters)
//   stops the build.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as fontkit from "fontkit";

/** The file the tables are written to, in dist/fonts/ (read by src/render/pdf/shaping-table.ts). */
export const SHAPING_TABLES_FILE = "shaping-tables.json";
/** Shipped faces that get a table (src/package/shipped-files.json): the theme's text and mono faces. */
export const SHAPED_FACES = [
  "noto-sans-regular",
  "noto-sans-bold",
  "noto-sans-italic",
  "noto-sans-bold-italic",
  "noto-sans-mono",
];
/** The OpenType scripts a simple word may have (fontkit's tag for a word with no letter is zzzz). */
export const SCRIPTS = ["zzzz", "latn", "grek", "cyrl"];
/**
 * The characters looked at: Latin (Basic, Latin-1, Extended-A and B), Greek, Cyrillic, general punctuation,
 * currency, letterlike symbols and number forms, and a few arrows and mathematical signs. Shaping every pair
 * of them takes seconds per face, so scripts and symbols that minutes rarely hold are left to fontkit.
 */
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x4ff],
  [0x2000, 0x20bf],
  [0x2100, 0x215f],
  [0x2190, 0x2195],
  [0x2212, 0x2212],
  [0x221e, 0x221e],
  [0x2248, 0x2248],
  [0x2260, 0x2260],
  [0x2264, 0x2265],
];
/** Characters fontkit treats apart: default ignorables (hidden), joiners, the fraction slash (frac features). */
const SET_APART = /[\u00ad\u034f\u200b-\u200f\u202a-\u202e\u2044\u2060-\u206f]/u;
/** The format of the table; the run-time reader refuses any other. */
export const SHAPING_TABLES_VERSION = 1;

/** Pair positioning in the font moves only the first glyph's advance: the assumption the table is built on. */
function checkPairValues(font) {
  const gpos = font.GPOS;
  if (!gpos) return;
  for (let i = 0; i < gpos.lookupList.length; i++) {
    const lookup = gpos.lookupList.get(i);
    for (const sub of lookup.subTables) {
      const type = lookup.lookupType === 9 ? sub.lookupType : lookup.lookupType;
      const table = lookup.lookupType === 9 ? sub.extension : sub;
      if (type !== 2) continue;
      const first = Object.entries(table.valueFormat1)
        .filter(([, on]) => on)
        .map(([k]) => k);
      const second = Object.entries(table.valueFormat2).filter(([, on]) => on);
      if (second.length > 0 || first.some((k) => k !== "xAdvance")) {
        throw new Error(`shaping tables: GPOS lookup ${i} moves more than the first glyph's advance`);
      }
    }
  }
}

/** A sequence over 0..k-1 holding every ordered pair once (a de Bruijn sequence of order 2, made linear). */
function pairSequence(k) {
  const a = [0, 0, 0];
  const out = [];
  const db = (t, p) => {
    if (t > 2) {
      if (2 % p === 0) for (let j = 1; j <= p; j++) out.push(a[j]);
      return;
    }
    a[t] = a[t - p];
    db(t + 1, p);
    for (let j = a[t - p] + 1; j < k; j++) {
      a[t] = j;
      db(t + 1, t);
    }
  };
  db(1, 1);
  out.push(out[0]);
  return out;
}

/** A deterministic random source, so a build gives the same table and the same checks. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The table of one face, from its bytes. `fontkitModule` is the fontkit to use (the tests pass theirs).
 * Takes a few seconds: every pair of a script's characters is shaped.
 */
export function shapingTable(bytes, fontkitModule = fontkit) {
  const font = fontkitModule.create(Buffer.from(bytes));
  checkPairValues(font);
  const gdef = font.GDEF?.glyphClassDef;
  const glyphClass = (gid) => {
    if (!gdef) return 0;
    if (gdef.version === 1) {
      const i = gid - gdef.startGlyph;
      return i >= 0 && i < gdef.classValueArray.length ? gdef.classValueArray[i] : 0;
    }
    for (const r of gdef.classRangeRecord) if (gid >= r.start && gid <= r.end) return r.class;
    return 0;
  };
  /** fontkit's layout of a string in a word of the given script (the script it would find for such a word). */
  const shape = (text, script) => font.layout(text, undefined, script);

  // The characters: those the font has, in a script a simple word may have, simple alone in each script.
  const chars = [];
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      if (SET_APART.test(String.fromCodePoint(cp))) continue;
      const gid = font.glyphForCodePoint(cp).id;
      if (gid === 0 || !font.hasGlyphForCodePoint(cp)) continue;
      if (glyphClass(gid) > 1) continue;
      const ch = String.fromCodePoint(cp);
      const script = SCRIPTS.indexOf(font.layout(ch).script);
      if (script < 0) continue;
      const advance = font.getGlyph(gid).advanceWidth;
      const simpleIn = (tag) => {
        const run = shape(ch, tag);
        const p = run.positions[0];
        return (
          run.glyphs.length === 1 &&
          run.glyphs[0].id === gid &&
          p.xAdvance === advance &&
          p.yAdvance === 0 &&
          p.xOffset === 0 &&
          p.yOffset === 0
        );
      };
      const tags = script === 0 ? SCRIPTS : [SCRIPTS[script]];
      if (!tags.every(simpleIn)) continue;
      chars.push({ cp, gid, advance, script });
    }
  }
  const n = chars.length;
  // Kerning by pair of character indexes (null: not shaped in any script), and the pairs that are not simple.
  const kern = new Array(n * n).fill(null);
  const badPairs = {};
  const setKern = (i, j, value) => {
    const old = kern[i * n + j];
    if (old !== null && old !== value) {
      throw new Error(
        `shaping tables: kerning of U+${chars[i].cp.toString(16)} U+${chars[j].cp.toString(16)} depends on the script`,
      );
    }
    kern[i * n + j] = value;
  };
  for (let s = 0; s < SCRIPTS.length; s++) {
    const tag = SCRIPTS[s];
    const members = [];
    for (let i = 0; i < n; i++) if (chars[i].script === 0 || chars[i].script === s) members.push(i);
    const bad = new Set();
    const pairOk = (i, j) => {
      const run = shape(String.fromCodePoint(chars[i].cp, chars[j].cp), tag);
      const [p, q] = run.positions;
      const ok =
        run.glyphs.length === 2 &&
        run.glyphs[0].id === chars[i].gid &&
        run.glyphs[1].id === chars[j].gid &&
        p.yAdvance === 0 &&
        p.xOffset === 0 &&
        p.yOffset === 0 &&
        q.xAdvance === chars[j].advance &&
        q.yAdvance === 0 &&
        q.xOffset === 0 &&
        q.yOffset === 0;
      if (ok) setKern(i, j, p.xAdvance - chars[i].advance);
      else bad.add(i * n + j);
    };
    const sequence = pairSequence(members.length).map((k) => members[k]);
    const CHUNK = 256;
    for (let start = 0; start < sequence.length - 1; start += CHUNK - 1) {
      const chunk = sequence.slice(start, start + CHUNK);
      const run = shape(String.fromCodePoint(...chunk.map((i) => chars[i].cp)), tag);
      const plain =
        run.glyphs.length === chunk.length &&
        chunk.every((i, k) => {
          const p = run.positions[k];
          return run.glyphs[k].id === chars[i].gid && p.yAdvance === 0 && p.xOffset === 0 && p.yOffset === 0;
        }) &&
        run.positions[chunk.length - 1].xAdvance === chars[chunk[chunk.length - 1]].advance;
      if (plain) {
        for (let k = 0; k + 1 < chunk.length; k++) {
          setKern(chunk[k], chunk[k + 1], run.positions[k].xAdvance - chars[chunk[k]].advance);
        }
      } else {
        for (let k = 0; k + 1 < chunk.length; k++) pairOk(chunk[k], chunk[k + 1]);
      }
    }
    badPairs[tag] = [...bad].sort((a, b) => a - b);
  }

  // Kerning classes: characters with the same row kern alike on the left, the same column alike on the right.
  const rowKey = (i) =>
    kern
      .slice(i * n, i * n + n)
      .map((v) => v ?? 0)
      .join(",");
  const left = [];
  const leftRows = new Map();
  for (let i = 0; i < n; i++) {
    const key = rowKey(i);
    if (!leftRows.has(key)) leftRows.set(key, leftRows.size);
    left.push(leftRows.get(key));
  }
  const leftFirst = [...leftRows.keys()].map((key) => key.split(",").map(Number));
  const right = [];
  const rightColumns = new Map();
  for (let j = 0; j < n; j++) {
    const key = leftFirst.map((row) => row[j]).join(",");
    if (!rightColumns.has(key)) rightColumns.set(key, rightColumns.size);
    right.push(rightColumns.get(key));
  }
  const rightCount = rightColumns.size;
  const matrix = new Array(leftRows.size * rightCount).fill(0);
  for (const [key, r] of rightColumns) key.split(",").forEach((v, l) => (matrix[l * rightCount + r] = Number(v)));

  const table = {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    codePoints: chars.map((c) => c.cp),
    glyphs: chars.map((c) => c.gid),
    advances: chars.map((c) => c.advance),
    scripts: chars.map((c) => c.script),
    left,
    right,
    rightClasses: rightCount,
    kerning: matrix,
    features: Object.fromEntries(
      SCRIPTS.map((tag) => [tag, Object.keys(font.layout(String.fromCodePoint(chars[0].cp), undefined, tag).features)]),
    ),
    badPairs: Object.fromEntries(
      Object.entries(badPairs).map(([tag, pairs]) => [tag, pairs.flatMap((p) => [Math.floor(p / n), p % n])]),
    ),
  };
  checkContexts(font, new Set(table.glyphs), new Set(Object.values(table.features).flat()));
  verify(font, table);
  return table;
}

const coverageGlyphs = (coverage) =>
  coverage.version === 1
    ? coverage.glyphs
    : coverage.rangeRecords.flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, k) => r.start + k));

/**
 * Pairs are shaped exhaustively, longer strings only at random: a contextual lookup of the features fontkit
 * applies (frac, numr and dnom only around the fraction slash, which is set apart) whose every position can
 * match a simple glyph, over three glyphs or more, could change a string whose pairs are all simple. There is
 * none in the shipped faces; if a font had one, the build stops here.
 */
function checkContexts(font, simple, applied) {
  const touches = (coverage) => coverageGlyphs(coverage).some((g) => simple.has(g));
  for (const name of ["GSUB", "GPOS"]) {
    const table = font[name];
    if (!table) continue;
    const contextual = name === "GSUB" ? [5, 6] : [7, 8];
    const extension = name === "GSUB" ? 7 : 9;
    // The lookups fontkit applies to a word of each script: its script's (else DFLT's) default language system.
    const lookups = new Set();
    for (const tag of SCRIPTS) {
      const find = (t) => table.scriptList.find((entry) => entry.tag === t);
      const entry = find(tag) ?? find("DFLT") ?? find("dflt") ?? find("latn");
      for (const f of entry?.script.defaultLangSys?.featureIndexes ?? []) {
        const { tag: feature, feature: record } = table.featureList[f];
        if (applied.has(feature) && !["frac", "numr", "dnom"].includes(feature)) {
          for (const i of record.lookupListIndexes) lookups.add(i);
        }
      }
    }
    for (const i of lookups) {
      const lookup = table.lookupList.get(i);
      for (const sub of lookup.subTables) {
        const type = lookup.lookupType === extension ? sub.lookupType : lookup.lookupType;
        const st = lookup.lookupType === extension ? sub.extension : sub;
        if (!contextual.includes(type)) continue;
        const where = `${name} lookup ${i}`;
        if (st.version !== 3) {
          if (touches(st.coverage))
            throw new Error(`shaping tables: ${where} (format ${st.version}) may match simple glyphs`);
          continue;
        }
        const positions = st.coverages ?? [...st.backtrackCoverage, ...st.inputCoverage, ...st.lookaheadCoverage];
        if (positions.length >= 3 && positions.every(touches)) {
          throw new Error(`shaping tables: ${where} is a context of ${positions.length} glyphs that may all be simple`);
        }
      }
    }
  }
}

/** The layout the table gives for a word, as [glyph id, x advance] pairs; null when the word is not simple. */
export function tableLayout(table, text) {
  const index = new Map(table.codePoints.map((cp, i) => [cp, i]));
  const chars = [];
  let script = 0;
  for (const ch of text) {
    const i = index.get(ch.codePointAt(0));
    if (i === undefined) return null;
    const s = table.scripts[i];
    if (s !== 0) {
      if (script === 0) script = s;
      else if (s !== script) return null;
    }
    chars.push(i);
  }
  const bad = new Set();
  const pairs = table.badPairs[SCRIPTS[script]];
  for (let k = 0; k < pairs.length; k += 2) bad.add(`${pairs[k]},${pairs[k + 1]}`);
  const out = [];
  for (let k = 0; k < chars.length; k++) {
    const i = chars[k];
    const j = chars[k + 1];
    if (j !== undefined && bad.has(`${i},${j}`)) return null;
    const kern = j === undefined ? 0 : table.kerning[table.left[i] * table.rightClasses + table.right[j]];
    out.push([table.glyphs[i], table.advances[i] + kern]);
  }
  return out;
}

/** Random strings of simple characters shaped by fontkit and by the table: they must agree. */
function verify(font, table) {
  const next = random(19);
  const bySript = SCRIPTS.map((_, s) =>
    table.codePoints.filter((_, i) => table.scripts[i] === 0 || table.scripts[i] === s),
  );
  for (let round = 0; round < 4000; round++) {
    const pool = bySript[round % SCRIPTS.length];
    const length = 1 + Math.floor(next() * 24);
    let text = "";
    for (let k = 0; k < length; k++) text += String.fromCodePoint(pool[Math.floor(next() * pool.length)]);
    const expected = tableLayout(table, text);
    if (expected === null) continue;
    const run = font.layout(text);
    const same =
      run.glyphs.length === expected.length &&
      expected.every(
        ([gid, advance], k) =>
          run.glyphs[k].id === gid &&
          run.positions[k].xAdvance === advance &&
          run.positions[k].yAdvance === 0 &&
          run.positions[k].xOffset === 0 &&
          run.positions[k].yOffset === 0,
      );
    if (!same) throw new Error(`shaping tables: the table does not give fontkit's layout of ${JSON.stringify(text)}`);
  }
}

const here = new URL(import.meta.url);
const root = new URL("../", here);

/**
 * Writes dist/fonts/shaping-tables.json for the shipped faces (copied there already). A face's table is kept in
 * node_modules/.cache/minutes-shaping-tables/ under the hash of its font file, this script and fontkit's
 * version, so it is made once (a few seconds of CPU per face, in parallel) and never stale.
 */
export async function writeShapingTables() {
  const shipped = JSON.parse(await readFile(new URL("src/package/shipped-files.json", root), "utf8"));
  const fontkitVersion = JSON.parse(await readFile(new URL("node_modules/fontkit/package.json", root), "utf8")).version;
  const maker = createHash("sha256")
    .update(await readFile(here))
    .update(fontkitVersion)
    .digest("hex")
    .slice(0, 16);
  const cache = new URL("node_modules/.cache/minutes-shaping-tables/", root);
  await mkdir(cache, { recursive: true });
  const jobs = SHAPED_FACES.map((face) => {
    const file = basename(shipped.fonts[face]);
    return { file, font: new URL(`dist/fonts/${file}`, root) };
  });
  for (const job of jobs) {
    const sha = createHash("sha256")
      .update(await readFile(job.font))
      .digest("hex");
    job.cached = new URL(`${sha}-${maker}.json`, cache);
  }
  const todo = jobs.filter((job) => !existsSync(job.cached));
  const run = promisify(execFile);
  const worker = async () => {
    for (let job = todo.shift(); job; job = todo.shift()) {
      const temporary = fileURLToPath(job.cached) + ".tmp";
      await run(process.execPath, [fileURLToPath(here), fileURLToPath(job.font), temporary]);
      await rename(temporary, job.cached);
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker));
  const faces = {};
  for (const job of jobs) faces[job.file] = JSON.parse(await readFile(job.cached, "utf8"));
  await writeFile(
    new URL(`dist/fonts/${SHAPING_TABLES_FILE}`, root),
    JSON.stringify({ version: SHAPING_TABLES_VERSION, scripts: SCRIPTS, faces }),
  );
}

// node scripts/shaping-tables.mjs FONT OUT: one face's table (the build runs faces in parallel this way).
if (process.argv[1] && fileURLToPath(here) === process.argv[1] && process.argv.length === 4) {
  await writeFile(process.argv[3], JSON.stringify(shapingTable(await readFile(process.argv[2]))));
}
