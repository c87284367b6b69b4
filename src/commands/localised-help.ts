// Commander in the user's language: its titles (Usage, Options…), the help option and command, the
// "default:" notes, the --lang line and examples at the end of each command's help, and its usage
// errors, read from commander's English and said again from the catalogue (the exit code stays 2).
import type { Argument, Command, Option } from "commander";
import { problemLines, say, type MessageId } from "../i18n/messages.js";

const titles: Readonly<Record<string, MessageId>> = {
  "Usage:": "help.title.usage",
  "Arguments:": "help.title.arguments",
  "Options:": "help.title.options",
  "Global Options:": "help.title.global-options",
  "Commands:": "help.title.commands",
};

/** "<value name>" as it appears in flags and arguments: `<dossier>`. */
export const valueName = (id: MessageId): string => `<${say(id)}>`;

/** commander's "[options]" and "[command]" in a usage line or a command list. */
function localUsage(line: string): string {
  return line
    .replace(/\[options\]/g, say("help.usage.options"))
    .replace(/\[command\]/g, `[${say("help.usage.command")}]`);
}

/** A description with its "(default: …)" note in the language; choices are listed by the descriptions themselves. */
function withDefault(
  description: string,
  shown: boolean,
  value: unknown,
  valueDescription: string | undefined,
): string {
  if (!shown || value === undefined) return description;
  const note = `(${say("help.default", { value: valueDescription ?? (Array.isArray(value) ? value.join(" ") : String(value)) })})`;
  return description ? `${description} ${note}` : note;
}

/**
 * Words wrapped to `width` columns, never breaking before the French high punctuation (" :", " ;", " ?",
 * " !", " »") or after "« ", which keep the space before them.
 */
export function wrapWords(line: string, width: number): string {
  const words = line
    .replace(/ ([:;?!»])/g, "\u0000$1")
    .replace(/« /g, "«\u0000")
    .split(" ");
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  return lines.join("\n").replace(/\u0000/g, " ");
}

/** Call on the program before any command is added: the commands take these settings from it. */
export function localiseCommander(program: Command): Command {
  return program
    .helpOption("-h, --help", say("help.option.help"))
    .helpCommand(`help [${say("help.usage.command")}]`, say("help.command.help"))
    .configureHelp({
      styleTitle: (title: string) => (titles[title] ? say(titles[title]) : title),
      boxWrap: (text: string, width: number) =>
        width < 40
          ? text
          : text
              .split("\n")
              .map((line) => wrapWords(line, width))
              .join("\n"),
      styleUsage: localUsage,
      styleSubcommandTerm: localUsage,
      // As commander shows defaults: for options that take a value.
      optionDescription: (option: Option) =>
        withDefault(
          option.description ?? "",
          option.required || option.optional,
          option.defaultValue,
          option.defaultValueDescription,
        ),
      argumentDescription: (argument: Argument) =>
        withDefault(argument.description ?? "", true, argument.defaultValue, argument.defaultValueDescription),
    });
}

/** Two or three "command, then what it does" lines at the end of a command's help. */
export function withExamples(command: Command, examples: readonly (readonly [line: string, what: string])[]): Command {
  const width = Math.max(40, (process.stdout.columns || 80) - 6);
  const lines = examples.map(([line, what]) => `  ${line}\n${wrapWords(what, width).replace(/^/gm, "      ")}`);
  return command.addHelpText("after", `\n${say("help.title.examples")}\n${lines.join("\n")}`);
}

/**
 * Once every command is registered: each one's help shows --lang (which cli.ts takes out of the
 * arguments before commander reads them, wherever it is written), and prints its usage errors in the
 * language, with the help to read.
 */
export function finishCommands(program: Command, write: (text: string) => void): void {
  const visit = (command: Command, path: string[]): void => {
    if (command !== program) command.option(`--lang ${valueName("help.value.language")}`, say("help.option.lang"));
    command.configureOutput({ outputError: (message: string) => write(usageError(message, path.join(" "))) });
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, [program.name()]);
}

const suggestion = (text: string | undefined): string =>
  text ? ` (${say("usage.did-you-mean", { candidates: text })})` : "";
/** "-o, --out <dossier>" → "--out <dossier>"; "-o, --out" → "--out". */
const flagOf = (flags: string): string => flags.split(/,\s*/).at(-1) ?? flags;
const isOurs = (reason: string): boolean => !reason.startsWith("Allowed choices are ");
const choicesOf = (reason: string): string => reason.replace(/^Allowed choices are /, "").replace(/\.$/, "");

/** commander's English error (it starts with "error: ") → "minutes: <message>" and the help to read, in the language. */
export function usageError(commanderMessage: string, command: string): string {
  const message = commanderMessage.replace(/\n$/, "");
  let said: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^error: unknown option '(.*?)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(message)))
    said = say("usage.unknown-option", { option: m[1]! }) + suggestion(m[2]);
  else if ((m = /^error: unknown command '(.*?)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(message)))
    said = say("usage.unknown-command", { command: m[1]! }) + suggestion(m[2]);
  else if ((m = /^error: missing required argument '(.*)'$/.exec(message)))
    said = say("usage.missing-argument", { argument: `<${m[1]}>` });
  else if ((m = /^error: option '(.*)' argument missing$/.exec(message)))
    said = say("usage.missing-value", { option: flagOf(m[1]!) });
  else if (/^error: too many arguments/.test(message)) said = say("usage.too-many");
  else if ((m = /^error: option '(.*?)' argument '(.*)' is invalid\. (.*)$/s.exec(message))) {
    const [option, value, reason] = [flagOf(m[1]!).replace(/ <.*$/, ""), m[2]!, m[3]!];
    said = isOurs(reason) ? reason : say("usage.choice", { option, value, choices: choicesOf(reason) });
  } else if ((m = /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s.exec(message))) {
    const [value, argument, reason] = [m[1]!, `<${m[2]}>`, m[3]!];
    said = isOurs(reason) ? reason : say("usage.choice", { option: argument, value, choices: choicesOf(reason) });
  } else said = message.replace(/^error: /, "");
  return usageProblem(said, command);
}

/** A usage error as the CLI prints it: "minutes: <message>", then the help to read. */
export function usageProblem(message: string, command: string): string {
  return problemLines(message, say("usage.help", { command }));
}
