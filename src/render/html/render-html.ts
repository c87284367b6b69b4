// Draws a document layout (the compte-rendu, the action register) as one self-contained HTML page: the
// layout's text and order, the theme's colours, fonts (subsets inlined as data: URIs) and logo, a print
// stylesheet with the PDF's page size, margins, running header and footer. It loads nothing: its
// Content-Security-Policy allows only its own stylesheet, and fonts and images from data: URIs; it runs no
// script, except the one a caller injects (the preview's reload channel), named by its hash. Same layout
// and theme give the same bytes.
import { createHash } from "node:crypto";
import { documentMetadata } from "../../layout/document-metadata.js";
import type { DocumentLayout } from "../../layout/document-layout.js";
import { pdfStyles } from "../pdf/pdf-styles.js";
import type { RenderOptions } from "../render-options.js";
import { bodyHtml, PageRules } from "./html-document.js";
import { fontFaces } from "./html-fonts.js";
import { marginLogo, pageCss } from "./html-styles.js";
import { escapeAttr, escapeText } from "./html-text.js";

/** What only the HTML renderer takes besides the render options. */
export interface HtmlOptions {
  /**
   * A script for the page to run (the preview's reload channel): written before </body> and allowed by
   * the page's policy through its hash, with connections to the page's own origin. Built files have none.
   */
  liveReloadScript?: string;
}

/** Right-to-left languages: the page's direction; each paragraph also takes its own from its first strong letter (dir="auto"). */
const RTL = new Set(["ar", "arc", "dv", "fa", "ha", "he", "iw", "khw", "ks", "ku", "ps", "sd", "ur", "yi"]);

export const pageDirection = (language: string): "rtl" | "ltr" =>
  RTL.has(language.toLowerCase().split(/[-_]/)[0] ?? "") ? "rtl" : "ltr";

/** The HTML renderer (renderers.ts). */
export async function renderHtml(layout: DocumentLayout, options: RenderOptions & HtmlOptions): Promise<Uint8Array> {
  return new TextEncoder().encode(htmlPage(layout, options));
}

export function htmlPage(layout: DocumentLayout, options: RenderOptions & HtmlOptions): string {
  const { theme } = options;
  const styles = pdfStyles(theme, layout.geometry);
  const rules = new PageRules();
  const logo = theme.logo ? { theme: theme.logo, uri: logoUri(theme.logo) } : undefined;
  const faces = fontFaces(layout, options);
  const body = bodyHtml({ layout, styles, rules, ...(logo ? { logo } : {}) });
  const printLogo = logo && marginLogo(styles, logo.theme, logo.uri);
  const css = `${faces.css}${pageCss(layout, styles, faces.stacks, printLogo)}${rules.rules.join("\n")}\n`;
  const meta = documentMetadata(layout);
  const script = options.liveReloadScript;
  const policy = contentSecurityPolicy(css, script);
  const language = escapeAttr(layout.language);
  return `<!DOCTYPE html>
<html lang="${language}" dir="${pageDirection(layout.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(meta.title)}</title>
<meta name="description" content="${escapeAttr(meta.subject)}">
${meta.author ? `<meta name="author" content="${escapeAttr(meta.author)}">\n` : ""}${meta.keywords ? `<meta name="keywords" content="${escapeAttr(meta.keywords)}">\n` : ""}<style>${css}</style>
</head>
<body>
<div class="page">
${body}
</div>
${script !== undefined ? `<script>${scriptText(script)}</script>\n` : ""}</body>
</html>
`;
}

/** The logo as a data: URI: the SVG as the theme loader cleaned it, else its PNG or JPEG. */
function logoUri(logo: NonNullable<RenderOptions["theme"]["logo"]>): string {
  if (logo.svg) return `data:image/svg+xml;base64,${Buffer.from(logo.svg).toString("base64")}`;
  return `data:image/${logo.type === "jpg" ? "jpeg" : "png"};base64,${Buffer.from(logo.image).toString("base64")}`;
}

/** A script's text cannot close its element: "</script" and "<!--" are broken up, which JavaScript reads the same. */
function scriptText(script: string): string {
  return script.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/**
 * Nothing but the page's own stylesheet (by its hash), fonts and images from data: URIs, and the injected
 * script if any (by its hash, with connections to its own origin for the reload channel). No style attribute,
 * no <base>, no form, no frame, no request elsewhere.
 */
function contentSecurityPolicy(css: string, script: string | undefined): string {
  const hash = (text: string): string => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  const scripts = script !== undefined ? `; script-src ${hash(scriptText(script))}; connect-src 'self'` : "";
  return `default-src 'none'; style-src ${hash(css)}; font-src data:; img-src data:${scripts}; base-uri 'none'; form-action 'none'`;
}
