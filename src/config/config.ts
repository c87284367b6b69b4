// minutes.config.yaml (or .yml / .json): settings a minutes repository writes once. Found by walking
// up from the input file. Precedence: built-in defaults < config file < front matter < flags.
import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { toDiagnostic, type Diagnostic } from "../diagnostics.js";
import type { Body, Point, Quorum } from "../model/minutes.js";
import { personSchema } from "../parse/front-matter-schema.js";
import { toPerson } from "../parse/front-matter.js";
import { pathProblem, resolveSafePath } from "../safe-path.js";
import { readYamlFile } from "../yaml-source.js";
import { text } from "../i18n/messages.js";
import type { World } from "../world/world.js";

/** `majority`, `2/3`, `50%` (the forms of `quorum:` written as text; a whole number is a count). */
const QUORUM_TEXT = /^(?:majority|\d+\s*\/\s*[1-9]\d*|\d+(?:[.,]\d+)?\s*%)$/i;

const configFileNames = ["minutes.config.yaml", "minutes.config.yml", "minutes.config.json"] as const;

export const configSchema = z.object({
  /** A built-in theme name or a path to a theme folder, relative to the config file. */
  theme: z.string({ error: "must be a theme name or a path to a theme folder" }).min(1).optional(),
  /**
   * Which warnings block `check` and `build` (here and on CI): true, every warning; `missing`, the warnings
   * that mean something is missing from the documents (see missingRules); a list, those rule ids; false, none.
   */
  strict: z
    .union([z.boolean(), z.literal("missing"), z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)], {
      error: "must be true, false, missing, or a list of rule ids such as [front-matter-unknown-key]",
    })
    .optional(),
  /** Language of meetings that do not say. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, { error: "must be a language tag such as fr or en" })
    .optional(),
  /** Formats to write. */
  formats: z
    .array(z.enum(["docx", "pdf", "html", "json"], { error: "must be docx, pdf, html or json" }), {
      error: "must be a list such as [docx, pdf]",
    })
    .min(1, { error: "must name at least one format, such as [docx, pdf]" })
    .optional(),
  /** The Markdown template of `minutes new`, relative to the config file (default: templates/meeting.md, else built in). */
  template: z.string({ error: "must be the path of a Markdown template" }).min(1).optional(),
  /** The folder `minutes new` writes meetings into, relative to the config file: <meetings>/<year>/<date>-<name>.md. */
  meetings: z.string({ error: "must be the path of a folder, such as minutes" }).min(1).optional(),
  /** The organisation of meetings that name none: printed above their title, and on the index page. */
  organisation: z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" }).optional(),
  /** Standards the PDF claims, as --pdf-standard; [] for none. */
  pdfStandard: z
    .array(z.enum(["pdfa", "ua"], { error: "must be pdfa or ua" }), {
      error: "must be a list such as [pdfa, ua], or [] for none",
    })
    .optional(),
  /** Output folder, relative to the config file. */
  out: z.string().min(1).optional(),
  /** The body's members (a name, or {name, role, organisation, abbreviation}): attendance, quorum and `check` read them. */
  members: z.array(personSchema, { error: "must be a list" }).optional(),
  /** Members present for a valid meeting: a number (5), a fraction of the members (2/3, 50%), or majority (more than half). */
  quorum: z
    .union(
      [
        z.number().int({ error: "schema.quorum" }).min(1, { error: "schema.quorum" }),
        z.string().trim().regex(QUORUM_TEXT, { error: "schema.quorum" }),
      ],
      { error: "schema.quorum" },
    )
    .optional(),
  /**
   * The edition the site index publishes (a folder built with --out): `public` (default: items held in camera
   * reduced to one line, their actions and decisions left out) or `internal` (every item). --edition overrides it.
   */
  publish: z.enum(["public", "internal"], { error: "must be public or internal" }).optional(),
  /** Files built at once by `minutes build` (worker threads); default: the number of cores. */
  jobs: z
    .number({ error: "must be a whole number such as 2" })
    .int({ error: "must be a whole number such as 2" })
    .min(1, { error: "must be 1 or more" })
    .optional(),
});

export type ConfigData = z.infer<typeof configSchema>;

/** The JSON Schema of minutes.config.yaml (`minutes schema --config`), generated from the zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }),
    title: "minutes.config.yaml",
    description: "The settings of a minutes repository: theme, language, formats, members and quorum…",
  };
}

export interface Config extends ConfigData {
  /** The config file, absolute. */
  path: string;
  /** Its folder: the project folder, which paths written in files must stay inside (see src/safe-path.ts). */
  dir: string;
  /** Where each path-bearing setting (and `jobs`) is written in it, for messages about that value. */
  places: Partial<Record<PathSetting | "jobs", Point>>;
}

/** The settings that name a file or folder, resolved against the config file's folder. */
export const pathSettings = ["theme", "template", "out", "meetings"] as const;
export type PathSetting = (typeof pathSettings)[number];

export interface ConfigResult {
  config?: Config;
  diagnostics: Diagnostic[];
}

/**
 * The nearest config file at or above `start` (a folder), or undefined. The walk stops at the repository's
 * root (a folder holding `.git`) and never reads above it: a config of the home folder is not the
 * repository's. With a `world`, each candidate looked for and not found is recorded (a config created
 * later above a meeting rebuilds it), and so is each `.git` looked for.
 */
export function findConfig(start: string, world?: World): string | undefined {
  const kind = (path: string): ReturnType<World["kind"]> => {
    if (world) return world.kind(path);
    try {
      const info = statSync(path, { throwIfNoEntry: false });
      if (!info) return undefined;
      return info.isFile() ? "file" : info.isDirectory() ? "folder" : "other";
    } catch {
      return undefined;
    }
  };
  let dir = resolve(start);
  for (;;) {
    for (const name of configFileNames) {
      const candidate = join(dir, name);
      if (kind(candidate) === "file") return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || kind(join(dir, ".git")) !== undefined) return undefined;
    dir = parent;
  }
}

/** Read and validate a config file. Problems come back as diagnostics at file:line:column. */
export function loadConfig(path: string, world?: World): ConfigResult {
  const absolute = resolve(path);
  const { file, yaml, data } = readYamlFile(path, configSchema, {
    rule: "config",
    what: text("yaml.what.config"),
    shapeHint: text("config-shape.hint"),
    ...(world ? { read: (p: string) => world.readText(p) } : {}),
  });
  const diagnostics = file.messages.map((m) => toDiagnostic(m, path));
  const ok = data !== undefined && !diagnostics.some((d) => d.severity === "error");
  const places: Config["places"] = {};
  for (const key of [...pathSettings, "jobs"] as const)
    if (data?.[key] !== undefined && yaml) places[key] = yaml.valuePlace([key]);
  return {
    ...(ok ? { config: { ...stripUndefined(data), path: absolute, dir: dirname(absolute), places } } : {}),
    diagnostics,
  };
}

/** A path setting (`out`, `template`), resolved against the config file's folder and kept inside it unless `--allow-outside` names it. */
export function configPath(
  config: Config,
  key: Exclude<PathSetting, "theme">,
  allowOutside: readonly string[] = [],
): { path: string } | { problem: Diagnostic } | undefined {
  const reference = config[key];
  if (reference === undefined) return undefined;
  const where = resolveSafePath(reference, config.dir, { projectDir: config.dir, allowOutside });
  return where.ok ? { path: where.path } : { problem: pathProblem(where, key, config.path, config.places[key]) };
}

/** The warnings that mean something is missing from a document: an unknown key (its value is not printed), a placeholder or example value left, an action with no responsible. */
export const missingRules = ["front-matter-unknown-key", "placeholder-left", "action-responsible-missing"] as const;

/** What `strict` blocks: every warning, or the warnings of these rules. */
export function strictness(setting: ConfigData["strict"]): { all: boolean; rules: readonly string[] } {
  if (setting === "missing") return { all: false, rules: missingRules };
  if (Array.isArray(setting)) return { all: false, rules: setting };
  return { all: setting === true, rules: [] };
}

/** Find and load the config for an input file; no config file is not a problem. `world`: records what was looked for and read. */
export function configFor(input: string, world?: World): ConfigResult {
  const path = findConfig(dirname(resolve(input)), world);
  return path ? loadConfig(path, world) : { diagnostics: [] };
}

/** The quorum rule written in the config (already validated by the schema). */
export function quorumRule(value: number | string): Quorum {
  if (typeof value === "number") return { kind: "count", count: value, text: String(value) };
  const written = value.trim();
  if (/^majority$/i.test(written)) return { kind: "majority", text: written };
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(written);
  if (fraction)
    return { kind: "fraction", numerator: Number(fraction[1]), denominator: Number(fraction[2]), text: written };
  const percent = Number(written.replace(/\s*%$/, "").replace(",", "."));
  return { kind: "fraction", numerator: percent, denominator: 100, text: written };
}

/** The body that meets, from the config: its members and quorum rule (undefined when no member is listed). */
export function configBody(config: ConfigData | undefined): Body | undefined {
  if (!config?.members?.length) return undefined;
  const members = config.members.map(toPerson);
  return { members, ...(config.quorum !== undefined ? { quorum: quorumRule(config.quorum) } : {}) };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
