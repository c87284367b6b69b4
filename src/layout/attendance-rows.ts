// The compte-rendu's attendance rows when the config lists the body's members: the members present,
// excused and absent, the guests, and whether the quorum was reached. Decided here once, drawn by every
// format as rows of the info table.
import { formatPerson } from "../i18n/format-meeting.js";
import { frenchSpacing } from "../i18n/french-typography.js";
import { fillLabel, recordLabelsFor } from "../i18n/record-labels.js";
import type { Minutes } from "../model/minutes.js";
import type { InfoRow } from "./document-layout.js";

/** The rows, or undefined when no members are configured or the minutes record no attendance (then the attendees are printed as written). */
export function attendanceRows(minutes: Minutes, french: boolean): InfoRow[] | undefined {
  const { attendance, meeting } = minutes;
  if (!attendance?.recorded) return undefined;
  const labels = recordLabelsFor(meeting.language);
  const spaced = (value: string) => (french ? frenchSpacing(value) : value);
  const rows: InfoRow[] = [];
  const people = (label: string, list: typeof attendance.present) => {
    if (list.length) rows.push({ label: spaced(label), value: list.map((p) => spaced(formatPerson(p))) });
  };
  people(labels.present, attendance.present);
  people(labels.excused, attendance.excused);
  people(labels.absent, attendance.absent);
  people(labels.guests, attendance.guests);
  const quorum = attendance.quorum;
  if (quorum)
    rows.push({
      label: spaced(labels.quorum),
      value: spaced(
        fillLabel(quorum.reached ? labels.quorumReached : labels.quorumMissed, {
          present: quorum.present,
          members: attendance.members.length,
          required: quorum.required,
        }),
      ),
    });
  return rows;
}
