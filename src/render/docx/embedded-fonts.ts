// Fonts embedded in the DOCX (Word's obfuscated .odttf parts), so the document looks the same on a machine
// without the theme's fonts. docx writes them with random keys; `stableFontKeys` makes the bytes reproducible.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Theme } from "../../theme/theme.js";
import { checkFont } from "../../theme/check-file.js";
import { installedOptionalFonts, preferredCjkPackage, shippedFallbacks } from "../fallback-fonts.js";
import type { FontLookup } from "../render-options.js";
import { scriptSpans } from "./script-fonts.js";

type FontOptions = { name: string; data: Buffer; bold?: Buffer; italic?: Buffer; boldItalic?: Buffer };

/** The body family, and the headings family when it is another one; each face once. */
export function embeddedFonts(theme: Theme): FontOptions[] {
  const families = [theme.fonts.body, theme.fonts.headings].filter(
    (f, i, all) => all.findIndex((g) => g.family === f.family) === i,
  );
  return families.map(({ family, files }) => {
    const seen = new Set([files.regular]);
    const face = (path: string): Buffer | undefined =>
      seen.has(path) ? undefined : (seen.add(path), readFileSync(path));
    const bold = face(files.bold);
    const italic = face(files.italic);
    const boldItalic = face(files.boldItalic);
    return {
      name: family,
      data: readFileSync(files.regular),
      ...(bold ? { bold } : {}),
      ...(italic ? { italic } : {}),
      ...(boldItalic ? { boldItalic } : {}),
    };
  });
}

/**
 * The fallback faces the document's text names (script-fonts.ts), so an embedding DOCX carries them too: the
 * shipped script fonts, and a CJK package when one is installed where minutes finds it.
 */
export function embeddedFallbacks(text: string, projectDir: string | undefined, world?: FontLookup): FontOptions[] {
  const named = new Set<string>();
  for (const span of scriptSpans(text)) {
    if (span.script === "cjk") named.add(preferredCjkPackage("", span.text).family);
    else if (span.script) named.add(span.script.family);
  }
  if (named.size === 0) return [];
  const faces = [...shippedFallbacks(), ...installedOptionalFonts(projectDir, "", world)];
  const font = (path: string): Buffer | undefined => {
    const data = readFileSync(path);
    return checkFont(data).ok ? data : undefined;
  };
  return faces
    .filter((face, i) => named.has(face.family) && faces.findIndex((f) => f.family === face.family) === i)
    .flatMap(({ family, files }) => {
      const data = font(files.regular);
      const bold = files.bold !== files.regular ? font(files.bold) : undefined;
      return data ? [{ name: family, data, ...(bold ? { bold } : {}) }] : [];
    });
}

const keyBytes = (guid: string): number[] =>
  guid
    .replace(/[{}-]/g, "")
    .match(/../g)!
    .map((h) => parseInt(h, 16))
    .reverse();

/**
 * Replaces each random font key with one derived from the font's own bytes, and re-obfuscates the font
 * part to match (the obfuscation XORs the first 32 bytes with the key, so XOR with the old and new keys).
 */
export function stableFontKeys(texts: Map<string, string>, files: Record<string, Uint8Array>): void {
  const table = texts.get("word/fontTable.xml");
  const rels = texts.get("word/_rels/fontTable.xml.rels");
  if (!table || !rels || !table.includes("w:fontKey")) return;
  const target = (id: string): string | undefined =>
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.slice(1).find(Boolean);
  const fixed = table.replace(/<w:embed(\w+) ([^>]*)\/>/g, (element: string, _face: string, attributes: string) => {
    const id = /r:id="([^"]+)"/.exec(attributes)?.[1];
    const old = /w:fontKey="([^"]+)"/.exec(attributes)?.[1];
    const path = id && target(id) ? `word/${target(id)}` : undefined;
    const data = path ? files[path] : undefined;
    if (!old || !path || !data) return element;
    const oldKey = keyBytes(old);
    const plain = data.slice();
    for (let i = 0; i < 32 && i < plain.length; i++) plain[i]! ^= oldKey[i % 16]!;
    const hex = createHash("sha256").update(plain).digest("hex").slice(0, 32).toUpperCase();
    const guid = `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
    const newKey = keyBytes(guid);
    for (let i = 0; i < 32 && i < plain.length; i++) plain[i]! ^= newKey[i % 16]!;
    files[path] = plain;
    return element.replace(old, guid);
  });
  texts.set("word/fontTable.xml", fixed);
}
