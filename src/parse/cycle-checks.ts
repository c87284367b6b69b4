// The meeting cycle's reading of the whole model (issue 22, parts 4 and 5), once the items are known: which
// items `confidential:` names (each entry must name one), and whether the meeting approves the previous
// minutes (`approves:`, or an agenda item "Approval of the minutes…" in any of the five languages).
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { isApprovalItem } from "../i18n/cycle-labels.js";
import { text } from "../i18n/messages.js";
import type { Minutes, Point } from "../model/minutes.js";
import { isConfidential } from "../model/public-edition.js";

export function readCycle(minutes: Minutes, file: VFile, placeOf?: (key: string) => Point): void {
  const { meeting } = minutes;
  for (const entry of meeting.confidential ?? []) {
    const named = minutes.items.some((item) => isConfidential({ ...item, confidential: false }, [entry]));
    if (named) continue;
    report(file, {
      severity: "warning",
      rule: "confidential-unknown",
      message: text("confidential-unknown", { entry: String(entry) }),
      place: placeOf?.("confidential"),
      hint: text("confidential-unknown.hint", {
        items: minutes.items.map((i) => (i.number === null ? i.title : `${i.number}. ${i.title}`)).join("; "),
      }),
    });
  }
  // Every item held in camera is marked on the item itself, so that the layout and the registers see one flag.
  for (const item of minutes.items) if (isConfidential(item, meeting.confidential)) item.confidential = true;

  const approvalItem = minutes.items.find((item) => isApprovalItem(item.title));
  if (approvalItem && !meeting.approves) meeting.approves = { item: approvalItem.number };
  else if (approvalItem && meeting.approves) meeting.approves.item = approvalItem.number;
  if (meeting.approves?.place && !meeting.approves.path && !meeting.previous)
    report(file, {
      severity: "error",
      rule: "approves-no-previous",
      message: text("approves-no-previous"),
      place: meeting.approves.place,
      hint: text("approves-no-previous.hint"),
    });
}
