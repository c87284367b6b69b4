// What the index page and the JSON summary say about one meeting, taken from its model.
import { isOpen } from "../model/action-status.js";
import type { Minutes } from "../model/minutes.js";

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
}

export function summariseMeeting(
  minutes: Minutes,
  today: string = new Date().toISOString().slice(0, 10),
): MeetingSummary {
  const open = minutes.items.flatMap((item) => item.actions).filter(isOpen);
  const overdue = open.filter((a) => a.deadline?.date !== undefined && a.deadline.date < today);
  const { title, date, language, organisation } = minutes.meeting;
  return {
    title,
    date,
    language,
    ...(organisation ? { organisation } : {}),
    openActions: open.length,
    overdueActions: overdue.length,
  };
}
