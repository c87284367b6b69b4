// The decision register: every decision of every meeting, in meeting order, with its id, its vote as
// written and read, and whether it was taken without quorum; and the filters of `minutes decisions`. Pure.
import { normalizeLabel } from "../i18n/text-match.js";
import { inlineText, type Inline, type Vote } from "../model/minutes.js";
import { inMeetingOrder, type Meeting } from "./register.js";

export interface DecisionEntry {
  id: string;
  meeting: { date: string; title: string; path: string; language: string };
  item: { number: number | null; title: string };
  text: Inline[];
  decisionText: string;
  vote?: Vote;
  /** The vote as the author wrote it ("" when none). */
  voteText: string;
  /** The meeting's quorum was not reached (with `members:` and `quorum:` in the config). */
  withoutQuorum: boolean;
  line: number | null;
  column: number | null;
}

export function buildDecisionRegister(meetings: Meeting[]): DecisionEntry[] {
  const entries: DecisionEntry[] = [];
  for (const { path, minutes } of inMeetingOrder(meetings)) {
    const { meeting } = minutes;
    const withoutQuorum = minutes.attendance?.quorum?.reached === false;
    for (const item of minutes.items)
      for (const decision of item.decisionRecords ?? [])
        entries.push({
          id: decision.id,
          meeting: { date: meeting.date, title: meeting.title, path, language: meeting.language },
          item: { number: item.number, title: item.title },
          text: decision.text,
          decisionText: inlineText(decision.text).replace(/\s+/g, " ").trim(),
          ...(decision.vote ? { vote: decision.vote } : {}),
          voteText: decision.vote?.text ?? "",
          withoutQuorum,
          line: decision.position?.start.line ?? null,
          column: decision.position?.start.column ?? null,
        });
  }
  return entries;
}

export interface DecisionFilter {
  /** Meetings on or after this ISO date. */
  since?: string;
  /** Meetings on or before this ISO date. */
  until?: string;
  /** Words the decision's text, item title or id must hold (case and accents ignored). */
  text?: string;
  /** Only decisions with a vote. */
  voted?: boolean;
}

/** Whether a meeting's date is within --since and --until (both inclusive, ISO dates). */
export function inPeriod(date: string, period: Pick<DecisionFilter, "since" | "until">): boolean {
  return !(period.since && date < period.since) && !(period.until && date > period.until);
}

export function filterDecisions(entries: DecisionEntry[], filter: DecisionFilter): DecisionEntry[] {
  const words = filter.text ? normalizeLabel(filter.text).split(/\s+/).filter(Boolean) : [];
  return entries.filter((e) => {
    if (!inPeriod(e.meeting.date, filter)) return false;
    if (filter.voted && !e.vote) return false;
    if (words.length) {
      const haystack = normalizeLabel(`${e.id} ${e.item.title} ${e.decisionText} ${e.voteText}`);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

/** The counts of a vote in a fixed English form for programs ("7-1-2"), or "unanimous". */
export function voteSummary(vote: Vote | undefined): {
  for: string;
  against: string;
  abstentions: string;
  unanimous: string;
} {
  const count = (kind: "for" | "against" | "abstentions") =>
    vote?.[kind] !== undefined ? String(vote[kind]) : vote?.named?.[kind].length ? String(vote.named[kind].length) : "";
  return {
    for: count("for"),
    against: count("against"),
    abstentions: count("abstentions"),
    unanimous: vote?.unanimous ? "yes" : vote ? "no" : "",
  };
}
