// Word's automatic numbering (word/numbering.xml): a paragraph names a list (numId) and a level (ilvl); the
// label it shows ("1.", "2.1", "a)", "iv.") is computed here from the level's format and text, with one counter
// per list and level, as Word counts: a level restarts when a shallower one moves on.
import type { XmlElement } from "@rgrove/parse-xml";
import { child, elements, val } from "./docx-package.js";

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface NumberLabel {
  /** What Word shows before the text: "1.", "2.1", "a)", "•". */
  label: string;
  /** Bullets are not ordered. */
  ordered: boolean;
  /** The counter's value at this level (1 for the first "a)"). */
  value: number;
  level: number;
}

export class Numbering {
  private readonly levels = new Map<string, Level[]>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlElement | null) {
    const abstract = new Map<string, Level[]>();
    for (const a of elements(root, "w:abstractNum")) {
      const id = a.attributes["w:abstractNumId"];
      if (id !== undefined) abstract.set(id, readLevels(a));
    }
    // A style link (w:numStyleLink) points at the abstract list that defines it (w:styleLink): followed once.
    const byStyle = new Map<string, string>();
    for (const a of elements(root, "w:abstractNum")) {
      const link = val(a, "w:styleLink");
      if (link && a.attributes["w:abstractNumId"] !== undefined) byStyle.set(link, a.attributes["w:abstractNumId"]);
    }
    for (const n of elements(root, "w:num")) {
      const id = n.attributes["w:numId"];
      let abstractId = val(n, "w:abstractNumId");
      if (id === undefined || abstractId === undefined) continue;
      const styleLink = val(
        elements(root, "w:abstractNum").find((a) => a.attributes["w:abstractNumId"] === abstractId),
        "w:numStyleLink",
      );
      if (styleLink && byStyle.has(styleLink)) abstractId = byStyle.get(styleLink)!;
      const levels = (abstract.get(abstractId) ?? []).map((l) => ({ ...l }));
      for (const o of elements(n, "w:lvlOverride")) {
        const ilvl = Number(o.attributes["w:ilvl"] ?? 0);
        const start = val(o, "w:startOverride");
        const lvl = child(o, "w:lvl");
        if (lvl) levels[ilvl] = readLevel(lvl);
        if (start !== undefined && levels[ilvl]) levels[ilvl]!.start = Number(start);
      }
      this.levels.set(id, levels);
    }
  }

  /** The label of the next paragraph of list `numId` at `ilvl` (counting it), or undefined for numId 0 or unknown lists. */
  next(numId: string, ilvl: number): NumberLabel | undefined {
    const levels = this.levels.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level || numId === "0") return undefined;
    let counts = this.counters.get(numId);
    if (!counts) this.counters.set(numId, (counts = []));
    for (let i = 0; i < ilvl; i++) if (counts[i] === undefined) counts[i] = levels[i]?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    if (level.format === "bullet" || level.format === "none")
      return { label: level.format === "none" ? "" : "•", ordered: false, value: counts[ilvl]!, level: ilvl };
    const label = level.text.replace(/%(\d)/g, (_, n: string) => {
      const i = Number(n) - 1;
      const l = levels[i];
      return l ? formatNumber(counts![i] ?? l.start, i === ilvl ? l.format : l.format) : "";
    });
    return { label: label.trim(), ordered: true, value: counts[ilvl]!, level: ilvl };
  }
}

function readLevels(abstract: XmlElement): Level[] {
  const out: Level[] = [];
  for (const lvl of elements(abstract, "w:lvl")) out[Number(lvl.attributes["w:ilvl"] ?? out.length)] = readLevel(lvl);
  return out;
}

function readLevel(lvl: XmlElement): Level {
  return {
    start: Number(val(lvl, "w:start") ?? 1),
    format: val(lvl, "w:numFmt") ?? "decimal",
    text: val(lvl, "w:lvlText") ?? "",
  };
}

const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

function roman(n: number): string {
  let out = "";
  for (const [value, letters] of ROMAN)
    while (n >= value) {
      out += letters;
      n -= value;
    }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb…
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in one of Word's formats (the common ones; others fall back to digits). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}
