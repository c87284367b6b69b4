// `minutes themes` lists the built-in themes; `minutes theme new <name>` copies one into the current
// folder to customise, and never overwrites what is there.
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { whyNotWritten, writeFix } from "../write-atomically.js";
import { catalogue, say, type MessageId } from "../i18n/messages.js";
import { builtInThemes, loadBuiltInTheme, templatesDir } from "../theme/load-theme.js";
import type { CommandIo } from "./command-io.js";
import { valueName, withExamples } from "./localised-help.js";

/** Copies built-in theme `from` into `<dir>/<name>`; returns an error message or the new folder. */
export function newTheme(
  name: string,
  from: string,
  dir: string,
): { ok: true; path: string } | { ok: false; message: string; usage: boolean } {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
    return { ok: false, usage: true, message: say("themes.bad-name", { name }) };
  if (!builtInThemes().includes(from))
    return {
      ok: false,
      usage: true,
      message: say("themes.unknown", { name: from, themes: builtInThemes().join(", ") }),
    };
  const target = resolve(dir, name);
  if (existsSync(target)) return { ok: false, usage: false, message: say("themes.exists", { path: target }) };
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

/** A built-in theme's description in the user's language (from the catalogue), else as its theme.yaml gives it. */
function themeDescription(name: string): string {
  const id = `theme.${name}`;
  return id in catalogue ? say(id as MessageId) : (loadBuiltInTheme(name).description ?? "");
}

export function registerThemeCommands(program: Command, io: CommandIo): void {
  const themes = program
    .command("themes")
    .description(say("help.themes"))
    .action(() => {
      for (const name of builtInThemes()) io.out(`${name.padEnd(14)} ${themeDescription(name)}\n`);
    });
  withExamples(themes, [
    ["minutes themes", say("help.example.themes.list")],
    ["minutes build 2024-03-12.md --theme default", say("help.example.themes.use")],
  ]);
  const folder = say("help.example.theme-folder");
  const examples = [
    [`minutes theme new ${folder}`, say("help.example.theme.new", { folder })],
    [`minutes theme new ${folder} --from default`, say("help.example.theme.from")],
    [`minutes build 2024-03-12.md --theme ./${folder}`, say("help.example.theme.use")],
  ] as const;
  const theme = withExamples(program.command("theme").description(say("help.theme")), examples);
  const create = theme
    .command("new")
    .description(say("help.theme.new"))
    .argument(valueName("help.value.name"), say("help.theme.new.name"))
    .option(`--from ${valueName("help.value.theme-name")}`, say("help.theme.new.from"), "compte-rendu")
    .action((name: string, opts: { from: string }) => {
      let made: ReturnType<typeof newTheme>;
      try {
        made = newTheme(name, opts.from, process.cwd());
      } catch (error) {
        const why = whyNotWritten(error);
        if (why === undefined) throw error;
        made = {
          ok: false,
          usage: false,
          message: say("themes.not-written", { dir: process.cwd(), why, fix: writeFix(error) }),
        };
      }
      if (!made.ok) {
        io.err(`minutes: ${made.message}\n`);
        io.setExit(made.usage ? 2 : 1);
        return;
      }
      io.out(`${say("wrote", { path: `${made.path}/theme.yaml` })}\n${say("themes.use-it", { name })}\n`);
    });
  withExamples(create, examples);
}
