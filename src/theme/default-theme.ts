// The built-in compte-rendu theme, for callers that have no theme of their own (the library, the index page,
// the action register). Apart from theme.ts so that the Theme type does not import the loader.
import { loadBuiltInTheme } from "./load-theme.js";
import type { Theme } from "./theme.js";

export function defaultTheme(): Theme {
  return loadBuiltInTheme("compte-rendu");
}
