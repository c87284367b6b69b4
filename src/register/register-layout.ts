// The action register as a document layout ("Tableau de suivi des actions" / "Action register"), drawn by
// the compte-rendu's own PDF and DOCX renderers: title block, a summary table, then one table per meeting.
// Its labels, page lines and measures come from the layout stage as the compte-rendu's do, theme included.
import { formatDate } from "../i18n/format-meeting.js";
import { actionLabelsFor, primaryLanguage } from "../i18n/labels.js";
import { isOpenState } from "../model/action-status.js";
import type { Inline } from "../model/minutes.js";
import type { DocumentLayout, InfoRow, ItemLayout } from "../layout/document-layout.js";
import { followUpColumns } from "../layout/geometry.js";
import {
  documentLabels,
  followUpHeadings,
  layoutGeometry,
  pageLines,
  plainTheme,
  tableFit,
  type LayoutTheme,
} from "../layout/layout-minutes.js";
import type { Register, RegisterEntry } from "./register.js";

const text = (value: string): Inline[] => (value ? [{ type: "text", value }] : []);

export interface RegisterLayoutOptions {
  language: string;
  /** Printed above the title, e.g. the secretariat. */
  organisation?: string;
  /** The repository's theme (labels, page header and footer, colours); the built-in texts when none. */
  theme?: LayoutTheme;
}

export function layoutRegister(
  register: Register,
  entries: RegisterEntry[],
  options: RegisterLayoutOptions,
): DocumentLayout {
  const { language, theme = plainTheme } = options;
  const labels = documentLabels(language, theme);
  const organisation = options.organisation ?? theme.organisation;
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
  if (meetings.size)
    info.push({
      label: al.meetings,
      value: [...meetings.values()].map(([e]) => `${formatDate(e!.meeting.date, language)} — ${e!.meeting.title}`),
    });

  const columns = followUpHeadings(language, labels, theme);
  const fitColumns = tableFit(theme);
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
    return {
      heading: `${al.meeting} — ${formatDate(first.meeting.date, language)}`,
      intro: [{ type: "paragraph", children: text(first.meeting.title) }],
      sections: [],
      actions: { columns, rows, empty: false, weights: fitColumns(followUpColumns, columns, rows) },
      actionNotes: [],
    };
  });

  return {
    language,
    labels,
    ...pageLines(
      theme,
      { title: al.registerTitle, date: formatDate(register.today, language), organisation: organisation ?? "" },
      labels,
      primaryLanguage(language) === "fr",
    ),
    ...(organisation ? { organisation } : {}),
    title: al.registerTitle,
    info,
    preamble: entries.length ? [] : [{ type: "paragraph", children: text(al.noActions) }],
    agendaTitle: labels.agenda,
    agenda: [],
    items,
    geometry: layoutGeometry(theme),
  };
}
