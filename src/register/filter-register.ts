// The filters of `minutes actions`: status, responsible, overdue, since. Pure.
import { stateOf, type ActionState } from "../model/action-status.js";
import { normalizeLabel } from "../i18n/text-match.js";
import type { RegisterEntry } from "./register.js";

export interface RegisterFilter {
  /** States to keep. */
  status?: ActionState[];
  /** Keep actions whose responsible cell names this (case and accents ignored). */
  responsible?: string;
  overdue?: boolean;
  /** Keep actions raised at a meeting on or after this ISO date. */
  since?: string;
}

/** "open,done" or "en cours" → states; the words that name none come back in `unknown`. */
export function parseStatusList(text: string): { states: ActionState[]; unknown: string[] } {
  const states: ActionState[] = [];
  const unknown: string[] = [];
  for (const word of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const state = stateOf(word);
    if (state) states.push(state);
    else unknown.push(word);
  }
  return { states, unknown };
}

export function filterRegister(entries: RegisterEntry[], filter: RegisterFilter): RegisterEntry[] {
  const who = filter.responsible !== undefined ? normalizeLabel(filter.responsible) : undefined;
  return entries.filter(
    (e) =>
      (!filter.status || filter.status.includes(e.state)) &&
      (!who || normalizeLabel(e.responsibleText).includes(who)) &&
      (!filter.overdue || e.overdue) &&
      (!filter.since || e.meeting.date >= filter.since),
  );
}
