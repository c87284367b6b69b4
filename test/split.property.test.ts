// Properties of splitMeetings: on any text it never throws; on any running notes it finds every meeting,
// each meeting file reads with its own date, and every word of the source is in the files.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { splitMeetings } from "../src/split/split-meetings.js";
import { missingWords, sourceWords } from "./helpers/word-coverage.js";

const word = fc.constantFrom(
  "budget",
  "Ana",
  "release",
  "notes",
  "Zoom",
  "décision",
  "Protokoll",
  "review",
  "2024",
  "#12",
  "[link](https://example.org)",
  "**bold**",
  "`code`",
  "<br>",
  "&nbsp;",
);
// A line holds at least one real word: a meeting whose notes are only `<br>` or `&nbsp;` holds no minutes, and its
// file is refused as an empty document (empty-document), which is right for a meeting with nothing written.
const realWord = fc.constantFrom("budget", "Ana", "release", "notes", "décision", "Protokoll", "review");
const line = fc
  .tuple(fc.array(word, { maxLength: 4 }), realWord, fc.array(word, { maxLength: 3 }))
  .map(([before, w, after]) => [...before, w, ...after].join(" "));
const block = fc.oneof(
  line,
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}`).join("\n")),
  fc
    .tuple(fc.constantFrom("### ", "#### ", "**"), line)
    .map(([mark, l]) => (mark === "**" ? `**${l}**` : `${mark}${l}`)),
  fc.constant("| Action | Responsible | Deadline |\n|---|---|---|\n| Send it | Ana | 2030-01-10 |"),
);
/** How a meeting's start is written, given its date. */
const startForms = fc.constantFrom(
  (d: Date) => `## ${d.toISOString().slice(0, 10)}`,
  (d: Date) =>
    `## ${d.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}`,
  (d: Date) =>
    `## Board meeting, ${d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}`,
  (d: Date) =>
    `# Meeting — ${d.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" })}`,
  (d: Date) =>
    `<details>\n<summary>Regular meeting - ${d.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" })}</summary>`,
);

const runningNotes = fc
  .record({
    form: startForms,
    first: fc.integer({ min: 0, max: 3000 }),
    gaps: fc.array(fc.integer({ min: 7, max: 35 }), { minLength: 1, maxLength: 6 }),
    prefix: fc.array(block, { maxLength: 3 }),
    bodies: fc.array(fc.array(block, { minLength: 1, maxLength: 5 }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ form, first, gaps, prefix, bodies }) => {
    // Newest first, a week or more apart.
    let day = Date.UTC(2024, 0, 1) - first * 86_400_000;
    const dates = [new Date(day), ...gaps.map((g) => new Date((day -= g * 86_400_000)))];
    const meetings = dates.map(
      (d, i) => `${[form(d), ...bodies[i]!].join("\n\n")}${form(d).startsWith("<details>") ? "\n\n</details>" : ""}`,
    );
    return {
      text: `${["# Working group notes", ...prefix, ...meetings].join("\n\n")}\n`,
      dates: dates.map((d) => d.toISOString().slice(0, 10)),
    };
  });

describe("splitMeetings", () => {
  it("never throws on any text", () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(
              fc.string(),
              block,
              fc.constantFrom(
                "## 2024-03-06\n",
                "**2024-03-06**\n",
                "---\ntitle: A\ndate: 2024-01-01\n---\n",
                "<details><summary>Meeting 2024-01-02</summary>\n",
                "\n\n",
              ),
            ),
            { maxLength: 30 },
          )
          .map((p) => p.join("\n")),
        (text) => {
          splitMeetings(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds every meeting of running notes, with its date, and keeps every word", () => {
    fc.assert(
      fc.property(runningNotes, ({ text, dates }) => {
        const meetings = splitMeetings(text, { fileName: "notes.md" });
        expect(meetings.map((m) => m.date)).toEqual(dates);
        expect(new Set(meetings.map((m) => m.name)).size).toBe(meetings.length);
        for (const m of meetings) expect(parseMinutes(m.text, { path: m.name }).minutes?.meeting.date).toBe(m.date);
        expect(missingWords(sourceWords(text), meetings.map((m) => m.text).join("\n"))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
