// The round trip of issue 20: a DOCX that `minutes build` made imports back (src/import/) into Markdown whose
// model equals the original's, field for field: the meeting's fields, the items (number, title), their
// discussion blocks, decisions, and actions with owners and deadlines. On every file of examples/ and on
// meetings made by the property tests' generator. Positions, ids and the parser's lifted extras are left out
// of the comparison: they say where things are written, not what the minutes say.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { importDocx } from "../src/import/import-docx.js";
import type { Minutes } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { World } from "../src/world/world.js";

const work = mkdtempSync(join(tmpdir(), "minutes-import-roundtrip-"));

/**
 * What the minutes say, without where it is written (positions). One field is compared as printed: an item
 * without actions whose author wrote "N/A" (`noActionsStated`) prints the same N/A row as one the default theme
 * gives an N/A row, so the DOCX cannot tell them apart.
 */
function meaning(minutes: Minutes | undefined): unknown {
  if (!minutes) return undefined;
  minutes = {
    ...minutes,
    items: minutes.items.map(({ noActionsStated, ...item }) =>
      noActionsStated || (item.number !== null && item.actions.length === 0)
        ? { ...item, noActionsStated: true }
        : item,
    ),
  };
  return JSON.parse(
    JSON.stringify(minutes, (key, value) =>
      [
        "position",
        "statusPosition",
        "idPosition",
        "responsiblePosition",
        "themePlace",
        "typedNumber",
        "places",
      ].includes(key)
        ? undefined
        : value,
    ),
  );
}

async function roundTrip(
  name: string,
  markdown: string,
): Promise<{ original: unknown; imported: unknown; text: string }> {
  const input = join(work, `${name}.md`);
  writeFileSync(input, markdown);
  const built = await build(input, { formats: ["docx"], out: work, config: null, resolvePrevious: false });
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const docx = join(work, `${name}.docx`);
  const result = importDocx(docx, new World());
  expect(result.markdown, JSON.stringify(result.diagnostics)).toBeDefined();
  const original = parseMinutes(markdown, { path: input }).minutes;
  const imported = parseMinutes(result.markdown!, { path: join(work, result.name!) }).minutes;
  return { original: meaning(original), imported: meaning(imported), text: result.markdown! };
}

describe("a DOCX made by minutes build imports back into the same model", () => {
  for (const file of readdirSync("examples").filter((f) => f.endsWith(".md"))) {
    it(`examples/${file}`, async () => {
      const { original, imported, text } = await roundTrip(
        file.replace(/\.md$/, ""),
        readFileSync(join("examples", file), "utf8"),
      );
      expect(imported, text).toEqual(original);
    });
  }
});

// Generated meetings, in the manner of the property tests' generators (test/split.property.test.ts): words of
// several languages, paragraphs with bold and italic, bullet and numbered lists, headings inside items,
// decisions, action tables with owners and deadlines, people with organisations and roles.
const word = fc.constantFrom(
  "budget",
  "review",
  "Ana",
  "réunion",
  "Protokoll",
  "acción",
  "ação",
  "report",
  "plan",
  "2024",
  "team",
  "décision",
);
const phrase = fc.array(word, { minLength: 2, maxLength: 7 }).map((w) => {
  const text = w.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
});
const name = fc.constantFrom("Ana Lima", "Ben Carter", "Chen Wei", "Dara Okoye", "Élodie Martin", "Jürgen Weiß");
const person = fc.tuple(
  name,
  fc.option(fc.constantFrom("ACME", "City of Pune", "OIM"), { nil: undefined }),
  fc.option(fc.constantFrom("Chair", "Treasurer"), { nil: undefined }),
);
const block = fc.oneof(
  phrase.map((p) => `${p}.`),
  fc.tuple(phrase, phrase).map(([a, b]) => `${a} **${b.toLowerCase()}** and *${a.toLowerCase()}*.`),
  fc.array(phrase, { minLength: 1, maxLength: 4 }).map((ps) => ps.map((p) => `- ${p}`).join("\n")),
  fc.array(phrase, { minLength: 2, maxLength: 3 }).map((ps) => ps.map((p, i) => `${i + 1}. ${p}`).join("\n")),
  fc.tuple(phrase, phrase).map(([h, p]) => `#### ${h}\n\n${p}.`),
);
const action = fc.tuple(phrase, name, fc.constantFrom("2030-01-10", "15 March 2031", "TBD", ""));
const item = fc.record({
  title: phrase,
  discussion: fc.array(block, { maxLength: 4 }),
  decisions: fc.array(phrase, { maxLength: 2 }),
  actions: fc.array(action, { maxLength: 3 }),
});
const meeting = fc.record({
  title: phrase,
  language: fc.constantFrom("en", "fr", "de", "es", "pt"),
  day: fc.integer({ min: 1, max: 28 }),
  attendees: fc.uniqueArray(person, { minLength: 1, maxLength: 4, selector: (p) => p[0] }),
  items: fc.array(item, { minLength: 1, maxLength: 4 }),
});

function meetingText(m: typeof meeting extends fc.Arbitrary<infer T> ? T : never): string {
  const people = m.attendees.map(([n, org, role]) =>
    org || role
      ? `  - { name: ${n}${org ? `, organisation: ${org}` : ""}${role ? `, role: ${role}` : ""} }`
      : `  - ${n}`,
  );
  const lines = [
    "---",
    `title: "${m.title}"`,
    `date: 2030-04-${String(m.day).padStart(2, "0")}`,
    `language: ${m.language}`,
    "attendees:",
    ...people,
    "---",
    "",
  ];
  m.items.forEach((it, i) => {
    lines.push(`## ${i + 1}. ${it.title}`, "");
    if (it.discussion.length) lines.push("### Discussion", "", ...it.discussion.flatMap((b) => [b, ""]));
    if (it.decisions.length) lines.push("### Decisions", "", ...it.decisions.map((d) => `- ${d}.`), "");
    if (it.actions.length)
      lines.push(
        "### Actions",
        "",
        "| Action | Responsible | Deadline |",
        "|---|---|---|",
        ...it.actions.map(([a, who, due]) => `| ${a} | ${who} | ${due} |`),
        "",
      );
  });
  return lines.join("\n");
}

describe("generated meetings import back into the same model", () => {
  it("for meetings in five languages with lists, headings, decisions and actions", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(meeting, async (m) => {
        const { original, imported, text } = await roundTrip(`generated-${n++}`, meetingText(m));
        expect(imported, text).toEqual(original);
      }),
      { numRuns: 25, seed: 7 },
    );
  }, 120_000);
});
