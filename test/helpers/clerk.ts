// What a clerk does to the sample `minutes init` writes: replace its example values (the organisation,
// the chair, the secretary, the first attendee) with real ones, by plain text replacement in the files.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exampleValues } from "../../src/i18n/sample-meeting.js";

/** Real values for the examples: the name changes, an "(Organisation)" after it stays as the sample wrote it. */
const real = {
  organisation: "Mairie de Saint-Martin",
  chair: "Claire Dubois",
  secretary: "Marc Petit",
  attendee: "Julie Moreau",
} as const;

/** The text with every example value of the init sample (any language) replaced by a real one. */
export function fillInExamples(text: string): string {
  let out = text;
  for (const examples of exampleValues) {
    for (const key of ["organisation", "chair", "secretary", "attendee"] as const) {
      const example = examples[key];
      const name = example.replace(/\s*\(.*\)$/, "");
      out = out.replaceAll(example, example.replace(name, real[key]));
    }
  }
  return out;
}

/** Fills in every meeting under `<repo>/minutes` (the sample `init` wrote), as a clerk would. */
export function fillInSample(repo: string): void {
  for (const entry of readdirSync(join(repo, "minutes"), { recursive: true })) {
    const path = join(repo, "minutes", String(entry));
    if (!path.endsWith(".md")) continue;
    writeFileSync(path, fillInExamples(readFileSync(path, "utf8")));
  }
}
