// `minutes schema`: prints the JSON Schema of the front matter, generated from the zod schema.
import type { Command } from "commander";
import { say } from "../i18n/messages.js";
import { frontMatterJsonSchema } from "../parse/front-matter-schema.js";
import { configJsonSchema } from "../config/config.js";
import { withExamples } from "./localised-help.js";
import type { CommandIo } from "./command-io.js";

export function registerSchemaCommand(program: Command, io: CommandIo): void {
  const command = program
    .command("schema")
    .description(say("help.schema"))
    .option("--config", say("help.schema.config"))
    .action((opts: { config?: boolean }) => {
      io.out(`${JSON.stringify(opts.config ? configJsonSchema() : frontMatterJsonSchema(), null, 2)}\n`);
    });
  withExamples(command, [
    ["minutes schema > .minutes/minutes.schema.json", say("help.example.schema.save")],
    ["minutes schema", say("help.example.schema.show")],
  ]);
}
