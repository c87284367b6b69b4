// `minutes preview FILE.md|FOLDER [--pdf] [--port N] [--host H] [--no-open]`: the page of a meeting (or the
// index of a folder) served on this machine and rebuilt on every save (src/preview/). Registered by cli.ts.
import { InvalidArgumentError, type Command } from "commander";
import { say } from "../i18n/messages.js";
import { userLocale } from "./cli-dates.js";
import type { CommandIo } from "./command-io.js";
import { valueName, withExamples } from "./localised-help.js";

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError(say("usage.port", { value }));
  return Number(value);
}

export function registerPreviewCommand(program: Command, io: CommandIo): void {
  const command = program
    .command("preview")
    .description(say("help.preview"))
    .argument(`<${say("help.value.file")}>`, say("help.preview.argument"))
    .option("--pdf", say("help.preview.pdf"))
    .option(`--port ${valueName("help.value.port")}`, say("help.preview.port"), parsePort)
    .option(`--host ${valueName("help.value.host")}`, say("help.preview.host"))
    .option("--no-open", say("help.preview.no-open"))
    .option(`--theme ${valueName("help.value.theme")}`, say("help.build.theme"))
    .option(
      `--allow-outside ${valueName("help.value.path")}`,
      say("help.option.allow-outside"),
      (value: string, list: string[] = []) => [...list, value],
    )
    .action(
      async (
        path: string,
        opts: { pdf?: boolean; port?: number; host?: string; open: boolean; theme?: string; allowOutside?: string[] },
      ) => {
        // Loaded only when asked for: node:http and chokidar stay out of the other commands' start-up.
        const { preview } = await import("../preview/preview-session.js");
        const { openBrowser } = await import("../preview/open-browser.js");
        const locale = userLocale();
        const code = await preview(
          {
            path,
            ...(opts.pdf ? { pdf: true } : {}),
            ...(opts.port !== undefined ? { port: opts.port } : {}),
            ...(opts.host ? { host: opts.host } : {}),
            build: {
              themeRequest: opts.theme ? { flag: opts.theme } : {},
              allowOutside: opts.allowOutside ?? [],
              ...(locale ? { locale } : {}),
            },
          },
          {
            out: (line) => io.out(`${line}\n`),
            err: (line) => io.err(`${line}\n`),
            onListening: (url) => {
              if (!opts.open) return;
              void openBrowser(url).then(
                (reason) => reason && io.err(`minutes: ${say("preview.open-failed", { url, reason })}\n`),
              );
            },
          },
        );
        io.setExit(code);
      },
    );
  withExamples(command, [
    ["minutes preview 2024-03-12.md", say("help.example.preview.one")],
    ["minutes preview minutes", say("help.example.preview.folder")],
    ["minutes preview 2024-03-12.md --pdf --no-open", say("help.example.preview.pdf")],
  ]);
}
