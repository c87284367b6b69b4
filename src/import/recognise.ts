// From a Word document (word-model.ts) to a meeting in our terms: the header (a key/value table, "Key: value"
// lines or the page header), the agenda, the items (Heading styles, numbered by hand or by Word, bold numbered
// lines, or the agenda's own titles), each item's discussion, decisions and actions (action tables recognised
// by the parser's own column words, prose "ACTION: …" lines, a final summary table matched to its items).
// Labels are the parser's (parse/section-labels.ts), so what `check` reads and what `import` recognises agree.
// Nothing is dropped: what has no place goes to the item it follows or before the items (page furniture, header
// rows that are no field: with a warning that says where it was in the Word file). A "Notes" item is not made:
// it would count as an agenda item.
import { supportedLanguages } from "../i18n/labels.js";
import { normalizeLabel } from "../i18n/text-match.js";
import { columnRoles } from "../parse/action-table.js";
import { dateRules, findDate, findDateAt, readDate, type DateRules } from "../parse/date-forms.js";
import { isNoDeadline, parseDeadline } from "../parse/deadline.js";
import { parseTimeRange } from "../parse/front-matter.js";
import { guessLanguage } from "../parse/guess-language.js";
import { personOf } from "../parse/people.js";
import { actionColumn, type ActionColumn } from "../parse/section-labels.js";
import {
  isFollowUpLabel,
  meetingPart,
  sectionKind,
  type MeetingPart,
  type SectionKind,
} from "../parse/section-labels.js";
import { escapeLineStart, inlineMarkdown, type InlineContext } from "./inline-markdown.js";
import {
  flatten,
  plainText,
  type Place,
  type WordBlock,
  type WordDocument,
  type WordParagraph,
  type WordTable,
} from "./word-model.js";

export interface ImportedAction {
  action: string;
  responsible: string;
  deadline: string;
  status?: string;
  notes?: string;
}

export interface ImportedItem {
  number: number | null;
  title: string;
  /** Markdown blocks. */
  discussion: string[];
  decisions: string[];
  actions: ImportedAction[];
  actionNotes: string[];
  noActions: boolean;
  /** The item was found in the agenda only. */
  fromAgenda?: boolean;
  /** The title holds the author's own numbering ("TOP 1: …"): written as it is, numbered by the build. */
  asWritten?: boolean;
  place?: Place;
}

export type ImportRule =
  | "import-no-date"
  | "import-no-items"
  | "import-unplaced"
  | "import-summary-unmatched"
  | "import-action-no-owner";

export interface ImportWarning {
  place: Place | null;
  /** The rule id, which is also its message's catalogue id (and `<rule>.hint` its hint's). */
  rule: ImportRule;
  params?: Record<string, string | number>;
}

export interface ImportedMeeting {
  frontMatter: Record<string, unknown>;
  /** The header values as found, label → value, for the report. */
  header: string[];
  preamble: string[];
  items: ImportedItem[];
  footnotes: string[];
  language: string;
  warnings: ImportWarning[];
}

export interface RecogniseOptions {
  language?: string;
  keepComments: boolean;
  /** The file name without its folder (a date in it is a last resort). */
  fileName: string;
  imagePath: (path: string) => string;
  locale?: string;
}

// A "summary of actions" at the end of the minutes: the importer's only own list of words (the parser has no
// such section: its actions are the items').
const SUMMARY_LABELS = new Set([
  "summary of actions",
  "summary of action items",
  "action summary",
  "actions summary",
  "summary of action points",
  "list of actions",
  "action log",
  "recapitulatif des actions",
  "recapitulatif des points d'action",
  "synthese des actions",
  "liste des actions",
  "tableau des actions",
  "resume des actions",
  "zusammenfassung der aufgaben",
  "aufgabenubersicht",
  "massnahmenubersicht",
  "resumen de acciones",
  "resumen de las acciones",
  "resumo das acoes",
  "resumo de acoes",
]);

// Columns of a summary table that name the item an action belongs to.
const ITEM_COLUMN =
  /^(item|items|agenda item|point|point de l'ordre du jour|n°|no\.?|#|punto|ponto|top|tagesordnungspunkt|sujet|topic|ref item)$/;

// Those of them that may as well number the actions themselves.
const ROW_NUMBER_COLUMN = /^(n°|no\.?|#)$/;

// "ACTION: Jane Doe to circulate the budget by 15 February 2024", "Action : SP/CCM – partager la présentation".
const PROSE_ACTION =
  /^\s*(?:\*\*)?(action(?: item)?s?|a faire|à faire|aufgabe|to-?do|accion|acción|acao|ação)(?:\*\*)?\s*[:\-–—]\s*(.+)$/i;
const PROSE_DECISION =
  /^\s*(?:\*\*)?(decision|décision|decided|beschluss|entscheidung|decisión|decisão|resolution|résolution)(?:\*\*)?\s*[:\-–—]\s*(.+)$/i;
const NEXT_MEETING =
  /^(?:date (?:of|for) (?:the )?next meeting|next meeting|prochaine reunion|date de la prochaine reunion|proxima reunion|proxima reuniao|nachste sitzung|nachstes treffen)\b\s*(?:[:\-–]\s*)?(.*)$/;

// Header rows that name the meeting ("Meeting | Finance Committee") or give its date ("Réunion du | 9 avril 2024").
const TITLE_LABELS =
  /^(meeting|meeting name|name of meeting|title|titre|objet|subject|reunion|intitule|sitzung|gremium|reunião|reuniao|titulo|asunto|assunto)$/;
const DATE_OF =
  /^(reunion du|seance du|meeting of|meeting held on|sitzung vom|reunion del|reuniao de|date de la seance|date et heure|datum und uhrzeit|date and time)$/;

// The column of an agenda table that holds the items' titles.
const TOPIC_COLUMN =
  /^(topic|topics|item|items|subject|agenda item|point|points|sujet|objet|intitule|thema|thema\/inhalt|punkt|tema|assunto|asunto)$/;

// A line that names a meeting: the title among the first lines.
const MEETING_WORDS =
  /\b(minutes|meeting|compte[- ]rendu|reunion|proces[- ]verbal|seance|protokoll|sitzung|niederschrift|acta|ata|reuniao|committee|board|conseil|comite|assemblee|assembly|council|working group|groupe de travail)\b/;

const ITEM_WORD =
  /^\s*(?:agenda item|item|point|punkt|top|tagesordnungspunkt|punto|ponto|pt\.?)\s*(\d{1,2})\s*[:.)\-–—]?\s+(?=\S)/i;
const TYPED_NUMBER = /^\s*((?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[A-Ha-h])\s*[.)\-–:]|\d{1,2}(?=\s+\p{Lu}))\s*/u;
const BULLET = /^\s*([•▪◦·○■□➢➤►▶✓✔\-–—*o])\s+/;

const clean = (s: string): string =>
  s
    .replace(/[\u00a0\u202f\t]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const stripColon = (s: string): string => s.replace(/\s*[:：]\s*$/, "").trim();

/** The text with a typed number and the trailing punctuation of an agenda line taken off. */
function bareTitle(s: string): { number?: string; title: string; ref?: string } {
  // "Agenda item 1: Review…", "TOP 1: Begrüßung…", "Point 2 – Budget": the word before the number goes too.
  const named = ITEM_WORD.exec(s);
  if (named)
    return {
      number: named[1]!,
      title: s
        .slice(named[0].length)
        .replace(/\s*[;.,]+\s*$/, "")
        .trim(),
    };
  // "BT/24/03 Finance report": a reference before the title, which a summary table may name.
  const ref = /^([A-Z]{1,5}\/\d{2}\/\d{1,3})\s+(\S.*)$/.exec(s);
  if (ref) return { title: ref[2]!.trim(), ref: ref[1]! };
  const m = TYPED_NUMBER.exec(s);
  const title = (m ? s.slice(m[0].length) : s)
    .replace(/\s*[;.,]+\s*$/, "")
    .replace(/\s*\{-\}\s*$/, "")
    .trim();
  return { ...(m ? { number: m[1]!.replace(/\s+/g, "") } : {}), title };
}

const words = (s: string): Set<string> =>
  new Set(
    normalizeLabel(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );

function similar(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return normalizeLabel(a) === normalizeLabel(b) ? 1 : 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(x.size, y.size);
}

/** The share of `a`'s words that `b` holds. */
function contained(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return x.size === 0 ? 0 : shared / x.size;
}

const numberOf = (typed: string | undefined): number | null => {
  const m = /^(\d{1,3})/.exec(typed ?? "");
  return m ? Number(m[1]) : null;
};

export function recognise(doc: WordDocument, options: RecogniseOptions): ImportedMeeting {
  return new Recogniser(doc, options).run();
}

class Recogniser {
  private readonly warnings: ImportWarning[] = [];
  private readonly fm: Record<string, unknown> = {};
  private readonly header: string[] = [];
  private readonly preamble: string[] = [];
  private readonly items: ImportedItem[] = [];
  private readonly inline: InlineContext;
  private readonly cell: InlineContext;
  private language = "en";
  private rules: DateRules;
  /** The agenda's entries; `note`: what its table says beside the title (presenter, time), said again in the item. */
  private agenda: { number?: string; title: string; used: boolean; note?: string }[] = [];
  private agendaNote: string | undefined;
  private itemLevel: number | undefined;
  private current: ImportedItem | undefined;
  private section: SectionKind = "discussion";
  private summary = false;
  private readonly stream: WordBlock[];
  /** The first block of each one-column table read as body text. */
  private readonly frameStarts = new Set<WordBlock>();

  constructor(
    private readonly doc: WordDocument,
    private readonly options: RecogniseOptions,
  ) {
    const base = {
      keepComments: options.keepComments,
      comments: doc.comments,
      footnotes: [] as string[],
      imagePath: options.imagePath,
    };
    this.inline = { ...base, inCell: false };
    this.cell = { ...base, footnotes: this.inline.footnotes, inCell: true };
    this.stream = unwrapContainers(doc.body, this.frameStarts);
    this.rules = dateRules(undefined);
  }

  run(): ImportedMeeting {
    this.chooseLanguage();
    this.readTitle();
    this.itemLevel = this.chooseItemLevel();
    for (const block of this.stream) this.take(block);
    this.readPageFurniture();
    this.addAgendaOnlyItems();
    this.finishFrontMatter();
    const footnotes = this.inline.footnotes.map((id, i) => {
      const blocks = this.doc.footnotes.get(id) ?? [];
      const text = flatten(blocks)
        .map((p) => inlineMarkdown(p.inlines, this.inline))
        .filter(Boolean)
        .join(" ");
      return `[^${i + 1}]: ${text || "—"}`;
    });
    return {
      frontMatter: this.fm,
      header: this.header,
      preamble: this.preamble,
      items: this.items,
      footnotes,
      language: this.language,
      warnings: this.warnings,
    };
  }

  private warn(place: Place | null, rule: ImportRule, params?: Record<string, string | number>): void {
    this.warnings.push({ place, rule, ...(params ? { params } : {}) });
  }

  // ---- language, title

  private chooseLanguage(): void {
    const given = this.options.language;
    const stated = this.doc.properties.language?.slice(0, 2).toLowerCase();
    const sample = flatten(this.stream)
      .map((p) => plainText(p.inlines))
      .join("\n")
      .slice(0, 20000);
    this.language =
      given ?? (stated && supportedLanguages.includes(stated) && this.fromMinutes() ? stated : guessLanguage(sample));
    this.fm.language = this.language;
    this.rules = dateRules(this.language, this.options.locale);
  }

  /** Whether the file was made by `minutes build` (its styles are ours). */
  private fromMinutes(): boolean {
    return flatten(this.stream).some((p) => p.styleId === "MinutesTitle");
  }

  private readTitle(): void {
    const paragraphs = this.stream;
    const styled = (re: RegExp) =>
      flatten(paragraphs).find((p) => re.test(p.styleId) || re.test(p.styleName.replace(/\s+/g, "")));
    const title = styled(/^(MinutesTitle|Title|Titre|Titel|Título|Titulo)$/i);
    const subtitle = styled(/^(MinutesSubtitle|Subtitle|Sous-titre|Untertitel|Subtítulo|Subtitulo)$/i);
    const organisation = flatten(paragraphs).find((p) => p.styleId === "Organisation");
    const used = new Set<WordParagraph>();
    if (title && clean(plainText(title.inlines))) {
      this.fm.title = clean(plainText(title.inlines));
      used.add(title);
      // "Friends of Hillside Library" (Title) then "Minutes of the Annual Planning Meeting held on …": the body's name, then the meeting's.
      const all = flatten(paragraphs);
      const next = all.slice(all.indexOf(title) + 1).find((p) => clean(plainText(p.inlines)) !== "");
      const nextText = next ? clean(plainText(next.inlines)) : "";
      if (
        next &&
        nextText.length <= 200 &&
        !MEETING_WORDS.test(normalizeLabel(String(this.fm.title))) &&
        MEETING_WORDS.test(normalizeLabel(nextText)) &&
        !/^[^:：]{1,40}[:：]/.test(nextText)
      ) {
        this.fm.organisation ??= this.fm.title;
        this.fm.title = nextText;
        used.add(next);
        const date = findDate(nextText, this.rules);
        if (date) {
          this.fm.date = date;
          this.header.push(`date: ${date}`);
        }
      }
    }
    if (subtitle && clean(plainText(subtitle.inlines))) {
      this.fm.subtitle = clean(plainText(subtitle.inlines));
      used.add(subtitle);
    }
    if (organisation && clean(plainText(organisation.inlines))) {
      this.fm.organisation = clean(plainText(organisation.inlines));
      used.add(organisation);
    }
    if (this.fm.title === undefined) {
      // The lines before the header, the agenda and the first item: the organisation, the title (the line that
      // names a meeting, else the first), a subtitle; a date in them is the meeting's.
      const lines: WordParagraph[] = [];
      for (const block of paragraphs) {
        if (block.kind === "table") break;
        const text = clean(plainText(block.inlines));
        if (!text) continue;
        if (
          text.length > 200 ||
          this.labelOf(text) ||
          /^[^:：]{1,40}[:：]\s*\S/.test(text) ||
          (TYPED_NUMBER.test(text) && !findDate(text, this.rules)) ||
          (block.outline !== undefined && lines.length > 0) ||
          lines.length >= 4
        )
          break;
        lines.push(block);
      }
      const texts = lines.map((l) => clean(plainText(l.inlines)));
      for (const i of this.titleBlock(texts)) used.add(lines[i]!);
      this.titleFromLines = lines.length > 1 || !MEETING_WORDS.test(normalizeLabel(String(this.fm.title ?? "")));
    }
    this.usedParagraphs = used;
  }

  /**
   * The title among a document's first lines (or its page header's): the line that names a meeting, else the
   * first; the line above it is the organisation, the one below the subtitle; a date in them is the meeting's.
   * Returns the indexes of the lines taken.
   */
  private titleBlock(texts: string[]): number[] {
    const taken: number[] = [];
    let at = texts.findIndex((t) => MEETING_WORDS.test(normalizeLabel(t)));
    if (at < 0) at = 0;
    if (!texts[at]) return taken;
    this.fm.title = texts[at];
    taken.push(at);
    if (at > 0 && this.fm.organisation === undefined && !findDate(texts[at - 1]!, this.rules)) {
      this.fm.organisation = texts[at - 1];
      taken.push(at - 1);
    }
    const next = texts[at + 1];
    if (next !== undefined && this.fm.subtitle === undefined && next.length <= 120) {
      this.fm.subtitle = next;
      taken.push(at + 1);
    }
    for (const t of texts) {
      const date = findDate(t, this.rules);
      if (date && this.fm.date === undefined) {
        this.fm.date = date;
        this.header.push(`date: ${date}`);
      }
    }
    return taken;
  }

  private usedParagraphs = new Set<WordParagraph>();
  /** The title was guessed from the first lines, and a header table's "Meeting" row may say better. */
  private titleFromLines = false;

  // ---- items: which heading level, which paragraphs

  private chooseItemLevel(): number | undefined {
    const headings = flatten(this.stream).filter(
      (p) =>
        p.outline !== undefined &&
        !this.usedParagraphs.has(p) &&
        clean(plainText(p.inlines)) !== "" &&
        this.labelOf(clean(plainText(p.inlines))) === undefined,
    );
    if (headings.length === 0) return undefined;
    // Our own DOCX: items are Heading 1, the title has its own style.
    if (this.fromMinutes()) return 0;
    const levels = [...new Set(headings.map((h) => h.outline!))].sort((a, b) => a - b);
    const top = levels[0]!;
    const atTop = headings.filter((h) => h.outline === top);
    // A single top heading above several of the next level is the document's title.
    if (
      atTop.length === 1 &&
      levels.length > 1 &&
      !TYPED_NUMBER.test(clean(plainText(atTop[0]!.inlines))) &&
      headings.filter((h) => h.outline === levels[1]).length >= 2
    ) {
      const heading = clean(plainText(atTop[0]!.inlines));
      const title = String(this.fm.title ?? "");
      if (this.fm.title === undefined) this.fm.title = heading;
      else if (MEETING_WORDS.test(normalizeLabel(heading)) && !MEETING_WORDS.test(normalizeLabel(title))) {
        // "COMMUNE DE …" (Title) above "PROCÈS-VERBAL DU CONSEIL MUNICIPAL" (Heading 1): the body, then the meeting.
        this.fm.organisation ??= title;
        if (this.fm.organisation !== title) this.preamble.push(escapeLineStart(title));
        this.fm.title = heading;
      } else if (this.fm.subtitle === undefined) this.fm.subtitle = heading;
      else return levels[1];
      this.usedParagraphs.add(atTop[0]!);
      return levels[1];
    }
    return top;
  }

  /** What a short line names: a section of an item, the agenda, a header part, a summary of actions. */
  private labelOf(
    text: string,
  ): { kind: "section"; section: SectionKind } | { kind: "part"; part: MeetingPart } | { kind: "summary" } | undefined {
    const label = stripColon(bareTitle(text).title || text);
    if (label.length > 80) return undefined;
    const norm = normalizeLabel(label);
    if (SUMMARY_LABELS.has(norm)) return { kind: "summary" };
    if (isFollowUpLabel(label)) return undefined;
    const section = sectionKind(label);
    if (section) return { kind: "section", section };
    const part = partOf(label);
    if (part) {
      this.guestLabel = GUEST_LABELS.has(normalizeLabel(label));
      return { kind: "part", part };
    }
    return undefined;
  }

  // ---- the walk

  private take(block: WordBlock): void {
    if (block.kind === "table" || this.frameStarts.has(block)) {
      // A table, or the start of a framed block, ends the agenda list and a header list.
      if (this.agendaMode && this.agenda.length > 0) this.agendaMode = false;
    }
    if (block.kind === "table") {
      this.takeTable(block);
      this.pendingPart = undefined;
      return;
    }
    if (this.frameStarts.has(block)) this.pendingPart = undefined;
    if (this.usedParagraphs.has(block)) return;
    const p = block;
    const text = clean(plainText(p.inlines));
    const hasImage = p.inlines.some((i) => i.type === "image");
    if (!text && !hasImage) return;

    // Our own "Next meeting: …" line: its date goes to the front matter (the build prints it again).
    if (p.styleId === "NextMeeting" || p.styleId === "DraftBanner") {
      if (p.styleId === "NextMeeting") this.readNextMeeting(text, true);
      return;
    }
    // A list item is never a label ("- Notes:" opens a sub-list, not a section).
    const listItem =
      p.outline === undefined && ((p.number !== undefined && p.number.label !== "") || BULLET.test(text));
    const label = listItem ? undefined : this.labelOf(text);
    const isHeadingLike = p.outline !== undefined || (p.allBold && text.length <= 120) || text.length <= 60;

    if (label?.kind === "summary" && isHeadingLike) {
      this.summary = true;
      return;
    }
    if (label?.kind === "section" && isHeadingLike && (this.current || label.section !== "discussion")) {
      if (!this.current) this.startItem({ title: "", number: null, place: p.place, implicit: true });
      this.section = label.section;
      this.summary = false;
      return;
    }
    if (label?.kind === "part" && label.part === "agenda" && isHeadingLike && !this.current) {
      this.agendaMode = true;
      this.pendingPart = undefined;
      return;
    }
    // "Key: value" lines of the header, before the first item.
    if (!this.current && this.headerLine(p, text)) return;
    if (label?.kind === "part" && isHeadingLike && !this.current) {
      this.pendingPart = label.part;
      return;
    }
    if (this.pendingPart && p.outline !== undefined) this.pendingPart = undefined;
    if (this.pendingPart) {
      if (
        (p.number || BULLET.test(text) || (text.length <= 80 && !p.allBold)) &&
        this.partValue(this.pendingPart, text, true)
      )
        return;
      this.pendingPart = undefined;
    }
    if (this.agendaMode) {
      if (this.agendaLine(p, text)) return;
      this.agendaMode = false;
    }

    this.agendaNote = undefined;
    const item = this.itemHeading(p, text);
    if (item) {
      this.startItem({ ...item, place: p.place });
      if (this.agendaNote) this.current!.discussion.push(escapeLineStart(this.agendaNote));
      return;
    }
    // "Prochaine réunion : 27 octobre 2022" gives `next_meeting:`; the line stays in the text as written (only
    // our own Next Meeting line, which the build prints again, is left out above).
    this.nextMeetingLine(text);
    const action = PROSE_ACTION.exec(text);
    if (action && this.current) {
      // The action goes to the item's table; the sentence stays where it was written, as the author's words.
      const found = this.proseAction(action[2]!);
      if (!found.responsible)
        this.warn(p.place, "import-action-no-owner", { action: clean(found.action).slice(0, 60) });
      this.current.actions.push(found);
      // (Said in the discussion, even when written under a decisions label.)
      if (this.section === "decisions") {
        this.push(this.current.discussion, escapeLineStart(this.paragraphMarkdown(p)), false);
        return;
      }
    }
    const decision = PROSE_DECISION.exec(text);
    if (decision && this.current) {
      this.current.decisions.push(
        `- ${escapeLineStart(this.paragraphMarkdown(p).replace(/^\s*(?:\*\*)?[^:\-–—*]+?(?:\*\*)?\s*[:\-–—]\s*(?:\*\*)?\s*/, ""))}`,
      );
      return;
    }
    this.addBlock(this.paragraphBlock(p, text), p);
  }

  private agendaMode = false;
  /** The label being read names guests ("In attendance", "Invités"): its people go to `guests:`. */
  private guestLabel = false;

  /** The header part a label names, noting whether it names guests. */
  private part(label: string): MeetingPart | undefined {
    const part = partOf(label);
    if (part) this.guestLabel = GUEST_LABELS.has(normalizeLabel(stripColon(label)));
    return part;
  }
  private pendingPart: MeetingPart | undefined;

  private startItem(item: {
    title: string;
    number: number | null;
    place: Place;
    implicit?: boolean;
    asWritten?: boolean;
  }): void {
    this.agendaMode = false;
    this.pendingPart = undefined;
    this.summary = false;
    const entry: ImportedItem = {
      number: item.number,
      title: item.title,
      discussion: [],
      decisions: [],
      actions: [],
      actionNotes: [],
      noActions: false,
      place: item.place,
      ...(item.asWritten ? { asWritten: true } : {}),
    };
    this.items.push(entry);
    this.current = entry;
    this.section = "discussion";
  }

  /** Whether the paragraph opens an agenda item, and its number and title. */
  private itemHeading(
    p: WordParagraph,
    text: string,
  ): { title: string; number: number | null; asWritten?: boolean } | undefined {
    if (text.length > 200) return undefined;
    const { number, title, ref } = bareTitle(text);
    const wordNumber = p.number?.ordered && p.number.level === 0 ? p.number.label : undefined;
    const typed = number ?? wordNumber;
    // "TOP 1: Begrüßung", "Agenda item 2: …", "BT/24/03 Finance report": the heading as written (the build numbers it).
    const asWritten = /^\s*(?:top|tagesordnungspunkt)\s*\d/i.test(text) || ref !== undefined;
    const numbered = asWritten
      ? { title: text, number: numberOf(typed), asWritten: true }
      : { title: title || text, number: numberOf(typed) };
    if (this.itemLevel !== undefined && p.outline !== undefined) {
      if (p.outline === this.itemLevel) return this.matchAgenda(numbered);
      return undefined;
    }
    // The agenda's own titles, found again in the body.
    const agendaMatch = this.agenda.find((a) => !a.used && similar(a.title, title || text) >= 0.75);
    // (Not a bullet, and not in a document whose items have a Heading style: there the headings say it.)
    const bulleted = (p.number !== undefined && !p.number.ordered) || BULLET.test(text);
    if (agendaMatch && this.itemLevel === undefined && !bulleted && (p.allBold || typed || text.length <= 120))
      return this.matchAgenda(numbered);
    // Bold numbered lines, in a document whose items have no heading style.
    if (
      this.itemLevel === undefined &&
      p.allBold &&
      typed &&
      (p.number ? p.number.level === 0 : true) &&
      text.length <= 160
    )
      return this.matchAgenda(numbered);
    return undefined;
  }

  private matchAgenda<T extends { title: string; number: number | null }>(item: T): T {
    const found = this.agenda.find((a) => !a.used && similar(a.title, bareTitle(item.title).title) >= 0.5);
    if (found) {
      found.used = true;
      this.agendaNote = found.note;
    }
    return item;
  }

  private agendaListed = false;
  private agendaByWord = false;

  private agendaLine(p: WordParagraph, text: string): boolean {
    if (p.outline !== undefined && p.outline <= (this.itemLevel ?? 9)) return false;
    if (text.length > 200) return false;
    if (p.allBold && !p.number && !TYPED_NUMBER.test(text) && this.agenda.length > 0) return false;
    // An entry met again is the first item's heading: the agenda has ended ("1. Rapport moral" after the list).
    const title = bareTitle(text.replace(BULLET, "")).title;
    if (this.agenda.length > 0 && this.agenda.some((a) => similar(a.title, title) >= 0.75)) return false;
    // A list numbered by Word ends where a paragraph without that numbering starts.
    if (this.agendaByWord && !p.number) return false;
    const listed =
      p.styleId === "AgendaEntry" ||
      p.number !== undefined ||
      TYPED_NUMBER.test(text) ||
      BULLET.test(text) ||
      /list/i.test(p.styleName);
    // Short lines before the list ("Ouverture (SP/CCM)"); once the list has begun, only its lines.
    if (listed || (!this.agendaListed && text.length <= 120)) {
      if (listed) this.agendaListed = true;
      if (p.number?.ordered) this.agendaByWord = true;
      const line = text.replace(BULLET, "");
      const { number, title } = bareTitle(line);
      const typed = number ?? (p.number?.ordered ? p.number.label : undefined);
      this.agenda.push({ ...(typed ? { number: typed } : {}), title, used: false });
      return true;
    }
    return false;
  }

  // ---- header

  /** A "Key: value" line of the header; true when it was taken. */
  private headerLine(p: WordParagraph, text: string): boolean {
    const m = /^([^:：]{1,40}?)\s*[:：]\s*(.*)$/.exec(text);
    if (!m) return false;
    // "Objet : Réunion du bureau", "Subject: …": the meeting's name; "Séance du : …", "Date et lieu : …": its date.
    const norm = normalizeLabel(m[1]!);
    if (TITLE_LABELS.test(norm) && m[2]!.trim() && !this.current) {
      if (this.fm.title === undefined || this.titleFromLines) this.fm.title = m[2]!.trim();
      else if (this.fm.subtitle === undefined) this.fm.subtitle = m[2]!.trim();
      else return false;
      return true;
    }
    if (DATE_OF.test(norm) && findDate(m[2]!, this.rules)) return this.partValue("date", m[2]!.trim(), false);
    const part = this.part(m[1]!);
    if (!part || part === "agenda") return false;
    const value = m[2]!.trim();
    if (value === "") {
      this.pendingPart = part;
      return true;
    }
    // Line breaks inside the paragraph separate people.
    const lines = plainText(p.inlines)
      .replace(/^[^:：]*[:：]/, "")
      .split("\n")
      .map(clean)
      .filter(Boolean);
    return this.partValue(part, lines.join("\n"), false);
  }

  /** A value of the header; false when it does not read as one (it then stays in the text). */
  private partValue(part: MeetingPart, value: string, continuation: boolean): boolean {
    const v = value.replace(BULLET, "").trim();
    if (!v) return true;
    switch (part) {
      case "date": {
        const date = readDate(v, this.rules)?.iso ?? findDate(v, this.rules);
        if (!date || continuation) return false;
        this.fm.date ??= date;
        this.header.push(`date: ${date}`);
        // "23 septembre 2022, 9h00 - 11h00": the time beside the date.
        const rest = v.replace(/^[^,;]*\d{4}\s*[,;–-]?\s*/, "");
        if (
          rest &&
          rest !== v &&
          /\d\s*[:h.]\s*\d{2}|\d\s*[ap]\.?m\b/i.test(rest) &&
          parseTimeRange(rest).start &&
          !this.fm.time
        )
          this.setTime(rest);
        // "12 mars 2024, salle du conseil", "Tuesday 12 March 2024 at 10:00 in Room 4": more than a date and a
        // time; the date is read, and the line stays in the text so that no word of it is lost.
        else if (rest && rest !== v && !this.fm.location && /\p{L}{3}/u.test(rest))
          this.preamble.push(escapeLineStart(v));
        return true;
      }
      case "time":
        // A long text under "Time" (a call-in note) is no time: it stays in the text.
        if (continuation || (v.length > 40 && !parseTimeRange(v).start)) return false;
        this.setTime(v);
        return true;
      case "location":
        if (continuation) return false;
        this.fm.location = v.replace(/\n/g, ", ");
        this.header.push(`location: ${this.fm.location}`);
        return true;
      case "chair":
      case "secretary":
        if (continuation) return false;
        if (this.fm[part] !== undefined) return false;
        this.fm[part] = personValue(v.split("\n")[0]!.replace(/[;,.]+$/, ""), this.fromMinutes());
        this.header.push(`${part}: ${v.split("\n")[0]!.replace(/[;,.]+$/, "")}`);
        return true;
      case "attendees":
      case "absent": {
        const people = splitPeople(v).map((entry) => personValue(entry, this.fromMinutes()));
        if (people.length === 0) return false;
        const key = part === "absent" ? "absent" : this.guestLabel ? "guests" : "attendees";
        const list = (this.fm[key] as unknown[] | undefined) ?? [];
        list.push(...people);
        this.fm[key] = list;
        return true;
      }
      default:
        return false;
    }
  }

  private setTime(v: string): void {
    // As written ("9h00 - 11h00"), which the build prints, when it reads as a time; else without "Uhr", "hrs"…
    const written = v.replace(/\s+/g, " ").trim();
    const plain = written.replace(/\s*(uhr|hrs?|h\.?)$/i, "").replace(/\s*[–—]\s*/g, "-");
    this.fm.time = parseTimeRange(written).start ? written : parseTimeRange(plain).start ? plain : written;
    this.header.push(`time: ${this.fm.time}`);
  }

  private nextMeetingLine(text: string): boolean {
    const m = NEXT_MEETING.exec(normalizeLabel(text));
    if (!m) return false;
    return this.readNextMeeting(text, false);
  }

  private readNextMeeting(text: string, ours: boolean): boolean {
    const at = findDateAt(text, this.rules);
    if (!at) return false;
    if (this.fm.next_meeting !== undefined) return true;
    if (ours) {
      // "Next meeting: Tuesday 4 June 2024, 14:00-15:30, Online (video call)".
      const after = text.slice(text.indexOf(":") + 1).split(/,\s*/);
      const dateIndex = after.findIndex((part) => findDate(part, this.rules) === at.date);
      const rest = after.slice(dateIndex + 1);
      const time = rest[0] && parseTimeRange(rest[0]).start ? rest.shift() : undefined;
      const location = rest.join(", ").trim();
      this.fm.next_meeting =
        time || location ? { date: at.date, ...(time ? { time } : {}), ...(location ? { location } : {}) } : at.date;
    } else this.fm.next_meeting = at.date;
    return true;
  }

  // ---- tables

  private takeTable(table: WordTable): void {
    const grid = tableGrid(table);
    if (grid.length === 0) return;
    if (!this.current && this.headerTable(table, grid)) return;
    if (!this.current && this.pendingPart && this.peopleTable(grid)) return;
    if (this.itemsTable(table, grid)) return;
    // A title row over the whole table ("Actions à mener") above the header row.
    const titled = grid.length > 2 && grid[0]!.filter((c) => clean(c.text)).length === 1;
    const body = titled ? grid.slice(1) : grid;
    const headerTexts = (body[0] ?? []).map((c) => clean(c.text));
    const itemColumn = headerTexts.findIndex((t) => ITEM_COLUMN.test(normalizeLabel(stripColon(t))));
    // "Item | Action | Owner | Deadline": the item column names the item, the action is the other.
    const roles = columnRoles(headerTexts.map((t, i) => (i === itemColumn ? "" : t)));
    if (roles) {
      if (titled) this.addBlock(this.cellText(grid[0]!.find((c) => clean(c.text))!), { place: table.place });
      this.actionTable(table, fillMerged(body), roles, itemColumn);
      return;
    }
    if (this.agendaMode) {
      // A header row ("# | Topic | Presenter | Time") says which column holds the titles.
      const head = grid[0]!.map((c) => normalizeLabel(stripColon(clean(c.text))));
      const topic = head.findIndex((h) => TOPIC_COLUMN.test(h));
      const rows = topic >= 0 || head.every((h) => !/\d/.test(h)) ? grid.slice(1) : grid;
      for (const row of rows) {
        const all = row.map((c) => clean(c.text));
        const cells = all.filter(Boolean);
        const numberCell = cells.find((c) => /^\d{1,2}[.)]?$/.test(c));
        const title =
          topic >= 0 && all[topic]
            ? all[topic]!
            : cells.filter((c) => c !== numberCell && !/^\d{1,2}[:h.]\d{2}/.test(c)).join(" – ");
        // The other columns (presenter, time), said again at the top of the item: "Presenter: … ; Time: …".
        const note =
          topic >= 0
            ? all
                .map((c, i) => (i !== topic && c && c !== numberCell ? `${clean(grid[0]![i]?.text ?? "")}: ${c}` : ""))
                .filter(Boolean)
                .join("; ")
            : "";
        if (title)
          this.agenda.push({
            ...(numberCell ? { number: numberCell } : {}),
            title: bareTitle(title).title,
            used: false,
            ...(note ? { note } : {}),
          });
      }
      this.agendaMode = false;
      return;
    }
    this.addBlock(this.tableMarkdown(grid), { place: table.place });
  }

  /**
   * Minutes written as one table, a row per item ("N° | Point | Discussion | Décision | Responsable | Échéance"):
   * each row an item, its cells the item's sections and action. True when the table was one.
   */
  private itemsTable(table: WordTable, grid: Cell[][]): boolean {
    if (grid.length < 2) return false;
    const head = grid[0]!.map((c) => stripColon(clean(c.text)));
    const topic = head.findIndex((h) => TOPIC_COLUMN.test(normalizeLabel(h)));
    const section = head.map((h) => sectionKind(h));
    const roles = head.map((h, i) =>
      i === topic || section[i] === "discussion" || section[i] === "decisions" ? undefined : actionColumn(h),
    );
    if (topic < 0 || !section.some((k) => k === "discussion" || k === "decisions")) return false;
    grid.slice(1).forEach((row, r) => {
      const place = { table: table.place.table, row: r + 2 };
      const title = clean(row[topic]?.text ?? "");
      if (!title) {
        // A row without a title continues the item above.
        if (!this.current) return;
      } else {
        const { number, title: bare } = bareTitle(title);
        const numberCell = row.find((c, i) => i !== topic && /^\d{1,2}[.)]?$/.test(clean(c.text)));
        this.startItem({
          title: bare || title,
          number: numberOf(number ?? (numberCell ? clean(numberCell.text) : undefined)),
          place,
        });
      }
      const item = this.current!;
      row.forEach((cell, i) => {
        const md = this.cellText(cell).replace(/<br>/g, "\n\n");
        if (i === topic || !md || /^\d{1,2}[.)]?$/.test(clean(cell.text))) return;
        if (section[i] === "discussion") item.discussion.push(escapeLineStart(md));
        else if (section[i] === "decisions") item.decisions.push(`- ${md.replace(/\n\n/g, " ")}`);
        else if (roles[i] === undefined || roles[i] === "notes" || roles[i] === "status")
          item.discussion.push(`**${escapeLineStart(head[i]!)}:** ${md}`);
      });
      const get = (role: ActionColumn) => {
        const i = roles.indexOf(role);
        return i >= 0 && row[i] ? this.cellText(row[i]!) : "";
      };
      const action = get("action");
      const responsible = get("responsible");
      // The action, else (an owner and a deadline beside a decision) the decision is the action.
      const decisionCell = row[section.indexOf("decisions")];
      const what =
        action && !isNoDeadline(clean(action))
          ? action
          : (responsible || get("deadline")) && decisionCell && clean(decisionCell.text)
            ? this.cellText(decisionCell)
            : "";
      if (what) {
        item.actions.push(this.action(what, responsible, get("deadline")));
        if (!clean(responsible)) this.warn(place, "import-action-no-owner", { action: clean(what).slice(0, 60) });
      }
    });
    return true;
  }

  /** A table of people under "Attendees" (Name | Organisation | Role): each row one person. */
  private peopleTable(grid: Cell[][]): boolean {
    const part = this.pendingPart!;
    if (part !== "attendees" && part !== "absent") return false;
    const head = grid[0]!.map((c) => normalizeLabel(stripColon(clean(c.text))));
    const nameAt = head.findIndex((h) =>
      /^(name|nom|names|noms|nombre|nome|participant|participante|teilnehmer|person)$/.test(h),
    );
    if (nameAt < 0) return false;
    const orgAt = head.findIndex((h) =>
      /^(organisation|organization|organisme|structure|agency|agence|institution|organizacion|organizacao|organisacion|entidade|entidad|verein|firma|company|service)$/.test(
        h,
      ),
    );
    const roleAt = head.findIndex((h) =>
      /^(role|rôle|fonction|function|position|title|cargo|funcion|funcao|funktion|rolle)$/.test(normalizeLabel(h)),
    );
    const people = grid.slice(1).flatMap((row) => {
      const name = clean(row[nameAt]?.text ?? "");
      if (!name) return [];
      const organisation = orgAt >= 0 ? clean(row[orgAt]?.text ?? "") : "";
      const role = roleAt >= 0 ? clean(row[roleAt]?.text ?? "") : "";
      return [
        organisation || role ? { name, ...(organisation ? { organisation } : {}), ...(role ? { role } : {}) } : name,
      ];
    });
    if (people.length === 0) return false;
    const key = part === "absent" ? "absent" : this.guestLabel ? "guests" : "attendees";
    this.fm[key] = [...((this.fm[key] as unknown[] | undefined) ?? []), ...people];
    this.pendingPart = undefined;
    return true;
  }

  /** A key/value table of the header (Date | 23 septembre 2022, Lieu | …); true when it was one. */
  private headerTable(table: WordTable, grid: Cell[][]): boolean {
    let labelled = 0;
    for (const row of grid)
      for (let i = 0; i + 1 < row.length; i++) {
        const label = stripColon(clean(row[i]!.text));
        const part = partOf(label);
        if (
          (part && part !== "agenda") ||
          TITLE_LABELS.test(normalizeLabel(label)) ||
          DATE_OF.test(normalizeLabel(label))
        )
          labelled++;
      }
    // Labels across the first row and the values under them ("Date | Time | Location" / "4 March 2024 | …").
    if (grid.length === 2 && grid[0]!.length >= 2) {
      const parts = grid[0]!.map((c) => partOf(stripColon(clean(c.text))));
      if (parts.filter((p) => p && p !== "agenda").length >= 2) {
        grid[0]!.forEach((cell, i) => {
          const label = stripColon(clean(cell.text));
          const part = this.part(label);
          const value = grid[1]![i];
          if (!part || part === "agenda" || !value || !clean(value.text)) return;
          if (!this.partValue(part, this.peopleColumns(part, [value]), false))
            this.addBlock(`**${escapeLineStart(label)}:** ${this.cellText(value)}`, {
              place: { table: table.place.table, row: 2 },
            });
        });
        return true;
      }
    }
    if (labelled < 2 && !(labelled === 1 && grid.length <= 2)) return false;
    let last: MeetingPart | undefined;
    grid.forEach((row, r) => {
      let i = 0;
      let taken = false;
      const filled = row.filter((c) => clean(c.text));
      // A first row that is one cell over the table: the meeting's name.
      if (r === 0 && filled.length === 1 && row.length > 1) {
        const name = clean(filled[0]!.text);
        if (this.fm.title === undefined) this.fm.title = name;
        else if (this.fm.subtitle === undefined) this.fm.subtitle = name;
        else this.addBlock(this.cellText(filled[0]!), { place: { table: table.place.table, row: 1 } });
        return;
      }
      while (i < row.length) {
        const label = stripColon(clean(row[i]!.text));
        const norm = normalizeLabel(label);
        // "Meeting | Finance Committee", "Objet | …": the meeting's name; "Réunion du | mardi 9 avril 2024, 18h30": its date.
        if (i + 1 < row.length && (TITLE_LABELS.test(norm) || DATE_OF.test(norm))) {
          const value = clean(row[i + 1]!.text);
          if (DATE_OF.test(norm) && findDate(value, this.rules)) this.partValue("date", value, false);
          else if (this.fm.title === undefined || this.titleFromLines) this.fm.title = value;
          else if (this.fm.subtitle === undefined) this.fm.subtitle = value;
          else this.addBlock(`**${escapeLineStart(label)}:** ${this.cellText(row[i + 1]!)}`, { place: table.place });
          taken = true;
          i += 2;
          continue;
        }
        const part = label ? this.part(label) : undefined;
        if (part && part !== "agenda" && i + 1 < row.length) {
          const values = row.slice(i + 1, this.nextLabel(row, i + 1));
          const text = this.peopleColumns(part, values);
          if (this.partValue(part, text, false)) {
            last = part;
            taken = true;
          } else
            this.addBlock(`**${escapeLineStart(label)}:** ${values.map((v) => this.cellText(v)).join(" ")}`, {
              place: { table: table.place.table, row: r + 1 },
            });
          i += 1 + values.length;
          continue;
        }
        i++;
      }
      // A row with an empty first cell continues the list above (one attendee per row).
      if (!taken && last && row[0] && clean(row[0].text) === "") {
        const text = this.peopleColumns(last, row.slice(1));
        if (this.partValue(last, text, true)) taken = true;
      }
      if (!taken) {
        const rest = row.map((c) => this.cellText(c)).filter(Boolean);
        if (rest.length) {
          this.addBlock(rest.join(" — "), { place: { table: table.place.table, row: r + 1 } });
          this.warn({ table: table.place.table, row: r + 1 }, "import-unplaced");
        }
      }
    });
    return true;
  }

  private nextLabel(row: Cell[], from: number): number {
    for (let i = from; i < row.length; i++) {
      const part = partOf(stripColon(clean(row[i]!.text)));
      if (part && part !== "agenda" && i + 1 < row.length) return i;
    }
    return row.length;
  }

  /** The people of value cells: one cell with a name per line, or a name column and an agency column. */
  private peopleColumns(part: MeetingPart, values: Cell[]): string {
    const texts = values.map((v) => v.lines.map(clean).filter(Boolean)).filter((t) => t.length > 0);
    if (
      (part === "attendees" || part === "absent") &&
      texts.length === 2 &&
      texts[0]!.length === texts[1]!.length &&
      texts[1]!.length > 0
    )
      return texts[0]!.map((name, i) => (texts[1]![i] ? `${name} (${texts[1]![i]})` : name)).join("\n");
    return texts.map((t) => t.join("\n")).join("\n");
  }

  private actionTable(table: WordTable, grid: Cell[][], roles: (ActionColumn | undefined)[], itemColumn: number): void {
    const rows = grid.slice(1);
    const summary = this.summary || (itemColumn >= 0 && this.items.length > 1);
    // A "No." / "N°" / "#" column that only counts the rows (1, 2, 3…) may number the actions, not the items
    // (a UN "Action points" table): its number is then only the fallback of the words an action shares.
    const counter =
      itemColumn >= 0 &&
      ROW_NUMBER_COLUMN.test(normalizeLabel(stripColon(clean(grid[0]![itemColumn]?.text ?? "")))) &&
      rows.length > 1 &&
      rows.every((row, r) => clean(row[itemColumn]?.text ?? "").replace(/\.$/, "") === String(r + 1));
    rows.forEach((row, r) => {
      const texts = row.map((c) => clean(c.text));
      if (texts.every((t) => t === "")) return;
      const get = (role: ActionColumn): string => {
        const i = roles.indexOf(role);
        return i >= 0 && row[i] ? this.cellText(row[i]!) : "";
      };
      const action = get("action");
      const others = texts.filter((_, i) => roles[i] !== "action");
      if (action && isNoDeadline(clean(action)) && others.every((t) => t === "" || isNoDeadline(t))) {
        if (this.current) this.current.noActions = true;
        return;
      }
      const extra = row
        .map((c, i) =>
          roles[i] === undefined && i !== itemColumn && clean(c.text)
            ? `${clean(grid[0]![i]!.text) || `#${i + 1}`}: ${this.cellText(c)}`
            : "",
        )
        .filter(Boolean);
      const notes = [get("notes"), ...extra].filter(Boolean).join("; ");
      const entry: ImportedAction = {
        ...this.action(
          action || texts.find(Boolean) || "",
          get("responsible").replace(/^[-–•]\s*/, ""),
          get("deadline"),
        ),
        ...(get("status") ? { status: get("status") } : {}),
        ...(notes ? { notes } : {}),
      };
      if (summary)
        this.summaryAction(
          entry,
          itemColumn >= 0 && !counter ? clean(row[itemColumn]?.text ?? "") : "",
          { table: table.place.table, row: r + 2 },
          counter ? r + 1 : null,
        );
      else {
        if (!this.current) this.startItem({ title: "", number: null, place: table.place, implicit: true });
        if (!clean(entry.responsible))
          this.warn({ table: table.place.table, row: r + 2 }, "import-action-no-owner", {
            action: clean(entry.action).slice(0, 60),
          });
        this.current!.actions.push(entry);
      }
    });
  }

  /** An action; a deadline that is no date ("end of April", "fin juin") stays with the task, where `check` accepts it. */
  private action(task: string, responsible: string, deadline: string): ImportedAction {
    if (deadline === "—") return { action: task, responsible, deadline: "" };
    if (deadline && !isNoDeadline(clean(deadline)) && !findDate(clean(deadline), this.rules))
      return { action: `${task} (${deadline})`, responsible, deadline: "" };
    return { action: task, responsible, deadline };
  }

  /** An action of a final summary table: given to the item it names, unless that item lists it already. */
  private summaryAction(action: ImportedAction, itemRef: string, place: Place, rowNumber: number | null = null): void {
    const ref = bareTitle(itemRef);
    const byNumber = numberOf(ref.number ?? itemRef);
    let item =
      (itemRef ? this.items.find((i) => normalizeLabel(i.title).startsWith(normalizeLabel(itemRef))) : undefined) ??
      (byNumber !== null ? this.items.find((i) => i.number === byNumber) : undefined) ??
      (ref.title ? this.items.find((i) => similar(i.title, ref.title) >= 0.5) : undefined);
    if (!item && !itemRef) {
      // No item named: the item whose text shares most words with the action.
      let best = 0;
      for (const i of this.items) {
        const text = [i.title, ...i.discussion].join(" ");
        // Beside a row counter, the share of the action's words the item holds: a long discussion is no penalty.
        const score = rowNumber !== null ? contained(action.action, text) : similar(action.action, text);
        if (score > best) {
          best = score;
          item = i;
        }
      }
      if (best < 0.2) item = rowNumber !== null ? this.items.find((i) => i.number === rowNumber) : undefined;
    }
    const same = (a: ImportedAction) =>
      normalizeLabel(a.action) === normalizeLabel(action.action) ||
      (similar(a.action, action.action) >= 0.5 && normalizeLabel(a.responsible) === normalizeLabel(action.responsible));
    // Written once in the item already (prose) and again in the summary: the same action.
    if (this.items.some((i) => i.actions.some(same))) return;
    if (item?.actions.some(same)) return;
    if (!item) {
      item = this.items[this.items.length - 1];
      this.warn(place, "import-summary-unmatched", { action: clean(action.action).slice(0, 60) });
      if (!item) {
        this.startItem({ title: "", number: null, place, implicit: true });
        item = this.current!;
      }
    }
    item.actions.push(action);
  }

  private proseAction(text: string): ImportedAction {
    // "Jane Doe to circulate the budget by 15 February 2024", "Jane Doe: circulate…", "SP/CCM – partager…".
    let rest = text.trim().replace(/\.$/, "");
    let deadline = "";
    // "Grace Otieno – share the list of off-grid schools – due 15 March 2024".
    const dashed =
      /^(.{2,60}?)\s+[–—-]\s+(.+?)\s+[–—-]\s+(?:due|by|deadline|échéance|avant le|pour le|bis)?\s*:?\s*(.+)$/i.exec(
        rest,
      );
    if (dashed && /^\p{Lu}/u.test(dashed[1]!) && findDate(dashed[3]!, this.rules)) {
      const plain = (s: string) =>
        inlineMarkdown([{ type: "text", text: s, bold: false, italic: false, strike: false, code: false }], this.cell);
      const task = dashed[2]!.trim();
      // The last part as written ("due 15 March 2024"), when the parser reads it as the deadline.
      const written = rest.replace(/^.*\s[–—-]\s+/, "").trim();
      const phrase =
        /^(?:due|by|deadline|échéance|avant le|pour le|bis)\b/i.test(written) &&
        parseDeadline(written, this.rules)?.date
          ? written
          : dashed[3]!.trim();
      return {
        action: plain(task),
        responsible: plain(dashed[1]!.trim()),
        deadline: plain(phrase),
      };
    }
    const by =
      /\s+(?:by|before|until|no later than|avant le|d'ici le|d'ici au|pour le|au plus tard le|bis zum|bis|hasta el|antes del|até)\s+(.+)$/i.exec(
        rest,
      );
    if (by && findDate(by[1]!, this.rules)) {
      // "by 15 February 2024" as written, when the parser reads it so (its words stay in the minutes).
      const phrase = by[0].trim();
      deadline = parseDeadline(phrase, this.rules)?.date ? phrase : by[1]!.trim();
      rest = rest.slice(0, by.index);
    } else {
      const paren = /\s*\(([^()]+)\)\s*$/.exec(rest);
      if (paren && findDate(paren[1]!, this.rules)) {
        deadline = paren[1]!.replace(/^(?:by|due|échéance|deadline)\s*:?\s*/i, "").trim();
        rest = rest.slice(0, paren.index);
      }
    }
    let responsible = "";
    const to = /^(.{2,60}?)\s+(?:to|will|shall|must|should|doit|va|devra|soll|wird|debe|deve)\s+(.+)$/.exec(rest);
    const colon = /^([^:–—]{2,60}?)\s*[:–—]\s+(.+)$/.exec(rest);
    const who = to && /^\p{Lu}/u.test(to[1]!) ? to : colon && /^\p{Lu}/u.test(colon[1]!) ? colon : undefined;
    if (who) {
      responsible = who[1]!.trim();
      rest = who[2]!.trim();
    }
    const plain = (s: string) =>
      inlineMarkdown([{ type: "text", text: s, bold: false, italic: false, strike: false, code: false }], this.cell);
    const action = rest;
    return { action: plain(action), responsible: plain(responsible), deadline: plain(deadline) };
  }

  private cellText(cell: Cell): string {
    return cell.paragraphs
      .map((p) => inlineMarkdown(p.inlines, this.cell).trim())
      .filter(Boolean)
      .join("<br>");
  }

  private tableMarkdown(grid: Cell[][]): string {
    const width = Math.max(...grid.map((r) => r.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
    const rows = grid.map((row) => row.map((c) => this.cellText(c)));
    // Each column's alignment, as its first row of data sets it (Word aligns paragraphs, not columns).
    const sample = grid[1] ?? grid[0]!;
    const rule = Array.from({ length: width }, (_, i) => {
      const align = sample[i]?.paragraphs[0]?.align;
      return align === "left" ? " :--- |" : align === "right" ? " ---: |" : align === "center" ? " :---: |" : " --- |";
    }).join("");
    return [line(rows[0]!), `|${rule}`, ...rows.slice(1).map(line)].join("\n");
  }

  // ---- content

  private paragraphMarkdown(p: WordParagraph): string {
    return inlineMarkdown(p.inlines, this.inline);
  }

  private paragraphBlock(p: WordParagraph, text: string): string {
    let md = this.paragraphMarkdown(p);
    // Headings below the item level: headings inside the item.
    if (p.outline !== undefined && this.itemLevel !== undefined && p.outline > this.itemLevel && this.current) {
      const level = Math.min(4, p.outline - this.itemLevel);
      // Our own Heading 3 is the first level below the sections (Heading 2).
      return `${"#".repeat(Math.min(6, 3 + level - (this.fromMinutes() ? 1 : 0)))} ${md.replace(/\\\n/g, " ")}`;
    }
    if (/quote/i.test(p.styleName) || p.styleId === "Quote")
      return md
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n");
    if (p.styleId === "Code" || /^(code|html preformatted|plain text|source code)$/i.test(p.styleName))
      return `\`\`\`\n${plainText(p.inlines)}\n\`\`\``;
    // Lists: Word's numbering, or a bullet typed at the start.
    if (p.number && p.number.label !== "") {
      const indent = "   ".repeat(p.number.level);
      if (p.number.ordered && /^\d+[.)]$/.test(p.number.label))
        return `${indent}${p.number.label.replace(")", ".")} ${md}`;
      if (p.number.ordered) return `${indent}- ${escapeLabel(p.number.label)} ${md}`;
      return `${indent}- ${md}`;
    }
    const bullet = /^\s*([•▪◦·○■□–])\s+/.exec(text);
    if (bullet || /^\s*-\s+\S/.test(text)) {
      md = md.replace(/^\s*(?:\\-|[•▪◦·○■□–-])\s+/, "");
      return `${"  ".repeat(Math.min(p.indent > 1 ? 1 : 0, 3))}- ${md}`;
    }
    return escapeLineStart(md);
  }

  private addBlock(md: string, p: { place: Place }): void {
    if (!md.trim()) return;
    // "- Grace Otieno – share the list – due 15 March 2024" under the actions label: an action.
    if (this.current && this.section === "actions" && /^\s*- /.test(md)) {
      const line = md.replace(/^\s*- /, "").replace(/\\([\\`*_[\]<>-])/g, "$1");
      const action = this.proseAction(line);
      if (action.responsible) {
        this.current.actions.push(action);
        return;
      }
    }
    const isListLine = /^\s*(?:[-*]|\d+[.)])\s/.test(md);
    if (!this.current) {
      this.push(this.preamble, md, isListLine);
      return;
    }
    const item = this.current;
    const target =
      this.section === "decisions" ? item.decisions : this.section === "actions" ? item.actionNotes : item.discussion;
    if (this.section === "actions" && isNoDeadline(clean(md.replace(/[*\\]/g, "")))) {
      item.noActions = true;
      return;
    }
    // Decisions written as paragraphs become a list.
    this.push(
      target,
      this.section === "decisions" && !isListLine && !md.startsWith("|") ? `- ${md}` : md,
      isListLine || this.section === "decisions",
    );
    void p;
  }

  /** Consecutive list lines are one Markdown list (no blank line between them). */
  private push(target: string[], md: string, listLine: boolean): void {
    const last = target.length - 1;
    if (
      listLine &&
      last >= 0 &&
      this.lastWasList === target &&
      /^\s*(?:[-*]|\d+[.)])\s/.test(target[last]!.split("\n").pop()!)
    )
      target[last] += `\n${md}`;
    else target.push(md);
    this.lastWasList = listLine ? target : undefined;
  }

  private lastWasList: string[] | undefined;

  // ---- the page header and footer, the agenda's items, the front matter

  private readPageFurniture(): void {
    const seen = new Set<string>();
    if (this.fm.title === undefined) {
      // No title in the body: the page header's first lines hold it ("Association …⏎Conseil d'administration |
      // Procès-verbal de la séance du 28 mai 2024"), each line of a cell a line.
      const lines = (this.doc.headers[0] ?? [])
        .flatMap((p) => plainText(p.inlines).split("\n"))
        .map(clean)
        .filter(
          (t) =>
            t &&
            t.length <= 200 &&
            !/^[^:：]{1,40}[:：]/.test(t) &&
            !/^(page|seite|pagina)?\s*\d*\s*((of|sur|de|von|\/)\s*\d*)?$/i.test(t),
        )
        .slice(0, 4);
      for (const i of this.titleBlock(lines)) seen.add(lines[i]!);
    }
    const title = normalizeLabel(String(this.fm.title ?? ""));
    for (const part of [...this.doc.headers, ...this.doc.footers]) {
      for (const p of part) {
        const text = clean(plainText(p.inlines));
        const lines = plainText(p.inlines).split("\n").map(clean).filter(Boolean);
        if (!text || seen.has(text) || lines.every((l) => seen.has(l))) continue;
        seen.add(text);
        const norm = normalizeLabel(text);
        if (norm === title || /^(page|seite|pagina)?\s*\d*(\s*(of|sur|de|von|\/)\s*\d*)?$/i.test(norm)) continue;
        if (this.fm.title === undefined && text.length <= 200 && !/^[^:]{1,40}:/.test(text)) {
          this.fm.title = text;
          continue;
        }
        const m = /^([^:：]{1,40}?)\s*[:：]\s*(.+)$/.exec(text);
        const part2 = m ? this.part(m[1]!) : undefined;
        if (
          m &&
          part2 &&
          part2 !== "agenda" &&
          this.fm[partKey(part2)] === undefined &&
          this.partValue(part2, m[2]!, false)
        )
          continue;
        const date = findDate(text, this.rules);
        if (date && this.fm.date === undefined && text.length <= 120) {
          this.fm.date = date;
          this.header.push(`date: ${date}`);
        }
        // Kept before the items (an address in the footer is no agenda item).
        if (!this.textSeen(norm)) this.preamble.push(escapeLineStart(inlineMarkdown(p.inlines, this.inline)));
      }
    }
  }

  private textSeen(norm: string): boolean {
    const all = normalizeLabel(
      [
        String(this.fm.title ?? ""),
        String(this.fm.subtitle ?? ""),
        String(this.fm.organisation ?? ""),
        ...this.preamble,
        ...this.items.flatMap((i) => [i.title, ...i.discussion]),
      ].join(" "),
    );
    return all.includes(norm);
  }

  /** Agenda entries with no item in the body: items of their own, where the agenda puts them. */
  private addAgendaOnlyItems(): void {
    if (this.agenda.length === 0) return;
    const items: ImportedItem[] = [];
    let next = 0;
    for (const entry of this.agenda) {
      const matched = this.items.findIndex(
        (item, i) => i >= next && similar(entry.title, bareTitle(item.title).title) >= 0.5,
      );
      if (matched >= 0) {
        items.push(...this.items.slice(next, matched + 1));
        next = matched + 1;
        continue;
      }
      if (this.items.some((item) => similar(entry.title, bareTitle(item.title).title) >= 0.5)) continue;
      items.push({
        number: numberOf(entry.number),
        title: entry.title,
        discussion: [],
        decisions: [],
        actions: [],
        actionNotes: [],
        noActions: false,
        fromAgenda: true,
      });
    }
    items.push(...this.items.slice(next));
    this.items.splice(0, this.items.length, ...items);
  }

  private finishFrontMatter(): void {
    if (this.fm.title === undefined)
      this.fm.title = this.doc.properties.title ?? this.options.fileName.replace(/\.docx$/i, "");
    if (this.fm.date === undefined) {
      const fromTitle = findDate(String(this.fm.title), this.rules);
      const fromSubject = this.doc.properties.subject ? findDate(this.doc.properties.subject, this.rules) : undefined;
      const fromName = findDate(this.options.fileName.replace(/[_]/g, "-"), this.rules);
      // "Minutes of the meeting held on 1 February 2024", "Séance du 5 février 2024": a date before the items.
      const fromPreamble = this.preamble
        .map((b) => findDate(b.replace(/[*\\]/g, ""), this.rules))
        .find((d) => d !== undefined);
      const date =
        fromTitle ??
        (this.fm.subtitle ? findDate(String(this.fm.subtitle), this.rules) : undefined) ??
        fromPreamble ??
        fromSubject ??
        fromName;
      if (date) {
        this.fm.date = date;
        this.header.push(`date: ${date}`);
      } else this.warn(null, "import-no-date");
    }
    if (this.items.length === 0) this.warn(null, "import-no-items");
    // "… held on 1 February 2024 at the Library, 18:00": a time in the title or subtitle.
    if (this.fm.time === undefined && !this.fromMinutes()) {
      const m = /(?<![\d:])(\d{1,2}[:h.]\d{2})(?:\s*(?:-|–|—|à|to)\s*(\d{1,2}[:h.]\d{2}))?(?![\d:])/.exec(
        `${this.fm.title ?? ""} ${this.fm.subtitle ?? ""}`,
      );
      if (m && parseTimeRange(m[0]).start) this.setTime(m[0]);
    }
    // "… held on 1 February 2024 at the Library, 18:00", "… tenue le 5 mars 2024 à la mairie": the place in the title.
    if (this.fm.location === undefined && !this.fromMinutes()) {
      const m = /\b(?:held|tenue?|réunie?)\b[^,]*?\s(?:at|à)\s+(?!\d)([^,]+?)\s*(?:,|$)/iu.exec(
        String(this.fm.title ?? ""),
      );
      if (m?.[1] && /\p{L}{3}/u.test(m[1])) {
        this.fm.location = m[1];
        this.header.push(`location: ${this.fm.location}`);
      }
    }
    // "Jane Doe (Chair)" among the attendees names the chair (and the secretary) when no line did.
    // (Not in our own DOCX: its header table has a Chair row when the meeting has a chair.)
    for (const person of this.fromMinutes() ? [] : ((this.fm.attendees as unknown[] | undefined) ?? [])) {
      if (typeof person !== "object" || person === null) continue;
      const { name, role } = person as { name: string; role?: string };
      const part = role ? meetingPart(role.replace(/^(co-?|vice[- ]?)/i, "")) : undefined;
      if ((part === "chair" || part === "secretary") && this.fm[part] === undefined && !/^(co-?|vice)/i.test(role!))
        this.fm[part] = name;
    }
    for (const key of ["attendees", "absent", "guests"] as const)
      if (Array.isArray(this.fm[key])) this.header.push(`${key}: ${(this.fm[key] as string[]).length}`);
    // The fields in the order our front matter writes them.
    const order = [
      "title",
      "subtitle",
      "organisation",
      "date",
      "time",
      "location",
      "language",
      "chair",
      "secretary",
      "attendees",
      "absent",
      "next_meeting",
    ];
    const sorted: Record<string, unknown> = {};
    for (const key of order) if (this.fm[key] !== undefined) sorted[key] = this.fm[key];
    for (const key of Object.keys(this.fm)) if (!(key in sorted)) sorted[key] = this.fm[key];
    for (const key of Object.keys(this.fm)) delete this.fm[key];
    Object.assign(this.fm, sorted);
  }
}

// Labels of people who attend without being members: `guests:` (the parser reads "In attendance" as attendees
// in a Markdown body; in a Word header beside "Present" it names the others).
const GUEST_LABELS = new Set([
  "in attendance",
  "also present",
  "also in attendance",
  "guests",
  "guest",
  "invites",
  "invite",
  "invitees",
  "observers",
  "observateurs",
  "gaste",
  "gast",
  "invitados",
  "convidados",
]);

/** The header part a label names: the parser's words, and the guests' labels (read as attendees, then moved). */
function partOf(label: string): MeetingPart | undefined {
  return GUEST_LABELS.has(normalizeLabel(label)) ? "attendees" : meetingPart(label);
}

// What people put in brackets after a name that is a role, not an organisation.
const ROLE_WORDS =
  /^(co-?|vice[- ]?)?(chair|chairs|chairperson|chairwoman|chairman|secretary|treasurer|director|minutes|note[- ]?taker|facilitator|president|presidente|president de seance|tresorier|tresoriere|secretaire|secretaire de seance|maire|adjoint|adjointe|vorsitz|vorsitzende|vorsitzender|protokoll|schriftfuhrer|kassenwart|secretario|secretaria|tesorero|tesorera|tesoureiro|presidenta|member|membre|observer|guest|invite|pouvoir|proxy)\b/;

/**
 * "Jane Doe (Chair)" → { name, role }; "Helen Ward (HW, Chair)" → { name, abbreviation, role }; "Amina Okafor
 * (Open Mapping Foundation), Chair" (as our own DOCX prints a person) → { name, organisation, role }; "Jo (ACME)"
 * stays as written, which the parser reads as a name and an organisation.
 */
function personValue(entry: string, ours = false): string | Record<string, string> {
  const withRole = /^(.+?)(?:\s*\(([^()]+)\))?,\s+([^,()]+)$/.exec(entry);
  if (withRole && (withRole[2] || ROLE_WORDS.test(normalizeLabel(withRole[3]!)))) {
    const out: Record<string, string> = { name: withRole[1]!.trim() };
    if (withRole[2]) Object.assign(out, bracketParts(withRole[2], withRole[1]));
    out.role = withRole[3]!.trim();
    return out;
  }
  // Our own DOCX prints "Name (Organisation)" for a person with an organisation, and a name written with
  // brackets as it was: read back as the parser reads a list of people (parse/people.ts).
  if (ours) {
    const acronym = /^(.+?)\s*\(([^()]+)\)$/.exec(entry);
    // ("Ministère de l'Intérieur (MI)": the name's own acronym, written as part of it.)
    if (acronym && isAcronymOf(acronym[2]!, acronym[1]!) && !personName(acronym[1]!)) return entry;
    return personOf(entry);
  }
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(entry);
  if (!m) return entry;
  const parts = bracketParts(m[2]!, m[1]);
  return Object.keys(parts).length ? { name: m[1]!.trim(), ...parts } : entry;
}

/** A person's name, not an organisation's: two to four words, each capitalised ("Jane Doe", "Élodie Martin"). */
const personName = (name: string): boolean => /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(name.trim());

/** "MI" of "Ministère de l'Intérieur", "SP-CCM" of "Secrétariat Permanent du Cadre de Concertation Migration". */
function isAcronymOf(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, "");
  if (letters.length < 2 || !/^[\p{Lu}\d\s/&.-]+$/u.test(acronym)) return false;
  const initials = (name.match(/(?<!\p{L})\p{Lu}/gu) ?? []).join("");
  let at = 0;
  for (const ch of initials) if (ch === letters[at]) at++;
  return at === letters.length;
}

/** What a person's brackets hold: an abbreviation (JD), a role (Chair, pouvoir à …), an organisation. */
function bracketParts(inside: string, name?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of inside.split(/\s*,\s*/)) {
    // Initials of a person's name ("Jane Doe (JD)"); other capitals name an organisation ("(ACME)").
    if (name && isAcronymOf(part, name) && personName(name) && !out.abbreviation) out.abbreviation = part;
    else if ((ROLE_WORDS.test(normalizeLabel(part)) || /^\p{Ll}/u.test(part)) && !out.role) out.role = part;
    else rest.push(part);
  }
  if (rest.length) out.organisation = rest.join(", ");
  // The name's own acronym is part of the name as written ("Ministère de l'Intérieur (MI)", "… Migration (SP-CCM)").
  if (!out.role && name && isAcronymOf(inside, name) && !personName(name)) return {};
  return out;
}

const partKey = (part: MeetingPart): string => (part === "absent" ? "absent" : part === "location" ? "location" : part);

const escapeLabel = (label: string): string => label.replace(/[\\*_[\]]/g, "\\$&");

/** People in a value: one per line, else separated by commas or semicolons; bullets and trailing ";" taken off. */
function splitPeople(value: string): string[] {
  const lines = value.split("\n").map(clean).filter(Boolean);
  const parts = lines.length > 1 ? lines : lines.flatMap((l) => splitOutsideBrackets(l));
  // "Ana Lima, Chair": a role after a comma belongs to the name before it.
  for (let i = parts.length - 1; i > 0; i--)
    if (ROLE_WORDS.test(normalizeLabel(parts[i]!.trim()))) parts.splice(i - 1, 2, `${parts[i - 1]},${parts[i]}`);
  return parts
    .map((s) =>
      s
        .replace(BULLET, "")
        .replace(/[\s;,.]+$/, "")
        .trim(),
    )
    .filter((s) => s && !/^(none|aucun|aucune|keine|ninguno|nenhum|n\/a|-+)$/i.test(s));
}

function splitOutsideBrackets(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of line) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    if ((ch === "," || ch === ";") && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface Cell {
  mergedUp?: boolean;
  text: string;
  lines: string[];
  paragraphs: WordParagraph[];
}

/** A table as a grid of cells, spans spread (the spanned columns empty), merged cells given their first cell's text once. */
function tableGrid(table: WordTable): Cell[][] {
  return table.rows.map((row) => {
    const out: Cell[] = [];
    for (const cell of row) {
      const paragraphs = cell.mergedUp ? [] : flatten(cell.blocks);
      const lines = paragraphs.flatMap((p) => plainText(p.inlines).split("\n"));
      out.push({ text: lines.join(" "), lines, paragraphs, ...(cell.mergedUp ? { mergedUp: true } : {}) });
      for (let i = 1; i < cell.span; i++) out.push({ text: "", lines: [], paragraphs: [] });
    }
    return out;
  });
}

/** A merged cell's text on every row it covers (one owner and deadline for two actions). */
function fillMerged(grid: Cell[][]): Cell[][] {
  return grid.map((row, r) =>
    row.map((cell, i) => {
      if (!cell.mergedUp) return cell;
      for (let up = r - 1; up >= 0; up--) {
        const above = grid[up]![i];
        if (above && !above.mergedUp) return above;
      }
      return cell;
    }),
  );
}

/** One-column tables used as frames (an item boxed in a table, as in the seed): their content read as the body's. */
function unwrapContainers(blocks: WordBlock[], starts: Set<WordBlock>): WordBlock[] {
  const out: WordBlock[] = [];
  for (const b of blocks) {
    if (b.kind === "table" && b.rows.length > 0 && b.rows.every((r) => r.length === 1)) {
      const first = out.length;
      for (const row of b.rows) out.push(...unwrapContainers(row[0]!.blocks, starts));
      if (out[first]) starts.add(out[first]!);
    } else out.push(b);
  }
  return out;
}
