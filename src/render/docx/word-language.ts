// The language tag written into w:lang and dc:language. Word proofs by locale ("fr-FR"), so a bare language
// gets its usual region; a tag that already names a region or script is kept as the author wrote it.
import { primaryLanguage } from "../../i18n/labels.js";

const usualRegion: Record<string, string> = {
  fr: "fr-FR",
  en: "en-GB",
  de: "de-DE",
  es: "es-ES",
  it: "it-IT",
  pt: "pt-PT",
  nl: "nl-NL",
  ar: "ar-SA",
};

export function wordLanguage(tag: string): string {
  const trimmed = tag.trim().replace(/_/g, "-");
  // w:lang is an xsd:string, but Word ignores anything that is not tag-shaped; fall back to no region.
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(trimmed)) return "en-GB";
  if (trimmed.includes("-")) return trimmed;
  return usualRegion[primaryLanguage(trimmed)] ?? trimmed.toLowerCase();
}
