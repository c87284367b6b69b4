// `minutes schema`: prints the JSON Schema of the front matter, generated from the zod schema.
import type { Command } from "commander";
import { say } from "../i18n/messages.js";
import { frontMatterJsonSchema } from "../parse/front-matter-schema.js";
import { withExamples } from "./localised-help.js";

export function registerSchemaCommand(program: Command): void {
  const command = program
    .command("schema")
    .description(say("help.schema"))
    .action(() => {
      process.stdout.write(`${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`);
    });
  withExamples(command, [
    ["minutes schema > .minutes/minutes.schema.json", say("help.example.schema.save")],
    ["minutes schema", say("help.example.schema.show")],
  ]);
}
