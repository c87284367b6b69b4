// An SVG logo made safe to put in a DOCX: parsed as XML (strictly, by @rgrove/parse-xml; entities and a
// document type declaration with declarations of its own are refused before parsing), then written again from the parse with only the
// elements and attributes a drawing needs. Gone: scripts, foreignObject, animations (they can set an href),
// event handlers (on…), references that leave the file (href, xlink:href, url(…) other than #local or an
// embedded PNG/JPEG), styles that import or escape, comments, processing instructions and editor
// metadata. What is written is well-formed by construction: every name comes from the lists below, every
// value is escaped.
import { parseXml, XmlElement, XmlError, XmlText } from "@rgrove/parse-xml";
import { render, text, type Param, type Text } from "../i18n/messages.js";

/** `removed`: what the drawing held and the copy leaves out, as markup (`<script>`, `onload=`) or a catalogue text. */
export type CleanSvg = { ok: true; svg: string; root: XmlElement; removed: Param[] } | { ok: false; message: Text };

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

// SVG 1.1 / 2 elements of a static drawing. Anything else is left out with its content.
const elements = new Set([
  "svg",
  "g",
  "defs",
  "symbol",
  "use",
  "title",
  "desc",
  "switch",
  "a",
  "style",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "textPath",
  "image",
  "linearGradient",
  "radialGradient",
  "stop",
  "pattern",
  "clipPath",
  "mask",
  "marker",
  "filter",
  "feBlend",
  "feColorMatrix",
  "feComponentTransfer",
  "feComposite",
  "feConvolveMatrix",
  "feDiffuseLighting",
  "feDisplacementMap",
  "feDistantLight",
  "feDropShadow",
  "feFlood",
  "feFuncA",
  "feFuncB",
  "feFuncG",
  "feFuncR",
  "feGaussianBlur",
  "feImage",
  "feMerge",
  "feMergeNode",
  "feMorphology",
  "feOffset",
  "fePointLight",
  "feSpecularLighting",
  "feSpotLight",
  "feTile",
  "feTurbulence",
]);
// Left out and named in the warning: what can run code, load something or rewrite an attribute.
const dangerous =
  /^(script|foreignObject|iframe|embed|object|audio|video|canvas|handler|listener|set|animate\w*|discard)$/i;

/** A reference that stays in the file: #id, or a PNG or JPEG embedded as a data: address. */
const localReference = (value: string) =>
  /^\s*(#[^\s]*|data:image\/(png|jpeg|jpg)(;[\w=.+-]+)*(;base64)?,[^]*)$/i.test(value);

/** Every url(…) of a CSS or attribute value leads inside the file. */
function urlsAreLocal(value: string): boolean {
  for (const match of value.matchAll(/url\s*\(\s*(["']?)([^)]*?)\1\s*\)/gi))
    if (!localReference(match[2]!)) return false;
  // An url( the pattern above could not read (unbalanced, escaped) counts as outside.
  return (value.match(/url\s*\(/gi)?.length ?? 0) === [...value.matchAll(/url\s*\(\s*(["']?)([^)]*?)\1\s*\)/gi)].length;
}

/** CSS (a style attribute or element) that loads nothing and hides nothing behind escapes. */
const safeCss = (css: string) =>
  !/\\|@import|expression\s*\(|behavior\s*:|-moz-binding|javascript:/i.test(css) && urlsAreLocal(css);

/** What is wrong with an embedded image's bytes, or undefined when it is sound (check-file's checkImage). */
export type EmbeddedCheck = (bytes: Uint8Array) => Text | undefined;

export function cleanSvg(source: string, checkEmbedded: EmbeddedCheck): CleanSvg {
  if (/<!ENTITY/i.test(source)) return { ok: false, message: text("svg.entities") };
  // A plain <!DOCTYPE svg PUBLIC …> (Illustrator, Graphviz) names a DTD that is never read, and is left
  // out; declarations inside one ([…]) could define what the drawing means, and are refused.
  if (/<!DOCTYPE[^>[]*\[/i.test(source)) return { ok: false, message: text("svg.doctype") };
  let root: XmlElement | undefined;
  try {
    root = parseXml(source).root ?? undefined;
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    // The XML parser's reason stays in its English words.
    return {
      ok: false,
      message: text("svg.damaged", {
        error: error.message
          .split("\n")[0]!
          .replace(/\s*\(line \d+, column \d+\)$/, "")
          .replace(/[.:]$/, ""),
        line: error.line,
        column: error.column,
      }),
    };
  }
  if (root?.name !== "svg") return { ok: false, message: text("svg.root") };
  const xmlns = root.attributes.xmlns;
  if (xmlns !== undefined && xmlns !== SVG_NS)
    return { ok: false, message: text("svg.namespace", { namespace: xmlns }) };
  const removed = new Removed();
  const body = element(root, { removed, checkEmbedded }, true);
  return { ok: true, svg: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, root, removed: removed.list() };
}

/** What was left out, each named once (markup as written, or a catalogue text). */
class Removed {
  private readonly items = new Map<string, Param>();
  add(item: Param): void {
    this.items.set(typeof item === "object" ? render(item as Text, "en") : String(item), item);
  }
  list(): Param[] {
    return [...this.items.values()];
  }
}

interface Cleaning {
  removed: Removed;
  checkEmbedded: EmbeddedCheck;
}

function element(node: XmlElement, cleaning: Cleaning, isRoot = false): string {
  const { removed } = cleaning;
  const attributes: string[] = isRoot ? [`xmlns="${SVG_NS}"`, `xmlns:xlink="${XLINK_NS}"`] : [];
  for (const [name, value] of Object.entries(node.attributes)) {
    const kept = attribute(node.name, name, value, cleaning);
    if (kept) attributes.push(`${kept}="${escapeAttribute(value)}"`);
  }
  const children = node.children.map((child) => {
    if (child instanceof XmlElement) {
      if (elements.has(child.name)) return element(child, cleaning);
      if (dangerous.test(child.name.replace(/^\w+:/, ""))) removed.add(`<${child.name}>`);
      return "";
    }
    // Text and CDATA (an XmlCdata is an XmlText) become escaped text; comments and instructions go.
    return child instanceof XmlText ? escapeText(child.text) : "";
  });
  const content = children.join("");
  if (node.name === "style" && !safeCss(node.text)) {
    removed.add(text("svg.removed.style"));
    return "";
  }
  const open = [node.name, ...attributes].join(" ");
  return content ? `<${open}>${content}</${node.name}>` : `<${open}/>`;
}

/** The attribute's name if it stays, else undefined (noting why, when it matters). */
function attribute(
  owner: string,
  name: string,
  value: string,
  { removed, checkEmbedded }: Cleaning,
): string | undefined {
  if (/^on/i.test(name)) {
    removed.add(`${name}=`);
    return undefined;
  }
  // Namespaces are written by us on the root; of prefixed attributes only xlink:href and xml:space/lang
  // mean something to a drawing (an editor's inkscape:… or sodipodi:… does not).
  if (name === "xmlns" || name.startsWith("xmlns:")) return undefined;
  if (name.includes(":") && !["xlink:href", "xlink:title", "xml:space", "xml:lang"].includes(name)) {
    if (/:href$/i.test(name)) removed.add(`${name}="${value.slice(0, 40)}"`);
    return undefined;
  }
  if (name === "href" || name === "xlink:href") {
    if (!localReference(value)) {
      removed.add(`${name}="${value.slice(0, 40)}"`);
      return undefined;
    }
    // An embedded picture is checked like the logo itself (decoded, within the pixel limit).
    const data = /^\s*data:[^,]*;base64,([^]*)$/i.exec(value)?.[1];
    const problem =
      data !== undefined
        ? checkEmbedded(Buffer.from(data.replace(/\s+/g, ""), "base64"))
        : /^\s*data:/i.test(value)
          ? text("svg.not-base64")
          : undefined;
    if (problem) {
      removed.add(text("svg.removed.embedded-image", { problem }));
      return undefined;
    }
    return name;
  }
  if (name === "style" ? !safeCss(value) : !urlsAreLocal(value)) {
    removed.add(text("svg.removed.on", { attribute: `${name}="${value.slice(0, 40)}"`, element: `<${owner}>` }));
    return undefined;
  }
  return name;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) =>
  escapeText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
