// scripts/dependency-patches.mjs edits the renderers' dependencies when it bundles them (patches/*.patch, see
// patches/README.md): fontkit's mark-positioning anchors decoded on first use, two quadratic loops of the
// Markdown parser (micromark), one context object for mdast-util-from-markdown's handlers, micromark's
// constructs and from-markdown's compiler made once per list of extensions, subtokenize's jumps in a Map, pdfkit's paths to
// its data, and docx's writing of the XML (a one-pass writer, no object spread per attribute, each table's
// section found once, placeholders found with indexOf, and the XML minutes writes for the body's runs,
// paragraphs and tables emitted as it is). The bundle must write exactly the bytes the unpatched dependencies write: this compares dist/index.js (patched) with the sources, which vitest runs
// against node_modules as published.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";

type Build = typeof build;
const dist = (await import(new URL("../dist/index.js", import.meta.url).href)) as {
  build: Build;
  parseMinutes: typeof parseMinutes;
};

// Combining marks with no precomposed form, so that fontkit positions them with GPOS mark-to-base,
// mark-to-mark and mark-to-ligature lookups (the anchors it now decodes lazily), in three faces.
const marks = join(mkdtempSync(join(tmpdir(), "minutes-marks-")), "2024-05-06-marks.md");
writeFileSync(
  marks,
  "---\ntitle: Marques q\u0303 et x\u0323\u0302\ndate: 2024-05-06\nlanguage: fr\nattendees: [Nguy\u0303n, Tra\u0302\u0300n]\n---\n\n## Point q\u0303\n\nTexte q\u0303, **gras x\u0323\u0302**, _italique e\u0301\u0301_ et \ufb01\u0301.\n",
);

// Brackets, labels, footnotes and adjacent data: the text micromark's two mended loops read (its data-merging
// resolver, and the GFM footnote extension's walk back on every "]").
const brackets = join(mkdtempSync(join(tmpdir(), "minutes-brackets-")), "2024-05-07-brackets.md");
writeFileSync(
  brackets,
  '---\ntitle: Brackets\ndate: 2024-05-07\nlanguage: en\nattendees: [Ana]\n---\n\n## 1. Notes\n\nA note[^1] and an image note ![^1] and ![^2], a [link](https://example.org) and [a] ] ]] [b][c] [c] ![alt](x.png "t") [^missing] \\] `code]` *em* _em_ **strong** ~~gone~~.\n\n[x [y [z]] ] ][ [a](<b> [a](<\n\n[^1]: The first note.\n[^2]: The second.\n[c]: https://example.org/c\n',
);

// Every kind of run the DOCX renderer writes itself (docx-library.ts's runXml): scripts with fonts of their own
// (right to left, CJK), what XML escapes, links, code, check boxes, hard breaks and nested emphasis.
const runs = join(mkdtempSync(join(tmpdir(), "minutes-runs-")), "2024-05-08-runs.md");
writeFileSync(
  runs,
  "---\ntitle: Runs & <escapes> \"q\" 'a'\ndate: 2024-05-08\nlanguage: en\nattendees: [محمد علي, דוד כהן, 王小明]\n---\n\n## 1. مرحبا بالعالم\n\n" +
    "Text & <b> \"q\" 'a' {x} {} {{bullet-0}} {bullet-1} {decimal-from-1-2 { } with **bold _both ~~all~~_** and `code & <x>` and [a **link**](https://example.org/a?b=1&c=2)  \nafter a hard break.\n\n" +
    "العربية في **النص** و中文字 and 日本語 and 한국어 and Հայերեն and ქართული.\n\n- [x] done & dusted\n- [ ] open <item>\n  1. nested `code`\n\n3. from three\n4. four\n   7. nested from seven\n\n" +
    "```\n\tcode & <tab>\n  spaces\n```\n\n> quoted _text_\n\n### Actions\n\n| Action | Owner | Due |\n|---|---|---|\n| Send **the** [report](https://example.org/r) | דוד כהן | 2024-06-01 |\n",
);

// Marks whose anchor the font leaves empty, which fontkit's lazily decoded anchors must read as empty too
// (pdfkit-library.ts's skipMissingAnchors; test/missing-anchors.test.ts).
const emptyAnchors = join(mkdtempSync(join(tmpdir(), "minutes-anchors-")), "2024-05-09-anchors.md");
writeFileSync(
  emptyAnchors,
  "---\ntitle: Ancres \u0760\ndate: 2024-05-09\nlanguage: fr\nattendees: [Ana]\n---\n\n## 1. Point\n\nTexte \u0760, \u0e2c\u0303, \u1200\u0326, A\u0334, **\u0760 \u1200\u0326** et `A\u0334 \u0760`.\n",
);

const inputs = [
  marks,
  emptyAnchors,
  brackets,
  runs,
  "examples/2022-09-23-gtm.md",
  "examples/2024-03-05-steering-committee.md",
  ...readdirSync("test/fixtures/real-world").map((f) => `test/fixtures/real-world/${f}`),
];

function chunk(prefix: string): string {
  const name = readdirSync("dist").find((f) => f.startsWith(prefix) && f.endsWith(".js"));
  return readFileSync(join("dist", name!), "utf8");
}

describe("the bundle's patched dependencies", () => {
  it("are patched in dist/", () => {
    expect(chunk("render-pdf-")).toContain('new URL("./assets/sRGB_IEC61966_2_1.icc", import.meta.url)');
    expect(chunk("render-docx-")).toMatch(/var writeXmlable\d* = \(data\) =>/);
    expect(chunk("render-docx-")).toContain("findGoverningSections()");
    // The body's runs are written by minutes and emitted as they are (test/docx-run-xml.test.ts).
    expect(chunk("render-docx-")).toMatch(/BaseXmlComponent\d*\.verbatimXmlKey = VERBATIM_XML\d*;/);
    expect(chunk("render-pdf-")).toContain(
      "markArray: new Pointer(uint16, $47e0e8ef515d9903$var$MarkArray, { lazy: true })",
    );
    // A name tree's keys in code-unit order (the PDF's), not localeCompare's, whose first call costs ICU ~6 ms.
    expect(chunk("render-pdf-")).toContain("return a < b ? -1 : a > b ? 1 : 0;");
    const parser = readdirSync("dist")
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join("dist", f), "utf8"))
      .find((text) => text.includes("function resolveAllText"))!;
    // esbuild may number a local name (index2) when a chunk holds another one.
    expect(parser).toMatch(/events\.length = write\d*;/);
    expect(parser).toMatch(
      /let index\d* = self\._labelStarts && self\._labelStarts\.length > 0 \? self\.events\.length : 0;/,
    );
    expect(parser).toMatch(
      /handler\d*\[events\[index\d*\]\[1\]\.type\]\.call\(handlerContext, events\[index\d*\]\[1\]\)/,
    );
    // micromark's constructs and from-markdown's compiler made once per list of extensions.
    expect(parser).toMatch(/if \(extensions\) combined\.set\(extensions, constructs\d*\);/);
    expect(parser).toMatch(/if \(extensions\) compilers\.set\(extensions, compile\d*\);/);
    // micromark's subtokenize keeps its jumps in a Map.
    expect(parser).toMatch(/while \(jumps\.has\(index\d*\)\)/);
  });

  it("parse generated meetings, one after another, into what the published parser gives", () => {
    // One compiler serves every parse of the bundle: what a parse leaves in its handlers' state (an ordered
    // list's first value, a fenced code's inside, a setext heading's line ending) must not reach the next.
    const block = fc.constantFrom(
      "## 1. Budget\n\nText with **bold** and _em_ and a [link](https://example.org).",
      "3. Third\n4. Fourth\n\n   ```js\n   code\n   ```",
      "- [ ] Ana to send the report by 2024-03-08\n- [x] Bo done",
      "Setext\n------\n\nA line  \nbroken",
      "```\nopen fence",
      "    indented code",
      "| Action | Owner |\n|---|---|\n| Report | Ana |",
      "Action\n:-",
      "A note[^1].\n\n[^1]: The note.",
      "[ref]\n\n[ref]: https://example.org 'title'",
      "> quoted\n> - item",
      "Write to ana@example.org, www.example.com or https://example.org/x.",
      "<div>\n## inside\n</div>",
      "&amp; &#64; \\* `code`",
      "1) one",
    );
    const meeting = fc
      .array(block, { minLength: 1, maxLength: 8 })
      .map((blocks) => `---\ntitle: T\ndate: 2024-03-05\n---\n\n${blocks.join("\n\n")}\n`);
    fc.assert(
      fc.property(fc.array(meeting, { minLength: 2, maxLength: 4 }), (texts) => {
        for (const text of texts) {
          const mine = parseMinutes(text, { path: "m.md" });
          const theirs = dist.parseMinutes(text, { path: "m.md" });
          expect(JSON.stringify(theirs.minutes)).toBe(JSON.stringify(mine.minutes));
          expect(JSON.stringify(theirs.file.messages)).toBe(JSON.stringify(mine.file.messages));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("parse every example and fixture into the model and messages the published parser gives", async () => {
    const files = ["examples", "test/fixtures"].flatMap((dir) =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".md"))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(50);
    // …and the bench's large meeting, which the parser reads in pieces (src/parse/parse-markdown.ts).
    const { largeMeeting } = (await import(new URL("../scripts/large-meeting.mjs", import.meta.url).href)) as {
      largeMeeting: (items: number) => string;
    };
    const texts = [
      ...files.map((path) => ({ path, text: readFileSync(path, "utf8") })),
      { path: "large.md", text: largeMeeting(60) },
    ];
    for (const { path, text } of texts) {
      const mine = parseMinutes(text, { path });
      const theirs = dist.parseMinutes(text, { path });
      expect(JSON.stringify(theirs.minutes), path).toBe(JSON.stringify(mine.minutes));
      expect(JSON.stringify(theirs.file.messages), path).toBe(JSON.stringify(mine.file.messages));
    }
  });

  it("fail the build when a hunk no longer matches the dependency's code", async () => {
    const { applyHunks } = (await import(new URL("../scripts/dependency-patches.mjs", import.meta.url).href)) as {
      applyHunks: (source: string, hunks: unknown[], where: string) => string;
    };
    const hunk = { patch: "x+1.0.0.patch", start: 2, old: ["b", "c"], new: ["b", "C", "d"] };
    expect(applyHunks("a\nb\nc\ne", [hunk], "x.js")).toBe("a\nb\nC\nd\ne");
    expect(() => applyHunks("a\nb\nc2\ne", [hunk], "x.js")).toThrow(
      /patches\/x\+1\.0\.0\.patch: the hunk at line 2 no longer matches x\.js/,
    );
    expect(() => applyHunks("b\nc\ne", [hunk], "x.js")).toThrow(/no longer matches/);
  });

  it.each(inputs)("write the same DOCX and PDF bytes as the published dependencies: %s", async (input) => {
    const timestamp = new Date("2024-05-06T07:08:09Z");
    const fromSources = mkdtempSync(join(tmpdir(), "minutes-src-"));
    const fromBundle = mkdtempSync(join(tmpdir(), "minutes-dist-"));
    const a = await build(input, { out: fromSources, timestamp });
    const b = await dist.build(input, { out: fromBundle, timestamp });
    expect(a.ok, JSON.stringify(a.diagnostics)).toBe(true);
    expect(b.outputs.map((o) => o.format)).toEqual(["docx", "pdf"]);
    for (const [i, output] of a.outputs.entries()) {
      const mine = readFileSync(output.path);
      const theirs = readFileSync(b.outputs[i]!.path);
      expect(mine.length).toBeGreaterThan(1000);
      expect(theirs.equals(mine), `${output.format} differs`).toBe(true);
    }
  });
});
