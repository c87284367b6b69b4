// Each decision of an item as a record: its stable id, its text and its vote (AgendaItem.decisionRecords).
// A decision is a bullet of the decisions section, a paragraph of it, a row of a table in it
// (decision-table.ts), or a resolution of the discussion (resolutions.ts); the lines under it that give a
// vote ("Vote: 7 for, 1 against", "For: Alice, Bob", "Adopted unanimously") are its vote, kept as written.
// Id: the author's `{#id}` at the end of the decision (removed from the printed text, as an action's is),
// else `<meeting date>#<item number>.d<n>`; checked for form and clashes with other decisions and actions.
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import type { Block, Decision, Inline, Minutes, Span, Vote } from "../model/minutes.js";
import { inlineText } from "../model/minutes.js";
import { tableDecisions } from "./decision-table.js";
import { VALID_ID } from "./action-ids.js";
import { readVote, type VoteReading } from "./vote-line.js";
import { cutBefore, linesOf, paragraphsOf, voteOf, type Draft, type Line, type Paragraph } from "./decision-lines.js";
import { afterLabel, resolutionDrafts } from "./resolutions.js";

const MARKER = /\s*\{#([^\s{}]+)\}\s*$/;

/** The decisions written in a decisions section: one per bullet, or one per paragraph. */
function drafts(blocks: Block[], source: readonly string[]): Draft[] {
  const out: Draft[] = [];
  for (const block of blocks) {
    if (block.type === "list") {
      for (const item of block.items) {
        const paragraphs = paragraphsOf(item.children);
        const first = paragraphs[0];
        if (first) out.push({ paragraphs, ...(first.position ? { position: first.position } : {}) });
      }
    } else if (block.type === "paragraph") {
      // A paragraph that is only a vote belongs to the decision above it.
      const previous = out[out.length - 1];
      if (previous && linesOf(block, source).every((l) => voteOf(l.text) !== undefined))
        previous.paragraphs.push(block);
      else out.push({ paragraphs: [block], ...(block.position ? { position: block.position } : {}) });
    }
  }
  return out;
}

function merge(into: VoteReading, from: VoteReading): void {
  for (const kind of ["for", "against", "abstentions"] as const) {
    if (from[kind] !== undefined) into[kind] = from[kind];
    into.named[kind].push(...from.named[kind]);
  }
  if (from.unanimous) into.unanimous = true;
}

/** Removes the `{#id}` that ends a source line of the decision's first paragraph, from its text; returns the id. */
function takeMarker(paragraph: Paragraph, lines: Line[]): string | undefined {
  for (const line of lines) {
    const m = MARKER.exec(line.text);
    if (!m) continue;
    const written = `{#${m[1]}}`;
    for (const node of paragraph.children)
      if (node.type === "text" && node.value.includes(written)) {
        node.value = node.value.replace(new RegExp(`\\s*${written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), "");
        return m[1];
      }
  }
  return undefined;
}

function recordOf(draft: Draft, source: readonly string[], file: VFile): Omit<Decision, "id"> & { marker?: string } {
  const textInlines: Inline[] = [];
  const voteLines: Line[] = [];
  const reading: VoteReading = { named: { for: [], against: [], abstentions: [] } };
  let marker: string | undefined;
  draft.paragraphs.forEach((paragraph, p) => {
    const lines = linesOf(paragraph, source);
    if (p === 0) marker = takeMarker(paragraph, lines);
    // The decision's own words come first; from the first vote line on, the paragraph gives the vote.
    const k = lines.findIndex((l, i) => (p > 0 || i > 0) && voteOf(l.text) !== undefined);
    const written = p === 0 && draft.labelled ? afterLabel(paragraph.children) : paragraph.children;
    const own = k < 0 ? written : k === 0 ? [] : cutBefore(written, lines[k]!.text);
    if (own.length) {
      if (textInlines.length) textInlines.push({ type: "text", value: " " });
      textInlines.push(...own);
    }
    if (k < 0) return;
    for (const line of lines.slice(k)) {
      const vote = voteOf(line.text);
      if (!vote) continue;
      voteLines.push(line);
      if (vote.reading) merge(reading, vote.reading);
      else
        report(file, {
          severity: "warning",
          rule: "vote-unreadable",
          message: text("vote-unreadable", { line: line.text }),
          place: line.place?.start,
          hint: text("vote-unreadable.hint"),
        });
    }
  });
  const plain = inlineText(textInlines).trim();
  // "The budget is adopted unanimously.": the decision's own words say it.
  const own = readVote(plain);
  if (own?.unanimous) reading.unanimous = true;
  let vote: Vote | undefined;
  const named = Object.values(reading.named).some((n) => n.length);
  const said =
    reading.unanimous ||
    named ||
    reading.for !== undefined ||
    reading.against !== undefined ||
    reading.abstentions !== undefined;
  if (said) {
    // Lines of a vote written one under the other ("Pour : A, B" / "Contre : C") stay apart in one line of text.
    const joined = voteLines
      .map((l) => l.text.trim())
      .reduce((all, l) => (all ? `${all}${/[.;,:]$/.test(all) ? " " : "; "}${l}` : l), "");
    vote = { text: joined || plain };
    for (const kind of ["for", "against", "abstentions"] as const)
      if (reading[kind] !== undefined) vote[kind] = reading[kind];
    if (reading.unanimous) vote.unanimous = true;
    if (named) vote.named = reading.named;
    const place = voteLines[0]?.place ?? draft.position;
    if (place) vote.position = place;
  }
  return {
    text: trimInlines(textInlines),
    ...(vote ? { vote } : {}),
    ...(draft.position ? { position: draft.position } : {}),
    ...(marker ? { marker } : {}),
  };
}

function trimInlines(inlines: Inline[]): Inline[] {
  const out = inlines.map((n) => (n.type === "text" ? { ...n } : n));
  const first = out[0];
  if (first?.type === "text") first.value = first.value.replace(/^\s+/, "");
  const last = out[out.length - 1];
  if (last?.type === "text") last.value = last.value.replace(/\s+$/, "");
  return out.filter((n) => n.type !== "text" || n.value !== "");
}

/** Reads every item's decisions into records with ids; reports bad and clashing ids. Runs after the action ids. */
export function assignDecisions(minutes: Minutes, file: VFile): void {
  const seen = new Map<string, Span | undefined>();
  for (const item of minutes.items)
    for (const action of item.actions) if (action.id) seen.set(action.id, action.position);
  let unnumbered = 0;
  // The source lines, split once and only for a meeting that has decisions.
  if (!minutes.items.some((item) => item.decisions.length || item.discussion.length)) return;
  const source = String(file.value).split("\n");
  for (const item of minutes.items) {
    const records: Decision[] = [];
    // The decisions section's decisions, then the resolutions recorded in the discussion.
    const made = [
      ...drafts(item.decisions, source).map((draft) => recordOf(draft, source, file)),
      ...item.decisions.flatMap((block) => (block.type === "table" ? tableDecisions(block) : [])),
      ...resolutionDrafts(item.discussion, source).map((draft) => recordOf(draft, source, file)),
    ].sort((a, b) => (a.position?.start.line ?? 0) - (b.position?.start.line ?? 0));
    for (const { marker, ...record } of made) {
      const n = item.number === null ? ++unnumbered : records.length + 1;
      const id = marker ?? `${minutes.meeting.date}#${item.number ?? 0}.d${n}`;
      const place = record.position?.start;
      if (marker && !VALID_ID.test(marker))
        report(file, {
          severity: "error",
          rule: "decision-id-format",
          message: text("decision-id-format", { id: marker }),
          place,
          hint: text("decision-id-format.hint"),
        });
      if (seen.has(id)) {
        const first = seen.get(id);
        report(file, {
          severity: "error",
          rule: "decision-id-duplicate",
          message: first
            ? text("decision-id-duplicate.in-file", { id, line: first.start.line })
            : text("decision-id-duplicate", { id }),
          place,
          hint: text("decision-id-duplicate.hint"),
        });
      } else seen.set(id, record.position);
      records.push({ id, ...(marker ? { explicitId: true } : {}), ...record });
    }
    if (records.length) item.decisionRecords = records;
  }
}
