// The warning for characters the PDF drew as boxes because no font has them (rule font-missing-glyphs): one
// diagnostic per remedy (a CJK font package, the emoji package, a font named in the theme), at the first
// place the source file writes one of them, naming the characters and the lines that hold them.
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text, type Param, type Text } from "../i18n/messages.js";
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

function hint(remedy: Remedy, language: string, characters: string): Text {
  if (remedy === "theme") return text("font-missing-glyphs.theme.hint");
  const pkg =
    remedy === "cjk"
      ? preferredCjkPackage(language, characters).name
      : optionalPackages.find((p) => p.slot === "other")!.name;
  return text("font-missing-glyphs.package.hint", { package: pkg });
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

const listed = (items: string[], more: number): Param => (more > 0 ? text("list.more", { items, count: more }) : items);

/**
 * The diagnostics for the characters a render could not draw. `source` is the Markdown text, searched for
 * where each character is written; a character it does not hold (a theme label, an escape) has no place.
 * Under strict they are errors: the build then writes nothing.
 */
export function missingGlyphDiagnostics(
  file: string,
  source: string,
  characters: Iterable<string>,
  language: string,
  strict: boolean,
): Diagnostic[] {
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
    const named = listed(
      chars.slice(0, LISTED).map((ch) => `${codePoint(ch)} ${ch}`),
      count - LISTED,
    );
    const where = lines.length
      ? text(lines.length > 1 ? "font-missing-glyphs.lines" : "font-missing-glyphs.line", {
          lines: listed(lines.slice(0, LISTED).map(String), lines.length - LISTED),
        })
      : "";
    out.push(
      diagnostic({
        file,
        line: first?.line ?? null,
        column: first?.column ?? null,
        severity: strict ? "error" : "warning",
        rule: "font-missing-glyphs",
        message:
          count === 1
            ? text("font-missing-glyphs.one", { characters: named, where })
            : text("font-missing-glyphs.many", { count, characters: named, where }),
        hint: hint(remedy, language, chars.join("")),
      }),
    );
  }
  return out;
}
