// Tests that read outputs back need Debian tools (poppler-utils, qpdf, pandoc, LibreOffice, unzip).
// .ci/run installs them; on a machine without them these tests are skipped, except under CI=true,
// where a missing tool makes them fail rather than pass silently.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { it } from "vitest";

export function hasTool(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
}

/** Whether to use these tools: they are installed, or this is CI, where a missing one must fail the test. */
export function useTools(...tools: string[]): boolean {
  return tools.every(hasTool) || Boolean(process.env.CI);
}

export function itWithTools(...tools: string[]): typeof it.skip {
  return useTools(...tools) ? it : it.skip;
}

export function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Text of a PDF in reading order, with whitespace folded. */
export function pdfText(path: string): string {
  return foldSpace(run("pdftotext", ["-enc", "UTF-8", path, "-"]));
}

/** pdfText without blocking, so a test can read many PDFs at once. */
export function pdfTextAsync(path: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      "pdftotext",
      ["-enc", "UTF-8", path, "-"],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(foldSpace(stdout))),
    ),
  );
}

const foldSpace = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

/** Text of a DOCX as pandoc reads it back, with whitespace folded. */
export function docxText(path: string): string {
  return foldSpace(run("pandoc", ["-f", "docx", "-t", "plain", "--wrap=none", path]));
}

/**
 * The environment for running the CLI in tests: the human reporter without colour, whatever CI sets, and
 * messages in English whatever the machine's locale (no LC_ALL, LC_MESSAGES or LANG; a test that wants
 * another language sets one).
 */
export function plainCliEnv(): NodeJS.ProcessEnv {
  const {
    GITHUB_ACTIONS: _actions,
    FORCE_COLOR: _force,
    LC_ALL: _all,
    LC_MESSAGES: _messages,
    LANG: _lang,
    ...env
  } = process.env;
  return { ...env, NO_COLOR: "1" };
}
