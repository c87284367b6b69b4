// The document metadata both formats write (PDF Info/XMP, DOCX core properties), so they describe the
// meeting in the same words.
import type { DocumentLayout } from "./document-layout.js";

export interface DocumentMetadata {
  title: string;
  /** The subtitle and the meeting date ("Réunion mensuelle — vendredi 23 septembre 2022"), else the title. */
  subject: string;
  /** The organisation, when the minutes name one. */
  author?: string;
  /** The stage of the minutes ("Draft", "Projet"), also at the end of the subject. */
  keywords?: string;
}

export function documentMetadata(layout: DocumentLayout): DocumentMetadata {
  const date = layout.info[0]?.value;
  const subject = [layout.subtitle, typeof date === "string" ? date : undefined].filter(Boolean).join(" — ");
  const described = subject || layout.title;
  return {
    title: layout.title,
    subject: layout.status ? `${described} — ${layout.status}` : described,
    ...(layout.status ? { keywords: layout.status } : {}),
    ...(layout.organisation ? { author: layout.organisation } : {}),
  };
}
