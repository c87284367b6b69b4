// Which theme a build uses: built-in defaults < config file `theme:` < front matter `theme:` < --theme.
// Each reference resolves against the file that names it; the project folder bounds every path.
import { dirname, resolve } from "node:path";
import type { Config } from "../config/config.js";
import type { Minutes } from "../model/minutes.js";
import { loadBuiltInTheme, loadTheme, type ThemeChoice, type ThemeResult } from "./load-theme.js";

export interface ThemeRequest {
  /** --theme NAME|PATH, relative to the working folder. */
  flag?: string;
  /** --allow-outside: paths may leave the project folder. */
  allowOutside?: boolean;
  /** --embed-fonts: embed the theme's fonts in the DOCX whatever the theme says. */
  embedFonts?: boolean;
  /** The working folder --theme is relative to; default process.cwd(). */
  cwd?: string;
}

export const DEFAULT_THEME = "compte-rendu";

/** The project folder: the config file's folder, else the input's folder. */
export function projectDir(input: string, config: Config | undefined): string {
  return config?.dir ?? dirname(resolve(input));
}

export function chooseTheme(input: string, minutes: Minutes, config: Config | undefined, request: ThemeRequest): ThemeResult {
  const fromFrontMatter = typeof minutes.meeting.extra.theme === "string" && minutes.meeting.extra.theme.trim() ? minutes.meeting.extra.theme.trim() : undefined;
  let choice: ThemeChoice | undefined;
  if (request.flag) choice = { reference: request.flag, baseDir: request.cwd ?? process.cwd(), source: "--theme" };
  else if (fromFrontMatter) choice = { reference: fromFrontMatter, baseDir: dirname(resolve(input)), source: input, ...(minutes.meeting.themePlace ? { place: minutes.meeting.themePlace } : {}) };
  else if (config?.theme) choice = { reference: config.theme, baseDir: config.dir, source: config.path, ...(config.themePlace ? { place: config.themePlace } : {}) };
  const result: ThemeResult = choice ? loadTheme(choice, { projectDir: projectDir(input, config), allowOutside: request.allowOutside ?? false }) : { theme: loadBuiltInTheme(DEFAULT_THEME), diagnostics: [] };
  if (result.theme && request.embedFonts) result.theme.fonts.embed = true;
  return result;
}
