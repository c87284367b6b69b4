// Decides what the compte-rendu says, in order, with every fixed text localised. Both renderers draw
// this outline and nothing else, which is how the DOCX and the PDF carry the same text in the same order.
import { formatDate, formatPerson } from "../i18n/format-meeting.js";
import { frenchBlocks, frenchInlines, frenchSpacing } from "../i18n/french-typography.js";
import { labelsFor, primaryLanguage, type Labels } from "../i18n/labels.js";
import { hasBody, type Block, type Inline, type Minutes } from "../model/minutes.js";
import { expandTemplate, pageLineText, type PageLine } from "./page-template.js";
import type { Theme } from "../theme/theme.js";

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
}

export interface ItemLayout {
  heading: string;
  sections: Section[];
  /** Absent for an unnumbered item (opening, closing) that has no actions: no "N/A" table there. */
  actions?: ActionTable;
  /** Content written in the actions section besides the table. */
  actionNotes: Block[];
}

export interface DocumentLayout {
  language: string;
  labels: Labels;
  /** The page header's text on every page but the first (the theme's template, page fields aside). */
  headerText: string;
  /** Page header and footer lines from the theme's templates, each with a first-page variant. */
  pageHeader: { every: PageLine; first: PageLine };
  pageFooter: { every: PageLine; first: PageLine };
  /** Set when the front matter says `status: draft`: the marking and its text. */
  draft?: { mark: "watermark" | "banner"; text: string };
  organisation?: string;
  title: string;
  subtitle?: string;
  info: InfoRow[];
  preamble: Block[];
  agendaTitle: string;
  agenda: string[];
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

/** What the layout takes from the theme; the built-in defaults when no theme is given. */
export type LayoutTheme = Pick<Theme, "labels" | "header" | "footer" | "draft"> & { organisation?: string | undefined };

const plainTheme: LayoutTheme = { labels: {}, header: { text: "{title}", align: "left" }, footer: { text: "{pageOf}", align: "center" }, draft: { mark: "watermark" } };

export function layoutDocument(source: Minutes, theme: LayoutTheme = plainTheme): DocumentLayout {
  const french = primaryLanguage(source.meeting.language) === "fr";
  const minutes = french ? frenchTypography(source) : source;
  const { meeting } = minutes;
  // A theme's own wording ("Ordre du jour :") gets the same French spacing as the text.
  const labels: Labels = labelsFor(meeting.language, theme.labels);
  if (french) for (const key of Object.keys(labels) as (keyof Labels)[]) labels[key] = frenchSpacing(labels[key]);
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

  const organisation = meeting.organisation ?? theme.organisation;
  const fields = { title: meeting.title, date: formatDate(meeting.date, meeting.language), organisation: organisation ?? "" };
  const line = (part: LayoutTheme["header"], first: boolean): PageLine => {
    const template = first && part.firstPage !== undefined ? part.firstPage : part.text;
    return expandTemplate(french ? frenchSpacing(template) : template, part.align, fields, labels);
  };
  const pageHeader = { every: line(theme.header, false), first: line(theme.header, true) };
  const pageFooter = { every: line(theme.footer, false), first: line(theme.footer, true) };
  const draft = String(meeting.extra.status ?? "").trim().toLowerCase() === "draft" ? { mark: theme.draft.mark, text: theme.draft.text ?? labels.draft } : undefined;
  return {
    language: meeting.language,
    labels,
    headerText: pageLineText(pageHeader.every, "", ""),
    pageHeader,
    pageFooter,
    ...(draft ? { draft } : {}),
    ...(organisation ? { organisation } : {}),
    title: meeting.title,
    ...(meeting.subtitle ? { subtitle: meeting.subtitle } : {}),
    info,
    preamble: minutes.preamble,
    agendaTitle: labels.agenda,
    agenda: minutes.items.map(itemHeading),
    items,
    ...(nextMeeting ? { nextMeeting } : {}),
    footer: (page, pages) => pageLineText(pageFooter.every, page, pages),
  };
}

/** French spacing on every text the meeting gives; code and addresses are left as written. */
function frenchTypography(minutes: Minutes): Minutes {
  const person = <T extends { name: string; organisation?: string; role?: string }>(p: T): T => ({
    ...p,
    name: frenchSpacing(p.name),
    ...(p.organisation ? { organisation: frenchSpacing(p.organisation) } : {}),
    ...(p.role ? { role: frenchSpacing(p.role) } : {}),
  });
  const inlines = (value: Inline[] | undefined): Inline[] | undefined => (value ? frenchInlines(value) : value);
  const { meeting } = minutes;
  return {
    ...minutes,
    meeting: {
      ...meeting,
      title: frenchSpacing(meeting.title),
      ...(meeting.subtitle ? { subtitle: frenchSpacing(meeting.subtitle) } : {}),
      ...(meeting.organisation ? { organisation: frenchSpacing(meeting.organisation) } : {}),
      ...(meeting.location ? { location: frenchSpacing(meeting.location) } : {}),
      attendees: meeting.attendees.map(person),
      absent: meeting.absent.map(person),
      ...(meeting.chair ? { chair: person(meeting.chair) } : {}),
      ...(meeting.secretary ? { secretary: person(meeting.secretary) } : {}),
    },
    preamble: frenchBlocks(minutes.preamble),
    items: minutes.items.map((item) => ({
      ...item,
      title: frenchSpacing(item.title),
      discussion: frenchBlocks(item.discussion),
      decisions: frenchBlocks(item.decisions),
      actionNotes: frenchBlocks(item.actionNotes),
      actions: item.actions.map((a) => ({
        ...a,
        action: frenchInlines(a.action),
        responsible: frenchInlines(a.responsible),
        ...(a.status ? { status: inlines(a.status)! } : {}),
        ...(a.notes ? { notes: inlines(a.notes)! } : {}),
      })),
    })),
  };
}
