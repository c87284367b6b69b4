// An imported meeting as our Markdown: the front matter (YAML), the preamble, one `##` heading per item
// (`{-}` for an unnumbered one among numbered ones), its sections under the labels of the meeting's language,
// the action table, then the footnotes.
import { stringify } from "yaml";
import { labelsFor, type Labels } from "../i18n/labels.js";
import { sectionKind } from "../parse/section-labels.js";
import type { ImportedAction, ImportedMeeting } from "./recognise.js";

const cell = (s: string): string => s.replace(/\n/g, "<br>").replace(/(?<!\\)\|/g, "\\|");

function actionTable(actions: ImportedAction[], language: string): string {
  const labels = labelsFor(language);
  const hasStatus = actions.some((a) => a.status);
  const hasNotes = actions.some((a) => a.notes);
  const header = [labels.action, labels.responsible, labels.deadline];
  if (hasStatus) header.push(labels.status);
  if (hasNotes) header.push(labels.notes);
  const rows = actions.map((a) => {
    const row = [a.action, a.responsible, a.deadline];
    if (hasStatus) row.push(a.status ?? "");
    if (hasNotes) row.push(a.notes ?? "");
    return `| ${row.map(cell).join(" | ")} |`;
  });
  return [`| ${header.join(" | ")} |`, `|${" --- |".repeat(header.length)}`, ...rows].join("\n");
}

/** The labels written for the sections: the language's, where the parser reads them back, else English. */
function sectionLabels(language: string): Labels {
  const labels = { ...labelsFor(language) };
  const en = labelsFor("en");
  for (const key of ["discussion", "decisions", "actions"] as const)
    if (sectionKind(labels[key]) === undefined) labels[key] = en[key];
  return labels;
}

export function meetingMarkdown(meeting: ImportedMeeting): string {
  const labels = sectionLabels(meeting.language);
  const yaml = stringify(meeting.frontMatter, { lineWidth: 0 }).trimEnd();
  const out: string[] = [`---\n${yaml}\n---`];
  out.push(...meeting.preamble);
  const anyNumbered = meeting.items.some((i) => i.number !== null || i.asWritten);
  for (const item of meeting.items) {
    const title = item.title.replace(/\s*\{-\}\s*$/, "") || labels.discussion;
    const heading = item.asWritten
      ? `## ${title}`
      : item.number !== null
        ? `## ${item.number}. ${title}`
        : anyNumbered
          ? `## ${title} {-}`
          : `## ${title}`;
    out.push(heading.replace(/\n/g, " "));
    if (item.discussion.length) out.push(`### ${labels.discussion}`, ...item.discussion);
    if (item.decisions.length) out.push(`### ${labels.decisions}`, ...item.decisions);
    if (item.actions.length || item.actionNotes.length || item.noActions) {
      out.push(`### ${labels.actions}`);
      if (item.actions.length) out.push(actionTable(item.actions, meeting.language));
      else if (item.noActions) out.push(labels.notApplicable);
      out.push(...item.actionNotes);
    }
  }
  if (meeting.footnotes.length) out.push(meeting.footnotes.join("\n"));
  return `${out.join("\n\n")}\n`;
}
