// One .docx → one Markdown meeting: read through the World (recorded like every other input), opened as a
// package, read into the Word model, recognised, written as Markdown. Returns the text, the file name it
// should get (YYYY-MM-DD-<slug>.md, as `minutes split` names meetings), the images to write beside it, what
// the report says about it, and the warnings. Writes nothing.
import { basename } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { say, text, type Text } from "../i18n/messages.js";
import type { World } from "../world/world.js";
import { openPackage, type NotDocx } from "./docx-package.js";
import { recognise, type ImportWarning } from "./recognise.js";
import { readWordDocument } from "./word-model.js";
import { meetingMarkdown } from "./write-markdown.js";
import { parseMinutes } from "../parse/parse-minutes.js";
import { slugOf } from "../split/meeting-file-name.js";

export interface ImportOptions {
  language?: string;
  keepComments?: boolean;
  locale?: string;
}

export interface ImportedFile {
  input: string;
  /** Undefined when the file could not be imported (see diagnostics). */
  markdown?: string;
  /** The Markdown file's name, YYYY-MM-DD-<slug>.md. */
  name?: string;
  /** Images to write beside the Markdown, by path relative to it. */
  media: { path: string; bytes: Uint8Array }[];
  summary?: { title: string; header: string[]; items: number; actions: number; language: string };
  diagnostics: Diagnostic[];
}

/** Larger files are refused: real minutes are far smaller. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

const notDocxHint: Record<NotDocx, Text> = {
  doc: text("import-not-docx.doc.hint"),
  pdf: text("import-not-docx.pdf.hint"),
  zip: text("import-not-docx.hint"),
  "not-word": text("import-not-docx.hint"),
};

export function importDocx(input: string, world: World, options: ImportOptions = {}): ImportedFile {
  const fail = (message: Text, hint: Text): ImportedFile => ({
    input,
    media: [],
    diagnostics: [
      diagnostic({ file: input, line: null, column: null, severity: "error", rule: "import-not-docx", message, hint }),
    ],
  });
  let bytes: Uint8Array;
  try {
    const info = world.stat(input);
    if (!info) return fail(text("read.missing"), text("read.missing.hint"));
    if (!info.isFile()) return fail(text("read.device"), text("read.device.hint"));
    if (info.size > MAX_DOCX_BYTES)
      return fail(
        text("read.too-large", { size: (info.size / 1048576).toFixed(1), limit: MAX_DOCX_BYTES / 1048576 }),
        text("read.too-large.hint"),
      );
    bytes = world.read(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(text("read.error", { code: code ?? text("read.unknown-error") }), text("read.error.hint"));
  }
  const opened = openPackage(bytes);
  if (!opened.ok) return fail(text(`import-not-docx.${opened.why}`), notDocxHint[opened.why]);
  const doc = readWordDocument(opened.pkg);
  const stem = basename(input).replace(/\.docx$/i, "");
  // The name is known once the date and title are: images go in a folder named after the Markdown file.
  const media = new Map<string, string>();
  const imagePath = (path: string): string => {
    let name = media.get(path);
    if (!name) {
      name = path.replace(/^.*\//, "");
      media.set(path, name);
    }
    return `{media}/${name}`;
  };
  const meeting = recognise(doc, {
    keepComments: options.keepComments === true,
    fileName: basename(input),
    imagePath,
    ...(options.language ? { language: options.language } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  if (meeting.frontMatter.date === undefined) {
    // The parser's own finder reads the whole text (dated headings, prose, "Date:" lines anywhere): its day is
    // written into the front matter, so the file says it and is named by it.
    const found = parseMinutes(meetingMarkdown(meeting), { path: basename(input) }).minutes?.meeting.date;
    if (found) {
      meeting.frontMatter = withDate(meeting.frontMatter, found);
      meeting.warnings = meeting.warnings.filter((w) => w.rule !== "import-no-date");
    }
  }
  const date = typeof meeting.frontMatter.date === "string" ? meeting.frontMatter.date : undefined;
  const slug = slugOf(String(meeting.frontMatter.title ?? "")) || slugOf(stem) || "meeting";
  const name = `${date ?? "undated"}-${slug}.md`;
  const mediaFolder = `${name.replace(/\.md$/, "")}-media`;
  const markdown = meetingMarkdown(meeting).replace(/\{media\}\//g, `${mediaFolder}/`);
  const diagnostics = meeting.warnings.map((w) => warning(input, w));
  return {
    input,
    markdown,
    name,
    media: [...media].map(([path, file]) => ({ path: `${mediaFolder}/${file}`, bytes: doc.media.get(path)! })),
    summary: {
      title: String(meeting.frontMatter.title ?? ""),
      header: meeting.header,
      items: meeting.items.length,
      actions: meeting.items.reduce((n, i) => n + i.actions.length, 0),
      language: meeting.language,
    },
    diagnostics,
  };
}

/** The front matter with `date:` after the title block's fields, where our files write it. */
function withDate(fm: Record<string, unknown>, date: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [key, value] of Object.entries(fm)) {
    if (!placed && !["title", "subtitle", "organisation"].includes(key)) {
      out.date = date;
      placed = true;
    }
    out[key] = value;
  }
  if (!placed) out.date = date;
  return out;
}

function warning(input: string, w: ImportWarning): Diagnostic {
  const place =
    w.place === null
      ? undefined
      : "paragraph" in w.place
        ? text("import.place.paragraph", { n: w.place.paragraph })
        : text("import.place.table", { table: w.place.table, row: w.place.row });
  // Where in the Word file goes with the file's name, before the severity (paragraph N, or table N, row M).
  return diagnostic({
    file: place ? `${input}: ${say(place.id, place.params)}` : input,
    line: null,
    column: null,
    severity: "warning",
    rule: w.rule,
    message: text(w.rule, w.params),
    hint: text(`${w.rule}.hint`),
  });
}
