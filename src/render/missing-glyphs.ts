// The warning for characters the PDF drew as boxes because no font has them (rule font-missing-glyphs): one
// diagnostic per remedy (a CJK font package, the emoji package, a font named in the theme), at the first
// place the source file writes one of them, naming the characters and the lines that hold them.
import type { Diagnostic } from "../diagnostics.js";
import { CJK_CHARS, EMOJI_CHARS, optionalPackages, preferredCjkPackage } from "./fallback-fonts.js";

/** Characters and lines listed in a message, at most; the rest are counted. */
const LISTED = 8;

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

type Remedy = "cjk" | "emoji" | "theme";

function remedyFor(ch: string): Remedy {
  if (CJK_CHARS.test(ch)) return "cjk";
  if (EMOJI_CHARS.test(ch)) return "emoji";
  return "theme";
}

function hint(remedy: Remedy, language: string, characters: string): string {
  const theme = "or name a font that has them under `fonts: fallbacks:` in the theme (see docs/themes.md)";
  if (remedy === "theme") return `Name a font that has them under \`fonts: fallbacks:\` in the theme (a list of { family, regular, bold } with .ttf or .otf files; see docs/themes.md).`;
  const pkg = remedy === "cjk" ? preferredCjkPackage(language, characters).name : optionalPackages.find((p) => p.slot === "other")!.name;
  return `Install the font package minutes looks for: \`npm install --global ${pkg}\` (beside minutes) or \`npm install --save-dev ${pkg}\` in the project, ${theme}.`;
}

/** Line and column (1-based) of each place the text holds one of `chars`, in one pass. */
function placesOf(text: string, chars: ReadonlySet<string>): { line: number; column: number }[] {
  const places: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (const ch of text) {
    if (ch === "\n") {
      line++;
      column = 1;
      continue;
    }
    if (chars.has(ch)) places.push({ line, column });
    column++;
  }
  return places;
}

const listed = (items: string[], more: number): string => items.join(", ") + (more > 0 ? ` and ${more} more` : "");

/**
 * The diagnostics for the characters a render could not draw. `source` is the Markdown text, searched for
 * where each character is written; a character it does not hold (a theme label, an escape) has no place.
 * Under strict they are errors: the build then writes nothing.
 */
export function missingGlyphDiagnostics(file: string, source: string, characters: Iterable<string>, language: string, strict: boolean): Diagnostic[] {
  const byRemedy = new Map<Remedy, string[]>();
  for (const ch of new Set(characters)) {
    const remedy = remedyFor(ch);
    byRemedy.set(remedy, [...(byRemedy.get(remedy) ?? []), ch]);
  }
  const out: Diagnostic[] = [];
  for (const [remedy, chars] of byRemedy) {
    const places = placesOf(source, new Set(chars));
    const first = places[0];
    const lines = [...new Set(places.map((p) => p.line))];
    const count = chars.length;
    const named = listed(chars.slice(0, LISTED).map((ch) => `${codePoint(ch)} ${ch}`), count - LISTED);
    const where = lines.length ? ` (line ${listed(lines.slice(0, LISTED).map(String), lines.length - LISTED)})` : "";
    out.push({
      file,
      line: first?.line ?? null,
      column: first?.column ?? null,
      severity: strict ? "error" : "warning",
      rule: "font-missing-glyphs",
      message: `No font has ${count === 1 ? "this character" : `these ${count} characters`}, so the PDF draws ${count === 1 ? "it as a box" : "them as boxes"}: ${named}${where}.`,
      hint: hint(remedy, language, chars.join("")),
    });
  }
  return out;
}
