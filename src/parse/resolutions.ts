// Resolutions written in an item's discussion, the way W3C and IETF scribes record them ("RESOLVED: …",
// "Décision : …", "Beschluss: …"), with the vote lines or bullets under them: decisions too.
import { normalizeLabel } from "../i18n/text-match.js";
import { inlineText, type Block, type Inline } from "../model/minutes.js";
import { linesOf, paragraphsOf, voteOf, type Draft } from "./decision-lines.js";

/** A line of the discussion that records a decision, as scribes write them: "RESOLVED: …", "Décision : …", "Beschluss: …". */
const RESOLUTION =
  /^(?:resolved|resolution|decision|decided|agreed|decision prise|resolution adoptee|decision adoptee|acuerdo|resolucion|decisao|deliberacao|deliberado|resolucao|beschluss|beschlossen)\s*[:：]\s*\S/;

const isResolution = (line: string): boolean => RESOLUTION.test(normalizeLabel(line).replace(/^[-*+]\s*/, ""));

/** The inline content after the resolution label (up to its colon), which may be bold. */
export function afterLabel(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  while (out.length) {
    const node = out.shift()!;
    const plain = node.type === "text" ? node.value : inlineText([node]);
    const colon = plain.search(/[:：]/);
    if (colon < 0) continue;
    const rest = node.type === "text" ? node.value.slice(colon + 1) : "";
    return rest.trim() ? [{ type: "text", value: rest.replace(/^\s+/, "") }, ...out] : trimStart(out);
  }
  return inlines;
}

function trimStart(inlines: Inline[]): Inline[] {
  const [first, ...rest] = inlines;
  if (first?.type !== "text") return inlines;
  const value = first.value.replace(/^\s+/, "");
  return value ? [{ type: "text", value }, ...rest] : rest;
}

/** The resolutions written in an item's discussion ("RESOLVED: …" paragraphs and bullets), with the vote lines under them. */
export function resolutionDrafts(blocks: Block[], source: readonly string[]): Draft[] {
  const out: Draft[] = [];
  let last: Draft | undefined;
  for (const block of blocks) {
    const paragraphs = block.type === "paragraph" ? [block] : block.type === "list" ? paragraphsOf([block]) : [];
    if (!paragraphs.length) {
      last = undefined;
      continue;
    }
    for (const paragraph of paragraphs) {
      // Most paragraphs are neither a resolution nor a vote under one: told from their first words, unsplit.
      if (!last && !isResolution(inlineText(paragraph.children.slice(0, 2)).slice(0, 40))) continue;
      const lines = linesOf(paragraph, source);
      if (isResolution(lines[0]?.text ?? "")) {
        last = {
          paragraphs: [paragraph],
          labelled: true,
          ...(paragraph.position ? { position: paragraph.position } : {}),
        };
        out.push(last);
      } else if (last && lines.every((l) => voteOf(l.text) !== undefined)) last.paragraphs.push(paragraph);
      else last = undefined;
    }
  }
  return out;
}
