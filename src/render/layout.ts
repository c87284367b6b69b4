// Decides what the compte-rendu says, in order, with every fixed text localised. Both renderers draw
// this outline and nothing else, which is how the DOCX and the PDF carry the same text in the same order.
import { formatDate, formatPerson } from "../i18n/format-meeting.js";
import { actionLabelsFor, labelsFor, pageOf, primaryLanguage, type Labels } from "../i18n/labels.js";
import { hasBody, type AgendaItem, type Block, type Inline, type Minutes } from "../model/minutes.js";

export interface InfoRow {
  label: string;
  /** One line of text, or a list (attendees). */
  value: string | string[];
}

export interface Section {
  label: string;
  blocks: Block[];
}

export interface ActionTable {
  columns: string[];
  /** Each row holds one cell per column. */
  rows: Inline[][][];
  /** True when the item had no actions and the table holds the single "N/A" row. */
  empty: boolean;
  /** Relative column widths, when not the action table's usual ones. */
  weights?: number[];
}

export interface ItemLayout {
  heading: string;
  /** Text drawn under the heading, before the sections (the follow-up section's source meeting). */
  intro?: Block[];
  sections: Section[];
  /** Absent for an unnumbered item (opening, closing) that has no actions: no "N/A" table there. */
  actions?: ActionTable;
  /** Content written in the actions section besides the table. */
  actionNotes: Block[];
}

export interface DocumentLayout {
  language: string;
  labels: Labels;
  /** Repeated in the page header of every page. */
  headerText: string;
  organisation?: string;
  title: string;
  subtitle?: string;
  info: InfoRow[];
  preamble: Block[];
  agendaTitle: string;
  agenda: string[];
  /** The previous meeting's actions and their current status, drawn after the agenda, before the items. */
  followUp?: ItemLayout;
  items: ItemLayout[];
  /** `label` already ends with its colon ("Prochaine réunion\u00a0: " in French, "Next meeting: "). */
  nextMeeting?: { label: string; text: string };
  /** Builds the footer text for a page. */
  footer: (page: number | string, pages: number | string) => string;
}

const text = (value: string): Inline[] => (value ? [{ type: "text", value }] : []);

export function itemHeading(item: { number: number | null; title: string }): string {
  return item.number === null ? item.title : `${item.number}. ${item.title}`;
}

export function layoutDocument(minutes: Minutes): DocumentLayout {
  const { meeting } = minutes;
  const labels = labelsFor(meeting.language);
  const info: InfoRow[] = [{ label: labels.date, value: formatDate(meeting.date, meeting.language) }];
  // Times are printed as the author wrote them ("09:00-11:00", "9h00 - 11h00"): the model keeps the
  // parsed range for validation, and the author's own form is what the secretariat expects to see.
  if (meeting.time) info.push({ label: labels.time, value: meeting.time.text });
  if (meeting.location) info.push({ label: labels.location, value: meeting.location });
  if (meeting.chair) info.push({ label: labels.chair, value: formatPerson(meeting.chair) });
  if (meeting.secretary) info.push({ label: labels.secretary, value: formatPerson(meeting.secretary) });
  if (meeting.attendees.length) info.push({ label: labels.attendees, value: meeting.attendees.map(formatPerson) });
  if (meeting.absent.length) info.push({ label: labels.absent, value: meeting.absent.map(formatPerson) });

  const hasStatus = minutes.items.some((i) => i.actions.some((a) => a.status?.length));
  const hasNotes = minutes.items.some((i) => i.actions.some((a) => a.notes?.length));
  const columns = [labels.action, labels.responsible, labels.deadline];
  if (hasStatus) columns.push(labels.status);
  if (hasNotes) columns.push(labels.notes);

  const items: ItemLayout[] = minutes.items
    // An unnumbered item with nothing in it (an opening) is listed in the agenda only, as in the seed.
    .filter((item) => item.number !== null || hasBody(item))
    // With `previous:`, the generated follow-up section stands in for an unnumbered item that only holds
    // follow-up tables: it lists the same rows, with the actions' text and their status after this meeting.
    .filter((item) => !(minutes.previousActions && item.number === null && isFollowUpOnly(item)))
    .map((item) => {
      const sections: Section[] = [];
      if (item.discussion.length) sections.push({ label: labels.discussion, blocks: item.discussion });
      if (item.decisions.length) sections.push({ label: labels.decisions, blocks: item.decisions });
      const rows = item.actions.map((a) => {
        const row = [a.action, a.responsible, text(a.deadline?.text || labels.noDeadline)];
        if (hasStatus) row.push(a.status ?? []);
        if (hasNotes) row.push(a.notes ?? []);
        return row;
      });
      const empty = rows.length === 0;
      if (empty) rows.push(columns.map((_, i) => (i === 0 ? text(labels.notApplicable) : [])));
      const actions = empty && item.number === null ? {} : { actions: { columns, rows, empty } };
      return { heading: itemHeading(item), sections, ...actions, actionNotes: item.actionNotes };
    });

  const next = meeting.nextMeeting;
  let nextMeeting: DocumentLayout["nextMeeting"];
  if (next) {
    const parts = [formatDate(next.date, meeting.language)];
    if (next.time) parts.push(next.time.text);
    if (next.location) parts.push(next.location);
    // French sets a no-break space before the colon.
    const colon = primaryLanguage(meeting.language) === "fr" ? "\u00a0: " : ": ";
    nextMeeting = { label: labels.nextMeeting + colon, text: parts.join(", ") };
  }

  return {
    language: meeting.language,
    labels,
    headerText: meeting.title,
    ...(meeting.organisation ? { organisation: meeting.organisation } : {}),
    title: meeting.title,
    ...(meeting.subtitle ? { subtitle: meeting.subtitle } : {}),
    info,
    preamble: minutes.preamble,
    agendaTitle: labels.agenda,
    agenda: minutes.items.map(itemHeading),
    ...(minutes.previousActions ? { followUp: followUpLayout(minutes) } : {}),
    items,
    ...(nextMeeting ? { nextMeeting } : {}),
    footer: (page, pages) => pageOf(labels, page, pages),
  };
}

function isFollowUpOnly(item: AgendaItem): boolean {
  return (item.followUps?.length ?? 0) > 0 && !item.decisions.length && !item.actions.length && !item.actionNotes.length && item.discussion.every((b) => b.type === "table" || b.type === "heading");
}

/** Weights of the follow-up and register tables: id, action, responsible, deadline, status, comment. */
export const followUpWeights = [16, 27, 15, 12, 14, 16];

/** "Suivi des actions de la réunion précédente": the previous meeting's actions with their status now. */
function followUpLayout(minutes: Minutes): ItemLayout {
  const labels = labelsFor(minutes.meeting.language);
  const actionLabels = actionLabelsFor(minutes.meeting.language);
  const previous = minutes.previousActions!;
  const columns = [actionLabels.id, labels.action, actionLabels.responsible, labels.deadline, labels.status, actionLabels.comment];
  const rows = previous.actions.map((a) => [text(a.id), a.action, a.responsible, text(a.deadline?.text || labels.noDeadline), text(a.status), a.comment]);
  const empty = rows.length === 0;
  if (empty) rows.push(columns.map((_, i) => (i === 1 ? text(labels.notApplicable) : [])));
  const intro: Block = { type: "paragraph", children: text(`${previous.title} — ${formatDate(previous.date, minutes.meeting.language)}`) };
  return { heading: actionLabels.followUpTitle, sections: [], actions: { columns, rows, empty, weights: followUpWeights }, actionNotes: [], intro: [intro] };
}
