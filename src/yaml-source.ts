// YAML with source positions, shared by the front matter, the config file and theme files.
// Parse errors, alias bombs and zod issues all become messages at the key or value they concern.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { readFileSync } from "node:fs";
import { VFile } from "vfile";
import type { z } from "zod";
import { report } from "./diagnostics.js";
import type { Point } from "./model/minutes.js";
import { closest } from "./parse/text-match.js";

const MAX_ALIASES = 100;

export interface YamlSource {
  doc: Document;
  /** The parsed value (plain JS). */
  value: unknown;
  /** File position of a character offset in the YAML text. */
  at(offset: number | undefined): Point;
  /** Where a key is written, or the start of the document. */
  keyPlace(key: string): Point;
  /** Where the value at a path is written (the nearest written ancestor otherwise). */
  valuePlace(path: (string | number)[]): Point;
}

export interface YamlOptions {
  /** Lines before the YAML text in the file (the front matter starts after its --- fence). */
  lineOffset?: number;
  /** Rule id prefix, e.g. "front-matter" or "config". */
  rule: string;
  /** What the text is, for messages: "The front matter", "The config file". */
  what: string;
}

/** Parse YAML text; on error, report it and return undefined. Never throws. */
export function readYaml(text: string, file: VFile, options: YamlOptions): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOffset = options.lineOffset ?? 0;
  const at = (offset: number | undefined): Point => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: lineOffset + line, column: col };
  };
  for (const error of doc.errors) {
    report(file, { severity: "error", rule: `${options.rule}-yaml`, message: `${options.what} is not valid YAML: ${firstLine(error.message)}`, place: at(error.pos[0]), hint: "Check the indentation and quote values that contain a colon." });
  }
  if (doc.errors.length) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    report(file, { severity: "error", rule: `${options.rule}-yaml`, message: `${options.what} could not be read: ${firstLine(String((error as Error).message))}`, place: at(0), hint: "Remove YAML aliases (*name) and anchors (&name); write the values out." });
    return undefined;
  }
  return {
    doc,
    value,
    at,
    keyPlace: (key) => at(keyOffset(doc, key)),
    valuePlace: (path) => at(valueOffset(doc, path)),
  };
}

/** The value as a `key: value` record, or an error at the start. */
export function asRecord(source: YamlSource, file: VFile, options: YamlOptions & { hint: string }): Record<string, unknown> | undefined {
  const value = source.value ?? {};
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  report(file, { severity: "error", rule: `${options.rule}-shape`, message: `${options.what} must be a list of \`key: value\` lines.`, place: source.at(0), hint: options.hint });
  return undefined;
}

/** A warning with a "did you mean" for each key the schema does not know. */
export function reportUnknownKeys(values: Record<string, unknown>, known: readonly string[], source: YamlSource | undefined, file: VFile, rule: string): void {
  for (const key of Object.keys(values)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    report(file, {
      severity: "warning",
      rule,
      message: `Unknown key \`${key}\`${suggestion ? `: did you mean \`${suggestion}\`?` : "."}`,
      place: source ? source.keyPlace(key) : { line: 1, column: 1 },
      hint: suggestion ? `Rename it to \`${suggestion}\`.` : `Known keys: ${known.join(", ")}.`,
    });
  }
}

/** Validate with zod; report every issue at its YAML place. */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  values: unknown,
  source: YamlSource | undefined,
  file: VFile,
  options: { rule: string; what: string; missingHint?: (key: string) => string; invalidHint?: (key: string) => string },
): z.infer<S> | undefined {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const key = path.join(".") || options.what;
    const missing = issue.code === "invalid_type" && source?.doc.getIn(path) === undefined;
    report(file, {
      severity: "error",
      rule: `${options.rule}-${String(path[0] ?? "shape")}`,
      message: missing ? `${options.what} needs \`${key}\`.` : `\`${key}\` ${issue.message}.`,
      place: source ? (missing ? source.at(0) : source.valuePlace(path)) : { line: 1, column: 1 },
      hint: missing ? (options.missingHint?.(key) ?? `Add a line \`${key}: …\`.`) : (options.invalidHint?.(key) ?? `Correct the value of \`${key}\`.`),
    });
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function keyOffset(doc: Document, key: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

function valueOffset(doc: Document, path: (string | number)[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return node.range[0];
  }
  return undefined;
}

export interface YamlFileOptions extends YamlOptions {
  /** What to write, when the file is not a list of `key: value` lines. */
  shapeHint: string;
  missingHint?: (key: string) => string;
}

export interface YamlFile<T> {
  /** The messages, on a VFile for the caller to add its own. */
  file: VFile;
  yaml?: YamlSource;
  /** The validated settings, when the file has no schema error. */
  data?: T;
}

/**
 * Reads a settings file (config, theme): YAML with positions, unknown keys warned with a suggestion,
 * then the zod schema. A file that cannot be read is one message with no line.
 */
export function readYamlFile<S extends z.ZodObject>(path: string, schema: S, options: YamlFileOptions): YamlFile<z.infer<S>> {
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const file = new VFile({ path });
    report(file, { severity: "error", rule: `${options.rule}-read`, message: `${options.what} could not be read: ${(error as Error).message}`, hint: "Check that the file exists and is readable." });
    return { file };
  }
  const file = new VFile({ path, value: text });
  const yaml = readYaml(text, file, options);
  const record = yaml ? asRecord(yaml, file, { ...options, hint: options.shapeHint }) : undefined;
  if (!yaml || !record) return { file, ...(yaml ? { yaml } : {}) };
  reportUnknownKeys(record, Object.keys(schema.shape), yaml, file, `${options.rule}-unknown-key`);
  const data = validateYaml(schema, record, yaml, file, { rule: options.rule, what: options.what, ...(options.missingHint ? { missingHint: options.missingHint } : {}) });
  return { file, yaml, ...(data !== undefined ? { data } : {}) };
}

