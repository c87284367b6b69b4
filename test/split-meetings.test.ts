// splitMeetings (src/split/split-meetings.ts): the text of each meeting, its name, its date, and every word kept.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { meetingFileNames, slugOf } from "../src/split/meeting-file-name.js";
import { splitMeetings } from "../src/split/split-meetings.js";
import { missingWords, sourceWords } from "./helpers/word-coverage.js";

const fixture = (name: string) => readFileSync(`test/fixtures/split/${name}`, "utf8");

describe("splitMeetings", () => {
  it.each([
    ["running-notes.md", ["2024-03-06", "2024-02-21", "2024-02-07", "2024-01-24"]],
    ["monthly-summary.md", ["2024-03-05", "2024-03-12", "2024-03-26"]],
    ["hackmd-meetings.md", ["2024-03-14", "2024-03-07"]],
  ])("%s: one meeting per dated heading, each parsed with its date, every word of the source kept", (name, dates) => {
    const source = fixture(name);
    const meetings = splitMeetings(source, { fileName: name });
    expect(meetings.map((m) => m.date)).toEqual(dates);
    for (const m of meetings) {
      const { minutes, file } = parseMinutes(m.text, { path: m.name });
      expect(file.messages.filter((x) => x.fatal).map((x) => x.reason)).toEqual([]);
      expect(minutes?.meeting.date).toBe(m.date);
      expect(m.name.startsWith(`${m.date}-`)).toBe(true);
    }
    expect(missingWords(sourceWords(source), meetings.map((m) => m.text).join("\n"))).toEqual([]);
  });

  it.each([
    ["kubernetes-sig-docs/2016_Weekly_Meeting_Minutes.md", 11, "2016-12-13", "2016-08-16"],
    ["ossf-best-practices-wg/meeting-minutes.md", 29, "2021-06-08", "2020-02-26"],
    ["kubernetes-steering/2017-meeting-notes.md", 4, "2017-12-07", "2017-10-18"],
    // "# 2021", then "## December 8", "## November 10th", … "## January 13th Slack Weekly Meeting", one of them an H1.
    ["kubernetes-sig-contribex/2021-meeting-notes.md", 29, "2021-12-08", "2021-01-13"],
    ["dif-sidetree-wg/agenda.md", 17, "2021-09-28", "2021-01-18"],
    // "## December 14th, 2016, 11a - Noon (Pacific Time) - [recording](…)"
    ["kubernetes-sig-auth/meeting-notes-2016.md", 18, "2016-12-14", "2016-04-20"],
  ])(
    "real running notes, %s: %i meetings from %s back to %s, each parsed with its date, every word kept",
    (path, count, newest, oldest) => {
      const source = readFileSync(`test/real-world/${path}`, "utf8");
      const meetings = splitMeetings(source, { fileName: path.split("/")[1]!, path });
      expect(meetings).toHaveLength(count);
      expect([meetings[0]!.date, meetings.at(-1)!.date]).toEqual([newest, oldest]);
      for (const m of meetings) expect(parseMinutes(m.text, { path: m.name }).minutes?.meeting.date).toBe(m.date);
      expect(missingWords(sourceWords(source), meetings.map((m) => m.text).join("\n"))).toEqual([]);
    },
  );

  it("writes a <summary> or a bold date line as the # heading, keeping what follows it", () => {
    const [first] = splitMeetings(
      "# WG minutes\n\n<details>\n<summary>Regular meeting - June 8, 2021</summary>\nIntro line.\n\nText.\n\n</details>\n\n<details>\n<summary>Regular meeting - May 25, 2021</summary>\n\nText.\n",
    );
    expect(first!.text).toContain("# Regular meeting - June 8, 2021\n\nIntro line.\n\nText.\n\n</details>\n");
    const [bold] = splitMeetings("**12/13/2016**\nMeeting using Zoom\n\n- Text\n\n**11/28/2016**\n\n- Text\n", {
      fileName: "2016_Weekly_Meeting_Minutes.md",
    });
    // Dates that read only month first: the file says en-US, so that its own heading reads as its date does.
    expect(bold!.text).toBe(
      '---\ntitle: "2016 Weekly Meeting Minutes"\ndate: 2016-12-13\nlanguage: en-US\n---\n\n# 12/13/2016\nMeeting using Zoom\n\n- Text\n',
    );
    expect(bold!.name).toBe("2016-12-13-weekly-meeting-minutes.md");
    const [dated] = splitMeetings(
      "# Team notes\n\n**Date:** 2024-03-06\nAttendees: Ana\n\n- Budget.\n\n---\n\nDate: 2024-02-28\n\n- Hiring.\n",
    );
    expect(dated!.text).toBe(
      '---\ntitle: "Team notes"\ndate: 2024-03-06\n---\n\n# 2024-03-06\n\n**Date:** 2024-03-06\nAttendees: Ana\n\n- Budget.\n\n---\n',
    );
  });

  it("makes the meeting's heading # and moves the headings under it up, setext ones too", () => {
    const notes =
      "# Notes\n\n## 2024-03-06\n\n### Budget\n\n#### Detail\n\nText.\n\nStaff\n-----\n\n## 2024-02-28\n\n### Budget\n\nOK.\n";
    const [first] = splitMeetings(notes);
    expect(first!.text).toBe(
      '---\ntitle: "Notes"\ndate: 2024-03-06\n---\n\n# 2024-03-06\n\n## Budget\n\n### Detail\n\nText.\n\n## Staff\n',
    );
    // Each line of the text says where it came from; the front matter is written here.
    expect(first!.sourceLines).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
    ]);
    expect(first!.line).toBe(3);
  });

  it("copies the text before the first meeting into each, its headings as bold lines", () => {
    const notes =
      "# Notes\n\nZoom: https://example.org/j/1\n\n## Links\n\n- [wiki](https://example.org)\n\n## 2024-03-06\n\nText.\n\n## 2024-02-28\n\nText.\n";
    for (const m of splitMeetings(notes))
      expect(m.text).toContain("Zoom: https://example.org/j/1\n\n**Links**\n\n- [wiki](https://example.org)\n\n# 20");
  });

  it("takes a heading of the meetings' level that opens the file as the file's title", () => {
    const [first] = splitMeetings(
      "# WG notes\n\nZoom: https://example.org/j/1\n\n# 2024-03-06\n\n## Budget\n\nOK.\n\n# 2024-02-28\n\n## Budget\n\nOK.\n",
    );
    expect(first!.text).toBe(
      '---\ntitle: "WG notes"\ndate: 2024-03-06\n---\n\nZoom: https://example.org/j/1\n\n# 2024-03-06\n\n## Budget\n\nOK.\n',
    );
  });

  it("keeps the file's other front-matter fields, and its title as the subtitle of a named meeting", () => {
    const [first] = splitMeetings(fixture("monthly-summary.md"));
    expect(first!.text.split("\n").slice(0, 7)).toEqual([
      "---",
      'title: "Executive committee meeting, 5 March 2024"',
      'subtitle: "Committee meetings — March 2024"',
      "date: 2024-03-05",
      "organisation: Riverside Tenants' Association",
      "language: en",
      "---",
    ]);
  });

  it("splits at a second front matter, keeping each as written", () => {
    const two =
      "---\ntitle: A\ndate: 2024-03-05\n---\n\n## One\n\nText.\n\n---\ntitle: B\ndate: 2024-04-02\n---\n\n## Two\n\nText.\n";
    const meetings = splitMeetings(two);
    expect(meetings.map((m) => [m.name, m.text])).toEqual([
      ["2024-03-05-a.md", "---\ntitle: A\ndate: 2024-03-05\n---\n\n## One\n\nText.\n"],
      ["2024-04-02-b.md", "---\ntitle: B\ndate: 2024-04-02\n---\n\n## Two\n\nText.\n"],
    ]);
  });

  it("copies the link definitions a meeting uses", () => {
    const [first] = splitMeetings(fixture("running-notes.md"));
    expect(first!.text.trimEnd().endsWith("[zoom]: https://example.org/zoom/docs-wg")).toBe(true);
    expect(first!.text).not.toContain("[style]:");
  });

  it("gives nothing for a file of one meeting, or of one meeting over two days", () => {
    expect(splitMeetings("# Board meeting 2024-03-06\n\n## Budget\n\nOK.\n")).toEqual([]);
    expect(
      splitMeetings("# Plenary\n\n## Wednesday, 26 July 2023\n\nText.\n\n## Thursday, 27 July 2023\n\nText.\n"),
    ).toEqual([]);
  });
});

describe("meeting file names", () => {
  it("takes the date out of the name, keeps other numbers, and numbers names that meet", () => {
    expect(slugOf("Meeting 14 — March 14, 2024")).toBe("meeting-14");
    expect(slugOf("Executive committee meeting, 5th March 2024")).toBe("executive-committee-meeting");
    expect(slugOf("Réunion du conseil du 12 mars 2024")).toBe("reunion-du-conseil-du");
    expect(slugOf("2024-03-06")).toBe("");
    expect(slugOf("Meeting - 28 September 2021 - (1600 ET)")).toBe("meeting");
    expect(slugOf("Weekly sync, 14:00-15:30 UTC [recording]")).toBe("weekly-sync");
    expect(
      meetingFileNames([
        { date: "2024-03-06", label: "Board" },
        { date: "2024-03-06", label: "Board" },
        { date: undefined, label: "" },
      ]),
    ).toEqual(["2024-03-06-board.md", "2024-03-06-board-2.md", "undated-meeting.md"]);
  });
});
