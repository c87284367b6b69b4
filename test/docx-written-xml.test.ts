// The DOCX renderer writes the XML of the body's runs, links and most paragraphs itself (docx-library.ts) where
// docx's writer emits written XML, which only the bundled docx does (patches/docx+9.15.2.patch). This file runs
// the sources against that patched docx, and renders the same meetings twice, once as docx's own objects and
// once written by minutes: the DOCX bytes must be the same, for the examples and fixtures and for generated
// meetings with every kind of inline, block, script and character minutes draws.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import fc from "fast-check";
import { awkwardPieces } from "./helpers/awkward-text.js";
import { describe, expect, it, vi } from "vitest";

vi.mock("docx", async () => {
  const { mkdtempSync, readFileSync: read, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join: joinPath } = await import("node:path");
  const { pathToFileURL } = await import("node:url");
  const { applyHunks, readPatches } = (await import(
    new URL("../scripts/dependency-patches.mjs", import.meta.url).href
  )) as {
    readPatches: () => Map<string, unknown[]>;
    applyHunks: (source: string, hunks: unknown[], where: string) => string;
  };
  const where = "docx/dist/index.mjs";
  const source = applyHunks(read(`node_modules/${where}`, "utf8"), readPatches().get(where)!, where);
  const file = joinPath(mkdtempSync(joinPath(tmpdir(), "minutes-docx-patched-")), "index.mjs");
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
});

const { renderDocx, parseMinutes, defaultTheme } = await import("../src/index.js");
const { writeOwnXml } = await import("../src/render/docx/docx-library.js");

const timestamp = new Date("2024-05-06T07:08:09Z");
const options = { theme: defaultTheme(), timestamp };
// Tables with horizontal rules only: their sides are borders of style "none".
const lines = defaultTheme();
const linesOptions = { theme: { ...lines, layout: { ...lines.layout, tables: "lines" as const } }, timestamp };

async function bothWays(text: string, path: string, how = options): Promise<[Uint8Array, Uint8Array]> {
  const minutes = parseMinutes(text, { path }).minutes!;
  try {
    writeOwnXml(false);
    const objects = await renderDocx(minutes, how);
    writeOwnXml(true);
    return [objects, await renderDocx(minutes, how)];
  } finally {
    writeOwnXml(true);
  }
}

/** The body of the document part (what the two ways write differently, if they do). */
const documentXml = (bytes: Uint8Array): string => {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return xml.slice(xml.indexOf("<w:body>"));
};

function expectSame([objects, written]: [Uint8Array, Uint8Array], what: string): void {
  // The document part first, for a readable difference; then every byte of the package.
  expect(documentXml(written), what).toBe(documentXml(objects));
  expect(Buffer.from(written).equals(Buffer.from(objects)), what).toBe(true);
}

const files = ["examples", "test/fixtures/real-world"].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(dir, f)),
);

// Pieces of Markdown text: what XML escapes or drops, scripts with fonts of their own (right to left, CJK),
// surrogates, spaces at the ends, braces (docx's placeholders are in braces), and inline formatting.
const word = fc.constantFrom(...awkwardPieces, "plain", "a\\", "tab\there");
const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  inline: fc.oneof(
    { depthSize: "small" },
    word,
    tie("inline").map((t) => `**${t}**`),
    tie("inline").map((t) => `_${t}_`),
    tie("inline").map((t) => `~~${t}~~`),
    word.map((t) => `\`${t.replace(/`/g, "")}\``),
    fc
      .tuple(
        tie("inline"),
        fc.constantFrom(
          "https://example.org/a?b=1&c=2",
          "https://example.org/p#frag",
          `https://example.org/p#${"f".repeat(41)}`,
          "https://e.org/a b",
          "mailto:x@example.org",
        ),
      )
      .map(([t, url]) => `[${t}](<${url}>)`),
    fc.constantFrom("  \n", "\n"),
  ),
})).inline as fc.Arbitrary<string>;
const line = fc
  .array(inline, { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(" ").replace(/^\s+|\s+$/g, "") || "x");
const block = fc.oneof(
  line,
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((t) => `- ${t}`).join("\n")),
  fc
    .array(line, { minLength: 1, maxLength: 3 })
    .map((items) => items.map((t, i) => `${i + 1}. ${t}\n   - nested ${t}`).join("\n")),
  fc.tuple(fc.boolean(), line).map(([done, t]) => `- [${done ? "x" : " "}] ${t}`),
  line.map((t) => `> ${t}`),
  line.map((t) => `#### ${t}`),
  word.map((t) => `\`\`\`\n\t${t}\n  ${t}\n\`\`\``),
  fc
    .tuple(line, line, line)
    .map(
      ([a, b, c]) =>
        `| A | B |\n|:--|--:|\n| ${a.replace(/\|/g, "")} | ${b.replace(/\|/g, "")} |\n| ${c.replace(/\|/g, "")} | |`,
    ),
  fc.constant("---"),
  // A table in a list item and in a quote: indented.
  fc.tuple(line, line).map(([a, b]) => `- ${a}\n\n  | A | B |\n  |---|---|\n  | ${b.replace(/[|\n]/g, " ")} | x |`),
  line.map((a) => `> | A |\n> |---|\n> | ${a.replace(/[|\n]/g, " ")} |`),
);
const item = fc
  .tuple(line, fc.array(block, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(
    ([heading, blocks, actions]) =>
      `## ${heading.replace(/\n/g, " ")}\n\n${blocks.join("\n\n")}\n\n${actions ? `### Actions\n\n| Action | Owner | Due |\n|---|---|---|\n| ${heading.replace(/[|\n]/g, " ")} | Ana | 2024-06-01 |\n` : ""}`,
  );
const meeting = fc
  .tuple(word, fc.array(item, { minLength: 1, maxLength: 4 }))
  .map(
    ([title, items]) =>
      `---\ntitle: "Meeting ${title.replace(/["\\\u0000-\u001f]/g, "")}"\ndate: 2024-05-06\nlanguage: en\nattendees: [Ana, محمد علي, 王小明]\n---\n\n${items.join("\n")}`,
  );

describe("the DOCX renderer's own XML against docx's objects (patched docx)", () => {
  it("is in use where docx takes written XML", async () => {
    const minutes = parseMinutes("---\ntitle: T\ndate: 2024-05-06\n---\n\n## One\n\nText.\n", { path: "t.md" })
      .minutes!;
    expect(documentXml(await renderDocx(minutes, options))).toContain('<w:t xml:space="preserve">Text.</w:t>');
  });

  it.each(files)("writes the bytes docx's objects write: %s", async (file) => {
    expectSame(await bothWays(readFileSync(file, "utf8"), file), file);
  });

  it("writes the bytes docx's objects write for generated meetings", async () => {
    await fc.assert(
      fc.asyncProperty(meeting, fc.boolean(), async (text, ruled) => {
        expectSame(await bothWays(text, "2024-05-06-generated.md", ruled ? linesOptions : options), text);
      }),
      { numRuns: 60 },
    );
  });
});
