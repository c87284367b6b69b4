// The public edition of a meeting (issue 22, part 4): the one place that decides what the public may read.
// Every output and register made for the public (build --edition public, minutes actions/decisions/attendance
// --edition public, the site index) goes through publicEdition() before the layout and before any register,
// so nothing downstream can leak an item held in camera: it is gone from the model itself.
import { inlineText, type AgendaItem, type Block, type Inline, type Minutes } from "./minutes.js";

export type Edition = "internal" | "public";

/** Whether an item is held in camera: marked `{.confidential}`, or listed by number or title in `confidential:`. */
export function isConfidential(item: AgendaItem, listed: readonly (number | string)[] = []): boolean {
  if (item.confidential) return true;
  const title = loose(item.title);
  return listed.some((entry) => {
    if (typeof entry === "number") return item.number === entry;
    // "*" (from `confidential: true`): every item; "3": the number; "3. Personnel" or "Personnel": the title.
    if (entry === "*") return true;
    const written = entry.trim();
    if (/^\d+$/.test(written)) return item.number === Number(written);
    const numbered = /^(\d+)\s*[.)\-–:]\s*(.+)$/.exec(written);
    if (numbered) return item.number === Number(numbered[1]) || loose(numbered[2]!) === title;
    return loose(written) === title;
  });
}

/** Compared without case, accents or repeated spaces. */
const loose = (value: string): string =>
  value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** Whether the meeting holds anything that its public edition leaves out. */
export function hasConfidential(minutes: Minutes): boolean {
  const secretSection = (blocks: Block[]) => blocks.some((b) => b.type === "heading" && b.confidential);
  return (
    minutes.items.some(
      (item) =>
        isConfidential(item, minutes.meeting.confidential) ||
        secretSection(item.discussion) ||
        secretSection(item.decisions),
    ) ||
    (minutes.previousActions?.actions.some((a) => a.confidential) ?? false)
  );
}

/**
 * The meeting as the public may read it: each item held in camera keeps its number and nothing else (title,
 * discussion, decisions and their records, actions, follow-ups are dropped; the layout prints "Item held in
 * camera" in its place); the declared agenda loses the lines naming those items; the follow-up of the previous
 * meeting loses the actions that came from its items held in camera. A pure function: the input is not changed.
 */
export function publicEdition(minutes: Minutes, secretActions: ReadonlySet<string | undefined> = new Set()): Minutes {
  const listed = minutes.meeting.confidential ?? [];
  const secret = minutes.items.filter((item) => isConfidential(item, listed));
  const secretTitles = secret.map((item) => item.title);
  // The declared agenda's entries stand for the items in order: entry n for item n, whatever its wording.
  const secretNumbers = new Set(secret.flatMap((item) => (item.number === null ? [] : [item.number])));
  // Follow-up rows about actions decided in camera (here, in the meetings read with this one, or in the previous
  // meetings the follow-up section lists) leave the public items' tables too.
  const ids = new Set([
    ...secretActions,
    ...actionsInCamera([minutes]),
    ...(minutes.previousActions?.actions.filter((a) => a.confidential).map((a) => a.id) ?? []),
  ]);
  const items = minutes.items.map((item): AgendaItem => {
    if (!isConfidential(item, listed)) return withoutFollowUpsOf(withoutSecretSections(item), ids);
    return {
      number: item.number,
      title: "",
      discussion: [],
      decisions: [],
      actions: [],
      actionNotes: [],
      decisionRecords: [],
      confidential: true,
      heldInCamera: true,
      ...(item.duration !== undefined ? { duration: item.duration } : {}),
      ...(item.position ? { position: item.position } : {}),
    };
  });
  const { confidential: _listed, extra, ...meeting } = minutes.meeting;
  const { confidential: _extraList, ...publicExtra } = extra;
  const out: Minutes = {
    ...minutes,
    meeting: { ...meeting, extra: publicExtra },
    items,
  };
  if (minutes.agenda) out.agenda = withoutTitles(minutes.agenda, secretTitles, secretNumbers);
  if (Array.isArray(publicExtra.agenda))
    publicExtra.agenda = publicExtra.agenda.filter(
      (line, i) => !secretNumbers.has(i + 1) && !secretTitles.some((title) => mentions(String(line), title)),
    );
  if (minutes.previousActions)
    out.previousActions = {
      ...minutes.previousActions,
      actions: minutes.previousActions.actions.filter((a) => !a.confidential),
    };
  return out;
}

/** Whether the text names the title (case and spacing aside). */
const mentions = (text: string, title: string): boolean =>
  title.trim() !== "" && text.toLowerCase().replace(/\s+/g, " ").includes(title.toLowerCase().replace(/\s+/g, " "));

/** The declared agenda without the entries that name an item held in camera. */
function withoutTitles(blocks: Block[], titles: string[], numbers: ReadonlySet<number>): Block[] {
  if (!titles.length) return blocks;
  const named = (block: Block): boolean => titles.some((title) => mentions(blockText(block), title));
  return blocks
    .map((block): Block => {
      if (block.type !== "list") return block;
      const kept = block.items.filter(
        (entry, i) => !(block.ordered && numbers.has(block.start + i)) && !entry.children.some(named),
      );
      return { ...block, items: kept };
    })
    .filter((block) => block.type === "list" || !named(block));
}

function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return inlineText(block.children);
    case "list":
      return block.items.map((entry) => entry.children.map(blockText).join(" ")).join(" ");
    case "blockquote":
      return block.children.map(blockText).join(" ");
    case "table":
      return [block.header, ...block.rows].map((row) => row.map(inlineText).join(" ")).join(" ");
    case "code":
      return block.value;
    default:
      return "";
  }
}

/** The ids of the actions decided in items held in camera, in any of the meetings. */
export function actionsInCamera(meetings: readonly Minutes[]): Set<string | undefined> {
  return new Set(
    meetings.flatMap((m) =>
      m.items.filter((i) => isConfidential(i, m.meeting.confidential)).flatMap((i) => i.actions.map((a) => a.id)),
    ),
  );
}

/**
 * The public edition of several meetings read together (a register): each through publicEdition(), and the
 * follow-ups that report on an action decided in camera in any of them are left out too, so the register
 * neither lists that action nor reports its id as unknown.
 */
export function publicEditions(meetings: readonly Minutes[]): Minutes[] {
  const secret = actionsInCamera(meetings);
  return meetings.map((m) => publicEdition(m, secret));
}

/** An item without the follow-up records and follow-up table rows that name one of `ids`. */
function withoutFollowUpsOf(item: AgendaItem, ids: ReadonlySet<string | undefined>): AgendaItem {
  if (!ids.size) return item;
  const names = (row: Inline[][]) => row.some((cell) => ids.has(inlineText(cell).trim()));
  const tables = (blocks: Block[]): Block[] =>
    blocks.map((block) =>
      block.type === "table" && block.rows.some(names)
        ? { ...block, rows: block.rows.filter((r) => !names(r)) }
        : block,
    );
  return {
    ...item,
    discussion: tables(item.discussion),
    decisions: tables(item.decisions),
    ...(item.followUps ? { followUps: item.followUps.filter((f) => !ids.has(f.id)) } : {}),
  };
}

/**
 * An item without its sub-sections held in camera (`### Salaries {.confidential}`): each runs from its heading to
 * the next heading of its level or above in the item (else to the item's end), and gives way to a heading that
 * says it was held in camera; the actions, decisions and follow-ups written in that stretch of lines go too.
 */
function withoutSecretSections(item: AgendaItem): AgendaItem {
  const ranges: [number, number][] = [];
  // A sub-section that runs to the end of its section (the discussion) ends where the item's next section
  // begins: its first block after the heading ("### Décisions" then its list). Without one, to the item's end.
  const sectionStarts = [item.discussion, item.decisions, item.actionNotes].map(
    (blocks) => blocks[0]?.position?.start.line ?? Number.POSITIVE_INFINITY,
  );
  const nextSectionAfter = (line: number): number =>
    Math.min(...sectionStarts.filter((start) => start > line), Number.POSITIVE_INFINITY);
  const strip = (blocks: Block[]): Block[] => {
    const out: Block[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type !== "heading" || !block.confidential) {
        out.push(block);
        continue;
      }
      let end = i + 1;
      while (end < blocks.length && !isHeadingAtOrAbove(blocks[end]!, block.level)) end++;
      const from = block.position?.start.line ?? 0;
      const to = blocks[end]?.position?.start.line ?? nextSectionAfter(from);
      ranges.push([from, to]);
      out.push({ type: "heading", level: block.level, children: [], heldInCamera: true });
      i = end - 1;
    }
    return out;
  };
  const discussion = strip(item.discussion);
  const decisions = strip(item.decisions);
  const actionNotes = strip(item.actionNotes);
  if (!ranges.length) return item;
  const outside = (position?: { start: { line: number } }): boolean =>
    !position || !ranges.some(([from, to]) => position.start.line >= from && position.start.line < to);
  return {
    ...item,
    discussion,
    decisions,
    actionNotes,
    actions: item.actions.filter((a) => outside(a.position)),
    ...(item.decisionRecords ? { decisionRecords: item.decisionRecords.filter((d) => outside(d.position)) } : {}),
    ...(item.followUps ? { followUps: item.followUps.filter((f) => outside(f.position)) } : {}),
  };
}

const isHeadingAtOrAbove = (block: Block, level: number): boolean => block.type === "heading" && block.level <= level;
