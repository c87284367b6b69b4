// The decision register as a document layout ("Registre des décisions" / "Decision register"), drawn by
// the compte-rendu's own PDF and DOCX renderers like the action register: title block, a summary, then one
// table per meeting (id, item, decision, vote as written). Labels, page lines and measures come from the
// layout stage, theme included.
import { formatDate } from "../i18n/format-meeting.js";
import { frenchInlines, frenchSpacing } from "../i18n/french-typography.js";
import { actionLabelsFor, primaryLanguage } from "../i18n/labels.js";
import { fillLabel, recordLabelsFor } from "../i18n/record-labels.js";
import type { Inline } from "../model/minutes.js";
import type { DocumentLayout, InfoRow, ItemLayout } from "../layout/document-layout.js";
import { decisionColumns } from "../layout/geometry.js";
import { documentLabels, layoutGeometry, pageLines, plainTheme, tableFit } from "../layout/layout-minutes.js";
import type { DecisionEntry } from "./decision-register.js";
import type { RegisterLayoutOptions } from "./register-layout.js";

export function layoutDecisionRegister(
  entries: DecisionEntry[],
  options: RegisterLayoutOptions & { date: string },
): DocumentLayout {
  const { language, theme = plainTheme } = options;
  const french = primaryLanguage(language) === "fr";
  const spaced = (value: string) => (french ? frenchSpacing(value) : value);
  const text = (value: string): Inline[] => (value ? [{ type: "text", value: spaced(value) }] : []);
  const labels = documentLabels(language, theme);
  const rl = recordLabelsFor(language);
  const organisation = options.organisation ?? theme.organisation;
  const title = spaced(rl.decisionRegisterTitle);
  const meetings = new Map<string, DecisionEntry[]>();
  for (const e of entries) meetings.set(e.meeting.path, [...(meetings.get(e.meeting.path) ?? []), e]);
  const info: InfoRow[] = [
    {
      label: labels.decisions,
      value: spaced(
        fillLabel(rl.decisionCounts, { total: entries.length, voted: entries.filter((e) => e.vote).length }),
      ),
    },
  ];
  const columns = [actionLabelsFor(language).id, rl.item, rl.decision, rl.vote].map(spaced);
  const fitColumns = tableFit(theme);
  const items: ItemLayout[] = [...meetings.values()].map((group) => {
    const first = group[0]!;
    // The meetings' own words get French spacing only when the meeting is French; the labels, when the register is.
    const own = (value: string): Inline[] =>
      value
        ? [{ type: "text", value: primaryLanguage(first.meeting.language) === "fr" ? frenchSpacing(value) : value }]
        : [];
    const rows = group.map((e) => [
      own(e.id),
      own(e.item.number === null ? e.item.title : `${e.item.number}. ${e.item.title}`),
      primaryLanguage(e.meeting.language) === "fr" ? frenchInlines(e.text) : e.text,
      [...own(e.voteText), ...text(`${e.voteText ? " " : ""}${e.withoutQuorum ? `(${rl.withoutQuorum})` : ""}`)],
    ]);
    return {
      heading: `${formatDate(first.meeting.date, language)} — ${first.meeting.title}`,
      sections: [],
      actions: { columns, rows, empty: false, weights: fitColumns(decisionColumns, columns, rows) },
      actionNotes: [],
    };
  });
  return {
    language,
    labels,
    ...pageLines(theme, { title, date: options.date, organisation: organisation ?? "" }, labels, french),
    ...(organisation ? { organisation } : {}),
    title,
    info,
    preamble: entries.length ? [] : [{ type: "paragraph", children: text(rl.noDecisions) }],
    agendaTitle: labels.agenda,
    agenda: [],
    items,
    geometry: layoutGeometry(theme),
  };
}
