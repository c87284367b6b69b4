// Reads a theme folder: theme.yaml validated with zod (messages at file:line:column), then its fonts and
// logo read and checked by content. Paths stay inside the project folder; nothing is fetched from the web.
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { VFile } from "vfile";
import { diagnostic, report, toDiagnostic, type Diagnostic } from "../diagnostics.js";
import { text, type Text } from "../i18n/messages.js";
import { labelKeys } from "../i18n/labels.js";
import { readYamlFile, type YamlSource } from "../yaml-source.js";
import type { RuleId } from "../rules.js";
import { shippedFont } from "../package/shipped-files.js";
import { checkFont, checkImage, MAX_IMAGE_AREA, MAX_IMAGE_PIXELS, type CheckedImage } from "./check-file.js";
import type { PathRules } from "../safe-path.js";
import { themeSchema, type FontData } from "./theme-schema.js";
import type { FallbackFamily, FontFamily, Theme, ThemeLogo } from "./theme.js";
import type { Point } from "../model/minutes.js";
import { World } from "../world/world.js";

export interface ThemeResult {
  theme?: Theme;
  diagnostics: Diagnostic[];
}

const noto = (): FontFamily => ({
  family: "Noto Sans",
  files: {
    regular: shippedFont("noto-sans-regular"),
    bold: shippedFont("noto-sans-bold"),
    italic: shippedFont("noto-sans-italic"),
    boldItalic: shippedFont("noto-sans-bold-italic"),
  },
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
    if (!result.theme)
      throw new Error(`built-in theme "${name}" is invalid: ${result.diagnostics.map((d) => d.message).join("; ")}`);
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

/**
 * Loads the chosen theme: a built-in name, or a folder (or theme.yaml) inside the project folder. A user
 * theme is read through `world` (theme.yaml, its fonts and logo are recorded); built-in themes are part of the
 * package, which the version and build id in every manifest key stand for.
 */
export function loadTheme(choice: ThemeChoice, rules: PathRules, world: World = new World()): ThemeResult {
  const { reference } = choice;
  const looksLikePath =
    /[\\/]/.test(reference) || reference.startsWith(".") || reference.endsWith(".yaml") || reference.endsWith(".yml");
  if (!looksLikePath && builtInThemes().includes(reference))
    return { theme: loadBuiltInTheme(reference), diagnostics: [] };
  const fail = (message: Text, hint: Text, rule: RuleId = "theme-path"): ThemeResult => ({
    diagnostics: [
      diagnostic({
        file: choice.source,
        line: choice.place?.line ?? null,
        column: choice.place?.column ?? null,
        severity: "error",
        rule,
        message,
        hint,
      }),
    ],
  });
  const where = world.resolve(reference, choice.baseDir, rules);
  // A name that is neither built in nor a folder gets "no such theme", not a remark about where it would be.
  const candidate = where.ok ? where.path : resolve(choice.baseDir, reference);
  const file = world.kind(candidate) === "folder" ? join(candidate, "theme.yaml") : candidate;
  if ((where.ok || !looksLikePath) && world.kind(file) === undefined) {
    return fail(
      text("theme-path.none", { reference, themes: builtInThemes().join(", "), file }),
      text("theme-path.none.hint"),
    );
  }
  if (!where.ok) return fail(text("theme-path.refused", { problem: where.message }), where.hint, where.rule);
  return loadThemeFile(file, rules, world);
}

/** Reads and checks one theme.yaml and the files it names, through `world`. */
export function loadThemeFile(path: string, rules: PathRules, world: World = new World()): ThemeResult {
  const { file, yaml, data } = readYamlFile(path, themeSchema, {
    rule: "theme",
    what: text("yaml.what.theme"),
    shapeHint: text("theme-shape.hint"),
    missingHint: (key) => text("theme-missing.hint", { key }),
    read: (p) => world.readText(p),
  });
  let theme: Theme | undefined;
  if (yaml && data) {
    const dir = dirname(resolve(path));
    const files = new ThemeFiles(dir, rules, yaml, file, world);
    for (const [language, labels] of Object.entries(data.labels)) {
      for (const key of Object.keys(labels)) {
        if (labelKeys.includes(key)) continue;
        report(file, {
          severity: "warning",
          rule: "theme-unknown-label",
          message: text("theme-unknown-label", { key, language }),
          place: yaml.valuePlace(["labels", language, key]),
          hint: text("theme-unknown-label.hint", { labels: labelKeys.join(", ") }),
        });
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
    private readonly world: World,
  ) {}

  /** An error at the value of `at`; `problem` is said of that value ("`fonts.body.regular`: …"), unless `whole` is the message. */
  private fail(
    at: (string | number)[],
    problem: Text,
    hint: Text,
    rule: RuleId = "theme-file",
    whole = false,
  ): undefined {
    const message = whole ? problem : text("path-problem", { field: at.join("."), problem });
    report(this.file, { severity: "error", rule, message, hint, place: this.yaml.valuePlace(at) });
    return undefined;
  }

  /** A file of the theme whose content is wrong: "`logo.file`: logo.png is a damaged PNG: …". */
  private failFile(at: (string | number)[], path: string, problem: Text, hint: Text): undefined {
    return this.fail(at, text("theme-file.file-problem", { file: basename(path), problem }), hint);
  }

  /** The bytes of a file the theme names, or undefined after reporting why not. */
  read(reference: string, at: (string | number)[]): { path: string; bytes: Uint8Array } | undefined {
    const where = this.world.resolve(reference, this.dir, this.rules);
    if (!where.ok) return this.fail(at, where.message, where.hint, where.rule);
    try {
      const stat = this.world.stat(where.path);
      if (!stat) throw new Error("missing");
      if (!stat.isFile())
        return this.fail(at, text("theme-file.not-a-file", { path: where.path }), text("theme-file.not-a-file.hint"));
      if (stat.size > 50 * 1024 * 1024)
        return this.fail(
          at,
          text("theme-file.too-large", { file: basename(where.path) }),
          text("theme-file.too-large.hint"),
        );
      return { path: where.path, bytes: this.world.read(where.path) };
    } catch {
      return this.fail(at, text("theme-file.missing", { path: where.path }), text("theme-file.missing.hint"));
    }
  }

  font(font: FontData, at: string[]): FontFamily {
    if (typeof font === "string") {
      if (font !== "Noto Sans") {
        this.fail(
          at,
          text("theme-file.font-without-files", { font }),
          text("theme-file.font-without-files.hint", { font, stem: font.replace(/\s+/g, "") }),
        );
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
      if (!ok.ok) this.failFile([...at, face], read.path, ok.message, text("theme-file.font.hint"));
      else paths[face] = read.path;
    }
    const regular = paths.regular ?? noto().files.regular;
    // A missing face is drawn with the nearest one the family has.
    const bold = paths.bold ?? regular;
    const italic = paths.italic ?? regular;
    return {
      family: font.family,
      files: { regular, bold, italic, boldItalic: paths.boldItalic ?? paths.bold ?? italic },
      custom: true,
    };
  }

  /** A `fonts.fallbacks` entry: its files read and checked; undefined (reported) when the regular face is unusable. */
  fallback(
    font: { family: string; regular: string; bold?: string | undefined },
    at: (string | number)[],
  ): FallbackFamily | undefined {
    const face = (reference: string, name: string): string | undefined => {
      const read = this.read(reference, [...at, name]);
      if (!read) return undefined;
      const ok = checkFont(read.bytes);
      if (ok.ok) return read.path;
      return this.failFile([...at, name], read.path, ok.message, text("theme-file.font.hint"));
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
        return this.fail(
          ["logo", "file"],
          text("logo-svg-fallback"),
          text("logo-svg-fallback.hint"),
          "theme-file",
          true,
        );
      }
      const fallback = this.image(logo.fallback, ["logo", "fallback"]);
      if (!fallback) return undefined;
      if (fallback.type === "svg")
        return this.fail(
          ["logo", "fallback"],
          text("logo-fallback-not-bitmap"),
          text("logo-fallback-not-bitmap.hint"),
          "theme-file",
          true,
        );
      // The drawing as clean-svg.ts wrote it again, never the file's own bytes.
      svg = main.svg;
      if (main.removed?.length) {
        report(this.file, {
          severity: "warning",
          rule: "logo-svg-cleaned",
          message: text("logo-svg-cleaned", { removed: main.removed }),
          hint: text("logo-svg-cleaned.hint"),
          place: this.yaml.valuePlace(["logo", "file"]),
        });
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
    if (!checked.ok) return this.failFile(at, read.path, checked.message, imageHint(checked.message));
    return { ...checked, bytes: read.bytes };
  }
}

/** What to do about an image that was refused, by what is wrong with it. */
function imageHint(problem: Text): Text {
  if (["image.pixels", "image.area", "image.decoded", "svg.too-big"].includes(problem.id))
    return text("theme-file.image-size.hint", { pixels: MAX_IMAGE_PIXELS, millions: MAX_IMAGE_AREA / 1e6 });
  if (problem.id === "svg.entities" || problem.id === "svg.doctype") return text("theme-file.svg-doctype.hint");
  if (["png.damaged", "jpeg.damaged", "svg.damaged"].includes(problem.id)) return text("theme-file.image-damaged.hint");
  return text("theme-file.image.hint");
}
