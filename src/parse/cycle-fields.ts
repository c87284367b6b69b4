// The front matter's keys of the meeting cycle (issue 22, parts 1, 4 and 5): `status`, `approved`, `approves`,
// `confidential`, `invitees`, `documents`, `reply_by`, read into MeetingInfo once the schema has accepted them.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import { normalizeLabel } from "../i18n/text-match.js";
import type { MeetingInfo, MeetingStatus, Person, Point } from "../model/minutes.js";
import type { FrontMatter } from "./front-matter-schema.js";

/** The status words in the five languages (compared without case or accents). */
const statusWords: Record<MeetingStatus, string[]> = {
  agenda: [
    "agenda",
    "convocation",
    "ordre du jour",
    "convocatoria",
    "orden del dia",
    "convocatoria",
    "ordem do dia",
    "einladung",
    "tagesordnung",
  ],
  draft: ["draft", "projet", "brouillon", "borrador", "rascunho", "entwurf"],
  approved: ["approved", "approuve", "adopte", "valide", "aprobado", "aprovado", "genehmigt", "angenommen"],
};

export function readStatus(written: string): MeetingStatus | undefined {
  const word = normalizeLabel(written);
  for (const [status, words] of Object.entries(statusWords) as [MeetingStatus, string[]][])
    if (words.includes(word)) return status;
  return undefined;
}

export function readCycleFields(
  info: MeetingInfo,
  fm: FrontMatter,
  file: VFile,
  placeOf: (key: string) => Point,
  toPerson: (p: NonNullable<FrontMatter["invitees"]>[number]) => Person,
): void {
  if (fm.status !== undefined) {
    const status = readStatus(fm.status);
    if (status) info.status = status;
    else
      report(file, {
        severity: "warning",
        rule: "front-matter-status",
        message: text("front-matter-status", { status: fm.status }),
        place: placeOf("status"),
        hint: text("front-matter-status.hint"),
      });
  }
  if (fm.approved) {
    const approved = typeof fm.approved === "string" ? { date: fm.approved } : fm.approved;
    info.approved = { date: approved.date, ...(approved.by ? { by: approved.by } : {}) };
    if (info.status === undefined) info.status = "approved";
    else if (info.status !== "approved")
      report(file, {
        severity: "warning",
        rule: "front-matter-status",
        message: text("front-matter-status.approved", { status: fm.status ?? "" }),
        place: placeOf("status"),
        hint: text("front-matter-status.approved.hint"),
      });
  }
  if (fm.approves) {
    const place = placeOf("approves");
    info.approves = normalizeLabel(fm.approves) === "previous" ? { place } : { path: fm.approves, place };
  }
  // `confidential: true`: the whole meeting is held in camera (every item, by number or title).
  if (fm.confidential === true) info.confidential = ["*"];
  else if (Array.isArray(fm.confidential) && fm.confidential.length) info.confidential = fm.confidential;
  if (fm.invitees?.length) info.invitees = fm.invitees.map(toPerson);
  if (fm.documents?.length)
    info.documents = fm.documents.map((d) =>
      typeof d === "string" ? documentOf(d) : { title: d.title, ...(d.url ? { url: d.url } : {}) },
    );
  if (fm.reply_by) info.replyBy = fm.reply_by;
}

/** "Budget 2025 (https://…/budget.pdf)", "[Budget](budget.pdf)", a bare link or a bare title. */
function documentOf(written: string): { title: string; url?: string } {
  const md = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(written.trim());
  if (md) return { title: md[1]!.trim(), url: md[2]! };
  const paren = /^(.*?)\s*\(((?:https?:\/\/|\.{0,2}\/)?[^()\s]+\.[^()\s]+)\)$/.exec(written.trim());
  if (paren?.[1]) return { title: paren[1], url: paren[2]! };
  if (/^https?:\/\/\S+$/.test(written.trim())) return { title: written.trim(), url: written.trim() };
  return { title: written.trim() };
}
