// Gives every action its stable id and checks ids and status words once the meeting date and the item
// numbers are known. Default id: `<meeting date>#<item number>.<row>`; an author's id comes from an ID
// column or a `{#id}` marker at the end of the action text (the marker is removed from the text).
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { knownStatusWords, stateOf } from "../model/action-status.js";
import type { Inline, Minutes, Span } from "../model/minutes.js";
import { inlineText } from "../model/minutes.js";
import { text } from "../i18n/messages.js";

const MARKER = /\s*\{#([^\s{}]+)\}\s*$/;
export const VALID_ID = /^[\p{L}\p{N}][\p{L}\p{N}._:#/-]*$/u;

/** Removes a trailing `{#id}` marker from inline content; returns the id. */
function takeMarker(inlines: Inline[]): string | undefined {
  const last = inlines[inlines.length - 1];
  if (last?.type !== "text") return undefined;
  const m = MARKER.exec(last.value);
  if (!m) return undefined;
  last.value = last.value.slice(0, m.index);
  if (last.value === "") inlines.pop();
  return m[1];
}

export function assignActionIds(minutes: Minutes, file: VFile): void {
  const seen = new Map<string, Span | undefined>();
  let unnumberedRow = 0;
  for (const item of minutes.items) {
    item.actions.forEach((action, i) => {
      const marker = takeMarker(action.action);
      if (marker && !action.id) {
        action.id = marker;
        action.explicitId = true;
      }
      const row = item.number === null ? ++unnumberedRow : i + 1;
      if (!action.id) action.id = `${minutes.meeting.date}#${item.number ?? 0}.${row}`;
      const place = action.idPosition ?? action.position;
      if (action.explicitId && !VALID_ID.test(action.id)) {
        report(file, {
          severity: "error",
          rule: "action-id-format",
          message: text("action-id-format", { id: action.id }),
          place: place?.start,
          hint: text("action-id-format.hint"),
        });
      }
      if (seen.has(action.id)) {
        const first = seen.get(action.id);
        report(file, {
          severity: "error",
          rule: "action-id-duplicate",
          message: first
            ? text("action-id-duplicate.in-file", { id: action.id, line: first.start.line })
            : text("action-id-duplicate", { id: action.id }),
          place: place?.start,
          hint: text("action-id-duplicate.hint"),
        });
      } else seen.set(action.id, place);
      if (action.status && inlineText(action.status).trim() !== "")
        checkStatus(inlineText(action.status), action.statusPosition ?? action.position, file);
    });
    for (const followUp of item.followUps ?? []) {
      if (followUp.status) checkStatus(inlineText(followUp.status), followUp.statusPosition ?? followUp.position, file);
    }
  }
}

function checkStatus(written: string, place: Span | undefined, file: VFile): void {
  if (stateOf(written)) return;
  report(file, {
    severity: "warning",
    rule: "action-status",
    message: text("action-status", { status: written.trim() }),
    place: place?.start,
    hint: text("action-status.hint", { words: knownStatusWords.join(", ") }),
  });
}
