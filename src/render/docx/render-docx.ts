// Draws a document layout (the compte-rendu, the action register) as DOCX bytes: the same texts, order and
// measures as the PDF, with the theme's named styles; then normalises the package so the same layout and
// timestamp always give the same bytes.
import { createDocument, type Document, keepStylesPart, Packer } from "./docx-library.js";
import type { DocumentLayout } from "../../layout/document-layout.js";
import { documentMetadata } from "../../layout/document-metadata.js";
import type { RenderOptions } from "../render-options.js";
import { documentBody } from "./document-body.js";
import { createContext } from "./docx-context.js";
import { normalisePackage, unzipParts, type PackageParts } from "./normalise-package.js";
import { pageFurniture } from "./page-furniture.js";
import { styleTable, tableStyleXml } from "./style-table.js";
import { embeddedFallbacks, embeddedFonts } from "./embedded-fonts.js";
import { wordLanguage } from "./word-language.js";

/** The DOCX renderer (renderers.ts): draws the layout with the theme's named styles. */
export async function renderDocx(layout: DocumentLayout, options: RenderOptions): Promise<Uint8Array> {
  const { theme } = options;
  const language = wordLanguage(layout.language);
  const ctx = createContext(theme, layout.geometry);
  // The body is built first: building it registers the list definitions the numbering part needs.
  const children = documentBody(layout, ctx);
  const meta = documentMetadata(layout);
  const creator = meta.author || "minutes";

  const document = createDocument({
    title: meta.title,
    subject: meta.subject,
    ...(meta.keywords ? { keywords: meta.keywords } : {}),
    creator,
    lastModifiedBy: creator,
    styles: styleTable(theme, language, layout.geometry),
    numbering: { config: ctx.lists.config() },
    // Word's theme fonts too, so "+Body" and "+Headings" in Word's font list mean the theme's family.
    theme: { fonts: { headings: theme.fonts.headings.family, body: theme.fonts.body.family } },
    ...(theme.fonts.embed
      ? {
          fonts: [...embeddedFonts(theme), ...embeddedFallbacks(layoutText(layout), options.projectDir, options.world)],
        }
      : {}),
    sections: [{ ...pageFurniture(layout, theme), children }],
  });

  const parts = await packageParts(document);
  keepStylesPart(document, parts);
  return normalisePackage(parts, {
    timestamp: options.timestamp,
    language,
    extraStyles: tableStyleXml(theme, ctx.margins),
  });
}

/** Every text of the layout in one string, to find the scripts it uses (functions such as the footer builder are left out). */
const layoutText = (layout: DocumentLayout): string => JSON.stringify(layout);

/**
 * The document's parts as docx's compiler writes them, before Packer zips them: normalisePackage rewrites
 * the zip anyway, so zipping and unzipping in between would be wasted (a fifth of a DOCX render). The
 * compiler is internal to docx (pinned in package.json); if it is not there, the packed zip is read back.
 */
async function packageParts(document: Document): Promise<PackageParts> {
  const compiler = (
    Packer as unknown as {
      compiler?: { compile?: (file: Document, prettify?: unknown, overrides?: unknown[]) => unknown };
    }
  ).compiler;
  const parts = typeof compiler?.compile === "function" ? compiler.compile(document, undefined, []) : undefined;
  if (parts instanceof Map) return parts as PackageParts;
  return unzipParts(new Uint8Array(await Packer.toArrayBuffer(document)));
}
