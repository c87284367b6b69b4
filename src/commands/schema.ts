// `minutes schema`: prints the JSON Schema of the front matter, generated from the zod schema.
import type { Command } from "commander";
import { frontMatterJsonSchema } from "../parse/front-matter-schema.js";

export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of the front matter (for editors such as VS Code's YAML extension)")
    .action(() => {
      process.stdout.write(`${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`);
    });
}
