// The register as an iCalendar file (RFC 5545): one all-day VEVENT (the default: Outlook and Google
// Calendar import these) or VTODO per action with a dated deadline. CRLF line ends, lines folded at 75
// octets without splitting a UTF-8 character, TEXT values escaped. DTSTAMP comes from the data (the
// latest meeting date), so the same meetings give the same bytes.
import { printable } from "../printable.js";
import type { RegisterEntry } from "./register.js";

export type IcsKind = "event" | "todo";

export interface IcsOptions {
  kind?: IcsKind;
  /** Appended to the action id to make the UID globally unique. */
  uidDomain?: string;
  /** ISO date for DTSTAMP. */
  stamp: string;
}

const STATUS: Record<IcsKind, Record<RegisterEntry["state"], string>> = {
  todo: { open: "NEEDS-ACTION", "in-progress": "IN-PROCESS", done: "COMPLETED", cancelled: "CANCELLED" },
  event: { open: "CONFIRMED", "in-progress": "CONFIRMED", done: "CONFIRMED", cancelled: "CANCELLED" },
};

/**
 * A TEXT value: \ ; , escaped; every line break (CRLF, LF, and a lone CR, which some readers take for the
 * end of the line: a new property could follow) written as \n; other control characters, which TEXT does
 * not allow, shown as their control pictures.
 */
export function escapeText(value: string): string {
  return printable(
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n"),
  );
}

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compact = (iso: string) => iso.replace(/-/g, "");

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function registerIcs(entries: RegisterEntry[], options: IcsOptions): string {
  const kind = options.kind ?? "event";
  const domain = options.uidDomain ?? "minutes.action-register";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//minutes//Action register//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  const stamp = `${compact(options.stamp)}T000000Z`;
  for (const e of entries) {
    const due = e.deadline?.date;
    if (!due) continue;
    const description = [
      e.responsibleText && `Responsible: ${e.responsibleText}`,
      `Meeting: ${e.meeting.title} (${e.meeting.date})`,
      `Status: ${e.state}${e.overdue ? " (overdue)" : ""}`,
      e.comment && `Comment: ${e.comment}`,
      `ID: ${e.id}`,
    ]
      .filter(Boolean)
      .join("\n");
    const component = kind === "todo" ? "VTODO" : "VEVENT";
    lines.push(`BEGIN:${component}`, `UID:${e.id.replace(/[^\w.#:/-]/g, "_")}@${domain}`, `DTSTAMP:${stamp}`);
    if (kind === "todo") lines.push(`DUE;VALUE=DATE:${compact(due)}`);
    else
      lines.push(
        `DTSTART;VALUE=DATE:${compact(due)}`,
        `DTEND;VALUE=DATE:${compact(nextDay(due))}`,
        "TRANSP:TRANSPARENT",
      );
    lines.push(
      `SUMMARY:${escapeText(e.actionText)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `STATUS:${STATUS[kind][e.state]}`,
    );
    if (e.owners.length) lines.push(`CATEGORIES:${e.owners.map(escapeText).join(",")}`);
    lines.push(`END:${component}`);
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
