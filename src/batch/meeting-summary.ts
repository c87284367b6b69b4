// What the index page and the JSON summary say about one meeting, taken from its model.
import { isOpen } from "../model/action-status.js";
import type { MeetingStatus, Minutes } from "../model/minutes.js";
import { isConfidential } from "../model/public-edition.js";

export interface MeetingSummary {
  title: string;
  date: string;
  language: string;
  /** The organisation the meeting names (its own, or the config's `organisation`). */
  organisation?: string;
  /** Actions neither done nor cancelled. */
  openActions: number;
  /** Open actions whose deadline has passed (relative to the build day). */
  overdueActions: number;
  /** The stage of the minutes (`status:`): agenda, draft or approved; absent when the file does not say. */
  status?: MeetingStatus;
  /** The day the minutes were approved (`approved.date`). */
  approved?: string;
}

export function summariseMeeting(
  minutes: Minutes,
  today: string = new Date().toISOString().slice(0, 10),
): MeetingSummary {
  // Actions of items held in camera are not counted: the summary is published beside the public edition.
  const open = minutes.items
    .filter((item) => !isConfidential(item, minutes.meeting.confidential))
    .flatMap((item) => item.actions)
    .filter(isOpen);
  const overdue = open.filter((a) => a.deadline?.date !== undefined && a.deadline.date < today);
  const { title, date, language, organisation } = minutes.meeting;
  return {
    title,
    date,
    language,
    ...(organisation ? { organisation } : {}),
    openActions: open.length,
    overdueActions: overdue.length,
    ...(minutes.meeting.status ? { status: minutes.meeting.status } : {}),
    ...(minutes.meeting.approved ? { approved: minutes.meeting.approved.date } : {}),
  };
}
