// Reads actions written as bullets under an actions label: "Name: task", "**Name**: task",
// "@handle task", with an optional task checkbox and "by <date>" deadline. Bullets that do not
// have this shape stay in the item as ordinary content, with a warning; nothing is dropped.
import type { List, ListItem as MdListItem } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { inlineText, type ActionItem, type Inline } from "../model/minutes.js";
import { findDate } from "./date-forms.js";
import { spanOf, toInlines, type ConvertContext } from "./mdast-to-blocks.js";
import { text as t } from "../i18n/messages.js";

const looksLikeName = (s: string) => s.length >= 2 && s.length <= 60 && s.split(/\s+/).length <= 6 && !/[.!?]/.test(s);

/** "Name: rest" or "@handle rest" at the start of a bullet, or undefined. */
function splitOwner(inlines: Inline[]): { owner: string; rest: Inline[] } | undefined {
  const [first, ...others] = inlines;
  if (!first) return undefined;
  if (first.type === "strong") {
    const label = inlineText(first.children).trim();
    const after = others[0];
    const owner = label.replace(/\s*:$/, "");
    if (label.endsWith(":") && looksLikeName(owner)) return { owner, rest: trimStart(others) };
    if (after?.type === "text" && /^\s*:/.test(after.value) && looksLikeName(owner))
      return {
        owner,
        rest: trimStart([{ type: "text", value: after.value.replace(/^\s*:\s*/, "") }, ...others.slice(1)]),
      };
    return undefined;
  }
  if (first.type !== "text") return undefined;
  const m = /^\s*(@[\w.-]+):?\s+([\s\S]*)$/.exec(first.value) ?? /^\s*([^:]+?)\s*:\s+([\s\S]*)$/.exec(first.value);
  if (!m || !looksLikeName(m[1]!)) return undefined;
  return { owner: m[1]!, rest: trimStart([{ type: "text", value: m[2]! }, ...others]) };
}

function trimStart(inlines: Inline[]): Inline[] {
  const [first, ...others] = inlines;
  if (first?.type === "text") {
    const value = first.value.replace(/^\s+/, "");
    return value ? [{ type: "text", value }, ...others] : others;
  }
  return inlines;
}

const DEADLINE_WORDS = /\b(?:by|due|before|until|avant le|d'ici le|pour le|bis|antes del?|para el)\s+(.+?)\s*[.)]*$/i;

export function readActionBullets(
  list: List,
  ctx: ConvertContext,
  file: VFile,
): { actions: ActionItem[]; rest: MdListItem[] } {
  const actions: ActionItem[] = [];
  const rest: MdListItem[] = [];
  for (const item of list.children) {
    const paragraph = item.children[0];
    const split =
      item.children.length === 1 && paragraph?.type === "paragraph"
        ? splitOwner(toInlines(paragraph.children, ctx))
        : undefined;
    const position = spanOf(item);
    if (!split || inlineText(split.rest).trim() === "") {
      rest.push(item);
      report(file, {
        severity: "warning",
        rule: "action-bullet-unrecognised",
        message: t("action-bullet-unrecognised"),
        place: position?.start,
        hint: t("action-bullet-unrecognised.hint"),
      });
      continue;
    }
    const text = inlineText(split.rest);
    const written = DEADLINE_WORDS.exec(text)?.[1];
    const date = written ? findDate(written, ctx.dateRules) : undefined;
    const box: Inline[] =
      item.checked === true
        ? [{ type: "text", value: "[x] " }]
        : item.checked === false
          ? [{ type: "text", value: "[ ] " }]
          : [];
    actions.push({
      action: [...box, ...split.rest],
      responsible: [{ type: "text", value: split.owner }],
      deadline: written && date ? { text: written, date } : null,
      ...(position ? { position } : {}),
    });
  }
  return { actions, rest };
}
