// Approval of the previous minutes (issue 22, part 5): the meeting that approves them (`approves:`, or an
// agenda item "Approval of the minutes…"), the file it approves (`approves: <path>`, else `previous:`), and
// whether that file already records it. The build warns (approval-pending) with the file to update;
// `minutes approve` writes it (src/commands/approve.ts).
import { dirname } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import type { Minutes } from "../model/minutes.js";
import type { PathRules } from "../safe-path.js";
import { World } from "../world/world.js";
import { readMeeting } from "./previous-actions.js";

export interface ApprovalTarget {
  /** The approved file's path. */
  path: string;
  /** Its model, when it could be read. */
  minutes?: Minutes;
  /** It already says `status: approved` with an `approved:` date. */
  recorded: boolean;
}

/** The file this meeting approves, or undefined when it approves none (or names a file that cannot be found). */
export async function approvalTarget(
  input: string,
  minutes: Minutes,
  rules: PathRules,
  language?: string,
  world: World = new World(),
): Promise<ApprovalTarget | undefined> {
  const approves = minutes.meeting.approves;
  if (!approves) return undefined;
  const reference = approves.path ?? minutes.meeting.previous?.path;
  if (!reference) return undefined;
  const where = world.resolve(reference, dirname(input), rules);
  if (!where.ok || world.kind(where.path) === undefined) return undefined;
  const target = await readMeeting(where.path, language, world);
  const recorded = target?.meeting.status === "approved" && target.meeting.approved !== undefined;
  return { path: where.path, ...(target ? { minutes: target } : {}), recorded };
}

/** The build's warning: this meeting approves `target`, whose front matter does not say so yet. */
export function approvalPending(input: string, minutes: Minutes, shown: string): Diagnostic {
  const place = minutes.meeting.approves?.place ??
    minutes.items.find((i) => i.number === minutes.meeting.approves?.item)?.position?.start ?? { line: 1, column: 1 };
  return diagnostic({
    file: input,
    line: place.line,
    column: place.column,
    severity: "warning",
    rule: "approval-pending",
    message: text("approval-pending", { file: shown }),
    hint: text("approval-pending.hint", { meeting: input, date: minutes.meeting.date, file: shown }),
  });
}
