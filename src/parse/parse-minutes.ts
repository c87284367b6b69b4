// Markdown text → Minutes model plus messages. Never throws on user input: a document that
// cannot become a model returns `minutes: undefined` with at least one error message.
import { readCycle } from "./cycle-checks.js";
import type { Definition, Yaml } from "mdast";
import { VFile } from "vfile";
import { report } from "../diagnostics.js";
import type { Body, Minutes } from "../model/minutes.js";
import { assignActionIds } from "./action-ids.js";
import { assignDecisions } from "./decisions.js";
import { validateRecords } from "../validate/validate-records.js";
import { attendanceFor } from "../validate/attendance.js";
import { boldLinesAsHeadings, itemDepth, splitBody } from "./agenda-items.js";
import { dateRules, findDate, isIsoDate, type DateRules } from "./date-forms.js";
import { completeDeadlines, findMeetingDate, type FileFacts } from "./meeting-date.js";
import { reportTemplatePlaceholders } from "./placeholders.js";
import { guessLanguage } from "./guess-language.js";
import { toBlocks } from "./mdast-to-blocks.js";
import { liftMeetingParts } from "./meeting-parts.js";
import { reportStructure, titleFallback, titleFromFileName } from "./structure.js";
import { validateMinutes } from "../validate/validate-minutes.js";
import { readFrontMatter, type FrontMatterPlaces } from "./front-matter.js";
import { text } from "../i18n/messages.js";
import { disarmLinks } from "./safe-links.js";
import { parseMarkdown } from "./parse-markdown.js";
import { MAX_NESTING, scanNesting, treeNesting, type NestingProblem } from "./nesting-limits.js";

export interface ParseOptions {
  /** Shown in messages; also a source for the date ("2022-09-23-gtm.md"). */
  path?: string;
  /** Meeting date to use when the document gives none (the CLI's --date). */
  date?: string;
  /** Language of a meeting whose front matter does not say (the config file's `language`). */
  language?: string;
  /** Organisation of a meeting that names none (the config file's `organisation`). */
  organisation?: string;
  /** The user's locale (LC_ALL, LC_TIME or LANG): numeric dates of a meeting in plain `en` are read month first under en_US. */
  locale?: string;
  /** The body's members and quorum rule (the config file's `members:` and `quorum:`). */
  body?: Body;
  /** What the caller knows of the file (first commit, modification day), asked only for a date written without a year. */
  fileFacts?: FileFacts;
}

export interface ParseResult {
  minutes: Minutes | undefined;
  file: VFile;
}

export function parseMinutes(text: string, options: ParseOptions = {}): ParseResult {
  // Line endings: CRLF and lone CR become LF; each stays one line break, so line numbers hold.
  const normalized = closeYamlBlock(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const file = new VFile({ value: normalized, ...(options.path ? { path: options.path } : {}) });
  // Nesting past the limit is refused before the parser spends quadratic time on it, and after it (exactly).
  const tooDeep = scanNesting(normalized);
  if (tooDeep) return refuseNesting(file, tooDeep);
  // In pieces cut at headings, the same tree as a whole parse gives, at half the time and memory (parse-markdown.ts).
  const tree = parseMarkdown(normalized);
  const tooDeepTree = treeNesting(tree);
  if (tooDeepTree) return refuseNesting(file, tooDeepTree);
  // `---` on line 1 that nothing closes: the front matter would be read as the body, fields and all. (A
  // `---` followed by an empty line is a horizontal rule.)
  if (tree.children[0]?.type !== "yaml" && /^---[ \t]*(\n[ \t]*\S|$)/.test(normalized)) return refuseUnclosed(file);

  const definitions = new Map<string, Definition>();
  for (const node of tree.children)
    if (node.type === "definition") definitions.set(node.identifier.toLowerCase(), node);
  disarmLinks(tree, definitions, file);

  const yamlNode = tree.children[0]?.type === "yaml" ? (tree.children[0] as Yaml) : undefined;
  // Header parts written in the body ("## Attendees", "Date: …") fill what the front matter does not give.
  const declared = (key: string) => (yamlNode ? new RegExp(`^${key}\\s*:`, "m").test(yamlNode.value) : false);
  const written = tree.children.filter((n) => n.type !== "yaml");
  // Items written as bold lines in a document without headings are read as headings (the date finder reads the text as written).
  const structured = boldLinesAsHeadings(written);
  const depth = itemDepth(structured);
  const lifted = liftMeetingParts(structured, declared, depth);
  const content = lifted.nodes;
  // Language: the front matter, else the config file, else a guess from the text (French or English).
  let guessed: string | undefined;
  const language = () => options.language ?? (guessed ??= guessLanguage(normalized.slice(0, 20000)));
  // Numeric dates are read in the meeting's order, known before the front matter is validated.
  const rules = dateRules(
    /^language\s*:\s*["']?([\w-]+)/m.exec(yamlNode?.value ?? "")?.[1] ?? language(),
    options.locale,
  );
  const body = splitBody(content, definitions, file, rules);
  const empty = body.items.length === 0 && body.preamble.length === 0;
  if (empty && !yamlNode) {
    reportEmpty(file, undefined);
    return { minutes: undefined, file };
  }
  if (!empty) reportStructure(tree.children, body, file, rules);

  const fileName = options.path?.split(/[\\/]/).pop() ?? "";
  // The meeting date: every candidate (front matter, title, file name, `Date:` lines, dated headings, prose),
  // the day most of them agree on (src/parse/meeting-date.ts); --date when only the file name gives one.
  const frontMatterSource = yamlNode
    ? { value: yamlNode.value, fenceLine: yamlNode.position?.start.line ?? 1 }
    : undefined;
  const dateInput = {
    nodes: written,
    source: normalized,
    rules,
    ...(frontMatterSource ? { frontMatter: frontMatterSource } : {}),
    ...(body.documentTitle ? { title: body.documentTitle } : {}),
    ...(options.path ? { path: options.path } : {}),
    ...(options.fileFacts ? { facts: options.fileFacts } : {}),
  };
  const found = findMeetingDate(dateInput, file, options.date);
  const fallbackDate = found.date;
  // A title is always found: the front matter's, a single `#` title, else a bold first line or the first
  // heading, else the file name (with the date, when a front matter gives no title). A front matter that
  // gives neither a title nor a date, and a document with no date at all, are told the title is missing.
  const frontMatterDate = /^date\s*:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(yamlNode?.value ?? "")?.[1];
  const titleWanted =
    !body.documentTitle && !declared("title") && (!yamlNode || declared("date") || fallbackDate !== undefined);
  const fallbackTitle = titleWanted
    ? titleFallback(
        content,
        fileName,
        yamlNode ? titleFromFileName(options.path ?? "", frontMatterDate ?? fallbackDate) : undefined,
        structured,
      )
    : undefined;
  const title = body.documentTitle ?? fallbackTitle?.title;
  if (fallbackTitle?.fromFirstLine) body.preamble.shift();
  const places: FrontMatterPlaces = {};
  const meeting = readFrontMatter(
    yamlNode ? { value: yamlNode.value, fenceLine: yamlNode.position?.start.line ?? 1 } : undefined,
    {
      ...(title ? { title } : {}),
      values: lifted.values,
      ...(fallbackDate ? { date: fallbackDate } : {}),
      language,
      ...(options.organisation ? { organisation: options.organisation } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    },
    file,
    places,
  );
  if (empty) reportEmpty(file, yamlNode);
  reportTemplatePlaceholders(normalized, tree, file);
  if (!meeting || empty) return { minutes: undefined, file };

  // A site generator's language markers in the title ("<!--:fr-->Compte rendu<!--:-->") are not words of it.
  const plainTitle = meeting.title.replace(/<!--[\s\S]*?-->/g, "").trim();
  if (plainTitle) meeting.title = plainTitle;
  // A front-matter title that is only a date (Hugo's menu label "June 30, 2025") gives way to the `#` title.
  if (body.documentTitle && onlyADate(meeting.title, rules)) meeting.title = body.documentTitle;
  // A `#` title that differs from the front-matter title is kept as the subtitle, never dropped.
  if (body.documentTitle && body.documentTitle !== meeting.title) {
    if (!meeting.subtitle) meeting.subtitle = body.documentTitle;
    else body.preamble.unshift({ type: "heading", level: 1, children: [{ type: "text", value: body.documentTitle }] });
  }
  // A front-matter date that the other sources outvote (a typo, a publication time) gives way, with a warning.
  if (found.date && meeting.date !== found.date && isIsoDate(meeting.date)) meeting.date = found.date;
  if (found.endDate && meeting.date === found.date) meeting.endDate = found.endDate;
  const minutes: Minutes = { meeting, preamble: body.preamble, items: body.items };
  if (options.body) {
    minutes.body = options.body;
    minutes.attendance = attendanceFor(meeting, options.body);
  }
  completeDeadlines(minutes, rules);
  if (lifted.plannedAgenda?.length)
    minutes.agenda = toBlocks(lifted.plannedAgenda, { definitions, headingBase: depth });
  validateMinutes(minutes, file, places);
  readCycle(minutes, file, places.frontMatterPlace);
  assignActionIds(minutes, file);
  assignDecisions(minutes, file);
  validateRecords(minutes, file);
  // A front matter with errors gives no model: its meeting was read only so that the body is checked too.
  return { minutes: places.incomplete ? undefined : minutes, file };
}

/** "June 30, 2025", "30.06.2025", "2025-06-30": a date and nothing else (numbers and month names only). */
function onlyADate(title: string, rules: DateRules): boolean {
  if (!findDate(title, rules)) return false;
  const words = title.split(/[\s,]+/).filter((w) => w && !/^[\d./-]+(st|nd|rd|th|er|e|\.)?$/i.test(w));
  return words.length <= 1 && words.every((w) => findDate(`1 ${w} 2020`, rules) !== undefined);
}

/**
 * Pandoc's YAML metadata block may end with `...` (YAML's end-of-document marker) instead of `---`: when
 * the front matter opened on line 1 has no `---` line before its first `...` line, that `...` closes it.
 * The line keeps its length, so line and column numbers hold.
 */
export function closeYamlBlock(text: string): string {
  if (!/^---[ \t]*\n/.test(text)) return text;
  const start = text.indexOf("\n") + 1;
  const found = /^(---|\.\.\.)[ \t]*$/m.exec(text.slice(start));
  if (!found || found[1] === "---") return text;
  const at = start + found.index;
  return `${text.slice(0, at)}---${text.slice(at + 3)}`;
}

function refuseUnclosed(file: VFile): ParseResult {
  report(file, {
    severity: "error",
    rule: "front-matter-unclosed",
    message: text("front-matter-unclosed"),
    place: { line: 1, column: 1 },
    hint: text("front-matter-unclosed.hint"),
  });
  return { minutes: undefined, file };
}

function refuseNesting(file: VFile, problem: NestingProblem): ParseResult {
  const max = MAX_NESTING;
  const place = { line: problem.line, column: problem.column };
  if (problem.kind === "dense") {
    const { marks, length, allowed } = problem;
    report(file, {
      severity: "error",
      rule: "emphasis-too-dense",
      message: text("emphasis-too-dense", { marks, length, allowed }),
      place,
      hint: text("emphasis-too-dense.hint"),
    });
  } else {
    report(file, {
      severity: "error",
      rule: "nesting-too-deep",
      message: text(problem.kind === "block" ? "nesting-too-deep.block" : "nesting-too-deep.inline", { max }),
      place,
      hint: text("nesting-too-deep.hint", { max }),
    });
  }
  return { minutes: undefined, file };
}

function reportEmpty(file: VFile, yamlNode: Yaml | undefined): void {
  const after = (yamlNode?.position?.end.line ?? 0) + 1;
  report(file, {
    severity: "error",
    rule: "empty-document",
    message: yamlNode ? text("empty-document.after-front-matter") : text("empty-document"),
    place: { line: yamlNode ? after : 1, column: 1 },
    hint: yamlNode ? text("empty-document.after-front-matter.hint") : text("empty-document.hint"),
  });
}
