// The convocation (ordre du jour) of a meeting, from the same Markdown file as its minutes (issue 22, part 1):
// `layoutConvocation(minutes, theme)` is a DocumentLayout drawn by the compte-rendu's own renderers, in the
// same theme and languages. It says who is invited, when and where, the agenda as a table (number, item,
// presenter, time slot and duration), the documents attached as links, and the date to reply by. It reads
// only the items' headings and their attributes, never what is written under them: a file whose minutes are
// already written gives the same convocation as before the meeting.
import { cycleLabelsFor } from "../i18n/cycle-labels.js";
import { formatDate, formatPerson } from "../i18n/format-meeting.js";
import { frenchSpacing } from "../i18n/french-typography.js";
import { primaryLanguage } from "../i18n/labels.js";
import type { AgendaItem, Block, Inline, Minutes } from "../model/minutes.js";
import { isSafeUrl } from "../model/safe-url.js";
import type { DocumentLayout, InfoRow, ItemLayout } from "./document-layout.js";
import { documentLabels, layoutGeometry, pageLines, plainTheme, tableFit, type LayoutTheme } from "./layout-minutes.js";

const text = (value: string): Inline[] => (value ? [{ type: "text", value }] : []);

/** The agenda table's columns: number, item, presenter, time. */
export const convocationColumns: readonly number[] = [6, 48, 22, 24];

/** "09:20" from "09:00" and 20 minutes; undefined past midnight. */
function addMinutes(hhmm: string, minutes: number): string | undefined {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  if (total >= 24 * 60) return undefined;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

export function layoutConvocation(source: Minutes, theme: LayoutTheme = plainTheme): DocumentLayout {
  const { meeting } = source;
  const language = meeting.language;
  const french = primaryLanguage(language) === "fr";
  const spaced = (value: string): string => (french ? frenchSpacing(value) : value);
  const labels = documentLabels(language, theme);
  const cycle = cycleLabelsFor(language);

  const date = formatDate(meeting.date, language);
  const info: InfoRow[] = [{ label: labels.date, value: date }];
  if (meeting.time) info.push({ label: labels.time, value: meeting.time.text });
  if (meeting.location) info.push({ label: labels.location, value: spaced(meeting.location) });
  if (meeting.chair) info.push({ label: labels.chair, value: spaced(formatPerson(meeting.chair)) });
  // Who is invited: `invitees:`, else the body's members, else the attendees and apologies the file lists.
  const invited = meeting.invitees ??
    (source.body?.members.length ? [...source.body.members, ...(meeting.guests ?? [])] : undefined) ?? [
      ...meeting.attendees,
      ...meeting.absent,
      ...(meeting.guests ?? []),
    ];
  if (invited.length) info.push({ label: cycle.invitees, value: invited.map((p) => spaced(formatPerson(p))) });
  if (meeting.replyBy) info.push({ label: cycle.replyBy, value: formatDate(meeting.replyBy, language) });

  // The agenda: every item with its number, title, presenter and time slot; an item held in camera in the
  // public edition keeps its number and the one line that stands for it.
  let clock = meeting.time?.start;
  const rows = source.items.map((item: AgendaItem) => {
    // In the internal edition an item held in camera is marked, as in the minutes, so that it is not passed on.
    const title = item.heldInCamera
      ? cycle.heldInCamera
      : spaced(item.confidential ? `${item.title} — ${cycle.confidential}` : item.title);
    let slot = "";
    if (item.duration !== undefined) {
      const length = cycle.minutes.replace("{minutes}", String(item.duration));
      const end = clock ? addMinutes(clock, item.duration) : undefined;
      slot = clock && end ? `${clock}–${end} (${length})` : length;
      clock = end;
    } else clock = undefined;
    const cells: Inline[][] = [
      text(item.number === null ? "" : `${item.number}.`),
      text(title),
      text(item.presenter && !item.heldInCamera ? spaced(item.presenter) : ""),
      text(slot),
    ];
    return cells;
  });
  const columns = ["#", cycle.item, cycle.presenter, cycle.duration];
  const empty = rows.length === 0;
  if (empty) rows.push(columns.map((_, i) => (i === 1 ? text(labels.notApplicable) : [])));
  const agendaItem: ItemLayout = {
    heading: labels.agenda,
    sections: [],
    actions: { columns, rows, empty, weights: tableFit(theme)([...convocationColumns], columns, rows) },
    actionNotes: [],
  };
  const items: ItemLayout[] = [agendaItem];

  // Attached documents, each a link when it has one (a safe address), else its title.
  if (meeting.documents?.length) {
    const list: Block = {
      type: "list",
      ordered: false,
      start: 1,
      items: meeting.documents.map((d) => ({
        checked: null,
        children: [
          {
            type: "paragraph",
            children:
              d.url && isSafeUrl(d.url)
                ? [{ type: "link", url: d.url, children: text(spaced(d.title)) }]
                : text(spaced(d.url ? `${d.title} (${d.url})` : d.title)),
          },
        ],
      })),
    };
    items.push({ heading: cycle.documents, sections: [], intro: [list], actionNotes: [] });
  }

  const organisation = meeting.organisation ?? theme.organisation;
  const title = spaced(meeting.title);
  const subtitle = [cycle.convocation, meeting.subtitle ? spaced(meeting.subtitle) : undefined]
    .filter(Boolean)
    .join(" — ");
  const fields = { title, date, organisation: organisation ?? "" };
  return {
    language,
    labels,
    ...pageLines(theme, fields, labels, french),
    ...(organisation ? { organisation: spaced(organisation) } : {}),
    title,
    subtitle,
    info,
    preamble: [],
    agendaTitle: labels.agenda,
    // The agenda is the table above: no list of linked entries besides it.
    agenda: [],
    items,
    geometry: layoutGeometry(theme),
  };
}
