// minutes.config.yaml (or .yml / .json): settings a minutes repository writes once. Found by walking
// up from the input file. Precedence: built-in defaults < config file < front matter < flags.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { VFile } from "vfile";
import { z } from "zod";
import { toDiagnostic, type Diagnostic } from "../diagnostics.js";
import { asRecord, readYaml, reportUnknownKeys, validateYaml } from "../yaml-source.js";

export const configFileNames = ["minutes.config.yaml", "minutes.config.yml", "minutes.config.json"] as const;

export const configSchema = z.object({
  /** A built-in theme name or a path to a theme folder, relative to the config file. */
  theme: z.string({ error: "must be a theme name or a path to a theme folder" }).min(1).optional(),
  /** Warnings block the build. */
  strict: z.boolean({ error: "must be true or false" }).optional(),
  /** Language of meetings that do not say. */
  language: z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, { error: "must be a language tag such as fr or en" }).optional(),
  /** Formats to write. */
  formats: z.array(z.enum(["docx", "pdf", "json"], { error: "must be docx, pdf or json" }), { error: "must be a list such as [docx, pdf]" }).min(1, { error: "must name at least one format, such as [docx, pdf]" }).optional(),
  /** The Markdown template of `minutes new`, relative to the config file (default: templates/meeting.md, else built in). */
  template: z.string({ error: "must be the path of a Markdown template" }).min(1).optional(),
  /** Standards the PDF claims, as --pdf-standard; [] for none. */
  pdfStandard: z.array(z.enum(["pdfa", "ua"], { error: "must be pdfa or ua" }), { error: "must be a list such as [pdfa, ua], or [] for none" }).optional(),
  /** Output folder, relative to the config file. */
  out: z.string().min(1).optional(),
  /** Files built at once by `minutes build` (worker threads); default: the number of cores. */
  jobs: z.number({ error: "must be a whole number such as 2" }).int({ error: "must be a whole number such as 2" }).min(1, { error: "must be 1 or more" }).optional(),
});

export type ConfigData = z.infer<typeof configSchema>;

export interface Config extends ConfigData {
  /** The config file, absolute. */
  path: string;
  /** Its folder: the project folder that theme, logo and output paths resolve against. */
  dir: string;
}

export interface ConfigResult {
  config?: Config;
  diagnostics: Diagnostic[];
}

/** The nearest config file at or above `start` (a folder), or undefined. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of configFileNames) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Read and validate a config file. Problems come back as diagnostics at file:line:column. */
export function loadConfig(path: string): ConfigResult {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    return { diagnostics: [{ file: path, line: null, column: null, severity: "error", rule: "config-read", message: `The config file could not be read: ${(error as Error).message}`, hint: "Check that the file exists and is readable." }] };
  }
  const file = new VFile({ path, value: text });
  const options = { rule: "config", what: "The config file" };
  const yaml = readYaml(text, file, options);
  const record = yaml ? asRecord(yaml, file, { ...options, hint: "Write settings such as `theme: compte-rendu`." }) : undefined;
  let config: Config | undefined;
  if (yaml && record) {
    reportUnknownKeys(record, Object.keys(configSchema.shape), yaml, file, "config-unknown-key");
    const data = validateYaml(configSchema, record, yaml, file, options);
    if (data) config = { ...stripUndefined(data), path: absolute, dir: dirname(absolute) };
  }
  const diagnostics = file.messages.map((m) => toDiagnostic(m, path));
  return { ...(config && !diagnostics.some((d) => d.severity === "error") ? { config } : {}), diagnostics };
}

/** Find and load the config for an input file; no config file is not a problem. */
export function configFor(input: string): ConfigResult {
  const path = findConfig(dirname(resolve(input)));
  return path ? loadConfig(path) : { diagnostics: [] };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
