// The action register: every action of every meeting, with follow-ups applied in meeting order and an
// overdue flag at a given date. Pure: takes parsed meetings, returns entries and diagnostics.
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import { actionState, isOpenState, stateOf, type ActionState } from "../model/action-status.js";
import { splitOwners } from "../model/action-owners.js";
import { inlineText, type ActionItem, type Deadline, type Inline, type Minutes, type Span } from "../model/minutes.js";

export interface Meeting {
  /** As given on the command line or found in a folder. */
  path: string;
  minutes: Minutes;
}

export interface StatusChange {
  /** ISO date of the meeting that reported it. */
  date: string;
  path: string;
  state: ActionState;
  /** The status as written ("fait", "In progress"). */
  statusText: string;
  comment: string;
}

export interface RegisterEntry {
  id: string;
  /** The meeting that raised the action. */
  meeting: { date: string; title: string; path: string; language: string };
  item: { number: number | null; title: string };
  action: Inline[];
  actionText: string;
  responsible: Inline[];
  /** The responsible cell as written. */
  responsibleText: string;
  owners: string[];
  deadline: Deadline | null;
  /** Current state, after every follow-up. */
  state: ActionState;
  /** The latest status as written (in the action table or a follow-up). */
  statusText: string;
  /** The latest follow-up comment, else the action's notes. */
  comment: string;
  /** Follow-ups, oldest first. */
  history: StatusChange[];
  overdue: boolean;
  line: number | null;
  column: number | null;
}

export interface Register {
  entries: RegisterEntry[];
  diagnostics: Diagnostic[];
  /** The date overdue was judged at. */
  today: string;
  /** The latest meeting date: a reproducible timestamp for the exports. */
  latest: string | null;
}

const at = (path: string, span: Span | undefined) => ({
  file: path,
  line: span?.start.line ?? null,
  column: span?.start.column ?? null,
});

function entryOf(meeting: Meeting, item: Minutes["items"][number], action: ActionItem): RegisterEntry {
  const { minutes, path } = meeting;
  const responsibleText = inlineText(action.responsible).trim();
  const state = actionState(action);
  return {
    id: action.id ?? "",
    meeting: { date: minutes.meeting.date, title: minutes.meeting.title, path, language: minutes.meeting.language },
    item: { number: item.number, title: item.title },
    action: action.action,
    actionText: inlineText(action.action)
      .replace(/^\s*\[[ xX]\]\s*/, "")
      .trim(),
    responsible: action.responsible,
    responsibleText,
    owners: splitOwners(responsibleText),
    deadline: action.deadline,
    state,
    statusText: action.status ? inlineText(action.status).trim() : "",
    comment: action.notes ? inlineText(action.notes).trim() : "",
    history: [],
    overdue: false,
    ...at(path, action.position),
  };
}

/** Meetings in date order (then path), so follow-ups apply in the order they were reported. */
export function inMeetingOrder(meetings: Meeting[]): Meeting[] {
  return [...meetings].sort(
    (a, b) => a.minutes.meeting.date.localeCompare(b.minutes.meeting.date, "en") || a.path.localeCompare(b.path, "en"),
  );
}

export function isOverdue(entry: Pick<RegisterEntry, "state" | "deadline">, today: string): boolean {
  return isOpenState(entry.state) && entry.deadline?.date !== undefined && entry.deadline.date < today;
}

/** The entries still open after every follow-up: what `minutes new --from` carries and the follow-up section lists. */
export function stillOpen(entries: readonly RegisterEntry[]): RegisterEntry[] {
  return entries.filter((e) => isOpenState(e.state));
}

export function buildRegister(meetings: Meeting[], today: string): Register {
  const byId = new Map<string, RegisterEntry>();
  const entries: RegisterEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const ordered = inMeetingOrder(meetings);
  for (const meeting of ordered) {
    const { minutes, path } = meeting;
    // Follow-ups first: they report on actions of earlier meetings.
    for (const item of minutes.items) {
      for (const followUp of item.followUps ?? []) {
        const entry = byId.get(followUp.id);
        if (!entry) {
          diagnostics.push(
            diagnostic({
              ...at(path, followUp.idPosition ?? followUp.position),
              severity: "error",
              rule: "follow-up-unknown-id",
              message: text("follow-up-unknown-id", { id: followUp.id }),
              hint: text("follow-up-unknown-id.hint"),
            }),
          );
          continue;
        }
        const statusText = followUp.status ? inlineText(followUp.status).trim() : "";
        const comment = followUp.comment ? inlineText(followUp.comment).trim() : "";
        const state = statusText ? stateOf(statusText) : undefined;
        entry.history.push({
          date: minutes.meeting.date,
          path,
          state: state ?? entry.state,
          statusText: statusText || entry.statusText,
          comment,
        });
        if (state) entry.state = state;
        if (statusText) entry.statusText = statusText;
        if (comment) entry.comment = comment;
      }
    }
    for (const item of minutes.items) {
      for (const action of item.actions) {
        const entry = entryOf(meeting, item, action);
        const existing = byId.get(entry.id);
        if (existing) {
          // Duplicates inside one file are reported by the parser already.
          if (existing.meeting.path !== path) {
            diagnostics.push(
              diagnostic({
                ...at(path, action.idPosition ?? action.position),
                severity: "error",
                rule: "action-id-duplicate",
                message: text("action-id-duplicate.other-file", {
                  id: entry.id,
                  where: `${existing.meeting.path}:${existing.line ?? 1}`,
                }),
                hint: text("action-id-duplicate.other-file.hint"),
              }),
            );
          }
          continue;
        }
        byId.set(entry.id, entry);
        entries.push(entry);
      }
    }
  }
  for (const entry of entries) entry.overdue = isOverdue(entry, today);
  const latest = ordered.length ? ordered[ordered.length - 1]!.minutes.meeting.date : null;
  return { entries, diagnostics, today, latest };
}
