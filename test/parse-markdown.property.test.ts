// Property: the mdast parsed in pieces (src/parse/parse-markdown.ts) is the mdast of the whole text, positions
// (line, column, offset) included, and literal autolinks found as remark-gfm finds them, on generated documents made of what minutes hold, and on every example,
// fixture and the bench's large meeting. Each piece is parsed without the GFM constructs it cannot hold (no `@`:
// no email autolink; no delimiter row: no table…): the documents mix pieces with and without those marks.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build as esbuild } from "esbuild";
import fc from "fast-check";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { closeYamlBlock } from "../src/parse/parse-minutes.js";
import { idleConstructs, parseMarkdown, pieceStarts } from "../src/parse/parse-markdown.js";

const { largeMeeting } = (await import(new URL("../scripts/large-meeting.mjs", import.meta.url).href)) as {
  largeMeeting: (items: number) => string;
};

// The whole text through remark as published: neither cut nor with the autolink walk skipped.
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const whole = (text: string) => remark.parse(text);
/** Cut at every place the scan allows. */
const inPieces = (text: string) => parseMarkdown(text, 0);

const word = fc.constantFrom("Budget", "vote", "Ana", "2024-03-05", "ok", "é", "日本", "x", "#5", "a_b", "1.", "|");
const inline = fc.oneof(
  { weight: 6, arbitrary: word },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "**bold**",
      "_italic_",
      "*em*",
      "~~gone~~",
      "`code`",
      "``a ` b``",
      "[link](https://example.org/a)",
      "[link](<b c> 'title')",
      "![img](i.png)",
      "<https://a.example>",
      "www.example.com",
      "https://example.org/x?y",
      "ana@example.org",
      "Ana.B-c_d+e@Example.org.",
      "@",
      "a@b",
      "WWW.EXAMPLE.COM",
      "Www.x",
      "www",
      "HTTPS://Example.org",
      "http:",
      "http://",
      "ftp://x.org",
      "<span>x</span>",
      "<!-- note -->",
      "&amp;",
      "&#64;",
      "\\*",
      "[ref]",
      "[^1]",
      "**",
      "_",
      "[",
      "]",
      "  ",
      "\t",
    ),
  },
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" "));
const lines = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join("\n"));
const indent = fc.constantFrom("", "", "", " ", "  ", "   ", "    ", "\t");

const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 7 }),
    fc.constantFrom("", "", "", " ", "   ", "\t"),
    line,
    fc.constantFrom("", " ##", " #"),
  )
  .map(([level, before, text, after]) => `${before}${"#".repeat(level)} ${text}${after}`);
const setext = fc.tuple(lines, fc.constantFrom("===", "---", "-", "  ===")).map(([t, u]) => `${t}\n${u}`);
const fenceMark = fc.constantFrom("```", "~~~", "````", "``", "~~~~");
const fenced = fc
  .tuple(
    indent,
    fenceMark,
    fc.constantFrom("", "js", "a`b", " info"),
    fc.array(fc.constantFrom("code", "## not a heading", "```", "~~~", "````", "  ```", "<div>", "", "    x"), {
      maxLength: 4,
    }),
    fc.constantFrom("same", "longer", "indented", "none", "other"),
  )
  .map(([before, mark, info, body, close]) => {
    const closing =
      close === "same"
        ? mark
        : close === "longer"
          ? mark + mark[0]
          : close === "indented"
            ? `   ${mark}`
            : close === "other"
              ? mark[0] === "`"
                ? "~~~"
                : "```"
              : undefined;
    return [`${before}${mark}${info}`, ...body, ...(closing === undefined ? [] : [closing])].join("\n");
  });
const marker = fc.constantFrom("-", "*", "+", "1.", "2)", "10.", "- [ ]", "- [x]");
const listItem = fc
  .tuple(
    marker,
    lines,
    fc.array(
      fc.oneof(
        line.map((l) => `  ${l}`),
        line,
        fc.constantFrom(
          "",
          "  ```",
          "  code",
          "```",
          "  ## inner",
          "    - nested",
          "  - nested",
          "  > quoted",
          "  <div>",
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([m, first, more]) => [`${m} ${first}`, ...more].join("\n"));
const list = fc.array(listItem, { minLength: 1, maxLength: 4 }).map((items) => items.join("\n"));
const quote = fc
  .array(
    fc.oneof(
      line.map((l) => `> ${l}`),
      line,
      fc.constantFrom(">", "> > deeper", "> ```", "> ## in quote", "> - item", "> | a |\n> |---|"),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((ls) => (ls[0]!.startsWith(">") ? ls : [`> ${ls[0]}`, ...ls.slice(1)]).join("\n"));
const table = fc
  .tuple(
    fc.constantFrom("| Action | Owner | Due |", "Action | Owner", "| a |"),
    fc.constantFrom("|---|---|---|", "--- | ---", "|:-|-:|:-:|", "|---|"),
    fc.array(fc.constantFrom("| Report | Bo | TBD |", "| **x** | [y](z) |", "a | b", "| one", "\\| not"), {
      maxLength: 3,
    }),
  )
  .map(([head, rule, rows]) => [head, rule, ...rows].join("\n"));
// Tables with no pipe at all (micromark reads `a` over `:-` as a table), and near misses.
const tableWithoutPipes = fc.constantFrom(
  "Action\n:-",
  "a b\n-:",
  "a\n:--:\nrow",
  "> a\n> :-",
  ">a\n>:-",
  "- a\n  :-",
  "1. a\n   --:",
  "a\n\t:-",
  "a\n:-\n\n:-",
  "a\n---",
  "a\n:",
  "- a\n:-",
);
const html = fc.constantFrom(
  "<div>\n## inside\n</div>",
  "<div>text</div>",
  "<!-- a comment\n## inside\n-->",
  "<!-- one line -->",
  "<pre>\n## x\n\n## y\n</pre>",
  "<span>inline</span> start",
  "<br>",
  "<h2>Title</h2>",
  "<script>\n## s\n</script>",
  "<?php\n## x\n?>",
  "<!X\n## y\n>",
  "<![CDATA[\n## z\n]]>",
  "  <div>\n## x",
  "</p>",
);
const definition = fc.constantFrom(
  "[ref]: https://example.org/ref",
  "[ref]:\n  https://example.org 'title'",
  "[^1]: A note\n    ## still the note",
  "[^1]: Short",
  "[Ref\nlabel]: /url",
);
const other = fc.constantFrom(
  "***",
  "---",
  "___",
  "    indented code\n    ## not a heading",
  "\tcode\n## after",
  "",
  "   ",
  "#",
  "##",
  "#hashtag",
  "\\## escaped",
  "``` not a fence ` here",
);

const block = fc.oneof(
  { weight: 8, arbitrary: heading },
  { weight: 5, arbitrary: lines },
  { weight: 2, arbitrary: setext },
  { weight: 3, arbitrary: fenced },
  { weight: 4, arbitrary: list },
  { weight: 3, arbitrary: quote },
  { weight: 3, arbitrary: table },
  { weight: 1, arbitrary: tableWithoutPipes },
  { weight: 2, arbitrary: html },
  { weight: 1, arbitrary: definition },
  { weight: 2, arbitrary: other },
);
const frontMatter = fc.constantFrom(
  "",
  "",
  "---\ntitle: T\n---\n",
  "---\ntitle: T\n## not yet\n",
  "--- \na: 1\n---  \n",
  "---\n---\n",
);
const document = fc
  .tuple(
    frontMatter,
    fc.array(fc.tuple(block, fc.constantFrom("\n", "\n\n", "\n\n", "\n\n\n", "")), { minLength: 1, maxLength: 14 }),
  )
  .map(([front, parts]) => front + parts.map(([b, sep]) => b + sep).join(""));

describe("parsing in pieces", () => {
  it("gives the mdast of the whole text, positions included, on generated documents", () => {
    let cut = 0;
    let runs = 0;
    const idle = new Map<string, number>();
    fc.assert(
      fc.property(document, (text) => {
        runs++;
        if (pieceStarts(text).length > 1) cut++;
        for (const name of idleConstructs(text)) idle.set(name, (idle.get(name) ?? 0) + 1);
        expect(inPieces(text)).toStrictEqual(whole(text));
        expect(parseMarkdown(text, Number.POSITIVE_INFINITY)).toStrictEqual(whole(text));
      }),
      // PIECES_RUNS=50000 for a longer search.
      { numRuns: Number(process.env.PIECES_RUNS ?? 1500) },
    );
    // The property says something only if many documents are cut (about one in five is: a line that may
    // open an HTML block or an indented fence anywhere before a heading stops the cutting).
    expect(cut / runs).toBeGreaterThan(0.15);
    // …and only if whole documents are parsed both with and without each construct left out.
    for (const name of ["emailAutolink", "wwwAutolink", "protocolAutolink", "table"]) {
      expect((idle.get(name) ?? 0) / runs, name).toBeGreaterThan(0.1);
      expect((idle.get(name) ?? 0) / runs, name).toBeLessThan(0.9);
    }
  });

  it("gives the mdast of the whole text on every example, fixture and the large meeting", () => {
    const files = [...markdownFiles("examples"), ...markdownFiles("test/fixtures")];
    expect(files.length).toBeGreaterThan(50);
    let pieces = 0;
    for (const path of files) {
      const raw = readFileSync(path, "utf8");
      // As parseMinutes gives it to the parser, and as written (CR, BOM: parsed whole).
      for (const text of [closeYamlBlock(raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n")), raw]) {
        expect(inPieces(text), path).toStrictEqual(whole(text));
        pieces += pieceStarts(text).length;
      }
    }
    expect(pieces).toBeGreaterThan(files.length * 4);
    const large = largeMeeting(60);
    expect(pieceStarts(large).length).toBeGreaterThan(100);
    expect(inPieces(large)).toStrictEqual(whole(large));
    expect(parseMarkdown(large)).toStrictEqual(whole(large));
    const linked = `${large}\n\nWrite to ana@example.org or see www.example.org and https://example.org/a.\n`;
    expect(parseMarkdown(linked)).toStrictEqual(whole(linked));
    expect(JSON.stringify(parseMarkdown(linked))).toContain('"url":"mailto:ana@example.org"');
  });

  it("parses whole what may reach across a heading", () => {
    const cases = [
      "## a\n\n[x]: https://example.org\n\n## b\n\n[x]\n",
      "## a\n\n[^1]: note\n\n## b\n",
      "## a\n\n```\n## inside\n",
      "## a\n\n<div>\n\n## b\n",
      "## a\n\n- item\n\n  ```\n## b\n",
      "## a\r\n\r\n## b\r\n",
    ];
    for (const text of cases) {
      const starts = pieceStarts(text);
      expect(
        starts.every((at) => at === 0 || !text.slice(at).startsWith("## b")),
        JSON.stringify(text),
      ).toBe(true);
      expect(inPieces(text)).toStrictEqual(whole(text));
    }
    // …and cuts where nothing can.
    const cut = "---\ntitle: T\n---\n## a\n\n```\n## c\n```\n\n## b\ntext\n";
    expect(pieceStarts(cut)).toEqual([0, cut.indexOf("## a"), cut.indexOf("## b")]);
  });
});

// The bundle's parser: this module bundled with patches/*.patch applied (micromark's constructs and
// from-markdown's compiler made once per list of extensions, subtokenize's jumps in a Map), as
// scripts/build.mjs bundles it. vitest runs the rest of this file on the published packages.
const { patchFiles } = (await import(new URL("../scripts/dependency-patches.mjs", import.meta.url).href)) as {
  patchFiles: () => import("esbuild").Plugin;
};
const bundled = join(mkdtempSync(join(tmpdir(), "minutes-parser-")), "parse-markdown.mjs");
await esbuild({
  entryPoints: ["src/parse/parse-markdown.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  outfile: bundled,
  plugins: [patchFiles()],
  logLevel: "error",
});
const patched = (await import(bundled)) as { parseMarkdown: typeof parseMarkdown };

describe("the patched parser (the bundle's)", () => {
  it("is patched", () => {
    const code = readFileSync(bundled, "utf8");
    expect(code).toMatch(/combined\.set\(extensions, constructs\d*\)/);
    expect(code).toMatch(/compilers\.set\(extensions, compile\d*\)/);
    expect(code).toMatch(/while \(jumps\.has\(index\d*\)\)/);
  });

  it("gives the published parser's mdast on generated documents, one after another", () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(patched.parseMarkdown(text)).toStrictEqual(whole(text));
        expect(patched.parseMarkdown(text, Number.POSITIVE_INFINITY)).toStrictEqual(whole(text));
      }),
      { numRuns: Number(process.env.PIECES_RUNS ?? 800) },
    );
  });

  it("gives the published parser's mdast on every example, fixture and the large meeting", () => {
    const files = [...markdownFiles("examples"), ...markdownFiles("test/fixtures"), ...markdownFiles("docs")];
    expect(files.length).toBeGreaterThan(50);
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      expect(patched.parseMarkdown(text), path).toStrictEqual(whole(text));
    }
    const large = largeMeeting(60);
    expect(patched.parseMarkdown(large)).toStrictEqual(whole(large));
  });
});

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => join(e.parentPath, e.name));
}
