// The layout stage for a meeting: `layoutMinutes(minutes, theme)` decides what the compte-rendu says, in order,
// with every fixed text localised and every shared measure taken from geometry.ts. The build calls it once
// and hands the result to each renderer, which is how the DOCX and the PDF carry the same text in the same
// order, with the same proportions.
import { formatDate, formatDateRange, formatPerson } from "../i18n/format-meeting.js";
import { frenchBlocks, frenchInlines, frenchSpacing } from "../i18n/french-typography.js";
import { actionLabelsFor, labelsFor, primaryLanguage, type Labels } from "../i18n/labels.js";
import { cycleLabelsFor, type CycleLabels } from "../i18n/cycle-labels.js";
import { hasBody, type AgendaItem, type Block, type Inline, type Minutes } from "../model/minutes.js";
import type { Theme } from "../theme/theme.js";
import type { DocumentLayout, InfoRow, ItemLayout, Section } from "./document-layout.js";
import { attendanceRows } from "./attendance-rows.js";
import { columnFit, keepProportions, type ColumnFit, type FitTheme } from "./column-fit.js";
import { actionColumns, followUpColumns, geometry, type Geometry, type GeometryTheme } from "./geometry.js";
import { expandTemplate, pageLineText, type PageLine } from "./page-template.js";

const text = (value: string): Inline[] => (value ? [{ type: "text", value }] : []);

export function itemHeading(item: { number: number | null; title: string }): string {
  return item.number === null ? item.title : `${item.number}. ${item.title}`;
}

/** What the layout takes from the theme; the built-in defaults when no theme is given. */
export type LayoutTheme = Pick<Theme, "labels" | "header" | "footer" | "draft"> &
  Partial<Pick<Theme, "signatures">> &
  Partial<GeometryTheme> &
  Partial<FitTheme> & {
    organisation?: string | undefined;
    /** `emptyActionTable`: an item without actions shows its table with one N/A row. */
    layout?: Pick<Theme["layout"], "emptyActionTable">;
  };

/** The compte-rendu's texts (the built-in theme a build uses when none is named). */
export const plainTheme: LayoutTheme & GeometryTheme = {
  labels: {},
  header: { text: "{title}", align: "left" },
  footer: { text: "{pageOf}", align: "center" },
  draft: { mark: "watermark" },
  layout: { emptyActionTable: true },
  colors: { accent: "1F3864", border: "7F7F7F" },
};

/** The measures both formats share, from the theme's colours (the built-in ones when the theme gives none). */
export const layoutGeometry = (theme: LayoutTheme): Geometry => geometry({ colors: theme.colors ?? plainTheme.colors });

/** Sizes the layout's tables in the theme's fonts; without them (a theme given in part), keeps the proportions. */
export function tableFit(theme: LayoutTheme): ColumnFit {
  const { page, sizes, fonts } = theme;
  return page && sizes && fonts
    ? columnFit({ page, sizes, fonts }, layoutGeometry(theme).cellPadding.x)
    : keepProportions;
}

/** The labels of a document in `language`: the theme's overrides on top, and French spacing for French. */
export function documentLabels(language: string, theme: Pick<LayoutTheme, "labels">): Labels {
  const labels: Labels = labelsFor(language, theme.labels);
  // A theme's own wording ("Ordre du jour :") gets the same French spacing as the text.
  if (primaryLanguage(language) === "fr")
    for (const key of Object.keys(labels) as (keyof Labels)[]) labels[key] = frenchSpacing(labels[key]);
  return labels;
}

export function layoutMinutes(source: Minutes, theme: LayoutTheme = plainTheme): DocumentLayout {
  const french = primaryLanguage(source.meeting.language) === "fr";
  const minutes = french ? frenchTypography(source) : source;
  const { meeting } = minutes;
  const labels = documentLabels(meeting.language, theme);
  // A meeting over several days prints its days ("26–27 July 2023", "du 26 au 27 juillet 2023").
  const date = meeting.endDate
    ? formatDateRange(meeting.date, meeting.endDate, meeting.language)
    : formatDate(meeting.date, meeting.language);
  const info: InfoRow[] = [{ label: labels.date, value: date }];
  // Times are printed as the author wrote them ("09:00-11:00", "9h00 - 11h00"): the model keeps the
  // parsed range for validation, and the author's own form is what the secretariat expects to see.
  if (meeting.time) info.push({ label: labels.time, value: meeting.time.text });
  if (meeting.location) info.push({ label: labels.location, value: meeting.location });
  if (meeting.chair) info.push({ label: labels.chair, value: formatPerson(meeting.chair) });
  if (meeting.secretary) info.push({ label: labels.secretary, value: formatPerson(meeting.secretary) });
  // The attendees and apologies; with the body's members in the config, who of them was present, excused or
  // absent, the guests, the quorum.
  info.push(...attendanceRows(source, meeting, labels, french));

  const hasStatus = minutes.items.some((i) => i.actions.some((a) => a.status?.length));
  const hasNotes = minutes.items.some((i) => i.actions.some((a) => a.notes?.length));
  const columns = [labels.action, labels.responsible, labels.deadline];
  if (hasStatus) columns.push(labels.status);
  if (hasNotes) columns.push(labels.notes);
  const fitColumns = tableFit(theme);

  const cycle = cycleLabelsFor(meeting.language);
  const items: ItemLayout[] = minutes.items
    // An unnumbered item with nothing in it (an opening) is listed in the agenda only, as in the seed.
    .filter((item) => item.number !== null || hasBody(item) || item.heldInCamera)
    // With `previous:`, the generated follow-up section stands in for an unnumbered item that only holds
    // follow-up tables: it lists the same rows, with the actions' text and their status after this meeting.
    .filter((item) => !(minutes.previousActions && item.number === null && isFollowUpOnly(item)))
    .map((item): ItemLayout => {
      // The public edition's item held in camera: its number and one line, nothing of what was said.
      if (item.heldInCamera) return { heading: itemHeading(publicTitle(item, cycle)), sections: [], actionNotes: [] };
      const sections: Section[] = [];
      if (item.discussion.length) sections.push({ label: labels.discussion, blocks: inCamera(item.discussion, cycle) });
      if (item.decisions.length) sections.push({ label: labels.decisions, blocks: inCamera(item.decisions, cycle) });
      const rows = item.actions.map((a) => {
        const row = [a.action, a.responsible, text(a.deadline?.text || labels.noDeadline)];
        if (hasStatus) row.push(a.status ?? []);
        if (hasNotes) row.push(a.notes ?? []);
        return row;
      });
      const empty = rows.length === 0;
      if (empty) rows.push(columns.map((_, i) => (i === 0 ? text(labels.notApplicable) : [])));
      const weights = fitColumns(actionColumns(columns.length), columns, rows);
      // No actions: an N/A row where the author wrote one, or where the theme asks for it; an unnumbered item (an opening) never.
      const showEmpty = item.number !== null && (item.noActionsStated || (theme.layout?.emptyActionTable ?? false));
      const actions = empty && !showEmpty ? {} : { actions: { columns, rows, empty, weights } };
      const banner = item.confidential ? { banner: cycle.confidential } : {};
      return { heading: itemHeading(item), ...banner, sections, ...actions, actionNotes: item.actionNotes };
    });

  const next = meeting.nextMeeting;
  let nextMeeting: DocumentLayout["nextMeeting"];
  if (next) {
    const parts = [formatDate(next.date, meeting.language)];
    if (next.time) parts.push(next.time.text);
    if (next.location) parts.push(next.location);
    // French sets a no-break space before the colon.
    const colon = french ? "\u00a0: " : ": ";
    nextMeeting = { label: labels.nextMeeting + colon, text: parts.join(", ") };
  }

  const organisation = meeting.organisation ?? theme.organisation;
  const fields = { title: meeting.title, date, organisation: organisation ?? "" };
  // Minutes printed while the front matter still says `status: agenda` are a draft too.
  const isDraft =
    meeting.status === "draft" ||
    meeting.status === "agenda" ||
    String(meeting.extra.status ?? "")
      .trim()
      .toLowerCase() === "draft";
  const draft = isDraft ? { mark: theme.draft.mark, text: theme.draft.text ?? labels.draft } : undefined;
  const approved = meeting.approved;
  if (approved)
    info.push({
      label: labels.status,
      value: (approved.by ? cycle.approvedOnBy : cycle.approvedOn)
        .replace("{date}", formatDate(approved.date, meeting.language))
        .replace("{by}", approved.by ?? ""),
    });
  const status = isDraft ? cycle.draftStatus : meeting.status === "approved" ? cycle.approvedStatus : undefined;
  const signatures = signatureBlocks(minutes, theme, cycle, isDraft);
  return {
    language: meeting.language,
    labels,
    ...pageLines(theme, fields, labels, french),
    ...(draft ? { draft } : {}),
    ...(status ? { status } : {}),
    ...(organisation ? { organisation } : {}),
    title: meeting.title,
    ...(meeting.subtitle ? { subtitle: meeting.subtitle } : {}),
    info,
    preamble: minutes.preamble,
    agendaTitle: labels.agenda,
    agenda: minutes.items.map((item) => itemHeading(publicTitle(item, cycle))),
    ...(minutes.agenda?.length ? { agendaBlocks: minutes.agenda } : {}),
    ...(minutes.previousActions ? { followUp: followUpLayout(minutes, labels, theme, fitColumns) } : {}),
    items,
    ...(nextMeeting ? { nextMeeting } : {}),
    ...(signatures ? { signatures } : {}),
    geometry: layoutGeometry(theme),
  };
}

/**
 * Sub-sections held in camera: in the internal edition the heading says "Confidential" after its title; in the
 * public one (publicEdition) the heading left in its place says "Item held in camera".
 */
function inCamera(blocks: Block[], cycle: CycleLabels): Block[] {
  if (!blocks.some((b) => b.type === "heading" && (b.confidential || b.heldInCamera))) return blocks;
  return blocks.map((block): Block => {
    if (block.type !== "heading") return block;
    if (block.heldInCamera) return { ...block, children: text(cycle.heldInCamera) };
    if (block.confidential) return { ...block, children: [...block.children, ...text(` — ${cycle.confidential}`)] };
    return block;
  });
}

/** An item held in camera is titled by the one line that stands for it. */
const publicTitle = (item: AgendaItem, cycle: CycleLabels): { number: number | null; title: string } =>
  item.heldInCamera ? { number: item.number, title: cycle.heldInCamera } : item;

/**
 * The signature block: a table with a column per signer (the theme's `signatures.roles`), their role, their
 * name from the front matter, and "Signature" and "Date" lines left blank to sign.
 */
function signatureBlocks(
  minutes: Minutes,
  theme: LayoutTheme,
  cycle: CycleLabels,
  isDraft: boolean,
): Block[] | undefined {
  const wanted = theme.signatures;
  if (!wanted?.show || !wanted.roles.length || (isDraft && !wanted.onDrafts)) return undefined;
  const { meeting } = minutes;
  const signers = wanted.roles.map((role) => ({
    role: role === "chair" ? cycle.chair : cycle.secretary,
    person: role === "chair" ? meeting.chair : meeting.secretary,
  }));
  const blank: Inline[] = [{ type: "break" }, { type: "break" }, { type: "text", value: "\u00a0" }];
  const colon = primaryLanguage(meeting.language) === "fr" ? "\u00a0:" : ":";
  return [
    {
      type: "table",
      align: signers.map(() => "left" as const),
      header: signers.map((s) => text(s.role)),
      rows: [
        signers.map((s) => text(s.person ? formatPerson(s.person) : "\u00a0")),
        signers.map(() => [...text(cycle.signature + colon), ...blank]),
        signers.map(() => text(`${cycle.date}${colon}`)),
      ],
    },
  ];
}

/** The page header and footer lines from the theme's templates, with the document's fields filled in. */
export function pageLines(
  theme: Pick<LayoutTheme, "header" | "footer">,
  fields: Record<"title" | "date" | "organisation", string>,
  labels: Labels,
  french: boolean,
): Pick<DocumentLayout, "headerText" | "pageHeader" | "pageFooter" | "footer"> {
  const line = (part: LayoutTheme["header"], first: boolean): PageLine => {
    const template = first && part.firstPage !== undefined ? part.firstPage : part.text;
    return expandTemplate(french ? frenchSpacing(template) : template, part.align, fields, labels);
  };
  const pageHeader = { every: line(theme.header, false), first: line(theme.header, true) };
  const pageFooter = { every: line(theme.footer, false), first: line(theme.footer, true) };
  return {
    headerText: pageLineText(pageHeader.every, "", ""),
    pageHeader,
    pageFooter,
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
    ...(minutes.agenda ? { agenda: frenchBlocks(minutes.agenda) } : {}),
    ...(minutes.previousActions
      ? {
          previousActions: {
            ...minutes.previousActions,
            title: frenchSpacing(minutes.previousActions.title),
            actions: minutes.previousActions.actions.map((a) => ({
              ...a,
              action: frenchInlines(a.action),
              responsible: frenchInlines(a.responsible),
              comment: frenchInlines(a.comment),
            })),
          },
        }
      : {}),
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
        ...(a.status ? { status: frenchInlines(a.status) } : {}),
        ...(a.notes ? { notes: frenchInlines(a.notes) } : {}),
      })),
    })),
  };
}

function isFollowUpOnly(item: AgendaItem): boolean {
  return (
    (item.followUps?.length ?? 0) > 0 &&
    !item.decisions.length &&
    !item.actions.length &&
    !item.actionNotes.length &&
    item.discussion.every((b) => b.type === "table" || b.type === "heading")
  );
}

/**
 * The columns of the follow-up and register tables: id, action, responsible, deadline, status, comment. The
 * labels they share with the action table are the document's (the theme's overrides included); responsible
 * is the short heading of the narrow column unless the theme words it.
 */
export function followUpHeadings(language: string, labels: Labels, theme: Pick<LayoutTheme, "labels">): string[] {
  const actionLabels = actionLabelsFor(language);
  const responsible = theme.labels[primaryLanguage(language)]?.responsible
    ? labels.responsible
    : actionLabels.responsible;
  return [actionLabels.id, labels.action, responsible, labels.deadline, labels.status, actionLabels.comment];
}

/** "Suivi des actions de la réunion précédente": the previous meeting's actions with their status now. */
function followUpLayout(minutes: Minutes, labels: Labels, theme: LayoutTheme, fitColumns: ColumnFit): ItemLayout {
  const actionLabels = actionLabelsFor(minutes.meeting.language);
  const previous = minutes.previousActions!;
  const columns = followUpHeadings(minutes.meeting.language, labels, theme);
  const rows = previous.actions.map((a) => [
    text(a.id),
    a.action,
    a.responsible,
    text(a.deadline?.text || labels.noDeadline),
    text(a.status),
    a.comment,
  ]);
  const empty = rows.length === 0;
  if (empty) rows.push(columns.map((_, i) => (i === 1 ? text(labels.notApplicable) : [])));
  const intro: Block = {
    type: "paragraph",
    children: text(`${previous.title} — ${formatDate(previous.date, minutes.meeting.language)}`),
  };
  return {
    heading: actionLabels.followUpTitle,
    sections: [],
    actions: { columns, rows, empty, weights: fitColumns(followUpColumns, columns, rows) },
    actionNotes: [],
    intro: [intro],
  };
}
