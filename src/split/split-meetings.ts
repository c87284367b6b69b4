// A file that holds several meetings → one Markdown text per meeting, named YYYY-MM-DD-<slug>.md, each
// with a front matter of its own, and every line of the source kept (see docs/real-world-minutes.md,
// "Files that hold many meetings"). Pure: text in, texts out; `minutes split` writes them and
// `minutes build --split` builds them. Where meetings start is find-meetings.ts's to say.
import type { Heading, Root, RootContent, Yaml } from "mdast";
import { defaultDateRules, type DateRules } from "../parse/date-forms.js";
import { parseMarkdown } from "../parse/parse-markdown.js";
import {
  DATE_LINE_LEVEL,
  dateOrderOf,
  findMeetingStarts,
  headingOf,
  isOnlyADate,
  meetingMarkOf,
  type MeetingStart,
} from "../parse/find-meetings.js";
import { textOf } from "../parse/node-text.js";
import { meetingFileNames } from "./meeting-file-name.js";

export interface MeetingText {
  /** YYYY-MM-DD-<slug>.md, unique among the file's meetings. */
  name: string;
  /** The meeting's date as the source writes it (YYYY-MM-DD), if it does. */
  date?: string;
  /** The Markdown of the meeting, front matter first. */
  text: string;
  /** The source line where the meeting starts (its heading, or its front matter's `---`). */
  line: number;
  /** For each line of `text` (index 0 = line 1), the source line it was taken from; undefined for a line written here. */
  sourceLines: (number | undefined)[];
}

interface Line {
  text: string;
  from?: number;
}

/** The meetings of `markdown`, in the order written; empty when it holds one meeting. `path` (or `fileName`) may give a year to headings that write none. */
export function splitMeetings(
  markdown: string,
  options: { fileName?: string; path?: string; rules?: DateRules } = {},
): MeetingText[] {
  const source = markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const tree = parseMarkdown(source);
  const starts = findMeetingStarts(tree.children, options.rules, options.path ?? options.fileName);
  if (starts.length < 2) return [];
  const lines = source.split("\n");
  const rules = options.rules ?? defaultDateRules;
  const pieces =
    starts[0]!.kind === "front-matter"
      ? byFrontMatter(tree, starts, lines)
      : byHeading(tree, starts, lines, options.fileName ?? "", rules);
  const withLinks = pieces.map((piece) => withDefinitions(piece, tree, lines));
  const names = meetingFileNames(pieces.map((p) => ({ date: p.date, label: p.label })));
  return withLinks.map((piece, i) => {
    const kept = trimBlankEnd(piece.lines);
    return {
      name: names[i]!,
      ...(piece.date ? { date: piece.date } : {}),
      text: `${kept.map((l) => l.text).join("\n")}\n`,
      line: piece.line,
      sourceLines: kept.map((l) => l.from),
    };
  });
}

interface Piece {
  lines: Line[];
  date: string | undefined;
  /** What the file name's slug is made from. */
  label: string;
  line: number;
  /** Whether the piece holds this source line (its own, or the shared text before the first meeting). */
  held: (line: number) => boolean;
}

const sourceRange = (lines: string[], first: number, last: number): Line[] =>
  lines.slice(first - 1, last).map((text, i) => ({ text, from: first + i }));
const endLineOf = (starts: MeetingStart[], i: number, lines: string[]): number =>
  (starts[i + 1]?.line ?? lines.length + 1) - 1;

/** Each front matter and what follows it, as written: already a meeting file of its own. */
function byFrontMatter(tree: Root, starts: MeetingStart[], lines: string[]): Piece[] {
  return starts.map((start, i) => {
    const last = endLineOf(starts, i, lines);
    const first = i === 0 ? 1 : start.line;
    const fields =
      i === 0
        ? tree.children[0]?.type === "yaml"
          ? tree.children[0].value
          : ""
        : textOf(tree.children[start.index + 1]!);
    const title = /^title\s*:\s*(.*)$/im.exec(fields)?.[1]?.replace(/^(["'])(.*)\1$/, "$2") ?? "";
    return {
      lines: sourceRange(lines, first, last),
      date: start.date,
      label: title,
      line: first,
      held: (n: number) => n >= first && n <= last,
    };
  });
}

/**
 * Each dated heading and what follows it, under a front matter made here: the title (the meeting's heading
 * when it names the meeting, with the file's title as subtitle; else the file's title), the meeting's date,
 * and the other fields of the file's front matter. The text before the first meeting goes into every file,
 * its headings as bold lines; in a meeting, the heading becomes `#` and the headings under it move up as
 * much (no deeper than `##`), so each file has the usual shape.
 */
function byHeading(tree: Root, starts: MeetingStart[], lines: string[], fileName: string, rules: DateRules): Piece[] {
  const yaml = tree.children[0]?.type === "yaml" ? (tree.children[0] as Yaml) : undefined;
  const fields = yaml ? frontMatterFields(yaml.value) : [];
  const fileTitle = fields.find((f) => f.key === "title");
  const prefixNodes = tree.children.slice(yaml ? 1 : 0, starts[0]!.index);
  const depth = starts[0]!.depth;
  const { title, titleHeading, stem } = titleOfFile(fileTitle, prefixNodes, depth, fileName);
  const prefixFirst = (yaml?.position?.end.line ?? 0) + 1;
  const prefixLast = starts[0]!.line - 1;
  const shared = sharedText(prefixNodes, titleHeading, lines, prefixFirst, prefixLast);
  // Dates read month first because they read no other way: each file says so, or its own heading would read day first.
  const monthFirst =
    !rules.stated &&
    dateOrderOf(
      starts.map((s) => s.heading),
      rules,
    ).order === "mdy" &&
    !fields.some((f) => f.key === "language");
  const others = [
    ...fields.filter((f) => f.key !== "title" && f.key !== "date").flatMap(fieldLines),
    ...(monthFirst ? [{ text: "language: en-US" }] : []),
  ];
  const hasSubtitle = fields.some((f) => f.key === "subtitle");
  // A heading that names the meeting is its title, the file's title its subtitle; a heading that is only a date leaves the title to the file.
  const titleLines = (start: MeetingStart): Line[] => {
    if (!isOnlyADate(start.heading, rules))
      return [
        { text: `title: ${JSON.stringify(start.heading)}` },
        ...(title && !hasSubtitle ? [{ text: `subtitle: ${JSON.stringify(title)}` }] : []),
      ];
    return fileTitle ? fieldLines(fileTitle) : [{ text: `title: ${JSON.stringify(title ?? start.heading)}` }];
  };
  return starts.map((start, i) => {
    const last = endLineOf(starts, i, lines);
    const next = starts[i + 1]?.index ?? tree.children.length;
    const frontMatter: Line[] = [
      { text: "---" },
      ...titleLines(start),
      ...(start.date ? [{ text: `date: ${start.date}` }] : []),
      ...others,
      { text: "---" },
      { text: "" },
    ];
    // Headings under a heading move up with it; under a <summary> or a bold line they stay (`#` becomes `##`).
    const shift = depth <= 6 ? depth - 1 : 0;
    const edits = new Map(
      tree.children.slice(start.index, next).flatMap((node, k): [number, Edit][] => {
        if (k === 0) return [[node.position!.start.line, startEdit(node, lines)]];
        const level = headingOf(node)?.depth;
        if (level === undefined) return [];
        return [
          [
            node.position!.start.line,
            {
              last: node.position!.end.line,
              text: [`${"#".repeat(Math.max(2, level - shift))} ${inlineSource(node, lines)}`],
            },
          ],
        ];
      }),
    );
    const label = isOnlyADate(start.heading, rules) ? (title ?? stem) : start.heading;
    const sharedPart = shared.length ? [...shared, { text: "" }] : [];
    return {
      lines: [...frontMatter, ...sharedPart, ...rewrite(lines, start.line, last, edits)],
      date: start.date,
      label,
      line: start.line,
      held: (n: number) => (n >= start.line && n <= last) || (n >= prefixFirst && n <= prefixLast),
    };
  });
}

interface Edit {
  /** The last source line the edit replaces (from the line it is keyed by). */
  last: number;
  text: string[];
  /** The source lines stay, after `text`. */
  keep?: true;
}

/** The file's title: its front matter's, a heading above the meetings' level (or of their level, opening the file), or its name. */
function titleOfFile(
  fileTitle: Field | undefined,
  prefixNodes: RootContent[],
  depth: number,
  fileName: string,
): { title?: string; titleHeading?: Heading; stem: string } {
  const stem = fileName.replace(/\.[^.]*$/, "").replace(/\d{4}-\d{2}-\d{2}/g, "");
  if (fileTitle) return { title: unquote(fileTitle.text.replace(/^title\s*:\s*/i, "")), stem };
  const titleHeading =
    prefixNodes.find((n): n is Heading => n.type === "heading" && n.depth < depth) ??
    (prefixNodes[0]?.type === "heading" ? prefixNodes[0] : undefined);
  const fromName = /\p{L}/u.test(stem) ? stem.replace(/[_-]+/g, " ").trim() : undefined;
  const fromHeading = titleHeading ? textOf(titleHeading).trim() : undefined;
  // A heading that is only a year ("# 2021") names the file less well than its name does (2021-meeting-notes.md).
  const title = fromHeading && !(/^\d{4}$/.test(fromHeading) && fromName) ? fromHeading : (fromName ?? fromHeading);
  return { ...(title ? { title } : {}), ...(titleHeading ? { titleHeading } : {}), stem };
}

/** The text before the first meeting, for every meeting: the title heading left out, other headings as bold lines, blank runs made one. */
function sharedText(
  prefixNodes: RootContent[],
  titleHeading: Heading | undefined,
  lines: string[],
  first: number,
  last: number,
): Line[] {
  const edits = new Map(
    prefixNodes.flatMap((n): [number, Edit][] =>
      isHeading(n)
        ? [
            [
              n.position!.start.line,
              { last: n.position!.end.line, text: n === titleHeading ? [] : [`**${inlineSource(n, lines)}**`] },
            ],
          ]
        : [],
    ),
  );
  const shared = trimBlankEnd(rewrite(lines, first, last, edits)).filter(
    (l, k, all) => l.text.trim() !== "" || (k > 0 && all[k - 1]!.text.trim() !== ""),
  );
  while (shared[0]?.text.trim() === "") shared.shift();
  return shared;
}

/** Lines `first` to `last` of the source, the nodes that `edits` names (by their first line) written again, or left out. */
function rewrite(lines: string[], first: number, last: number, edits: ReadonlyMap<number, Edit>): Line[] {
  const out: Line[] = [];
  for (let n = first; n <= last; n++) {
    const edit = edits.get(n);
    if (!edit) out.push({ text: lines[n - 1]!, from: n });
    else {
      out.push(...edit.text.map((text) => ({ text, from: n })));
      if (edit.keep) out.push(...sourceRange(lines, n, edit.last));
      n = edit.last;
    }
  }
  return out;
}

/**
 * The node that starts a meeting, as the `#` heading of its file: a heading's text; a `<details>` block's
 * summary, what follows it in the block kept; a bold first line, the paragraph's other lines kept.
 */
function startEdit(node: RootContent, lines: string[]): Edit {
  const first = node.position!.start.line;
  if (isHeading(node)) return { last: node.position!.end.line, text: [`# ${inlineSource(node, lines)}`] };
  const mark = meetingMarkOf(node);
  if (node.type === "html") {
    const rest = node.value.replace(/^\s*(?:<details[^>]*>\s*)?<summary[^>]*>[\s\S]*?<\/summary>\s*/i, "");
    return {
      last: node.position!.end.line,
      text: [`# ${mark?.text ?? ""}`, ...(rest.trim() ? ["", ...rest.split("\n")] : [])],
    };
  }
  // A `Date:` line stays as written, under a heading of the date.
  if (mark?.depth === DATE_LINE_LEVEL)
    return { last: node.position!.end.line, text: [`# ${mark.text.replace(/[*_]+/g, "").trim()}`, ""], keep: true };
  const bold = /^\s*(\*\*|__)(.*?)\1\s*\\?\s*$/.exec(lines[first - 1]!);
  return { last: first, text: [`# ${bold ? bold[2]!.trim() : (mark?.text ?? "")}`] };
}

const fieldLines = (field: { text: string; line: number }): Line[] =>
  field.text.split("\n").map((text, k) => ({ text, from: field.line + k }));

const isHeading = (node: RootContent): boolean => headingOf(node) !== undefined;

/** The inline Markdown of a heading as written (`## **Budget** [link](x)` → `**Budget** [link](x)`), or an HTML heading's text. */
function inlineSource(node: RootContent, lines: string[]): string {
  if (node.type === "html") return headingOf(node)?.text.replace(/\s+/g, " ") ?? "";
  if (node.type !== "heading" || node.children.length === 0) return textOf(node).trim();
  const first = node.position!.start.line;
  const atx = /^\s{0,3}#/.test(lines[first - 1]!);
  if (atx)
    return lines[first - 1]!.replace(/^\s{0,3}#{1,6}\s*/, "")
      .replace(/\s+#+\s*$/, "")
      .trim();
  // Setext: the text lines above the underline.
  return lines
    .slice(first - 1, node.position!.end.line - 1)
    .map((l) => l.trim())
    .join(" ");
}

/** The top-level fields of a front matter, each with its continuation lines, as written. */
interface Field {
  key: string;
  text: string;
  line: number;
}

function frontMatterFields(yaml: string): Field[] {
  const fields: Field[] = [];
  yaml.split("\n").forEach((text, i) => {
    const key = /^([^\s#:-][^:]*?)\s*:/.exec(text)?.[1];
    if (key !== undefined) fields.push({ key: key.trim().toLowerCase(), text, line: i + 2 });
    else if (fields.length > 0) fields[fields.length - 1]!.text += `\n${text}`;
  });
  return fields;
}

const unquote = (value: string): string => value.trim().replace(/^(["'])(.*)\1$/, "$2");

/** Link definitions (`[label]: url`) a meeting uses but that sit elsewhere in the file, added at its end. */
function withDefinitions(piece: Piece, tree: Root, lines: string[]): Piece {
  const body = piece.lines
    .map((l) => l.text)
    .join("\n")
    .toLowerCase();
  const wanted = tree.children.filter(
    (n) =>
      n.type === "definition" &&
      !piece.held(n.position!.start.line) &&
      body.includes(`[${n.label?.toLowerCase() ?? n.identifier}]`),
  );
  if (wanted.length === 0) return piece;
  return {
    ...piece,
    lines: [
      ...trimBlankEnd(piece.lines),
      { text: "" },
      ...wanted.flatMap((n) => sourceRange(lines, n.position!.start.line, n.position!.end.line)),
    ],
  };
}

function trimBlankEnd(lines: Line[]): Line[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.text.trim() === "") end--;
  return lines.slice(0, end);
}
