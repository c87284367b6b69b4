// `minutes themes` lists the built-in themes; `minutes theme new <name>` copies one into the current
// folder to customise, and never overwrites what is there.
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { whyNotWritten, writeFix } from "../batch/write-atomically.js";
import { builtInThemes, loadBuiltInTheme, templatesDir } from "../theme/load-theme.js";

export interface ThemeCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  setExit: (code: number) => void;
}

/** Copies built-in theme `from` into `<dir>/<name>`; returns an error message or the new folder. */
export function newTheme(name: string, from: string, dir: string): { ok: true; path: string } | { ok: false; message: string; usage: boolean } {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return { ok: false, usage: true, message: `"${name}" cannot be a theme name: use letters, digits, "-", "_" or "." (no "/")` };
  if (!builtInThemes().includes(from)) return { ok: false, usage: true, message: `no built-in theme "${from}": use one of ${builtInThemes().join(", ")}` };
  const target = resolve(dir, name);
  if (existsSync(target)) return { ok: false, usage: false, message: `${target} already exists; nothing was changed. Choose another name or remove it first.` };
  // Made in a hidden folder beside it, then renamed: a copy that fails halfway leaves no half theme behind.
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    cpSync(join(templatesDir(), from), temporary, { recursive: true, errorOnExist: true, force: false });
    const file = join(temporary, "theme.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, `name: ${name}`));
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return { ok: true, path: target };
}

export function registerThemeCommands(program: Command, io: ThemeCommandIo): void {
  program
    .command("themes")
    .description("list the built-in themes")
    .action(() => {
      for (const name of builtInThemes()) io.out(`${name.padEnd(14)} ${loadBuiltInTheme(name).description ?? ""}\n`);
    });
  program
    .command("theme")
    .description("work with themes")
    .command("new")
    .description("copy a built-in theme into ./<name> to customise (never overwrites)")
    .argument("<name>", "name of the new theme folder")
    .option("--from <theme>", "built-in theme to start from", "compte-rendu")
    .action((name: string, opts: { from: string }) => {
      let made: ReturnType<typeof newTheme>;
      try {
        made = newTheme(name, opts.from, process.cwd());
      } catch (error) {
        const why = whyNotWritten(error);
        if (why === undefined) throw error;
        made = { ok: false, usage: false, message: `the theme could not be written into ${process.cwd()} (${why}); nothing was written. ${writeFix(error)}` };
      }
      if (!made.ok) {
        io.err(`minutes: ${made.message}\n`);
        io.setExit(made.usage ? 2 : 1);
        return;
      }
      io.out(`wrote ${made.path}/theme.yaml\nuse it with: minutes build meeting.md --theme ./${name}  (or theme: ./${name} in the front matter or minutes.config.yaml)\n`);
    });
}
