// Rules on decisions, votes and attendance, once decisions are records: votes that add up to more than the
// members present, named votes that disagree with the count, decisions taken without quorum, and (with
// members configured) voters and responsibles who are neither members nor guests.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import { inlineText, type Minutes } from "../model/minutes.js";
import { peopleIndex, unknownOwners } from "./people-match.js";

export function validateRecords(minutes: Minutes, file: VFile): void {
  const attendance = minutes.attendance;
  const { chair, secretary } = minutes.meeting;
  // Who may vote or answer for an action: the members, the guests, and the chair and secretary of the meeting.
  const known = attendance
    ? peopleIndex([
        ...attendance.members.map((m) => m.member),
        ...attendance.guests,
        ...(chair ? [chair] : []),
        ...(secretary ? [secretary] : []),
      ])
    : undefined;
  // Members present (with members configured), else the attendees, when the minutes list them.
  const present = attendance ? attendance.present.length : minutes.meeting.attendees.length;
  const presentKnown = minutes.meeting.attendees.length > 0;
  for (const item of minutes.items) {
    for (const decision of item.decisionRecords ?? []) {
      const vote = decision.vote;
      if (attendance?.quorum && !attendance.quorum.reached)
        report(file, {
          severity: "warning",
          rule: "decision-without-quorum",
          // The decision's words are not repeated: a message about a public edition must not quote an item held in camera.
          message: text("decision-without-quorum", {
            present: attendance.quorum.present,
            required: attendance.quorum.required,
          }),
          place: decision.position?.start,
          hint: text("decision-without-quorum.hint"),
        });
      if (!vote) continue;
      const place = vote.position?.start ?? decision.position?.start;
      const count = (kind: "for" | "against" | "abstentions") => vote[kind] ?? vote.named?.[kind].length ?? 0;
      const total = count("for") + count("against") + count("abstentions");
      if (presentKnown && total > present)
        report(file, {
          severity: "warning",
          rule: "vote-exceeds-present",
          message: text(attendance ? "vote-exceeds-present.members" : "vote-exceeds-present", {
            total,
            present,
          }),
          place,
          hint: text("vote-exceeds-present.hint"),
        });
      for (const kind of ["for", "against", "abstentions"] as const) {
        const named = vote.named?.[kind].length ?? 0;
        const given = vote[kind];
        if (named > 0 && given !== undefined && named !== given)
          report(file, {
            severity: "warning",
            rule: "vote-named-count",
            message: text("vote-named-count", { named, count: given, kind: text(`vote.kind.${kind}`) }),
            place,
            hint: text("vote-named-count.hint"),
          });
      }
      if (known)
        for (const name of Object.values(vote.named ?? {}).flat())
          if (unknownOwners(name, known).length)
            report(file, {
              severity: "warning",
              rule: "vote-voter-unknown",
              message: text("vote-voter-unknown", { name }),
              place,
              hint: text("vote-voter-unknown.hint"),
            });
    }
    if (known)
      for (const action of item.actions) {
        const responsible = inlineText(action.responsible).trim();
        if (!responsible) continue;
        const unknown = unknownOwners(responsible, known);
        if (unknown.length)
          report(file, {
            severity: "warning",
            rule: "action-responsible-not-member",
            message: text("action-responsible-not-member", { names: unknown.map((u) => `"${u}"`).join(", ") }),
            place: (action.responsiblePosition ?? action.position)?.start,
            hint: text("vote-voter-unknown.hint"),
          });
      }
  }
}
