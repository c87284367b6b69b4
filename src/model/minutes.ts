// The one document model between the parser and the renderers (like pandoc's AST).
// Renderers read only these types, never mdast. Every node that the author wrote keeps its source position.

/** A place in the source file: 1-based line and column. */
export interface Point {
  line: number;
  column: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** Inline content: what a paragraph, a heading or a table cell holds. */
export type Inline =
  | { type: "text"; value: string }
  | { type: "strong"; children: Inline[] }
  | { type: "emphasis"; children: Inline[] }
  | { type: "delete"; children: Inline[] }
  | { type: "code"; value: string }
  | { type: "link"; url: string; children: Inline[] }
  | { type: "break" };

export interface ListItem {
  /** GFM task list state; null when the item is not a task. */
  checked: boolean | null;
  children: Block[];
}

export type TableAlign = "left" | "right" | "center" | null;

/** Block content: the body of a discussion, of decisions or of a note. */
export type Block =
  | { type: "paragraph"; children: Inline[]; position?: Span }
  /**
   * A heading inside an agenda item; level 1 is the first level below the item heading. `confidential`: the
   * sub-section it opens is held in camera (`### Salaries {.confidential}`); `heldInCamera`: the public
   * edition's stand-in for such a sub-section (no text of its own: the layout prints the localised line).
   */
  | {
      type: "heading";
      level: number;
      children: Inline[];
      position?: Span;
      confidential?: boolean;
      heldInCamera?: boolean;
    }
  | { type: "list"; ordered: boolean; start: number; items: ListItem[]; position?: Span }
  | { type: "blockquote"; children: Block[]; position?: Span }
  | { type: "table"; align: TableAlign[]; header: Inline[][]; rows: Inline[][][]; position?: Span }
  | { type: "code"; lang: string | null; value: string; position?: Span }
  | { type: "thematicBreak"; position?: Span };

export interface Person {
  name: string;
  organisation?: string;
  /** Initials or short name used in the minutes ("JD"), from an attendee table's abbreviation column. */
  abbreviation?: string;
  role?: string;
}

export interface TimeRange {
  /** As the author wrote it, e.g. "09:00-11:00". */
  text: string;
  /** "HH:MM" when it could be read. */
  start?: string;
  end?: string;
}

export interface NextMeeting {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  time?: TimeRange;
  location?: string;
}

export interface MeetingInfo {
  title: string;
  subtitle?: string;
  organisation?: string;
  /** ISO date, YYYY-MM-DD: the meeting's (first) day. */
  date: string;
  /** The last day of a meeting held over several days (YYYY-MM-DD, after `date`). */
  endDate?: string;
  time?: TimeRange;
  location?: string;
  /** BCP 47 tag as given; labels come from its primary language. */
  language: string;
  attendees: Person[];
  absent: Person[];
  /** Apologies written under `excused:`; when given, `absent` lists those absent without apologies. */
  excused?: Person[];
  /** People invited who are not members of the body (`guests:`); attendees who are not members count as guests too. */
  guests?: Person[];
  chair?: Person;
  secretary?: Person;
  nextMeeting?: NextMeeting;
  /** The previous meeting's file (`previous:`), resolved by the build, not the parser. */
  previous?: PreviousMeetingRef;
  /** Where `theme:` is written, for messages about the theme it names. */
  themePlace?: Point;
  /** Front-matter keys the model has no place for, kept so nothing is lost (shown in JSON only). */
  extra: Record<string, unknown>;
  /** The meeting cycle's stage (`status:`): a convocation not yet held, minutes in draft, or approved minutes. */
  status?: MeetingStatus;
  /** When and by whom the minutes were approved (`approved: {date, by}`). */
  approved?: Approval;
  /** This meeting approves the previous minutes (`approves: previous`, or an agenda item "Approval of the minutes…"). */
  approves?: { path?: string; place?: Point; item?: number | null };
  /** Item numbers and titles held in camera (`confidential:`), besides the items marked `{.confidential}`. */
  confidential?: (number | string)[];
  /** Who is invited (`invitees:`), for the convocation; the attendees when not given. */
  invitees?: Person[];
  /** Documents attached to the convocation (`documents:`): a title and a link. */
  documents?: { title: string; url?: string }[];
  /** The date by which invitees answer the convocation (`reply_by:`), YYYY-MM-DD. */
  replyBy?: string;
}

export type MeetingStatus = "agenda" | "draft" | "approved";

export interface Approval {
  /** YYYY-MM-DD. */
  date: string;
  /** The body or the meeting that approved them ("Board meeting of 2025-02-12"). */
  by?: string;
}

export interface Deadline {
  /** As the author wrote it. */
  text: string;
  /** ISO date when the text could be read as a date. */
  date?: string;
  /** True for markers that mean "no deadline" (///, N/A, TBD): kept so the author's text is printed. */
  none?: boolean;
}

export interface ActionItem {
  action: Inline[];
  responsible: Inline[];
  /** null when the cell is empty; `none: true` for "no deadline" markers such as ///, N/A, TBD. */
  deadline: Deadline | null;
  status?: Inline[];
  notes?: Inline[];
  position?: Span;
  /**
   * Stable id: the author's (an ID column or a `{#id}` marker at the end of the action text), else
   * `<meeting date>#<item number>.<row>` (unnumbered items count as item 0). Set by the parser.
   */
  id?: string;
  /** True when the author wrote the id. */
  explicitId?: boolean;
  /** Where the status cell (or the explicit id) is written, for messages. */
  statusPosition?: Span;
  idPosition?: Span;
  /** Where the responsible cell is written (messages about the responsible point there). */
  responsiblePosition?: Span;
}

/** One row of a follow-up table ("Suivi des actions"): a later meeting reports on an earlier action. */
export interface FollowUp {
  /** The id of the action followed up, as written. */
  id: string;
  /** The new status as written; absent when the row gives none. */
  status?: Inline[];
  comment?: Inline[];
  position?: Span;
  idPosition?: Span;
  statusPosition?: Span;
}

/** A reference to the previous meeting (`previous:` in the front matter). */
export interface PreviousMeetingRef {
  /** As written in the front matter, relative to the file. */
  path: string;
  /** Where the value is written, for messages. */
  place: Point;
}

/** The previous meeting's actions with their current status: the compte-rendu's follow-up section. */
export interface PreviousActions {
  /** ISO date of the previous meeting. */
  date: string;
  title: string;
  actions: {
    id: string;
    action: Inline[];
    responsible: Inline[];
    deadline: Deadline | null;
    status: string;
    comment: Inline[];
    /** The action came from an item of the previous meeting held in camera (left out of the public edition). */
    confidential?: boolean;
  }[];
}

/** A vote on a decision, as written under it ("Vote: 7 for, 1 against, 2 abstentions", "Adopté à l'unanimité"). */
export interface Vote {
  /** The author's words, kept for every output. */
  text: string;
  for?: number;
  against?: number;
  abstentions?: number;
  /** "Adopted unanimously", "à l'unanimité", "por unanimidad", "por unanimidade", "einstimmig". */
  unanimous?: boolean;
  /** Named votes, when the body records them ("For: Alice Martin, Bob Chen"). */
  named?: { for: string[]; against: string[]; abstentions: string[] };
  position?: Span;
}

/** One decision of an agenda item, as a record: a stable id like an action's, its text, and its vote. */
export interface Decision {
  /** The author's `{#id}` at the end of the decision, else `<meeting date>#<item number>.d<n>`. */
  id: string;
  explicitId?: boolean;
  /** The decision's text without the vote line and the id marker. */
  text: Inline[];
  vote?: Vote;
  position?: Span;
}

/** The quorum rule of the body (config `quorum:`): at least a number of members, a fraction of them, or a majority. */
export type Quorum =
  | { kind: "count"; count: number; text: string }
  | { kind: "fraction"; numerator: number; denominator: number; text: string }
  | { kind: "majority"; text: string };

/** The body that meets (config `members:` and `quorum:`), given to the parser by the build. */
export interface Body {
  members: Person[];
  quorum?: Quorum;
}

/** Who of the body's members attended, and whether the quorum was reached: computed once by the parser. */
export interface Attendance {
  /** Each member, in the config's order, with their state. */
  members: { member: Person; state: "present" | "excused" | "absent" }[];
  present: Person[];
  excused: Person[];
  absent: Person[];
  /** `guests:`, and attendees who are not members. */
  guests: Person[];
  /** Whether the minutes record attendance at all (attendees or apologies listed). */
  recorded: boolean;
  /** Absent when the config gives no quorum rule or attendance was not recorded. */
  quorum?: { required: number; present: number; reached: boolean; rule: string };
}

export interface AgendaItem {
  /** 1, 2, 3… for numbered items; null for an unnumbered item such as an opening. */
  number: number | null;
  /** The title without any number the author typed. */
  title: string;
  /** The number the author typed ("1.", "2)"), when there was one. */
  typedNumber?: string;
  discussion: Block[];
  decisions: Block[];
  actions: ActionItem[];
  /** Other content written in the actions section (kept, rendered after the table). */
  actionNotes: Block[];
  /** The author wrote "N/A" (or a single N/A row) for the actions: the item is not empty. */
  noActionsStated?: boolean;
  /** Each decision as a record (id, text, vote), read from `decisions` by the parser; the blocks stay as written. */
  decisionRecords?: Decision[];
  /** Rows of follow-up tables in this item (the tables themselves stay in the discussion, as written). */
  followUps?: FollowUp[];
  position?: Span;
  /** Held in camera: `{.confidential}` on its heading, or listed in the front matter's `confidential:`. */
  confidential?: boolean;
  /** Set by publicEdition() on a confidential item: everything in it is gone, only its number stays. */
  heldInCamera?: boolean;
  /** Who presents the item (`{presenter="J. Dupont"}` on its heading). */
  presenter?: string;
  /** Planned duration in minutes (`{duration=20}` on its heading). */
  duration?: number;
}

export interface Minutes {
  meeting: MeetingInfo;
  /** Content written before the first agenda item. */
  preamble: Block[];
  /**
   * The agenda as planned, when the items are the sub-headings of a later "Meeting notes" section: printed
   * as the agenda instead of the list of item headings.
   */
  agenda?: Block[];
  items: AgendaItem[];
  /** The body's members and quorum rule, from the config (`members:`, `quorum:`); absent when none is configured. */
  body?: Body;
  /** Attendance against the body's members (set by the parser when `body` is). */
  attendance?: Attendance;
  /** Filled by the build when the front matter names a previous meeting. */
  previousActions?: PreviousActions;
}

/** The text of inline content without formatting. */
export function inlineText(inlines: Inline[]): string {
  let out = "";
  for (const node of inlines) {
    if (node.type === "text" || node.type === "code") out += node.value;
    else if (node.type === "break") out += "\n";
    else out += inlineText(node.children);
  }
  return out;
}

/** Whether an agenda item has anything in its body. */
export function hasBody(item: AgendaItem): boolean {
  return (
    item.discussion.length > 0 || item.decisions.length > 0 || item.actions.length > 0 || item.actionNotes.length > 0
  );
}
