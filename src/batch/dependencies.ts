// The files a meeting's outputs depend on besides the meeting itself: its config file and, when the
// config names a theme folder inside the project folder (or one --allow-outside names), that folder: a
// `theme: /` is never read or watched. Used by the manifest (to rebuild) and by --watch.
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { findConfig, loadConfig } from "../config/config.js";
import { resolveSafePath } from "../safe-path.js";

export interface Dependencies {
  config?: string;
  themeFolder?: string;
}

export function dependenciesOf(folder: string, allowOutside: readonly string[] = []): Dependencies {
  const config = findConfig(folder);
  if (!config) return {};
  const theme = loadConfig(config).config?.theme;
  const where = theme ? resolveSafePath(theme, dirname(config), { projectDir: dirname(config), allowOutside }) : undefined;
  const themeFolder = where?.ok ? where.path : undefined;
  return { config, ...(themeFolder && existsSync(themeFolder) && statSync(themeFolder).isDirectory() ? { themeFolder } : {}) };
}
