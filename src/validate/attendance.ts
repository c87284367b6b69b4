// Who of the body's members was present, excused or absent at a meeting, who else came (guests), and
// whether the quorum was reached: computed once from the model, for the layout, `check` and the
// attendance register. `absent:` in the front matter means apologies (excused); a member named nowhere is
// absent; an attendee who is not a member is a guest, as is everyone under `guests:`.
import { normalizeLabel } from "../i18n/text-match.js";
import type { Attendance, Body, Minutes, Person, Quorum } from "../model/minutes.js";

type AttendanceState = Attendance["members"][number]["state"];

/** Titles written before a name: "Dr Alice Martin", "Mme Dupont", "Herr Weber", "Sra. Gómez". */
const TITLES = /^(?:mr|mrs|ms|miss|dr|prof|mme|mlle|m|me|herr|frau|sr|sra|srta|dona|dom|don)\.?\s+/;

const plainName = (name: string): string =>
  normalizeLabel(name.replace(/\([^)]*\)/g, " "))
    .replace(/[,]/g, "")
    .replace(TITLES, "")
    .replace(/\./g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** "A Martin" for "Alice Martin": an initial and the rest of the name. */
function initialled(written: string, member: string): boolean {
  const [first, ...rest] = written.split(" ");
  const [memberFirst, ...memberRest] = member.split(" ");
  return (
    first?.length === 1 && rest.length > 0 && memberFirst?.[0] === first && rest.join(" ") === memberRest.join(" ")
  );
}

/** Whether a person written in the minutes names this member: the same name, the member's abbreviation, or a first name or surname that only this member has. */
function names(person: Person, member: Person): boolean {
  const written = plainName(person.name);
  if (!written) return false;
  const full = plainName(member.name);
  if (written === full || initialled(written, full)) return true;
  if (member.abbreviation && written === normalizeLabel(member.abbreviation)) return true;
  if (
    person.abbreviation &&
    member.abbreviation &&
    normalizeLabel(person.abbreviation) === normalizeLabel(member.abbreviation)
  )
    return true;
  return false;
}

/** The member a written person names, if any: by full name or abbreviation, else by a single name that only one member bears. */
export function memberNamed(person: Person | string, members: Person[]): Person | undefined {
  const p = typeof person === "string" ? { name: person } : person;
  const exact = members.find((m) => names(p, m));
  if (exact) return exact;
  const written = plainName(p.name);
  if (written.includes(" ") || written.length < 2) return undefined;
  const partial = members.filter((m) => plainName(m.name).split(" ").includes(written));
  return partial.length === 1 ? partial[0] : undefined;
}

/** Members a quorum rule requires out of `count` members. */
export function requiredMembers(rule: Quorum, count: number): number {
  switch (rule.kind) {
    case "count":
      return rule.count;
    case "majority":
      return Math.floor(count / 2) + 1;
    case "fraction":
      return Math.ceil((count * rule.numerator) / rule.denominator - 1e-9);
  }
}

/** Attendance of a meeting against its body (the parser stores it as Minutes.attendance). */
export function attendanceFor(
  meeting: Pick<Minutes["meeting"], "attendees" | "absent" | "excused" | "guests">,
  body: Body,
): Attendance {
  const state = new Map<Person, AttendanceState>();
  const guests: Person[] = [...(meeting.guests ?? [])];
  for (const person of meeting.attendees) {
    const member = memberNamed(person, body.members);
    if (member) state.set(member, "present");
    else if (!guests.some((g) => plainName(g.name) === plainName(person.name))) guests.push(person);
  }
  // `absent:` means apologies, unless `excused:` gives them: then `absent:` are absent without apologies.
  const excused = meeting.excused ?? meeting.absent;
  for (const person of excused) {
    const member = memberNamed(person, body.members);
    if (member && !state.has(member)) state.set(member, "excused");
  }
  const members = body.members.map((member) => ({ member, state: state.get(member) ?? ("absent" as const) }));
  const of = (s: AttendanceState) => members.filter((m) => m.state === s).map((m) => m.member);
  const present = of("present");
  // No one recorded as present or excused: attendance was not taken, and the quorum cannot be judged.
  const recorded = meeting.attendees.length > 0 || excused.length > 0 || meeting.absent.length > 0;
  const result: Attendance = { members, present, excused: of("excused"), absent: of("absent"), guests, recorded };
  if (body.quorum && recorded) {
    const required = requiredMembers(body.quorum, body.members.length);
    result.quorum = { required, present: present.length, reached: present.length >= required, rule: body.quorum.text };
  }
  return result;
}
