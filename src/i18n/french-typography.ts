// French typography, applied to the text both renderers print when the language is French: a narrow
// no-break space (U+202F) before ; ! ?, a no-break space (U+00A0) before : and inside « », and no break
// inside numbers ("1 912"). Code and web addresses are left exactly as written.
import type { Block, Inline, ListItem } from "../model/minutes.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

/** Web addresses, e-mail addresses and paths inside prose: never touched. */
const PROTECTED =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>«»"]*|\b[\w.+-]+@[\w-]+\.[\w.-]+|\b(?:mailto|tel|urn):[^\s]*/gi;

function spaceProse(text: string): string {
  return (
    text
      // An ordinary space (or none, after a letter or closing mark) before ; ! ? becomes a narrow no-break space.
      .replace(/[ \t\u00a0]+([;!?])/g, `${NNBSP}$1`)
      .replace(/([\p{L}\p{N})\]»"'’])([;!?])(?=\s|$|[)\]»"'’.,;!?])/gu, `$1${NNBSP}$2`)
      // Before a colon: a no-break space; "09:00", "1:2" and "a:b" (no space either side) stay as written.
      .replace(/[ \t\u202f]+:/g, `${NBSP}:`)
      .replace(/([\p{L})\]»"'’]):(?=\s|$)/gu, `$1${NBSP}:`)
      // Inside guillemets.
      .replace(/«[ \t\u202f]*/g, `«${NBSP}`)
      .replace(/[ \t\u202f]*»/g, `${NBSP}»`)
      // Digit groups: "1 912", "12 345 678" (a space, then exactly three digits).
      .replace(/(\d)[ \u00a0](?=\d{3}(?!\d))/g, `$1${NNBSP}`)
  );
}

/** French spacing for one string of prose; addresses inside it are kept as written. */
export function frenchSpacing(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    // Trailing punctuation belongs to the sentence, not the address ("voir https://x.org/a !").
    const url = match[0].replace(/[.,;:!?)]+$/, "");
    out += spaceProse(text.slice(last, match.index)) + url;
    last = match.index + url.length;
  }
  return out + spaceProse(text.slice(last));
}

export function frenchInlines(inlines: Inline[]): Inline[] {
  return inlines.map((node): Inline => {
    switch (node.type) {
      case "text":
        return { ...node, value: frenchSpacing(node.value) };
      case "strong":
      case "emphasis":
      case "delete":
        return { ...node, children: frenchInlines(node.children) };
      case "link":
        // The link text is prose unless it is the address itself (autolinks).
        return {
          ...node,
          children: node.children.every((c) => c.type === "text" && c.value === node.url)
            ? node.children
            : frenchInlines(node.children),
        };
      default:
        return node;
    }
  });
}

export function frenchBlocks(blocks: Block[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case "paragraph":
      case "heading":
        return { ...block, children: frenchInlines(block.children) };
      case "list":
        return {
          ...block,
          items: block.items.map((item): ListItem => ({ ...item, children: frenchBlocks(item.children) })),
        };
      case "blockquote":
        return { ...block, children: frenchBlocks(block.children) };
      case "table":
        return {
          ...block,
          header: block.header.map(frenchInlines),
          rows: block.rows.map((row) => row.map(frenchInlines)),
        };
      default:
        return block;
    }
  });
}
