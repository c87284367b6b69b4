// YAML with source positions, shared by the front matter, the config file and theme files.
// Parse errors, alias bombs and zod issues all become messages at the key or value they concern.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { readFileSync } from "node:fs";
import { VFile } from "vfile";
import type { z } from "zod";
import { report } from "./diagnostics.js";
import { catalogue, isMessageId, text, type MessageId, type Param, type Text } from "./i18n/messages.js";
import type { Point } from "./model/minutes.js";
import { closest } from "./i18n/text-match.js";
import { keyRule, type RuleArea, type RuleId } from "./rules.js";

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
  /** Rule id prefix: its rules are "<area>-yaml", "<area>-<key>"… (src/rules.ts). */
  rule: RuleArea;
  /** What the text is, for messages: text("yaml.what.front-matter"), text("yaml.what.config")… */
  what: Text;
}

/** Parse YAML text; on error, report it and return undefined. Never throws. */
export function readYaml(yamlText: string, file: VFile, options: YamlOptions): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOffset = options.lineOffset ?? 0;
  const at = (offset: number | undefined): Point => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: lineOffset + line, column: col };
  };
  for (const error of doc.errors) {
    report(file, {
      severity: "error",
      rule: `${options.rule}-yaml` as const,
      message: text("yaml-invalid", { what: options.what, detail: yamlDetail(error.message) }),
      place: at(error.pos[0]),
      hint: text("yaml-invalid.hint"),
    });
  }
  if (doc.errors.length) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    report(file, {
      severity: "error",
      rule: `${options.rule}-yaml` as const,
      message: text("yaml-unreadable", { what: options.what, detail: yamlDetail(String((error as Error).message)) }),
      place: at(0),
      hint: text("yaml-unreadable.aliases.hint"),
    });
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
export function asRecord(
  source: YamlSource,
  file: VFile,
  options: YamlOptions & { hint: Text },
): Record<string, unknown> | undefined {
  const value = source.value ?? {};
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  report(file, {
    severity: "error",
    rule: `${options.rule}-shape` as const,
    message: text("yaml-shape", { what: options.what }),
    place: source.at(0),
    hint: options.hint,
  });
  return undefined;
}

/** A warning with a "did you mean" for each key the schema does not know. */
export function reportUnknownKeys(
  values: Record<string, unknown>,
  known: readonly string[],
  source: YamlSource | undefined,
  file: VFile,
  rule: RuleId,
): void {
  for (const key of Object.keys(values)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    report(file, {
      severity: "warning",
      rule,
      message: suggestion ? text("unknown-key.suggestion", { key, suggestion }) : text("unknown-key", { key }),
      place: source ? source.keyPlace(key) : { line: 1, column: 1 },
      hint: suggestion
        ? text("unknown-key.suggestion.hint", { suggestion })
        : text("unknown-key.hint", { keys: known.join(", ") }),
    });
  }
}

/** Validate with zod; report every issue at its YAML place. */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  values: unknown,
  source: YamlSource | undefined,
  file: VFile,
  options: { rule: RuleArea; what: Text; missingHint?: (key: string) => Text; invalidHint?: (key: string) => Text },
): z.infer<S> | undefined {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const key = path.join(".");
    const missing = issue.code === "invalid_type" && source?.doc.getIn(path) === undefined;
    report(file, {
      severity: "error",
      rule: keyRule(options.rule, path[0]),
      message: missing ? text("yaml-missing", { what: options.what, key }) : issueText(issue, key || options.what),
      place: source ? (missing ? source.at(0) : source.valuePlace(path)) : { line: 1, column: 1 },
      hint: missing
        ? (options.missingHint?.(key) ?? text("yaml-missing.hint", { key }))
        : (options.invalidHint?.(key) ?? text("yaml-invalid-value.hint", { key })),
    });
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/** The YAML parser's messages that the catalogue translates; the English of each entry is the parser's text. */
const yamlMessages: [RegExp, MessageId, string?][] = [
  [/^Map keys must be unique$/, "yaml.duplicate-key"],
  [/^Tabs are not allowed as indentation$/, "yaml.tab-indent"],
  [/^Nested mappings are not allowed in compact mappings$/, "yaml.nested-compact"],
  [/^All mapping items must start at the same column$/, "yaml.same-column"],
  [/^Implicit keys need to be on a single line$/, "yaml.single-line-key"],
  [/^Implicit map keys need to be followed by map values$/, "yaml.key-without-value"],
  [/^Missing closing (["'])quote$/, "yaml.missing-quote", "quote"],
  [/^Flow sequence in block collection must be sufficiently indented and end with a \]$/, "yaml.flow-sequence"],
  [/^Flow map in block collection must be sufficiently indented and end with a \}$/, "yaml.flow-map"],
  [/^Plain value cannot start with reserved character (.+)$/, "yaml.reserved-start", "character"],
  [/^Source contains multiple documents; please use YAML\.parseAllDocuments\(\)$/, "yaml.multiple-documents"],
  [/^Excessive alias count indicates a resource exhaustion attack$/, "yaml.alias-count"],
];

/** The YAML parser's message (first line, without its position) as a catalogue text, or as the parser wrote it. */
function yamlDetail(message: string): Param {
  const line = firstLine(message);
  for (const [pattern, id, name] of yamlMessages) {
    const m = pattern.exec(line);
    if (m) return text(id, name ? { [name]: m[1]! } : undefined);
  }
  return line;
}

const expectedTypes: Record<string, MessageId> = {
  string: "schema.type.string",
  number: "schema.type.number",
  int: "schema.type.int",
  boolean: "schema.type.boolean",
  array: "schema.type.array",
  tuple: "schema.type.array",
  object: "schema.type.object",
  record: "schema.type.object",
};

/**
 * The schemas' own messages (`{ error: "must be true or false" }`), by their English: the catalogue entry
 * "schema.…" whose English is "`{key}` must be true or false.". test/message-catalogue.test.ts checks that
 * every message written in a schema has one.
 */
let schemaMessages: Map<string, MessageId> | undefined;

export function schemaMessageId(message: string): MessageId | undefined {
  if (isMessageId(message)) return message;
  schemaMessages ??= new Map(
    Object.entries(catalogue).flatMap(([id, entry]) => {
      const own = id.startsWith("schema.") ? /^`\{key\}` (.+)\.$/.exec(entry.en) : null;
      return own ? [[own[1]!, id as MessageId] as const] : [];
    }),
  );
  return schemaMessages.get(message);
}

/**
 * A zod issue as a sentence about `key`: the schema's own message (its catalogue entry, see
 * schemaMessageId), else one entry per kind of issue.
 */
export function issueText(issue: z.core.$ZodIssue, key: Param): Text {
  const own = schemaMessageId(issue.message);
  if (own) return text(own, { key });
  const list = (values: readonly unknown[]) => values.map((v) => `\`${String(v)}\``).join(", ");
  switch (issue.code) {
    case "invalid_type": {
      const expected = expectedTypes[issue.expected];
      return text("schema.type", { key, expected: expected ? text(expected) : issue.expected });
    }
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string")
        return minimum <= 1 ? text("schema.not-empty", { key }) : text("schema.min-length", { key, minimum });
      if (issue.origin === "array" || issue.origin === "set")
        return minimum <= 1 ? text("schema.not-empty", { key }) : text("schema.min-entries", { key, minimum });
      return issue.inclusive === false
        ? text("schema.more-than", { key, minimum })
        : text("schema.minimum", { key, minimum });
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return text("schema.max-length", { key, maximum });
      if (issue.origin === "array" || issue.origin === "set") return text("schema.max-entries", { key, maximum });
      return issue.inclusive === false
        ? text("schema.less-than", { key, maximum })
        : text("schema.maximum", { key, maximum });
    }
    case "invalid_value":
      return text("schema.one-of", { key, values: list(issue.values) });
    case "unrecognized_keys":
      return text("schema.unknown-keys", { key, keys: list(issue.keys) });
    case "not_multiple_of":
      return text("schema.multiple-of", { key, divisor: issue.divisor });
    case "invalid_format":
    case "invalid_union":
      return text("schema.form", { key });
    default:
      return text("schema.invalid", { key });
  }
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
  /** Settings files: a config or a theme.yaml (the front matter is no file of its own). */
  rule: Exclude<RuleArea, "front-matter">;
  /** What to write, when the file is not a list of `key: value` lines. */
  shapeHint: Text;
  missingHint?: (key: string) => Text;
  /** How the file is read (a build's world, which records it: src/world/world.ts); default: from disk as UTF-8. */
  read?: (path: string) => string;
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
export function readYamlFile<S extends z.ZodObject>(
  path: string,
  schema: S,
  options: YamlFileOptions,
): YamlFile<z.infer<S>> {
  let content: string;
  try {
    content = (options.read ? options.read(path) : readFileSync(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    const file = new VFile({ path });
    report(file, {
      severity: "error",
      rule: `${options.rule}-read` as const,
      message: text("yaml-unreadable", { what: options.what, detail: (error as Error).message }),
      hint: text("yaml-unreadable.file.hint"),
    });
    return { file };
  }
  const file = new VFile({ path, value: content });
  const yaml = readYaml(content, file, options);
  const record = yaml ? asRecord(yaml, file, { ...options, hint: options.shapeHint }) : undefined;
  if (!yaml || !record) return { file, ...(yaml ? { yaml } : {}) };
  reportUnknownKeys(record, Object.keys(schema.shape), yaml, file, `${options.rule}-unknown-key` as const);
  const data = validateYaml(schema, record, yaml, file, {
    rule: options.rule,
    what: options.what,
    ...(options.missingHint ? { missingHint: options.missingHint } : {}),
  });
  return { file, yaml, ...(data !== undefined ? { data } : {}) };
}
