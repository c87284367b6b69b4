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
// - The faces' pair kerning is GPOS pair adjustment of the first glyph's advance only (checked: no other
//   value in any pair lookup), so in a run of simple glyphs with no substitution, the advance of each glyph
//   is its own plus the kerning with the next one. Every ordered pair of a script's characters is shaped
//   inside long strings that hold each pair once (a de Bruijn sequence): where fontkit's glyphs are the
//   characters' own, the kerning is read off; where they are not, the pairs of that string are shaped one by
//   one, and those fontkit does not shape as two glyphs plus kerning are not simple.
// - A pair that is not simple and that fontkit shapes as one glyph starts a ligature (ff, fi, fl, and the
//   longer ffi, ffl found by adding characters): the run-time takes the longest ligature that matches, as
//   fontkit's ligature lookup does, and every pair with a ligature is shaped one by one.
// - What pairs cannot show is checked on the font's lookups: no contextual lookup of the applied features
//   whose three or more positions may all be simple glyphs, no ligature that starts with a simple pair, no
//   ligature glyph that a lookup skips. A font that fails these stops the build.
// test/shaping-table.test.ts then compares the run-time layout with fontkit's on every word of the examples
// and fixtures and on random strings.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
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
    for (const [type, table] of subtables(gpos.lookupList.get(i), 9)) {
      if (type !== 2) continue;
      const first = Object.entries(table.valueFormat1).filter(([, on]) => on);
      const second = Object.entries(table.valueFormat2).filter(([, on]) => on);
      if (second.length > 0 || first.some(([k]) => k !== "xAdvance")) {
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
  const member = (script, s) => script === 0 || script === s;
  // The features fontkit applies to a word of each script (it reports them in the run).
  const features = Object.fromEntries(SCRIPTS.map((tag) => [tag, Object.keys(shape(" ", tag).features)]));
  const applied = new Set(Object.values(features).flat());
  // Kerning of two characters by i * n + j (the same in every script, checked), and the pairs of each
  // script that are not two glyphs plus kerning.
  const kernOfChars = new Map();
  const badOfChars = SCRIPTS.map(() => new Set());
  const setKern = (map, key, value, what) => {
    if (map.has(key) && map.get(key) !== value)
      throw new Error(`shaping tables: the kerning of ${what} depends on the script`);
    map.set(key, value);
  };
  /** Whether fontkit lays out `text` as exactly these glyphs, plain (only kerning), and the first one's kerning. */
  const plainRun = (text, tag, expected) => {
    const run = shape(text, tag);
    const ok =
      run.glyphs.length === expected.length &&
      expected.every(({ gid, advance }, k) => {
        const p = run.positions[k];
        const last = k === expected.length - 1;
        return (
          run.glyphs[k].id === gid &&
          p.yAdvance === 0 &&
          p.xOffset === 0 &&
          p.yOffset === 0 &&
          (!last || p.xAdvance === advance)
        );
      });
    return ok ? run.positions.map((p, k) => p.xAdvance - expected[k].advance) : null;
  };
  for (let s = 0; s < SCRIPTS.length; s++) {
    const tag = SCRIPTS[s];
    const members = [];
    for (let i = 0; i < n; i++) if (member(chars[i].script, s)) members.push(i);
    const sequence = pairSequence(members.length).map((k) => members[k]);
    const CHUNK = 256;
    for (let start = 0; start < sequence.length - 1; start += CHUNK - 1) {
      const chunk = sequence.slice(start, start + CHUNK);
      const kerns = plainRun(
        String.fromCodePoint(...chunk.map((i) => chars[i].cp)),
        tag,
        chunk.map((i) => chars[i]),
      );
      for (let k = 0; k + 1 < chunk.length; k++) {
        const [i, j] = [chunk[k], chunk[k + 1]];
        // Where the string is not plain, its pairs one by one.
        const kern = kerns
          ? kerns[k]
          : plainRun(String.fromCodePoint(chars[i].cp, chars[j].cp), tag, [chars[i], chars[j]])?.[0];
        if (kern === undefined) badOfChars[s].add(i * n + j);
        else setKern(kernOfChars, i * n + j, kern, `U+${chars[i].cp.toString(16)} U+${chars[j].cp.toString(16)}`);
      }
    }
  }

  // Ligatures: a pair that is not simple and that fontkit shapes as one plain glyph, and its longer forms.
  const ligatures = new Map();
  const findLigatures = (sequence, s) => {
    const run = shape(String.fromCodePoint(...sequence.map((i) => chars[i].cp)), SCRIPTS[s]);
    const glyph = run.glyphs[0];
    const p = run.positions[0];
    if (run.glyphs.length !== 1 || p.yAdvance !== 0 || p.xOffset !== 0 || p.yOffset !== 0) return;
    if (p.xAdvance !== glyph.advanceWidth) return;
    const key = sequence.join(",");
    const known = ligatures.get(key);
    if (known && known.gid !== glyph.id)
      throw new Error(`shaping tables: the ligature of ${key} depends on the script`);
    const ligature = known ?? { chars: sequence, gid: glyph.id, advance: glyph.advanceWidth, scripts: [] };
    ligature.scripts.push(s);
    ligatures.set(key, ligature);
    if (sequence.length < 4)
      for (let c = 0; c < n; c++) if (member(chars[c].script, s)) findLigatures([...sequence, c], s);
  };
  for (let s = 0; s < SCRIPTS.length; s++)
    for (const pair of badOfChars[s]) findLigatures([Math.floor(pair / n), pair % n], s);
  const ligatureList = [...ligatures.values()];
  checkLigatures(font, applied, { chars, badOfChars, ligatureList, glyphClass, member });

  // Tokens: the characters, then the ligatures. Pairs with a ligature are shaped one by one.
  const tokens = [...chars, ...ligatureList.map((l) => ({ ...l, cps: l.chars.map((i) => chars[i].cp) }))];
  const t = tokens.length;
  const kern = new Map();
  for (const [key, value] of kernOfChars) kern.set(Math.floor(key / n) * t + (key % n), value);
  const bad = SCRIPTS.map((_, s) => [...badOfChars[s]].map((key) => Math.floor(key / n) * t + (key % n)));
  const inScript = (token, s) => (token.chars ? token.scripts.includes(s) : member(token.script, s));
  const text = (token) => String.fromCodePoint(...(token.cps ?? [token.cp]));
  for (let s = 0; s < SCRIPTS.length; s++) {
    for (let a = 0; a < t; a++) {
      for (let b = a < n ? n : 0; b < t; b++) {
        if (!inScript(tokens[a], s) || !inScript(tokens[b], s)) continue;
        const kerns = plainRun(text(tokens[a]) + text(tokens[b]), SCRIPTS[s], [tokens[a], tokens[b]]);
        if (kerns) setKern(kern, a * t + b, kerns[0], `tokens ${a} ${b}`);
        else bad[s].push(a * t + b);
      }
    }
  }

  // Kerning classes: tokens with the same row kern alike on the left, the same column alike on the right.
  const rowKey = (a) => Array.from({ length: t }, (_, b) => kern.get(a * t + b) ?? 0).join(",");
  const left = [];
  const leftRows = new Map();
  for (let a = 0; a < t; a++) {
    const key = rowKey(a);
    if (!leftRows.has(key)) leftRows.set(key, leftRows.size);
    left.push(leftRows.get(key));
  }
  const leftFirst = [...leftRows.keys()].map((key) => key.split(",").map(Number));
  const right = [];
  const rightColumns = new Map();
  for (let b = 0; b < t; b++) {
    const key = leftFirst.map((row) => row[b]).join(",");
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
    features,
    ligatures: ligatureList.map((l) => ({ chars: l.chars, glyph: l.gid, advance: l.advance, scripts: l.scripts })),
    badPairs: Object.fromEntries(
      SCRIPTS.map((tag, s) => [tag, bad[s].sort((x, y) => x - y).flatMap((p) => [Math.floor(p / t), p % t])]),
    ),
  };
  checkContexts(font, new Set(table.glyphs), applied);
  return table;
}

const coverageGlyphs = (coverage) =>
  coverage.version === 1
    ? coverage.glyphs
    : coverage.rangeRecords.flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, k) => r.start + k));

/**
 * The lookups of a GSUB or GPOS table that fontkit applies to a word of a simple script: those of the features it
 * applies (frac, numr and dnom only around the fraction slash, which is set apart) in the script's default
 * language system, or DFLT's when the font has no such script (fontkit's selectScript).
 */
function appliedLookups(table, applied) {
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
  return [...lookups].sort((a, b) => a - b).map((i) => [i, table.lookupList.get(i)]);
}

/** A lookup's subtables with their own type (an extension lookup's wrapped ones). */
function subtables(lookup, extensionType) {
  return lookup.subTables.map((sub) =>
    lookup.lookupType === extensionType ? [sub.lookupType, sub.extension] : [lookup.lookupType, sub],
  );
}

/**
 * A ligature is found above from its first two characters, a pair that is not simple. Every ligature of the
 * applied lookups whose glyphs are simple characters' must then start with such a pair (a three-part ligature
 * whose first two parts alone stay two glyphs would change strings whose pairs are all simple), and a ligature
 * glyph classed as a ligature or a mark must not be one that an applied lookup skips.
 */
function checkLigatures(font, applied, { chars, badOfChars, ligatureList, glyphClass, member }) {
  const n = chars.length;
  const byGlyph = new Map();
  chars.forEach((c, i) => byGlyph.set(c.gid, [...(byGlyph.get(c.gid) ?? []), i]));
  if (!font.GSUB) return;
  for (const [index, lookup] of appliedLookups(font.GSUB, applied)) {
    for (const [type, table] of subtables(lookup, 7)) {
      if (type !== 4) continue;
      coverageGlyphs(table.coverage).forEach((first, k) => {
        for (const ligature of table.ligatureSets.get(k)) {
          for (const a of byGlyph.get(first) ?? []) {
            for (const b of byGlyph.get(ligature.components[0]) ?? []) {
              for (let s = 0; s < SCRIPTS.length; s++) {
                if (member(chars[a].script, s) && member(chars[b].script, s) && !badOfChars[s].has(a * n + b)) {
                  throw new Error(`shaping tables: GSUB lookup ${index} has a ligature that starts with a simple pair`);
                }
              }
            }
          }
        }
      });
    }
  }
  for (const ligature of ligatureList) {
    const glyphClassOf = glyphClass(ligature.gid);
    if (glyphClassOf <= 1) continue;
    for (const name of ["GSUB", "GPOS"]) {
      if (!font[name]) continue;
      for (const [index, lookup] of appliedLookups(font[name], applied)) {
        const { ignoreLigatures, ignoreMarks } = lookup.flags.flags;
        if (glyphClassOf === 3 || (glyphClassOf === 2 && ignoreLigatures) || (glyphClassOf === 4 && ignoreMarks)) {
          throw new Error(`shaping tables: ${name} lookup ${index} skips the ligature glyph ${ligature.gid}`);
        }
      }
    }
  }
}

/**
 * Pairs are shaped exhaustively, longer strings only at random: a contextual lookup of the features fontkit
 * applies (frac, numr and dnom only around the fraction slash, which is set apart) whose every position can
 * match a simple glyph, over three glyphs or more, could change a string whose pairs are all simple. There is
 * none in the shipped faces; if a font had one, the build stops here.
 */
function checkContexts(font, simple, applied) {
  const touches = (coverage) => coverageGlyphs(coverage).some((g) => simple.has(g));
  for (const name of ["GSUB", "GPOS"]) {
    if (!font[name]) continue;
    const contextual = name === "GSUB" ? [5, 6] : [7, 8];
    for (const [index, lookup] of appliedLookups(font[name], applied)) {
      for (const [type, table] of subtables(lookup, name === "GSUB" ? 7 : 9)) {
        if (!contextual.includes(type)) continue;
        const where = `${name} lookup ${index}`;
        if (table.version !== 3) {
          if (touches(table.coverage))
            throw new Error(`shaping tables: ${where} (format ${table.version}) may match simple glyphs`);
          continue;
        }
        const positions = table.coverages ?? [
          ...table.backtrackCoverage,
          ...table.inputCoverage,
          ...table.lookaheadCoverage,
        ];
        if (positions.length >= 3 && positions.every(touches)) {
          throw new Error(`shaping tables: ${where} is a context of ${positions.length} glyphs that may all be simple`);
        }
      }
    }
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
      const temporary = `${fileURLToPath(job.cached)}.${process.pid}.tmp`;
      await run(process.execPath, [fileURLToPath(here), fileURLToPath(job.font), temporary]);
      await rename(temporary, job.cached);
    }
  };
  const made = todo.length > 0;
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker));
  if (made) await removeOlderTables(cache, maker);
  const faces = {};
  for (const job of jobs) faces[job.file] = JSON.parse(await readFile(job.cached, "utf8"));
  await writeFile(
    new URL(`dist/fonts/${SHAPING_TABLES_FILE}`, root),
    JSON.stringify({ version: SHAPING_TABLES_VERSION, scripts: SCRIPTS, faces }),
  );
}

/**
 * After new tables were made: removes those of other versions of this script or fontkit, unless read or
 * written in the last day (worktrees may share node_modules, each with its own version), and temporary files
 * left by a stopped build.
 */
async function removeOlderTables(cache, maker) {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of await readdir(cache)) {
    const table = /^[0-9a-f]{64}-([0-9a-f]{16})\.json(\.\d+\.tmp)?$/.exec(name);
    if (!table || (table[1] === maker && !table[2])) continue;
    const file = new URL(name, cache);
    const { atimeMs, mtimeMs } = await stat(file);
    if (Math.max(atimeMs, mtimeMs) < dayAgo) await rm(file, { force: true });
  }
}

// node scripts/shaping-tables.mjs FONT OUT: one face's table (the build runs faces in parallel this way).
if (process.argv[1] && fileURLToPath(here) === process.argv[1] && process.argv.length === 4) {
  await writeFile(process.argv[3], JSON.stringify(shapingTable(await readFile(process.argv[2]))));
}
