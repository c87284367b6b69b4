// The action register as a document layout ("Tableau de suivi des actions" / "Action register"), drawn by
// the compte-rendu's own PDF and DOCX renderers: title block, a summary table, then one table per meeting.
import { formatDate } from "../i18n/format-meeting.js";
import { actionLabelsFor, labelsFor, primaryLanguage } from "../i18n/labels.js";
import { isOpenState } from "../model/action-status.js";
import type { Inline } from "../model/minutes.js";
import { followUpWeights, pageLines, plainTheme, type DocumentLayout, type InfoRow, type ItemLayout } from "../render/layout.js";
import type { Register, RegisterEntry } from "./register.js";

const text = (value: string): Inline[] => (value ? [{ type: "text", value }] : []);

export interface RegisterLayoutOptions {
  language: string;
  /** Printed above the title, e.g. the secretariat. */
  organisation?: string;
}

export function layoutRegister(register: Register, entries: RegisterEntry[], options: RegisterLayoutOptions): DocumentLayout {
  const { language } = options;
  const labels = labelsFor(language);
  const al = actionLabelsFor(language);
  const count = (state: RegisterEntry["state"]) => entries.filter((e) => e.state === state).length;
  const open = entries.filter((e) => isOpenState(e.state)).length;
  const summary = al.counts
    .replace("{total}", String(entries.length))
    .replace("{open}", String(open))
    .replace("{overdue}", String(entries.filter((e) => e.overdue).length))
    .replace("{done}", String(count("done")))
    .replace("{cancelled}", String(count("cancelled")));
  const meetings = new Map<string, RegisterEntry[]>();
  for (const e of entries) meetings.set(e.meeting.path, [...(meetings.get(e.meeting.path) ?? []), e]);
  const info: InfoRow[] = [
    { label: al.asOf, value: formatDate(register.today, language) },
    { label: al.summary, value: summary },
  ];
  if (meetings.size) info.push({ label: al.meetings, value: [...meetings.values()].map(([e]) => `${formatDate(e!.meeting.date, language)} — ${e!.meeting.title}`) });

  const columns = [al.id, labels.action, al.responsible, labels.deadline, labels.status, al.comment];
  const items: ItemLayout[] = [...meetings.values()].map((group) => {
    const first = group[0]!;
    const rows = group.map((e) => [
      text(e.id),
      text(e.actionText),
      e.responsible,
      text(e.deadline?.text || labels.noDeadline),
      text(al.states[e.state] + (e.overdue ? ` (${al.overdue})` : "")),
      text(e.comment),
    ]);
    return { heading: `${al.meeting} — ${formatDate(first.meeting.date, language)}`, intro: [{ type: "paragraph", children: text(first.meeting.title) }], sections: [], actions: { columns, rows, empty: false, weights: followUpWeights }, actionNotes: [] };
  });

  return {
    language,
    labels,
    ...pageLines(plainTheme, { title: al.registerTitle, date: formatDate(register.today, language), organisation: options.organisation ?? "" }, labels, primaryLanguage(language) === "fr"),
    ...(options.organisation ? { organisation: options.organisation } : {}),
    title: al.registerTitle,
    info,
    preamble: entries.length ? [] : [{ type: "paragraph", children: text(al.noActions) }],
    agendaTitle: labels.agenda,
    agenda: [],
    items,
  };
}
