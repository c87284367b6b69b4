// The compte-rendu's attendance rows when the config lists the body's members: the members present,
// excused and absent, the guests, and whether the quorum was reached. Decided here once, drawn by every
// format as rows of the info table.
import { formatPerson } from "../i18n/format-meeting.js";
import { frenchSpacing } from "../i18n/french-typography.js";
import { fillLabel, recordLabelsFor } from "../i18n/record-labels.js";
import type { Labels } from "../i18n/labels.js";
import type { MeetingInfo, Minutes, Person } from "../model/minutes.js";
import type { InfoRow } from "./document-layout.js";

/**
 * The rows that say who came: with members configured and attendance recorded, the members present, excused
 * and absent, the guests and the quorum; else the attendees and the apologies as written (and those absent
 * without apologies, when `excused:` gives the apologies). `meeting` is the one printed (French spacing done).
 */
export function attendanceRows(minutes: Minutes, meeting: MeetingInfo, labels: Labels, french: boolean): InfoRow[] {
  const { attendance } = minutes;
  const recordLabels = recordLabelsFor(meeting.language);
  const spaced = (value: string) => (french ? frenchSpacing(value) : value);
  const rows: InfoRow[] = [];
  // The members come from the config, without French spacing yet; the meeting's people have it already.
  const people = (label: string, list: readonly Person[], space = spaced) => {
    if (list.length) rows.push({ label, value: list.map((p) => space(formatPerson(p))) });
  };
  if (!attendance?.recorded) {
    const asPrinted = (value: string) => value;
    people(labels.attendees, meeting.attendees, asPrinted);
    people(labels.absent, meeting.excused ?? meeting.absent, asPrinted);
    if (meeting.excused) people(spaced(recordLabels.absent), meeting.absent, asPrinted);
    // Guests (`guests:`, "In attendance" in an imported Word file) are printed with no members configured too.
    people(spaced(recordLabels.guests), meeting.guests ?? [], asPrinted);
    return rows;
  }
  people(spaced(recordLabels.present), attendance.present);
  people(spaced(recordLabels.excused), attendance.excused);
  people(spaced(recordLabels.absent), attendance.absent);
  people(spaced(recordLabels.guests), attendance.guests);
  const quorum = attendance.quorum;
  if (quorum)
    rows.push({
      label: spaced(recordLabels.quorum),
      value: spaced(
        fillLabel(quorum.reached ? recordLabels.quorumReached : recordLabels.quorumMissed, {
          present: quorum.present,
          members: attendance.members.length,
          required: quorum.required,
        }),
      ),
    });
  return rows;
}
