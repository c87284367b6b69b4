// Links a document may carry: web and mail addresses, telephone numbers and addresses relative to the
// document. Any other scheme (javascript:, file:, data:, vbscript:…) or a network path (\\server\share,
// //host) would put an active or local link into the published PDF and DOCX: such a link is kept as
// text, its address written after it, and a warning points at it. Runs on the tree before the model is
// built, so both renderers get the same safe links.
import type { Definition, Image, ImageReference, Link, LinkReference, Parent, Root, RootContent, Text } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import { spanOf } from "./mdast-to-blocks.js";
import { isSafeUrl } from "../model/safe-url.js";

export { isSafeUrl };

type Linking = Link | LinkReference | Image | ImageReference;

/** The text a refused link becomes: its words (or an image's alt text), then its address. */
function asText(node: Linking, url: string): RootContent[] {
  const words =
    node.type === "image" || node.type === "imageReference"
      ? [{ type: "text", value: node.alt ?? "" } as Text]
      : node.children;
  return [...words, { type: "text", value: ` <${url}>` } as Text];
}

/** Replaces every unsafe link of the tree by its text and address, with a warning at its place. */
export function disarmLinks(tree: Root, definitions: Map<string, Definition>, file: VFile): void {
  const urlOf = (node: Linking): string | undefined =>
    node.type === "link" || node.type === "image" ? node.url : definitions.get(node.identifier.toLowerCase())?.url;
  const visit = (parent: Parent): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i] as RootContent;
      if (
        node.type === "link" ||
        node.type === "linkReference" ||
        node.type === "image" ||
        node.type === "imageReference"
      ) {
        const url = urlOf(node);
        if (url !== undefined && !isSafeUrl(url)) {
          report(file, {
            severity: "warning",
            rule: "link-unsafe",
            message: text("link-unsafe", { url }),
            place: spanOf(node)?.start,
            hint: text("link-unsafe.hint"),
          });
          const replacement = asText(node, url);
          parent.children.splice(i, 1, ...(replacement as Parent["children"]));
          i += replacement.length - 1;
          continue;
        }
      }
      if ("children" in node) visit(node as Parent);
    }
  };
  visit(tree);
}
