// The files a meeting's outputs depend on besides the meeting itself: its config file and, when the
// config names a theme folder, that folder. Used by the manifest (to rebuild) and by --watch.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findConfig, loadConfig } from "../config/config.js";

export interface Dependencies {
  config?: string;
  themeFolder?: string;
}

export function dependenciesOf(folder: string): Dependencies {
  const config = findConfig(folder);
  if (!config) return {};
  const theme = loadConfig(config).config?.theme;
  const themeFolder = theme ? resolve(dirname(config), theme) : undefined;
  return { config, ...(themeFolder && existsSync(themeFolder) && statSync(themeFolder).isDirectory() ? { themeFolder } : {}) };
}
