// Date arguments shared by the commands: YYYY-MM-DD checked as a usage error, and today's local date.
import { InvalidArgumentError } from "commander";
import { say } from "../i18n/messages.js";

/** A commander argument parser for an ISO date; a bad value is a usage error (exit 2). */
export function isoDateArg(flag: string) {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(new Date(`${value}T00:00:00Z`).getTime())) throw new InvalidArgumentError(say("usage.date", { flag, value }));
    return value;
  };
}

/** Today in the local time zone, as YYYY-MM-DD: the clock is read here only. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
