// An SVG logo made safe to put in a DOCX: parsed as XML (strictly, by @rgrove/parse-xml; entities and a
// document type declaration with declarations of its own are refused before parsing), then written again from the parse with only the
// elements and attributes a drawing needs. Gone: scripts, foreignObject, animations (they can set an href),
// event handlers (on…), references that leave the file (href, xlink:href, url(…) other than #local or an
// embedded PNG/JPEG), styles that import or escape, comments, processing instructions and editor
// metadata. What is written is well-formed by construction: every name comes from the lists below, every
// value is escaped.
import { parseXml, XmlElement, XmlError, XmlText } from "@rgrove/parse-xml";

export type CleanSvg = { ok: true; svg: string; root: XmlElement; removed: string[] } | { ok: false; message: string };

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

// SVG 1.1 / 2 elements of a static drawing. Anything else is left out with its content.
const elements = new Set([
  "svg", "g", "defs", "symbol", "use", "title", "desc", "switch", "a", "style",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "image",
  "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "filter",
  "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
  "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
  "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
  "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
]);
// Left out and named in the warning: what can run code, load something or rewrite an attribute.
const dangerous = /^(script|foreignObject|iframe|embed|object|audio|video|canvas|handler|listener|set|animate\w*|discard)$/i;

/** A reference that stays in the file: #id, or a PNG or JPEG embedded as a data: address. */
const localReference = (value: string) => /^\s*(#[^\s]*|data:image\/(png|jpeg|jpg)(;[\w=.+-]+)*(;base64)?,[^]*)$/i.test(value);

/** Every url(…) of a CSS or attribute value leads inside the file. */
function urlsAreLocal(value: string): boolean {
  for (const match of value.matchAll(/url\s*\(\s*(["']?)([^)]*?)\1\s*\)/gi)) if (!localReference(match[2]!)) return false;
  // An url( the pattern above could not read (unbalanced, escaped) counts as outside.
  return (value.match(/url\s*\(/gi)?.length ?? 0) === [...value.matchAll(/url\s*\(\s*(["']?)([^)]*?)\1\s*\)/gi)].length;
}

/** CSS (a style attribute or element) that loads nothing and hides nothing behind escapes. */
const safeCss = (css: string) => !/\\|@import|expression\s*\(|behavior\s*:|-moz-binding|javascript:/i.test(css) && urlsAreLocal(css);

/** What is wrong with an embedded image's bytes, or undefined when it is sound (check-file's checkImage). */
export type EmbeddedCheck = (bytes: Uint8Array) => string | undefined;

export function cleanSvg(text: string, checkEmbedded: EmbeddedCheck): CleanSvg {
  if (/<!ENTITY/i.test(text)) return { ok: false, message: "is an SVG that declares XML entities (<!ENTITY …>), which minutes does not read: an entity can pull in another file or grow to gigabytes" };
  // A plain <!DOCTYPE svg PUBLIC …> (Illustrator, Graphviz) names a DTD that is never read, and is left
  // out; declarations inside one ([…]) could define what the drawing means, and are refused.
  if (/<!DOCTYPE[^>[]*\[/i.test(text)) return { ok: false, message: "is an SVG whose document type declaration (<!DOCTYPE … [ … ]>) declares things itself, which minutes does not read" };
  let root: XmlElement | undefined;
  try {
    root = parseXml(text).root ?? undefined;
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { ok: false, message: `is a damaged SVG: ${error.message.split("\n")[0]!.replace(/\s*\(line \d+, column \d+\)$/, "").replace(/[.:]$/, "")} (line ${error.line}, column ${error.column} of the SVG)` };
  }
  if (root?.name !== "svg") return { ok: false, message: "is not an SVG image: its root element is not <svg>" };
  const xmlns = root.attributes.xmlns;
  if (xmlns !== undefined && xmlns !== SVG_NS) return { ok: false, message: `is not an SVG image: its namespace is ${xmlns}` };
  const removed = new Set<string>();
  const body = element(root, { removed, checkEmbedded }, true);
  return { ok: true, svg: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, root, removed: [...removed] };
}

interface Cleaning {
  removed: Set<string>;
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
    removed.add("<style> that loads or escapes");
    return "";
  }
  const open = [node.name, ...attributes].join(" ");
  return content ? `<${open}>${content}</${node.name}>` : `<${open}/>`;
}

/** The attribute's name if it stays, else undefined (noting why, when it matters). */
function attribute(owner: string, name: string, value: string, { removed, checkEmbedded }: Cleaning): string | undefined {
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
    const problem = data !== undefined ? checkEmbedded(Buffer.from(data.replace(/\s+/g, ""), "base64")) : /^\s*data:/i.test(value) ? "is not base64" : undefined;
    if (problem) {
      removed.add(`an embedded image that ${problem}`);
      return undefined;
    }
    return name;
  }
  if (name === "style" ? !safeCss(value) : !urlsAreLocal(value)) {
    removed.add(`${name}="${value.slice(0, 40)}" on <${owner}>`);
    return undefined;
  }
  return name;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
