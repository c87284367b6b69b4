// Files that ship inside the package: fonts, their licences and pdfkit's sRGB profile. scripts/build.mjs
// copies each from its npm package into dist/ (dist/fonts/, dist/assets/), so the installed package
// needs no dependency at run time; running from the sources (tests) reads them from node_modules.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import shipped from "./shipped-files.json" with { type: "json" };

export type ShippedFont = keyof typeof shipped.fonts;

/** The folder a shipped file is copied into, under dist/. */
export const shippedFolders = { fonts: "fonts", assets: "assets" } as const;

/** dist/ of this package: this module is bundled into dist/ (one folder up from it when run from src/package/). */
function distDir(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return existsSync(join(here, shippedFolders.fonts)) ? here : join(here, "..", "..", "dist");
}

function locate(folder: string, spec: string): string {
  const copied = join(distDir(), folder, basename(spec));
  return existsSync(copied) ? copied : createRequire(import.meta.url).resolve(spec);
}

/** The path of a font that ships with minutes. */
export function shippedFont(name: ShippedFont): string {
  return locate(shippedFolders.fonts, shipped.fonts[name]);
}

/** A file the build writes into dist/fonts/ beside the fonts (the shaping tables); null without a build. */
export function shippedFontsFile(name: string): string | null {
  const path = join(distDir(), shippedFolders.fonts, name);
  return existsSync(path) ? path : null;
}
