// Attendance across meetings: for each meeting with the body's members configured, who of them was
// present, excused or absent, the guests and the quorum; for each member, how many meetings they attended.
// Read from each meeting's Minutes.attendance (computed once by the parser). Pure; text exports below.
import { render, text, uiLanguage, type UiLanguage } from "../i18n/messages.js";
import { formatPerson } from "../i18n/format-meeting.js";
import type { Attendance, Person } from "../model/minutes.js";
import { terminalTable } from "./decision-register-text.js";
import { inMeetingOrder, type Meeting } from "./register.js";
import { csvText } from "./register-text.js";

export interface MeetingAttendance {
  date: string;
  title: string;
  path: string;
  attendance: Attendance;
}

export interface MemberAttendance {
  member: Person;
  present: number;
  excused: number;
  absent: number;
  /** Meetings that count this member. */
  meetings: number;
}

export interface AttendanceRegister {
  meetings: MeetingAttendance[];
  members: MemberAttendance[];
}

export function buildAttendance(meetings: Meeting[]): AttendanceRegister {
  const rows: MeetingAttendance[] = [];
  const members = new Map<string, MemberAttendance>();
  for (const { path, minutes } of inMeetingOrder(meetings)) {
    const attendance = minutes.attendance;
    // A convocation (status: agenda) is a meeting not held yet: no one attended it.
    if (!attendance || minutes.meeting.status === "agenda") continue;
    rows.push({ date: minutes.meeting.date, title: minutes.meeting.title, path, attendance });
    if (!attendance.recorded) continue;
    for (const { member, state } of attendance.members) {
      const entry = members.get(member.name) ?? { member, present: 0, excused: 0, absent: 0, meetings: 0 };
      entry[state]++;
      entry.meetings++;
      members.set(member.name, entry);
    }
  }
  return { meetings: rows, members: [...members.values()] };
}

const names = (people: Person[]) => people.map((p) => p.name);

/** One line per person and meeting (members with their state, then guests), with the meeting's quorum: a table to pivot. */
export function attendanceCsv(register: AttendanceRegister): string {
  const head = [
    "meeting_date",
    "meeting",
    "person",
    "role",
    "organisation",
    "state",
    "quorum_required",
    "members_present",
    "quorum_reached",
    "source",
  ];
  const lines = register.meetings.flatMap(({ date, title, path, attendance }) => {
    const quorum = attendance.quorum;
    const tail = [
      quorum ? String(quorum.required) : "",
      attendance.recorded ? String(attendance.present.length) : "",
      quorum ? (quorum.reached ? "yes" : "no") : "",
      path,
    ];
    const row = (p: Person, state: string) => [date, title, p.name, p.role ?? "", p.organisation ?? "", state, ...tail];
    return [
      ...attendance.members.map(({ member, state }) => row(member, attendance.recorded ? state : "unknown")),
      ...attendance.guests.map((g) => row(g, "guest")),
    ];
  });
  return csvText([head, ...lines]);
}

export function attendanceJson(register: AttendanceRegister): string {
  const value = {
    members: register.members.map((m) => ({
      name: m.member.name,
      ...(m.member.role ? { role: m.member.role } : {}),
      ...(m.member.organisation ? { organisation: m.member.organisation } : {}),
      present: m.present,
      excused: m.excused,
      absent: m.absent,
      meetings: m.meetings,
    })),
    meetings: register.meetings.map(({ date, title, path, attendance }) => ({
      date,
      title,
      path,
      recorded: attendance.recorded,
      present: names(attendance.present),
      excused: names(attendance.excused),
      absent: names(attendance.absent),
      guests: names(attendance.guests),
      quorum: attendance.quorum ?? null,
    })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Two tables for the terminal: per member (present / excused / absent out of the meetings), then per meeting. */
export function attendanceTable(
  register: AttendanceRegister,
  width = 120,
  language: UiLanguage = uiLanguage(),
): string {
  const say = (id: Parameters<typeof text>[0]) => render(text(id), language);
  const upper = (id: Parameters<typeof text>[0]) => say(id).toLocaleUpperCase(language);
  const perMember = terminalTable(
    [say("table.rate"), upper("attendance.state.excused"), upper("attendance.state.absent"), say("table.member")],
    register.members.map((m) => [
      `${m.present}/${m.meetings}`,
      String(m.excused),
      String(m.absent),
      formatPerson(m.member),
    ]),
    width,
    [12, 14, 10],
  );
  const perMeeting = terminalTable(
    [say("table.meeting"), say("table.rate"), say("table.quorum"), say("table.guests")],
    register.meetings.map(({ date, attendance }) => [
      date,
      attendance.recorded ? `${attendance.present.length}/${attendance.members.length}` : "?",
      attendance.quorum
        ? `${say(attendance.quorum.reached ? "attendance.quorum.reached" : "attendance.quorum.missed")} (${attendance.quorum.required})`
        : "",
      names(attendance.guests).join(", "),
    ]),
    width,
    [10, 10, 16],
  );
  return `${perMember}\n${perMeeting}`;
}
