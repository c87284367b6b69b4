// Turns the paths given on the command line (files, folders, globs) into the list of Markdown files
// to build, each with the root its output path mirrors. Folders are walked recursively for *.md, and
// globs expanded (glob.ts), skipping README.md, node_modules, dot-files (.draft.md, as a glob's * does),
// dot-folders (.git, .minutes, …) and the output folder.
import { readdirSync, statSync, type Dirent } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text, type Text } from "../i18n/messages.js";
import { pathKey } from "./batch-paths.js";
import { expandGlob, globBase, hasGlob } from "./glob.js";

export interface Input {
  /** The file, as the user would write it (relative to the current folder when given so). */
  path: string;
  /** The folder its output path is relative to: the folder argument, the glob's base, or the file's own folder. */
  root: string;
}

export interface CollectResult {
  inputs: Input[];
  /** Arguments that matched nothing, with what to do. */
  problems: { arg: string; message: Text }[];
}

const skippedFiles = new Set(["readme.md"]);

function isMeetingFile(name: string): boolean {
  return name.toLowerCase().endsWith(".md") && !skippedFiles.has(name.toLowerCase());
}

/** Every meeting file under `dir`, sorted, without entering skipped folders. */
export function walk(dir: string, exclude: readonly string[] = []): string[] {
  const excluded = new Set(exclude.map((folder) => pathKey(folder)));
  const found: string[] = [];
  const visit = (folder: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith(".") || entry.name === "node_modules" || excluded.has(pathKey(path))) continue;
        visit(path);
      } else if (entry.isFile() && !entry.name.startsWith(".") && isMeetingFile(entry.name)) found.push(path);
    }
  };
  visit(dir);
  return found;
}

/** `exclude`: absolute folders never entered (the output folder). */
export async function collectInputs(args: readonly string[], exclude: readonly string[] = []): Promise<CollectResult> {
  const inputs: Input[] = [];
  const problems: CollectResult["problems"] = [];
  const seen = new Set<string>();
  const excluded = exclude.map((folder) => pathKey(folder));
  const add = (path: string, root: string): void => {
    const key = pathKey(path); // one file however it is spelled ("a/x.md", "a\x.md", "A\X.md" on Windows)
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ path, root });
  };
  for (const arg of args) {
    const stat = statOrUndefined(arg);
    if (stat?.isDirectory()) {
      const files = walk(arg, exclude);
      if (files.length === 0) problems.push({ arg, message: text("no-input.folder", { folder: arg }) });
      for (const file of files) add(file, arg);
    } else if (!stat && hasGlob(arg)) {
      const base = globBase(arg);
      const files = (await expandGlob(arg)).filter(
        (file) => isMeetingFile(basename(file)) && !insideAny(file, excluded),
      );
      if (files.length === 0) problems.push({ arg, message: text("no-input.glob", { glob: arg }) });
      for (const file of files) add(file, base);
    } else {
      // A file, or a path that does not exist: build() reports it at file:1:1.
      add(arg, dirname(arg));
    }
  }
  return { inputs, problems };
}

/** Whether `file` is in one of the folders (given as pathKey()s). */
function insideAny(file: string, folders: readonly string[]): boolean {
  const key = pathKey(file);
  return folders.some((folder) => key.startsWith(folder.endsWith(sep) ? folder : folder + sep));
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function isFolder(path: string): boolean {
  return statOrUndefined(path)?.isDirectory() === true;
}

/** The problems of collectInputs as diagnostics (a path with no minutes: no line to point at). */
export function inputProblems(problems: CollectResult["problems"]): Diagnostic[] {
  return problems.map((p) =>
    diagnostic({
      file: p.arg,
      line: null,
      column: null,
      severity: "error",
      rule: "no-input",
      message: p.message,
      hint: text("no-input.hint"),
    }),
  );
}
