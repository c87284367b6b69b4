// Which theme a build uses: built-in defaults < config file `theme:` < front matter `theme:` < --theme.
// Each reference resolves against the file that names it; the project folder bounds every path.
import { dirname, resolve } from "node:path";
import type { Config } from "../config/config.js";
import type { Minutes } from "../model/minutes.js";
import { projectFolder } from "../safe-path.js";
import type { World } from "../world/world.js";
import { loadBuiltInTheme, loadTheme, type ThemeChoice, type ThemeResult } from "./load-theme.js";

export interface ThemeRequest {
  /** --theme NAME|PATH, relative to the working folder. */
  flag?: string;
  /** --embed-fonts: embed the theme's fonts in the DOCX whatever the theme says. */
  embedFonts?: boolean;
  /** The working folder --theme is relative to; default process.cwd(). */
  cwd?: string;
}

export const DEFAULT_THEME = "compte-rendu";

/** `allowOutside`: --allow-outside, the paths outside the project folder that a theme may name. `world`: the build's, which records the theme's files. */
export function chooseTheme(
  input: string,
  minutes: Minutes,
  config: Config | undefined,
  request: ThemeRequest,
  allowOutside: readonly string[] = [],
  world?: World,
): ThemeResult {
  const fromFrontMatter =
    typeof minutes.meeting.extra.theme === "string" && minutes.meeting.extra.theme.trim()
      ? minutes.meeting.extra.theme.trim()
      : undefined;
  let choice: ThemeChoice | undefined;
  if (request.flag) choice = { reference: request.flag, baseDir: request.cwd ?? process.cwd(), source: "--theme" };
  else if (fromFrontMatter)
    choice = {
      reference: fromFrontMatter,
      baseDir: dirname(resolve(input)),
      source: input,
      ...(minutes.meeting.themePlace ? { place: minutes.meeting.themePlace } : {}),
    };
  else if (config?.theme)
    choice = {
      reference: config.theme,
      baseDir: config.dir,
      source: config.path,
      ...(config.places.theme ? { place: config.places.theme } : {}),
    };
  // --theme is the command line's, so it may name a folder anywhere; the files its theme.yaml names stay in
  // that folder (or the project folder).
  const named = request.flag ? resolve(request.cwd ?? process.cwd(), request.flag) : undefined;
  const themeFolder = named && /\.ya?ml$/i.test(named) ? dirname(named) : named;
  const rules = {
    projectDir: projectFolder(input, config),
    allowOutside: themeFolder ? [...allowOutside, themeFolder] : allowOutside,
  };
  const result: ThemeResult = choice
    ? loadTheme(choice, rules, world)
    : { theme: loadBuiltInTheme(DEFAULT_THEME), diagnostics: [] };
  if (result.theme && request.embedFonts) result.theme.fonts.embed = true;
  return result;
}
