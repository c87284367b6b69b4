// The one detector of meetings in a file (src/parse/find-meetings.ts), and the warning that uses it.
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { areDaysOfOneMeeting, findMeetingStarts, isOnlyADate } from "../src/parse/find-meetings.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const tree = (markdown: string) =>
  unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]).parse(markdown) as Root;
const starts = (markdown: string) => findMeetingStarts(tree(markdown).children).map((s) => [s.line, s.date, s.kind]);

describe("findMeetingStarts", () => {
  it("finds the date headings of running notes, newest first", () => {
    const notes =
      "# Infra WG running notes\n\nZoom: https://example.org/j/1\n\n## 2024-03-06\n\n### Attendees\n\n- Ana\n\n## 2024-02-28\n\nText.\n\n## 2024-02-21 (cancelled)\n\nNo meeting.\n";
    expect(starts(notes)).toEqual([
      [5, "2024-03-06", "heading"],
      [11, "2024-02-28", "heading"],
      [15, "2024-02-21", "heading"],
    ]);
  });

  it("takes headings that open with a date, once other headings of their level start meetings", () => {
    const notes =
      "# Notes\n\n## 2024-03-13\n\nText.\n\n## 2024-03-06 - Cancelled\n\nNone.\n\n## March 1, 2024: budget call\n\nText.\n\n## 2024-02-28\n\nText.\n";
    expect(starts(notes).map((s) => s[1])).toEqual(["2024-03-13", "2024-03-06", "2024-03-01", "2024-02-28"]);
    // Alone, they are items that mention dates.
    expect(
      starts("# Retro 2024-03-08\n\n## 2024-03-01: release\n\nText.\n\n## 2024-03-04 - incident\n\nText.\n"),
    ).toEqual([]);
  });

  it("finds headings that name a meeting and its date, at the top level (HackMD)", () => {
    const notes =
      "# Meeting 12 — March 6, 2024\n\n## Agenda\n\nText.\n\n# Meeting 11 — February 28, 2024\n\n## Agenda\n\nText.\n";
    expect(starts(notes)).toEqual([
      [1, "2024-03-06", "heading"],
      [7, "2024-02-28", "heading"],
    ]);
  });

  it("finds HTML headings too", () => {
    expect(
      starts("<h3>Dec 14, 2023 | Steering call</h3>\n\nText.\n\n<h3>Dec 7, 2023 | Steering call</h3>\n\nText.\n").map(
        (s) => s[1],
      ),
    ).toEqual(["2023-12-14", "2023-12-07"]);
  });

  it("finds the <summary> of <details> blocks, with or without a blank line after <details>", () => {
    const notes =
      "# WG minutes\n\n<details>\n <summary>Regular meeting - June 8, 2021</summary>\n\n## Intro\n\nText.\n\n</details>\n\n<details>\n\n<summary>Regular meeting - May 25th, 2021 - Call Canceled</summary>\n\nNone.\n\n</details>\n";
    expect(starts(notes)).toEqual([
      [3, "2021-06-08", "heading"],
      [14, "2021-05-25", "heading"],
    ]);
  });

  it("finds lines in bold that are only a date, month first when the dates say so, among other bold lines", () => {
    const notes =
      "**12/13/2016**\n\n**Attendees**\n\n- Ana\n\n**10/11/2016**\n\n**Attendees**\n\n- Ben\n\n**9/27/2016**\n\nText.\n";
    expect(starts(notes)).toEqual([
      [1, "2016-12-13", "heading"],
      [7, "2016-10-11", "heading"],
      [13, "2016-09-27", "heading"],
    ]);
    // A bold line that names a meeting is a label as often as not: only a date alone counts.
    expect(starts("**Board meeting 2024-03-06**\n\nText.\n\n**Board meeting 2024-02-07**\n\nText.\n")).toEqual([]);
  });

  it("gives headings with a day and month but no year the year above them, rolling over at the new year", () => {
    const notes =
      "# 2021\n\n## December 8\n\nText.\n\n## November 10th Meeting\n\nText.\n\n# 2020\n\n## December 16th\n\nText.\n\n## January 6th\n\nText.\n";
    expect(starts(notes).map((s) => s[1])).toEqual(["2021-12-08", "2021-11-10", "2020-12-16", "2020-01-06"]);
    // The year of the file's title or path; newest first, February then December is the year before.
    expect(
      starts("# Notes 2024\n\n## February 7\n\nText.\n\n## January 10\n\nText.\n\n## December 13\n\nText.\n").map(
        (s) => s[1],
      ),
    ).toEqual(["2024-02-07", "2024-01-10", "2023-12-13"]);
    const fromPath = findMeetingStarts(
      tree("## 7 février\n\nTexte.\n\n## 24 janvier\n\nTexte.\n").children,
      undefined,
      "minutes/2024/notes.md",
    );
    expect(fromPath.map((s) => s.date)).toEqual(["2024-02-07", "2024-01-24"]);
    // Oldest first: December then January is the year after.
    expect(
      starts(
        "# Notes 2023\n\n## October 11\n\nText.\n\n## November 8\n\nText.\n\n## December 13\n\nText.\n\n## January 10\n\nText.\n",
      ).map((s) => s[1]),
    ).toEqual(["2023-10-11", "2023-11-08", "2023-12-13", "2024-01-10"]);
    // No year anywhere: no date, so no meeting.
    expect(starts("## December 8\n\nText.\n\n## November 10\n\nText.\n")).toEqual([]);
  });

  it("takes headings that open with a date and a time in words, unless the file's title holds a date", () => {
    const notes =
      "# Sig-auth Meeting Agenda\n\n## December 14th, 2016, 11a - Noon (Pacific Time) - [recording](https://example.org/1)\n\nText.\n\n## November 30th, 2016, 11a - Noon (Pacific Time)\n\nText.\n\n## November 16th, 2016\n\nText.\n";
    expect(starts(notes).map((s) => s[1])).toEqual(["2016-12-14", "2016-11-30", "2016-11-16"]);
    expect(
      starts("# Retro 2024-03-08\n\n## 2024-03-01: release\n\nText.\n\n## 2024-03-04 - incident\n\nText.\n"),
    ).toEqual([]);
  });

  it("finds meetings that open with a Date: line, at the top or after a horizontal rule", () => {
    const notes =
      "# Team notes\n\n**Date:** 2024-03-06\nAttendees: Ana, Ben\n\n- Budget approved.\n\n---\n\nDate: 28 February 2024\n\n- Hiring.\n\n---\n\n**Date and time: 21/02/2024, 14:00**\n\n- Kick-off.\n";
    expect(starts(notes)).toEqual([
      [3, "2024-03-06", "heading"],
      [10, "2024-02-28", "heading"],
      [16, "2024-02-21", "heading"],
    ]);
    // One meeting that writes its date, and the next meeting's under a heading: one meeting.
    expect(starts("# Board\n\nDate: 2024-03-06\n\n## Budget\n\nOK.\n\n## Next meeting\n\nDate: 2024-04-03\n")).toEqual(
      [],
    );
  });

  it("reads YYYYMMDD headings and dates followed by words", () => {
    expect(starts("# WG\n\n## 20210706\n\nText.\n\n## 20210622\n\nText.\n").map((s) => s[1])).toEqual([
      "2021-07-06",
      "2021-06-22",
    ]);
    expect(
      starts("# WG\n\n## April 7th, 2021 notes\n\nText.\n\n## 24 March 2021 Board\n\nText.\n").map((s) => s[1]),
    ).toEqual(["2021-04-07", "2021-03-24"]);
  });

  it("takes a meeting whose heading went a level up by mistake", () => {
    const notes =
      "# 2021\n\n## January 27th Weekly Meeting\n\nText.\n\n## January 20th Slack Meeting\n\nText.\n\n# January 14th APAC Meeting\n\nText.\n\n## January 13th Slack Meeting\n\nText.\n";
    expect(starts(notes).map((s) => [s[0], s[1]])).toEqual([
      [3, "2021-01-27"],
      [7, "2021-01-20"],
      [11, "2021-01-14"],
      [15, "2021-01-13"],
    ]);
  });

  it("does not take the days of one meeting for several meetings", () => {
    expect(starts("# Plenary\n\n## Wednesday, 26 July 2023\n\nText.\n\n## Thursday, 27 July 2023\n\nText.\n")).toEqual(
      [],
    );
    // Friday then Monday: a weekend skipped.
    expect(areDaysOfOneMeeting(["2024-03-08", "2024-03-11", "2024-03-12"])).toBe(true);
    // Newest first, or a week apart: several meetings.
    expect(areDaysOfOneMeeting(["2023-07-27", "2023-07-26"])).toBe(false);
    expect(areDaysOfOneMeeting(["2024-03-06", "2024-03-13"])).toBe(false);
  });

  it("does not take items that mention other meetings' dates for meetings", () => {
    const one =
      "# Board meeting 2024-03-06\n\n## Approval of the minutes of the 2024-02-07 meeting\n\nOK.\n\n## Budget\n\nOK.\n\n## Staff\n\nOK.\n\n## Minutes of the 2024-01-10 meeting, corrected\n\nOK.\n\n## Other business\n\nNone.\n";
    expect(starts(one)).toEqual([]);
    expect(starts("# Board meeting 2024-03-06\n\n## Budget\n\nDue 2024-04-01.\n")).toEqual([]);
  });

  it("finds a second front matter, and the first one's date", () => {
    const two =
      "---\ntitle: A\ndate: 2024-03-05\n---\n\n## One\n\nText.\n\n---\ntitle: B\ndate: '2024-04-02'\n---\n\n## Two\n\nText.\n";
    expect(starts(two)).toEqual([
      [1, "2024-03-05", "front-matter"],
      [10, "2024-04-02", "front-matter"],
    ]);
    // A horizontal rule before ordinary text is no front matter.
    expect(starts("# A meeting 2024-03-05\n\nText.\n\n---\n\nMore text: and more.\n")).toEqual([]);
  });

  it("tells a heading that is only a date from one that says more", () => {
    expect(isOnlyADate("2024-03-06")).toBe(true);
    expect(isOnlyADate("Wednesday, 6 March 2024 (14:00 UTC)")).toBe(true);
    expect(isOnlyADate("le mercredi 6 mars 2024")).toBe(true);
    expect(isOnlyADate("Deadline 2024-03-06")).toBe(false);
    expect(isOnlyADate("July 21st")).toBe(true);
    expect(isOnlyADate("July 21st Meeting")).toBe(false);
  });
});

describe("the structure-several-meetings warning", () => {
  it("says how many meetings and where each starts", () => {
    const { file } = parseMinutes(
      "# Infra WG notes\n\n## 2024-03-06\n\n### Budget\n\nOK.\n\n## 2024-02-28\n\n### Budget\n\nOK.\n",
      { path: "notes.md" },
    );
    const warning = file.messages.find((m) => m.ruleId === "structure-several-meetings");
    expect(warning?.line).toBe(9);
    expect(warning?.reason).toContain("2 meetings, starting at lines 3 (2024-03-06), 9 (2024-02-28)");
  });

  it("is not given for a meeting over two days", () => {
    const { file } = parseMinutes(
      "# Plenary\n\n## Wednesday, 26 July 2023\n\nText.\n\n## Thursday, 27 July 2023\n\nText.\n",
      { path: "plenary.md" },
    );
    expect(file.messages.map((m) => m.ruleId)).not.toContain("structure-several-meetings");
  });
});
