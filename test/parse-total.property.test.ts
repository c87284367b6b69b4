// Property: parsing and validating any input returns a model or messages, and never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const markdownish = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "# ",
        "## ",
        "### ",
        "- ",
        "1. ",
        "> ",
        "| a | b |\n|---|---|\n| c | d |",
        "**",
        "_",
        "`",
        "---",
        "\n",
        "\r\n",
        "<br>",
        "&nbsp;",
        "[x]: http://a",
        "[^1]",
        "{-}",
        "| Action | Who | Due |\n|--|--|--|\n| x | y | z |",
        // The conventions the lenient reader looks for.
        "Attendees: ",
        "**Present:** ",
        "Apologies: ",
        "Date: ",
        "Time: ",
        "Lieu : ",
        "## Agenda\n",
        "## Ordre du jour\n",
        "## Attendees\n",
        "## Action items\n",
        "**Decisions**\n",
        "- [ ] Ana: ",
        "- @bob ",
        " by 2024-03-10",
        "23 mars 2024",
        "5. März 2024",
        "<h2>",
        "</h2>",
        "<p><strong>Date:</strong>&nbsp;",
        "\t",
        "\uFEFF",
        "TOP 1: ",
        "1\\. ",
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const keys = fc.constantFrom(
  "title",
  "date",
  "time",
  "language",
  "attendees",
  "absent",
  "chair",
  "next_meeting",
  "location",
  "subtitle",
  "atendees",
  "agenda",
);

/** YAML-ish values as people write them by hand, good and bad: dates, times, flow and block collections, anchors, tags. */
const yamlScalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "2022-09-23",
    "2022-02-30",
    "23/09/2022",
    "09:00-11:00",
    "11:00-09:00",
    "9h",
    "fr",
    "en",
    "xx",
    "null",
    "~",
    "true",
    "0x1F",
    "1e999",
    "''",
    '""',
    "'unclosed",
    '"unclosed',
    "[a, b",
    "{x: 1",
    "[]",
    "{}",
    "&a x",
    "*a",
    "*missing",
    "!!binary aGk=",
    "!custom x",
    "|",
    ">-",
    "- item",
    ": :",
    "#comment",
    "\t",
    "@at",
    "`tick`",
  ),
  fc.integer().map(String),
  fc.double().map(String),
);
const yamlValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    yamlScalar,
    fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
    fc.array(tie("value"), { maxLength: 3 }).map((items) => items.map((v) => `\n  - ${v}`).join("")),
    fc
      .dictionary(fc.constantFrom("name", "organisation", "role", "date", "time", "location", "x"), tie("value"), {
        maxKeys: 3,
      })
      .map(
        (d) =>
          `{ ${Object.entries(d)
            .map(([k, v]) => `${k}: ${v}`)
            .join(", ")} }`,
      ),
  ),
})).value;
const yamlText = fc
  .array(
    fc.tuple(
      fc.oneof(keys, fc.string({ maxLength: 12 })),
      fc.constantFrom(": ", ":", " : ", ":\t", "  "),
      yamlValue,
      fc.constantFrom("\n", "\r\n", "\n  ", "\n\t"),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.map(([k, sep, v, end]) => `${k}${sep}${v}${end}`).join(""));

describe("parseMinutes is total", () => {
  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), markdownish), (text) => {
        const { minutes, file } = parseMinutes(text, { path: "any.md" });
        expect(minutes !== undefined || file.messages.some((m) => m.fatal)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on any hand-written YAML-ish front matter, and every message has a place", () => {
    fc.assert(
      fc.property(yamlText, markdownish, fc.boolean(), (yaml, body, closed) => {
        const text = `---\n${yaml}${closed ? "\n---\n\n" : "\n"}${body}`;
        const { minutes, file } = parseMinutes(text, { path: "any.md" });
        expect(minutes !== undefined || file.messages.some((m) => m.fatal)).toBe(true);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const m of file.messages) {
          // Every message of a meeting's text points at a line: a missing one is a defect, not line 1.
          expect(m.line, `${m.ruleId}: ${m.reason}`).toBeTypeOf("number");
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lines + 1);
          expect(m.ruleId).toBeTruthy();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on any YAML front matter", () => {
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 })), markdownish, (data, body) => {
        const text = `---\n${stringify(data)}---\n\n${body}`;
        const { minutes, file } = parseMinutes(text, { path: "any.md" });
        expect(minutes !== undefined || file.messages.some((m) => m.fatal)).toBe(true);
        for (const m of file.messages) {
          expect(m.line, `${m.ruleId}: ${m.reason}`).toBeTypeOf("number");
          expect(m.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
