// The layout stage's result, the one contract between layout and every drawn format: what the document
// says, in order, with its labels localised and every shared measure decided (geometry.ts). The DOCX and
// the PDF renderers draw a DocumentLayout and nothing else, for the compte-rendu and the action register alike.
import type { Labels } from "../i18n/labels.js";
import type { Block, Inline } from "../model/minutes.js";
import type { Geometry } from "./geometry.js";
import type { PageLine } from "./page-template.js";

export interface InfoRow {
  label: string;
  /** One line of text, or a list (attendees). */
  value: string | string[];
}

export interface Section {
  label: string;
  blocks: Block[];
}

export interface ActionTable {
  columns: string[];
  /** Each row holds one cell per column. */
  rows: Inline[][][];
  /** True when the item had no actions and the table holds the single "N/A" row. */
  empty: boolean;
  /**
   * Column widths, decided by the layout (geometry.ts, column-fit.ts): in points across the text width when the
   * theme's fonts measured the longest words, else the plain proportions. Both formats split the width so.
   */
  weights: number[];
}

export interface ItemLayout {
  heading: string;
  /** Text drawn under the heading, before the sections (the follow-up section's source meeting). */
  intro?: Block[];
  sections: Section[];
  /** Absent for an unnumbered item (opening, closing) that has no actions: no "N/A" table there. */
  actions?: ActionTable;
  /** Content written in the actions section besides the table. */
  actionNotes: Block[];
  /** A band drawn under the heading: "Confidential" over an item held in camera, in the internal edition. */
  banner?: string;
}

export interface DocumentLayout {
  language: string;
  labels: Labels;
  /** The page header's text on every page but the first (the theme's template, page fields aside). */
  headerText: string;
  /** Page header and footer lines from the theme's templates, each with a first-page variant. */
  pageHeader: { every: PageLine; first: PageLine };
  pageFooter: { every: PageLine; first: PageLine };
  /** Set when the front matter says `status: draft`: the marking and its text. */
  draft?: { mark: "watermark" | "banner"; text: string };
  organisation?: string;
  title: string;
  subtitle?: string;
  info: InfoRow[];
  preamble: Block[];
  agendaTitle: string;
  /** The items' headings, in order: the agenda's entries, each linked to its item. */
  agenda: string[];
  /** The agenda as the document planned it (before a "Meeting notes" section): drawn instead of `agenda`'s entries. */
  agendaBlocks?: Block[];
  /** The previous meeting's actions and their current status, drawn after the agenda, before the items. */
  followUp?: ItemLayout;
  items: ItemLayout[];
  /** `label` already ends with its colon ("Prochaine réunion\u00a0: " in French, "Next meeting: "). */
  nextMeeting?: { label: string; text: string };
  /**
   * The stage of the minutes in the document's metadata ("Draft", "Approved", localised): PDF Info and XMP
   * keywords and subject, DOCX core properties, the HTML page's meta tags.
   */
  status?: string;
  /** The signature block after the last item (the theme's `signatures:`): drawn as blocks, like the preamble. */
  signatures?: Block[];
  /** Builds the footer text for a page. */
  footer: (page: number | string, pages: number | string) => string;
  /** Every measure both formats share: the info table's columns, rules, tints (geometry.ts). */
  geometry: Geometry;
}
