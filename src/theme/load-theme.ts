// Reads a theme folder: theme.yaml validated with zod (messages at file:line:column), then its fonts and
// logo read and checked by content. Paths stay inside the project folder; nothing is fetched from the web.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { VFile } from "vfile";
import { report, toDiagnostic, type Diagnostic } from "../diagnostics.js";
import { labelKeys } from "../i18n/labels.js";
import { readYamlFile, type YamlSource } from "../yaml-source.js";
import { shippedFont } from "../package/shipped-files.js";
import { checkFont, checkImage, MAX_IMAGE_AREA, MAX_IMAGE_PIXELS, type CheckedImage } from "./check-file.js";
import { resolveSafePath, type PathRules } from "../safe-path.js";
import { themeSchema, type FontData } from "./theme-schema.js";
import type { FallbackFamily, FontFamily, Theme, ThemeLogo } from "./theme.js";
import type { Point } from "../model/minutes.js";

export interface ThemeResult {
  theme?: Theme;
  diagnostics: Diagnostic[];
}

const noto = (): FontFamily => ({
  family: "Noto Sans",
  files: { regular: shippedFont("noto-sans-regular"), bold: shippedFont("noto-sans-bold"), italic: shippedFont("noto-sans-italic"), boldItalic: shippedFont("noto-sans-bold-italic") },
  custom: false,
});

/** templates/ sits at the package root, two folders up from src/theme/ and one up from dist/. */
export function templatesDir(): string {
  for (const up of ["../../", "../"]) {
    const dir = fileURLToPath(new URL(`${up}templates/`, import.meta.url));
    if (existsSync(join(dir, "compte-rendu", "theme.yaml"))) return dir;
  }
  throw new Error("the built-in themes are missing from the package (templates/)");
}

/** Names of the built-in themes, sorted. */
export function builtInThemes(): string[] {
  const dir = templatesDir();
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "theme.yaml")))
    .sort();
}

const cache = new Map<string, Theme>();

/** A built-in theme; a broken one is a bug in the package, so this throws. */
export function loadBuiltInTheme(name: string): Theme {
  let theme = cache.get(name);
  if (!theme) {
    const path = join(templatesDir(), name, "theme.yaml");
    const result = loadThemeFile(path, { projectDir: dirname(path) });
    if (!result.theme) throw new Error(`built-in theme "${name}" is invalid: ${result.diagnostics.map((d) => d.message).join("; ")}`);
    theme = result.theme;
    cache.set(name, theme);
  }
  return structuredClone(theme);
}

export interface ThemeChoice {
  /** A built-in name or a path to a theme folder or theme.yaml. */
  reference: string;
  /** The folder paths in `reference` are relative to (the naming file's folder, or the working folder for --theme). */
  baseDir: string;
  /** Who named it, for messages: "--theme", or the front matter's or config file's path. */
  source: string;
  /** Where the reference is written in `source`. */
  place?: Point;
}

/** Loads the chosen theme: a built-in name, or a folder (or theme.yaml) inside the project folder. */
export function loadTheme(choice: ThemeChoice, rules: PathRules): ThemeResult {
  const { reference } = choice;
  const looksLikePath = /[\\/]/.test(reference) || reference.startsWith(".") || reference.endsWith(".yaml") || reference.endsWith(".yml");
  if (!looksLikePath && builtInThemes().includes(reference)) return { theme: loadBuiltInTheme(reference), diagnostics: [] };
  const fail = (message: string, hint: string, rule = "theme-path"): ThemeResult => ({ diagnostics: [{ file: choice.source, line: choice.place?.line ?? null, column: choice.place?.column ?? null, severity: "error", rule, message, hint }] });
  const where = resolveSafePath(reference, choice.baseDir, rules);
  // A name that is neither built in nor a folder gets "no such theme", not a remark about where it would be.
  const candidate = where.ok ? where.path : resolve(choice.baseDir, reference);
  const file = existsSync(candidate) && statSync(candidate).isDirectory() ? join(candidate, "theme.yaml") : candidate;
  if ((where.ok || !looksLikePath) && !existsSync(file)) {
    return fail(`No theme "${reference}": it is not a built-in theme (${builtInThemes().join(", ")}) and ${file} does not exist.`, "Give a built-in theme name, or the path of a folder that holds a theme.yaml (`minutes theme new <name>` makes one).");
  }
  if (!where.ok) return fail(`The theme ${where.message}`, where.hint, where.rule);
  return loadThemeFile(file, rules);
}

/** Reads and checks one theme.yaml and the files it names. */
export function loadThemeFile(path: string, rules: PathRules): ThemeResult {
  const { file, yaml, data } = readYamlFile(path, themeSchema, { rule: "theme", what: "The theme file", shapeHint: "Start from `minutes theme new <name>`.", missingHint: (key) => `Add a line \`${key}: …\` to theme.yaml.` });
  let theme: Theme | undefined;
  if (yaml && data) {
    const dir = dirname(resolve(path));
    const files = new ThemeFiles(dir, rules, yaml, file);
    for (const [language, labels] of Object.entries(data.labels)) {
      for (const key of Object.keys(labels)) {
        if (labelKeys.includes(key)) continue;
        report(file, { severity: "warning", rule: "theme-unknown-label", message: `Unknown label \`${key}\` for ${language}.`, place: yaml.valuePlace(["labels", language, key]), hint: `Known labels: ${labelKeys.join(", ")}.` });
      }
    }
    const body = files.font(data.fonts.body, ["fonts", "body"]);
    const headings = data.fonts.headings === undefined ? body : files.font(data.fonts.headings, ["fonts", "headings"]);
    const logo = data.logo ? files.logo(data.logo) : undefined;
    const { fonts: _fonts, logo: _logo, colors, ...rest } = data;
    theme = {
      ...rest,
      dir,
      colors: { ...colors, accent: colors.accent ?? colors.primary },
      fonts: {
        body,
        headings,
        mono: { family: "Noto Sans Mono", files: { regular: shippedFont("noto-sans-mono") } },
        symbols: { family: "Noto Sans Symbols 2", files: { regular: shippedFont("noto-sans-symbols-2") } },
        embed: data.fonts.embed,
        fallbacks: data.fonts.fallbacks.flatMap((font, i) => files.fallback(font, ["fonts", "fallbacks", i]) ?? []),
      },
      ...(logo ? { logo } : {}),
    };
  }
  const diagnostics = file.messages.map((m) => toDiagnostic(m, path));
  return { ...(theme && !diagnostics.some((d) => d.severity === "error") ? { theme } : {}), diagnostics };
}

/** Reads the files a theme names, reporting problems at the YAML value that names them. */
class ThemeFiles {
  constructor(
    private readonly dir: string,
    private readonly rules: PathRules,
    private readonly yaml: YamlSource,
    private readonly file: VFile,
  ) {}

  private fail(at: (string | number)[], message: string, hint: string, rule = "theme-file"): undefined {
    report(this.file, { severity: "error", rule, message, hint, place: this.yaml.valuePlace(at) });
    return undefined;
  }

  /** The bytes of a file the theme names, or undefined after reporting why not. */
  read(reference: string, at: (string | number)[]): { path: string; bytes: Uint8Array } | undefined {
    const where = resolveSafePath(reference, this.dir, this.rules);
    if (!where.ok) return this.fail(at, `\`${at.join(".")}\`: ${where.message}`, where.hint, where.rule);
    try {
      const stat = statSync(where.path);
      if (!stat.isFile()) return this.fail(at, `\`${at.join(".")}\`: ${where.path} is not a file.`, "Give the path of a file, relative to theme.yaml.");
      if (stat.size > 50 * 1024 * 1024) return this.fail(at, `\`${at.join(".")}\`: ${basename(where.path)} is larger than 50 MB.`, "Use a smaller file.");
      return { path: where.path, bytes: readFileSync(where.path) };
    } catch {
      return this.fail(at, `\`${at.join(".")}\`: ${where.path} does not exist.`, "Give the path of the file relative to theme.yaml.");
    }
  }

  font(font: FontData, at: string[]): FontFamily {
    if (typeof font === "string") {
      if (font !== "Noto Sans") {
        this.fail(at, `\`${at.join(".")}\`: "${font}" has no font files; minutes ships only Noto Sans.`, `Write \`{ family: "${font}", regular: fonts/${font.replace(/\s+/g, "")}-Regular.ttf, bold: …, italic: …, boldItalic: … }\`, or \`Noto Sans\`.`);
      }
      return noto();
    }
    const faces = { regular: font.regular, bold: font.bold, italic: font.italic, boldItalic: font.boldItalic };
    const paths: Partial<Record<keyof typeof faces, string>> = {};
    for (const [face, reference] of Object.entries(faces) as [keyof typeof faces, string | undefined][]) {
      if (reference === undefined) continue;
      const read = this.read(reference, [...at, face]);
      if (!read) continue;
      const ok = checkFont(read.bytes);
      if (!ok.ok) this.fail([...at, face], `\`${[...at, face].join(".")}\`: ${basename(read.path)} ${ok.message}.`, "Give a .ttf or .otf file.");
      else paths[face] = read.path;
    }
    const regular = paths.regular ?? noto().files.regular;
    // A missing face is drawn with the nearest one the family has.
    const bold = paths.bold ?? regular;
    const italic = paths.italic ?? regular;
    return { family: font.family, files: { regular, bold, italic, boldItalic: paths.boldItalic ?? paths.bold ?? italic }, custom: true };
  }

  /** A `fonts.fallbacks` entry: its files read and checked; undefined (reported) when the regular face is unusable. */
  fallback(font: { family: string; regular: string; bold?: string | undefined }, at: (string | number)[]): FallbackFamily | undefined {
    const face = (reference: string, name: string): string | undefined => {
      const read = this.read(reference, [...at, name]);
      if (!read) return undefined;
      const ok = checkFont(read.bytes);
      if (ok.ok) return read.path;
      return this.fail([...at, name], `\`${[...at, name].join(".")}\`: ${basename(read.path)} ${ok.message}.`, "Give a .ttf or .otf file.");
    };
    const regular = face(font.regular, "regular");
    const bold = font.bold === undefined ? undefined : face(font.bold, "bold");
    return regular === undefined ? undefined : { family: font.family, files: { regular, bold: bold ?? regular } };
  }

  logo(logo: NonNullable<import("./theme-schema.js").ThemeData["logo"]>): ThemeLogo | undefined {
    const main = this.image(logo.file, ["logo", "file"]);
    if (!main) return undefined;
    let image = main;
    let svg: Uint8Array | undefined;
    if (main.type === "svg") {
      if (!logo.fallback) {
        return this.fail(["logo", "file"], "An SVG logo needs a PNG or JPEG copy: the PDF cannot draw SVG.", "Export the logo as PNG too and add `fallback: logo.png` under `logo:`.");
      }
      const fallback = this.image(logo.fallback, ["logo", "fallback"]);
      if (!fallback) return undefined;
      if (fallback.type === "svg") return this.fail(["logo", "fallback"], "`logo.fallback` must be a PNG or JPEG image.", "Export the logo as PNG.");
      // The drawing as clean-svg.ts wrote it again, never the file's own bytes.
      svg = main.svg;
      if (main.removed?.length) {
        report(this.file, { severity: "warning", rule: "logo-svg-cleaned", message: `\`logo.file\`: the SVG holds what a logo must not (${main.removed.join(", ")}); the DOCX gets the drawing without it.`, hint: "Remove scripts, event handlers and links to other files from the SVG, or export it again as plain SVG.", place: this.yaml.valuePlace(["logo", "file"]) });
      }
      image = fallback;
    }
    const width = logo.width > 0 ? logo.width : 90;
    return {
      image: image.bytes,
      type: image.type as "png" | "jpg",
      ...(svg ? { svg } : {}),
      width,
      height: (width * main.height) / main.width,
      placement: logo.placement,
      alt: logo.alt,
    };
  }

  private image(reference: string, at: string[]): ({ bytes: Uint8Array } & CheckedImage) | undefined {
    const read = this.read(reference, at);
    if (!read) return undefined;
    const checked = checkImage(read.bytes);
    if (!checked.ok) return this.fail(at, `\`${at.join(".")}\`: ${basename(read.path)} ${checked.message}.`, imageHint(checked.message));
    return { ...checked, bytes: read.bytes };
  }
}

/** What to do about an image that was refused, by what is wrong with it. */
function imageHint(message: string): string {
  if (/ pixels| units/.test(message)) return `Resize the image and save it again: a printed logo needs about four times its width in points (a 90-point logo: 360 pixels), and never more than ${MAX_IMAGE_PIXELS} pixels a side or ${MAX_IMAGE_AREA / 1e6} million pixels (8-bit colour: 16-bit doubles the memory).`;
  if (/entities|document type/.test(message)) return "Remove the <!DOCTYPE …> declaration and its entities from the SVG (write the text they stand for), or export it again as plain SVG.";
  if (/damaged|cut short/.test(message)) return "Export or download the image again: this file is incomplete or corrupt, and a document reader could not draw it.";
  return "Give a PNG or JPEG (or an SVG with a PNG fallback) of at most 5 MB and 6000 pixels a side.";
}
