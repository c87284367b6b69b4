// Fonts for the characters the theme's text faces lack, in the order both renderers try them: the theme's own
// `fonts.fallbacks`, the Noto Sans faces minutes ships for seven scripts, then optional font packages (CJK,
// emoji) found installed beside minutes or in the project. Finding a package costs a few stat calls; the
// renderers ask only when a character needs it, and open a face only when a character of its script comes.
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { shippedFont, type ShippedFont } from "../package/shipped-files.js";
import { isInside, realPath } from "../safe-path.js";
import type { Theme } from "../theme/theme.js";
import type { FontLookup } from "./render-options.js";

/** Where Word looks for a run's font: complex scripts (cs), East Asian (eastAsia), or the ordinary slots. */
export type WordSlot = "cs" | "eastAsia" | "other";

export interface FallbackFace {
  family: string;
  files: { regular: string; bold: string };
  /** The characters this face is for; absent: any character it has (a theme's own fallback). */
  chars?: RegExp;
  slot: WordSlot;
  /** Right-to-left script: the DOCX marks its runs w:rtl. */
  rtl?: boolean;
}

export const CJK_CHARS =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\u3000-\u303f\u3200-\u33ff\uff00-\uffef]/u;
export const EMOJI_CHARS = /[\p{Extended_Pictographic}\u{1f1e6}-\u{1f1ff}]/u;

/** A script minutes ships a font for; `language` is what Word's w:lang w:bidi takes for a complex script. */
export interface ScriptFamily {
  family: string;
  regular: ShippedFont;
  bold: ShippedFont;
  chars: RegExp;
  slot: WordSlot;
  rtl?: boolean;
  language?: string;
}

export const scriptFamilies: readonly ScriptFamily[] = [
  {
    family: "Noto Sans Arabic",
    regular: "noto-sans-arabic-regular",
    bold: "noto-sans-arabic-bold",
    chars: /\p{scx=Arabic}/u,
    slot: "cs",
    rtl: true,
    language: "ar-SA",
  },
  {
    family: "Noto Sans Hebrew",
    regular: "noto-sans-hebrew-regular",
    bold: "noto-sans-hebrew-bold",
    chars: /\p{scx=Hebrew}/u,
    slot: "cs",
    rtl: true,
    language: "he-IL",
  },
  {
    family: "Noto Sans Devanagari",
    regular: "noto-sans-devanagari-regular",
    bold: "noto-sans-devanagari-bold",
    chars: /\p{scx=Devanagari}/u,
    slot: "cs",
    language: "hi-IN",
  },
  {
    family: "Noto Sans Thai",
    regular: "noto-sans-thai-regular",
    bold: "noto-sans-thai-bold",
    chars: /\p{scx=Thai}/u,
    slot: "cs",
    language: "th-TH",
  },
  {
    family: "Noto Sans Armenian",
    regular: "noto-sans-armenian-regular",
    bold: "noto-sans-armenian-bold",
    chars: /\p{scx=Armenian}/u,
    slot: "other",
  },
  {
    family: "Noto Sans Georgian",
    regular: "noto-sans-georgian-regular",
    bold: "noto-sans-georgian-bold",
    chars: /\p{scx=Georgian}/u,
    slot: "other",
  },
  {
    family: "Noto Sans Ethiopic",
    regular: "noto-sans-ethiopic-regular",
    bold: "noto-sans-ethiopic-bold",
    chars: /\p{scx=Ethiopic}/u,
    slot: "other",
  },
];

/** The fallbacks minutes ships, one per script. */
export function shippedFallbacks(): FallbackFace[] {
  return scriptFamilies.map(({ family, regular, bold, chars, slot, rtl }) => ({
    family,
    files: { regular: shippedFont(regular), bold: shippedFont(bold) },
    chars,
    slot,
    ...(rtl ? { rtl } : {}),
  }));
}

interface OptionalPackage {
  name: string;
  family: string;
  /** File stem inside the package: <weight>/<stem>_<weight>.ttf. */
  stem: string;
  chars: RegExp;
  slot: WordSlot;
  /** Language tags (lower case, by prefix) whose documents prefer this package. */
  languages: string[];
}

/** Font packages minutes uses when they are installed; none ships with it (a CJK face is 10 MB or more). */
export const optionalPackages: OptionalPackage[] = [
  {
    name: "@expo-google-fonts/noto-sans-sc",
    family: "Noto Sans SC",
    stem: "NotoSansSC",
    chars: CJK_CHARS,
    slot: "eastAsia",
    languages: ["zh"],
  },
  {
    name: "@expo-google-fonts/noto-sans-tc",
    family: "Noto Sans TC",
    stem: "NotoSansTC",
    chars: CJK_CHARS,
    slot: "eastAsia",
    languages: ["zh-hant", "zh-tw", "zh-hk", "zh-mo"],
  },
  {
    name: "@expo-google-fonts/noto-sans-jp",
    family: "Noto Sans JP",
    stem: "NotoSansJP",
    chars: CJK_CHARS,
    slot: "eastAsia",
    languages: ["ja"],
  },
  {
    name: "@expo-google-fonts/noto-sans-kr",
    family: "Noto Sans KR",
    stem: "NotoSansKR",
    chars: CJK_CHARS,
    slot: "eastAsia",
    languages: ["ko"],
  },
  {
    name: "@expo-google-fonts/noto-emoji",
    family: "Noto Emoji",
    stem: "NotoEmoji",
    chars: EMOJI_CHARS,
    slot: "other",
    languages: [],
  },
];

/** How well a package suits the document's language: the longest matching tag wins. */
function preference(pkg: OptionalPackage, language: string): number {
  const tag = language.toLowerCase();
  return Math.max(0, ...pkg.languages.map((l) => (tag === l || tag.startsWith(`${l}-`) ? l.length : 0)));
}

/** The CJK package a document in `language` should use (for hints and Word's East Asian font). */
export function preferredCjkPackage(language: string, text = ""): OptionalPackage {
  const cjk = optionalPackages.filter((p) => p.slot === "eastAsia");
  if (/\p{sc=Hangul}/u.test(text)) return cjk.find((p) => p.stem === "NotoSansKR")!;
  if (/[\p{sc=Hiragana}\p{sc=Katakana}]/u.test(text) && preference(cjk[0]!, language) === 0)
    return cjk.find((p) => p.stem === "NotoSansJP")!;
  return [...cjk].sort((a, b) => preference(b, language) - preference(a, language))[0]!;
}

/**
 * Folders whose node_modules may hold an optional package, nearest first: the project folder and those above
 * it, minutes' own folder and those above it (a global install sits beside minutes), NODE_PATH, and the
 * global folder of the Node that runs minutes.
 */
function searchFolders(projectDir: string | undefined): string[] {
  const up = (start: string): string[] => {
    const out: string[] = [];
    for (let dir = start; ; dir = dirname(dir)) {
      out.push(join(dir, "node_modules"));
      if (dirname(dir) === dir) return out;
    }
  };
  const node = dirname(process.execPath);
  return [
    ...(projectDir ? up(projectDir) : []),
    ...up(fileURLToPath(new URL(".", import.meta.url))),
    ...(process.env.NODE_PATH ?? "").split(delimiter).filter(Boolean),
    join(node, "..", "lib", "node_modules"),
    join(node, "node_modules"),
  ];
}

/**
 * The optional packages installed where minutes can see them, best suited to `language` first. A file under
 * the project folder (which a pull request controls) is taken only if it stays there after symbolic links,
 * like every other path of the project; the renderers check each file's content before they open it.
 */
export function installedOptionalFonts(
  projectDir: string | undefined,
  language: string,
  world?: FontLookup,
): FallbackFace[] {
  // Through the build's world, each place looked in is recorded (a package installed later rebuilds), and a
  // face found is read and recorded with its hash; a node_modules folder that is not there is one miss.
  const exists = (path: string): boolean => (world ? world.kind(path) !== undefined : existsSync(path));
  const folders = [...new Set(searchFolders(projectDir))].filter(exists);
  const project = projectDir === undefined ? undefined : realPath(projectDir);
  const usable = (file: string): boolean =>
    exists(file) &&
    (project === undefined || !isInside(file, projectDir!) || isInside(realPath(file), project)) &&
    (world?.read(file), true);
  const found: FallbackFace[] = [];
  const ranked = optionalPackages
    .map((pkg, i) => ({ pkg, i }))
    .sort((a, b) => preference(b.pkg, language) - preference(a.pkg, language) || a.i - b.i);
  for (const { pkg } of ranked) {
    for (const folder of folders) {
      if (!exists(join(folder, pkg.name))) continue;
      const regular = join(folder, pkg.name, "400Regular", `${pkg.stem}_400Regular.ttf`);
      if (!usable(regular)) continue;
      const bold = join(folder, pkg.name, "700Bold", `${pkg.stem}_700Bold.ttf`);
      found.push({
        family: pkg.family,
        files: { regular, bold: usable(bold) ? bold : regular },
        chars: pkg.chars,
        slot: pkg.slot,
      });
      break;
    }
  }
  return found;
}

/** Every fallback, in the order they are tried: the theme's, the shipped ones, the installed packages. */
export function fallbackFaces(
  theme: Pick<Theme, "fonts">,
  projectDir: string | undefined,
  language: string,
  world?: FontLookup,
): FallbackFace[] {
  const own: FallbackFace[] = (theme.fonts.fallbacks ?? []).map((f) => ({
    family: f.family,
    files: f.files,
    slot: "other",
  }));
  return [...own, ...shippedFallbacks(), ...installedOptionalFonts(projectDir, language, world)];
}
