// Property: parsing and validating any input returns a model or messages, and never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const markdownish = fc.array(
  fc.oneof(
    fc.string(),
    fc.constantFrom("# ", "## ", "### ", "- ", "1. ", "> ", "| a | b |\n|---|---|\n| c | d |", "**", "_", "`", "---", "\n", "\r\n", "<br>", "&nbsp;", "[x]: http://a", "[^1]", "{-}", "| Action | Who | Due |\n|--|--|--|\n| x | y | z |"),
  ),
  { maxLength: 40 },
).map((parts) => parts.join(""));

const keys = fc.constantFrom("title", "date", "time", "language", "attendees", "absent", "chair", "next_meeting", "location", "subtitle", "atendees", "agenda");

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

  it("never throws on any YAML front matter", () => {
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 })), markdownish, (data, body) => {
        const text = `---\n${stringify(data)}---\n\n${body}`;
        const { minutes, file } = parseMinutes(text, { path: "any.md" });
        expect(minutes !== undefined || file.messages.some((m) => m.fatal)).toBe(true);
        for (const m of file.messages) expect(m.line === undefined || m.line >= 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
