// Date arguments shared by the commands: any form a date field accepts (2024-03-12, 12/03/2024,
// "12 mars 2024"; src/parse/date-forms.ts), numeric dates in the order of the language messages are printed
// in, else of the user's locale; the ISO date is what the command gets. A bad or two-way value is a usage
// error (exit 2). And today's local date.
import { InvalidArgumentError } from "commander";
import { say, uiLanguage } from "../i18n/messages.js";
import { dateRules, readDate } from "../parse/date-forms.js";

/** The user's locale as POSIX orders the variables for dates (LC_ALL, LC_TIME, LANG), or undefined. */
export function userLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.LC_ALL || env.LC_TIME || env.LANG || undefined;
}

/** A commander argument parser for a date, giving YYYY-MM-DD. */
export function isoDateArg(flag: string) {
  return (value: string): string => {
    const language = uiLanguage();
    const read = readDate(value, dateRules(language === "en" ? undefined : language, userLocale()));
    if (read?.otherReading)
      throw new InvalidArgumentError(
        say("date-argument.ambiguous", { flag, value, iso: read.iso, other: read.otherReading }),
      );
    if (!read) throw new InvalidArgumentError(say("usage.date", { flag, value }));
    return read.iso;
  };
}

/** Today (or the day of `now`) in the local time zone, as YYYY-MM-DD: the clock is read here only. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
