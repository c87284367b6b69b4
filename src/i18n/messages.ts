// The one catalogue of what minutes says to a person: every diagnostic, hint, progress line, summary and
// help text, by id, in English, French, Spanish, Portuguese and German. Entries live in
// src/i18n/catalogue/ by area and are merged here into one table; test/message-catalogue.test.ts checks
// that every entry has every language with the same {placeholders}. Rule ids and JSON output stay in
// English, so that programs can rely on them: a Text keeps its id and parameters, and each reporter
// renders it in the language it prints in.
import { cliMessages } from "./catalogue/cli.js";
import { linkMessages } from "./catalogue/diagnostics-links.js";
import { bodyMessages } from "./catalogue/diagnostics-body.js";
import { yamlMessages } from "./catalogue/diagnostics-yaml.js";
import { themeMessages } from "./catalogue/diagnostics-theme.js";
import { fileMessages } from "./catalogue/diagnostics-files.js";
import { imageMessages } from "./catalogue/diagnostics-images.js";
import { buildMessages } from "./catalogue/diagnostics-build.js";
import { adoptionMessages } from "./catalogue/diagnostics-adoption.js";
import { dateMessages } from "./catalogue/diagnostics-dates.js";
import { importMessages } from "./catalogue/import.js";
import { recordMessages } from "./catalogue/meeting-records.js";
import { cycleMessages } from "./catalogue/meeting-cycle.js";
import { cacheMessages } from "./catalogue/cache.js";

import { uiLanguages, type Entry, type UiLanguage } from "./entry.js";

export { uiLanguages, type Entry, type UiLanguage };

export const catalogue = {
  ...bodyMessages,
  ...yamlMessages,
  ...themeMessages,
  ...fileMessages,
  ...imageMessages,
  ...buildMessages,
  ...cliMessages,
  ...linkMessages,
  ...adoptionMessages,
  ...dateMessages,
  ...importMessages,
  ...recordMessages,
  ...cycleMessages,
  ...cacheMessages,
} satisfies Record<string, Entry>;
export type MessageId = keyof typeof catalogue;

/**
 * A placeholder's value: a value as written (from the user's file, a path, a number), another text
 * (rendered in the same language), or a list of these (rendered joined by ", ").
 */
export type Param = string | number | Text | readonly Param[];
export type Params = Readonly<Record<string, Param>>;

/** A text to show a person: an entry of the catalogue and the values of its placeholders. */
export interface Text {
  id: MessageId;
  params?: Params;
}

export function text(id: MessageId, params?: Params): Text {
  return params ? { id, params } : { id };
}

/** A catalogue id, e.g. a zod schema's `{ error: "schema.language-tag" }` (see issueText in src/yaml-source.ts). */
export function isMessageId(value: unknown): value is MessageId {
  return typeof value === "string" && Object.hasOwn(catalogue, value);
}

export function isText(value: unknown): value is Text {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Text).id === "string" &&
    (value as Text).id in catalogue
  );
}

/** The text in `language`, placeholders filled; a placeholder with no value stays as written. */
export function render(value: Text, language: UiLanguage = currentLanguage): string {
  const template = catalogue[value.id][language];
  const params = value.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    return Object.hasOwn(params, name) ? renderParam(params[name]!, language) : whole;
  });
}

function renderParam(param: Param, language: UiLanguage): string {
  if (Array.isArray(param)) return param.map((item: Param) => renderParam(item, language)).join(", ");
  return typeof param === "object" ? render(param as Text, language) : String(param);
}

/** The placeholders an entry uses, sorted (the test compares them across languages). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

let currentLanguage: UiLanguage = "en";

/** The language the CLI prints in, chosen once per run (see chooseUiLanguage). */
export function setUiLanguage(language: UiLanguage): void {
  currentLanguage = language;
}

export function uiLanguage(): UiLanguage {
  return currentLanguage;
}

/** Shorthand for the CLI: the entry rendered in the run's language. */
export function say(id: MessageId, params?: Params): string {
  return render(text(id, params));
}

/** A problem that has no file and line, as the CLI prints it: "minutes: <message>", then its hint, indented. */
export function problemLines(message: string, hint: string): string {
  return `minutes: ${message}\n  ${say("hint")}: ${hint}\n`;
}

/** "fr", "fr-CA", "fr_FR.UTF-8", "French"… → a language we speak, or undefined. */
export function toUiLanguage(tag: string | undefined): UiLanguage | undefined {
  if (!tag) return undefined;
  const base = tag
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return (uiLanguages as readonly string[]).includes(base ?? "") ? (base as UiLanguage) : undefined;
}

/**
 * The language to print in: --lang, then the config's `language`, then LC_ALL, LC_MESSAGES, LANG (the
 * first that is set, as POSIX orders them), then English.
 */
export function chooseUiLanguage(
  flag: string | undefined,
  config: string | undefined,
  env: NodeJS.ProcessEnv,
): UiLanguage {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return toUiLanguage(flag) ?? toUiLanguage(config) ?? toUiLanguage(fromEnv) ?? "en";
}

/** The counted entries: `<base>.one` and `<base>.other`, each with a {count} placeholder. */
export type CountedId = { [K in MessageId]: K extends `${infer Base}.one` ? Base : never }[MessageId];

/** "1 error", "3 errors", "0 erreur": the `.one` or `.other` form of a counted entry, as the language says. */
export function sayCount(base: CountedId, count: number, language: UiLanguage = currentLanguage): string {
  // French and Portuguese count 0 and 1 as one; English, Spanish and German only 1.
  const one = language === "fr" || language === "pt" ? count < 2 : count === 1;
  return render(text(`${base}.${one ? "one" : "other"}` as MessageId, { count }), language);
}
