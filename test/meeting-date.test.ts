// Issue 17, classes 2-6: the meeting's date wherever people write it (test/fixtures/dates/), the warnings
// each rule gives, the range of a meeting over several days as the documents print it, and a property: the
// same meeting arranged any way (date in the front matter, a heading, prose, a Date: line, the file name)
// gets the same date.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { firstCommitDay, fileFacts } from "../src/file-facts.js";
import { formatDate, formatDateRange } from "../src/i18n/format-meeting.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import type { FileFacts } from "../src/parse/meeting-date.js";
import { parseMinutes, type ParseOptions } from "../src/parse/parse-minutes.js";
import { itWithTools, pdfText } from "./helpers/tools.js";

const dir = "test/fixtures/dates";
const noFacts: FileFacts = { firstCommit: () => undefined, modified: () => undefined };

function parseFixture(name: string, options: ParseOptions = {}) {
  const { minutes, file } = parseMinutes(readFileSync(join(dir, name), "utf8"), {
    path: join(dir, name),
    fileFacts: noFacts,
    ...options,
  });
  const messages = file.messages.map((m) => ({
    rule: m.ruleId,
    line: m.line,
    severity: m.fatal ? "error" : "warning",
    text: m.reason,
  }));
  return { minutes, messages, errors: messages.filter((m) => m.severity === "error") };
}
const rulesOf = (messages: { rule: string | undefined }[]) =>
  messages.map((m) => m.rule).filter((r) => r?.startsWith("date"));

describe("class 2: the date in headings", () => {
  it("per-day headings: the first and the last day, printed as a range", () => {
    const { minutes, errors } = parseFixture("summit-two-days.md");
    expect(errors).toEqual([]);
    expect(minutes!.meeting).toMatchObject({ date: "2023-07-26", endDate: "2023-07-27" });
    expect(layoutMinutes(minutes!).info[0]!.value).toBe("26–27 July 2023");
  });

  it("per-day headings in French: « du 26 au 27 juillet 2023 »", () => {
    const { minutes, errors } = parseFixture("seminaire-deux-jours.md");
    expect(errors).toEqual([]);
    expect(minutes!.meeting).toMatchObject({ date: "2023-07-26", endDate: "2023-07-27", language: "fr" });
    expect(layoutMinutes(minutes!).info[0]!.value).toBe("du 26 au 27 juillet 2023");
  });

  it("per-day headings numbered 'Day 1: …', 'Day 2 – …'", () => {
    const source =
      "# Summit\n\n## Day 1: Wednesday, 26 July 2023\n\n### Opening\n\nText.\n\n## Day 2 – Thursday 27 July 2023\n\n### Roadmap\n\nText.\n";
    const { minutes, file } = parseMinutes(source, { path: "summit.md", fileFacts: noFacts });
    expect(minutes!.meeting).toMatchObject({ date: "2023-07-26", endDate: "2023-07-27" });
    expect(file.messages).toEqual([]);
  });

  it.each([
    ["2021/04/07", "2021-04-07"],
    ["Wednesday 2021/04/07 at 14:00 UTC", "2021-04-07"],
    ["Mar 2, 2023, 14:00-15:30 UTC", "2023-03-02"],
    ["07.04.2021", "2021-04-07"],
  ])("a 'Meeting Date/Time: %s' heading gives %s and is not an agenda item", (written, iso) => {
    const source = readFileSync(join(dir, "meeting-date-time-heading.md"), "utf8").replace(
      "Wednesday 2021/04/07 at 14:00 UTC",
      written,
    );
    const { minutes, file } = parseMinutes(source, { path: "task-force.md", fileFacts: noFacts });
    expect(minutes!.meeting.date).toBe(iso);
    expect(minutes!.items.map((i) => i.title)).toEqual(["Review of open issues", "Next steps"]);
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
  });

  it("'Meeting Date/Time: Friday 12/01/17 at 14:00 UTC': a two-digit year, and the weekday says the month comes first", () => {
    const source =
      "# Core Devs Meeting 29 Notes\n### Meeting Date/Time: Friday 12/01/17 at 14:00 UTC\n### Meeting Duration: 1 hour\n\n# Notes\n\n## Testing updates\n\nText.\n";
    const { minutes } = parseMinutes(source, { path: "Meeting 29.md", fileFacts: noFacts });
    expect(minutes!.meeting.date).toBe("2017-12-01");
    // Without a weekday, the order nobody stated is day first.
    expect(
      parseMinutes(source.replace("Friday ", ""), { path: "Meeting 29.md", fileFacts: noFacts }).minutes!.meeting.date,
    ).toBe("2017-01-12");
  });

  it("'Friday 08 Jan 2020': 8 January 2020 was a Wednesday, 8 January 2021 a Friday — the year was a typo, and a warning says so", () => {
    const source =
      "# All Core Devs Meeting 103 Notes <!-- omit in toc -->\n### Meeting Date/Time: Friday 08 Jan 2020, 14:00 UTC <!-- omit in toc -->\n\n# Notes\n\n## EIP-1559\n\nText.\n";
    const { minutes, file } = parseMinutes(source, { path: "Meeting 103.md", fileFacts: noFacts });
    expect(minutes!.meeting.date).toBe("2021-01-08");
    expect(
      file.messages.filter((m) => String(m.ruleId).startsWith("date")).map((m) => [m.ruleId, m.line, m.reason]),
    ).toEqual([
      [
        "date-weekday-mismatch",
        2,
        "`Meeting Date/Time: Friday 08 Jan 2020, 14:00 UTC` names a weekday that 2020-01-08 is not; 2021-01-08, a year away, is that weekday and is taken as the meeting date.",
      ],
    ]);
  });

  it("'Thursday 2022/19/5': year, day, month, the only way it reads", () => {
    const source =
      "# Consensus Layer Call 87\n\n### Meeting Date/Time: Thursday 2022/19/5 at 14:00 UTC\n\n# Notes\n\n## Merge\n\nText.\n";
    expect(parseMinutes(source, { path: "call_087.md", fileFacts: noFacts }).minutes!.meeting.date).toBe("2022-05-19");
  });

  it("running notes whose headings open with the date ('## December 14th, 2016, 11a - Noon (Pacific Time)'): the first one", () => {
    const source =
      "# Sig-auth Meeting Agenda\n\n## December 14th, 2016, 11a - Noon (Pacific Time) - [recording](https://example.org)\n\n* Presentation\n\n## November 30th, 2016, 11a - Noon (Pacific Time)\n\n* Survey\n\n## November 16th, 2016\n\n* Cancelled\n";
    expect(parseMinutes(source, { path: "meeting-notes-2016.md", fileFacts: noFacts }).minutes!.meeting.date).toBe(
      "2016-12-14",
    );
  });

  it("a raw HTML heading: <h3>Dec 14, 2023 | Community call</h3>", () => {
    const { minutes, errors } = parseFixture("html-heading.md");
    expect(errors).toEqual([]);
    expect(minutes!.meeting.date).toBe("2023-12-14");
  });
});

describe("class 3: the date in prose", () => {
  it.each([
    ["prose-english.md", "the first paragraph: 'met on Tuesday, August 9, 2016'"],
    ["prose-francais.md", "under « Date et lieu »: 'le mardi 9 août 2016'"],
    ["prose-deutsch.md", "under „Datum“: 'am 9. August 2016'"],
  ])("%s — %s", (name) => {
    const { minutes, errors, messages } = parseFixture(name);
    expect(errors).toEqual([]);
    expect(minutes!.meeting.date).toBe("2016-08-09");
    expect(rulesOf(messages)).toEqual([]);
  });
});

describe("class 4: a date with no year", () => {
  it("takes the year from another complete date in the file, with a warning saying so", () => {
    const { minutes, messages } = parseFixture("no-year-with-date.md");
    expect(minutes!.meeting.date).toBe("2023-08-19");
    expect(messages.filter((m) => m.rule === "date-year-inferred")).toEqual([
      expect.objectContaining({
        line: 3,
        severity: "warning",
        text: expect.stringContaining("2023 is taken from another date in the file"),
      }),
    ]);
  });

  it("takes the year from the file's path", () => {
    const source = readFileSync(join(dir, "no-year.md"), "utf8");
    const { minutes, file } = parseMinutes(source, { path: "minutes/2022/platform-sync.md", fileFacts: noFacts });
    expect(minutes!.meeting.date).toBe("2022-08-19");
    expect(file.messages.find((m) => m.ruleId === "date-year-inferred")?.reason).toContain(
      "taken from the file's path",
    );
  });

  it("else from the first commit of the file in git (run only when the year is missing), else from its modification time", () => {
    const repo = mkdtempSync(join(tmpdir(), "minutes-dates-git-"));
    const path = join(repo, "platform-sync.md");
    writeFileSync(path, readFileSync(join(dir, "no-year.md"), "utf8"));
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: "2020-09-02T10:00:00+02:00",
          GIT_COMMITTER_DATE: "2020-09-02T10:00:00+02:00",
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@example.org",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@example.org",
        },
      });
    git("init", "-q");
    git("add", "platform-sync.md");
    git("commit", "-q", "-m", "minutes");
    expect(firstCommitDay(path)).toBe("2020-09-02");
    const viaGit = parseMinutes(readFileSync(path, "utf8"), { path, fileFacts: fileFacts(path) });
    expect(viaGit.minutes!.meeting.date).toBe("2020-08-19");
    expect(viaGit.file.messages.find((m) => m.ruleId === "date-year-inferred")?.reason).toContain(
      "first commit in git",
    );

    // Outside a repository: the modification time.
    const plain = mkdtempSync(join(tmpdir(), "minutes-dates-mtime-"));
    const loose = join(plain, "platform-sync.md");
    writeFileSync(loose, readFileSync(join(dir, "no-year.md"), "utf8"));
    utimesSync(loose, new Date("2018-09-01T12:00:00Z"), new Date("2018-09-01T12:00:00Z"));
    expect(firstCommitDay(loose)).toBeUndefined();
    const viaMtime = parseMinutes(readFileSync(loose, "utf8"), { path: loose, fileFacts: fileFacts(loose) });
    expect(viaMtime.minutes!.meeting.date).toBe("2018-08-19");
    expect(viaMtime.file.messages.find((m) => m.ruleId === "date-year-inferred")?.reason).toContain(
      "modification time",
    );
  });

  it("asks git nothing when the year is written", () => {
    let asked = 0;
    const facts: FileFacts = { firstCommit: () => (asked++, "2001-01-01"), modified: () => (asked++, "2001-01-01") };
    const { minutes } = parseFixture("prose-english.md", { fileFacts: facts });
    expect(minutes!.meeting.date).toBe("2016-08-09");
    expect(asked).toBe(0);
  });

  it("running notes: '# 2021' then '## December 8' give 2021-12-08", () => {
    const source = "# 2021\n\n## December 8\n\n- Host: Bob Killen\n- Welcome\n\n## November 10th\n\n- Events\n";
    const { minutes, file } = parseMinutes(source, { path: "notes.md", fileFacts: noFacts });
    expect(minutes!.meeting.date).toBe("2021-12-08");
    expect(file.messages.find((m) => m.ruleId === "date-year-inferred")?.line).toBe(3);
  });

  it("deadlines without a year take the meeting's year, or the next one when that would fall before the meeting; neither is an error", () => {
    const { minutes, errors } = parseFixture("no-year.md", { path: "minutes/2024/platform-sync.md" });
    expect(errors).toEqual([]);
    expect(minutes!.meeting.date).toBe("2024-08-19");
    expect(minutes!.items.flatMap((i) => i.actions.map((a) => [a.deadline?.text, a.deadline?.date]))).toEqual([
      ["30 Aug", "2024-08-30"],
      ["15 Jan", "2025-01-15"],
    ]);
  });
});

describe("class 5: publication timestamps", () => {
  it("the title's day wins over the front matter's date-time, and a warning names both", () => {
    const { minutes, errors, messages } = parseFixture("2021-09-15-board-meeting.md");
    expect(errors).toEqual([]);
    expect(minutes!.meeting.date).toBe("2021-09-14");
    const warning = messages.find((m) => m.rule === "date-from-timestamp")!;
    expect(warning).toMatchObject({ line: 4, severity: "warning" });
    expect(warning.text).toContain("2021-09-15T12:18:14.583Z");
    expect(warning.text).toContain("the title on line 3");
    expect(warning.text).toContain("2021-09-14");
  });

  it.each([
    "2021-09-15T12:18:14.583Z",
    "2021-09-15T12:18:14+02:00",
    "2021-09-15 12:18:14 +0000",
    "20210915",
    "2021-W37-3",
    "2021-258",
    "2021-09-15T23:59",
  ])("date: %s is accepted as its calendar day, 2021-09-15", (written) => {
    const { minutes, file } = parseMinutes(
      `---\ntitle: Board meeting\ndate: ${written}\n---\n\n## Accounts\n\nApproved.\n`,
      { path: "board.md" },
    );
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    expect(minutes!.meeting.date).toBe("2021-09-15");
  });

  it.each(["Date", "meeting_date", "datum"])(
    "a front matter that writes `%s:` for `date:` gives the date (and the rename warning)",
    (key) => {
      const { minutes, file } = parseMinutes(
        `---\ntitle: Board meeting\n${key}: 2023-03-02\n---\n\n## Budget\n\nText.\n`,
        { path: "notes.md", fileFacts: noFacts },
      );
      expect(minutes!.meeting.date).toBe("2023-03-02");
      expect(file.messages.map((m) => m.ruleId)).toEqual(["front-matter-unknown-key"]);
    },
  );

  it("a timestamp that nothing contradicts is the meeting date, silently", () => {
    const { minutes, errors, messages } = parseFixture("2021-09-20-post.md");
    expect(errors).toEqual([]);
    expect(minutes!.meeting.date).toBe("2021-09-20");
    expect(rulesOf(messages)).toEqual([]);
  });
});

describe("class 5: a Jekyll post's date against the day its text names", () => {
  it("the excerpt and the first paragraph ('Am 25. Oktober', no year) outvote the post date; the year comes from the path", () => {
    const source = `---\nlayout: post\ntitle: "Generalversammlung 2020"\ndate: 2020-11-01\nexcerpt: "Am 25.10.2020 fand die Generalversammlung statt"\n---\n\n### Generalversammlung 2020\n\nAm 25. Oktober fand die Generalversammlung 2020 statt.\n\n### Neuwahlen\n\nDer Vorstand wurde bestätigt.\n`;
    const { minutes, file } = parseMinutes(source, {
      path: "_posts/2020-11-01-Generalversammlung-2020.md",
      fileFacts: noFacts,
    });
    expect(minutes!.meeting.date).toBe("2020-10-25");
    expect(file.messages.filter((m) => String(m.ruleId).startsWith("date")).map((m) => [m.ruleId, m.line])).toEqual([
      ["date-from-timestamp", 4],
    ]);
  });
});

describe("the next meeting's date is not this meeting's", () => {
  it.each([
    [
      "a '## Next Meeting' section with a Date: line",
      "# Meeting Notes - 2023-05-04\n\n## Discussion\n\nText.\n\n## Next Meeting\n\nDate: 2023-05-18\n",
    ],
    [
      "a '**Next meeting**' line before a Date: line",
      "# Team sync\n\n**Next meeting**\nDate: 18 May 2023\n\nThe team met on 4 May 2023.\n\n## Discussion\n\nText.\n",
    ],
  ])("%s", (_, source) => {
    const { minutes, file } = parseMinutes(source, { path: "notes.md", fileFacts: noFacts });
    expect(minutes!.meeting.date).toBe("2023-05-04");
    expect(file.messages.filter((m) => String(m.ruleId).startsWith("date"))).toEqual([]);
  });
});

describe("class 5: site generators' template expressions", () => {
  it('{{ site.url }}, {{ .Site.BaseURL }}, {{ "/x" | relative_url }} and {{< ref >}} are not placeholders left; {{chair}} still is', () => {
    const source = `---\nlayout: post\ntitle: Board meeting\ndate: 2013-01-15\n---\n\n## Members\n\n[@jerome]({{ site.url }}/membres/jerome/), {{ .Site.BaseURL }}, {{ "/x" | relative_url }}, {{< ref "a" >}}; chair: {{chair}}.\n`;
    const { file } = parseMinutes(source, { path: "2013-01-15-board.md" });
    expect(file.messages.filter((m) => m.ruleId === "placeholder-left").map((m) => m.reason)).toEqual([
      "The placeholder {{chair}} is still here: replace it.",
    ]);
  });
});

describe("class 6: sources that disagree", () => {
  it("a typo in one source does not win, and the warning names each source with its line", () => {
    const { minutes, messages } = parseFixture("2023-03-16-steering.md");
    expect(minutes!.meeting.date).toBe("2023-03-16");
    const warning = messages.find((m) => m.rule === "date-sources-disagree")!;
    expect(warning).toMatchObject({ line: 3, severity: "warning" });
    for (const part of [
      "the title on line 1",
      "gives 2023-03-16",
      "the date line on line 3",
      "gives 2022-03-16",
      "the file name (`2023-03-16-steering.md`)",
    ]) {
      expect(warning.text).toContain(part);
    }
  });

  it("a header table's Date row is a date line", () => {
    const { minutes } = parseMinutes(
      "# Board meeting\n\n| | |\n|---|---|\n| Date | 2 March 2023 |\n| Time | 14:00 |\n\n## Budget\n\nText.\n",
      { path: "notes.md", fileFacts: noFacts },
    );
    expect(minutes!.meeting.date).toBe("2023-03-02");
  });

  it("a numeric date whose order nobody stated is read the way another source gives it", () => {
    const source = "# Board meeting\n\nDate: 3/2/2023\n\n## Budget\n\nText.\n";
    expect(parseMinutes(source, { path: "2023-03-02-board.md", fileFacts: noFacts }).minutes!.meeting.date).toBe(
      "2023-03-02",
    );
    expect(parseMinutes(source, { path: "2023-02-03-board.md", fileFacts: noFacts }).minutes!.meeting.date).toBe(
      "2023-02-03",
    );
  });

  it("a file whose other numeric dates read only month first reads its meeting date month first", () => {
    const source = "# Board meeting\n\nDate: 04/07/2021\n\n## Budget\n\nThe invoice of 12/28/2020 was paid.\n";
    expect(parseMinutes(source, { path: "board.md", fileFacts: noFacts }).minutes!.meeting.date).toBe("2021-04-07");
    expect(
      parseMinutes(source.replace("12/28/2020", "28/12/2020"), { path: "board.md", fileFacts: noFacts }).minutes!
        .meeting.date,
    ).toBe("2021-07-04");
  });

  it.each([
    [
      "fr",
      "---\ndate: 2024-05-28\n---\n\n# Assemblée générale\n\nLa fête du 4 mai 2024 a réuni 300 personnes.\n\n## Budget\n\nAdopté.\n",
    ],
    [
      "en",
      "# Board meeting\n\nDate: 2024-03-21\n\nThe portal went live on 2 May 2023, as agreed on 14 March 2023.\n\n## Budget\n\nApproved.\n",
    ],
  ])(
    "%s: a first paragraph naming another day is running text when the front matter or a Date: line states the day",
    (_, source) => {
      const { minutes, file } = parseMinutes(source, { path: "notes.md", fileFacts: noFacts });
      expect(minutes!.meeting.date).toBe(source.includes("2024-05-28") ? "2024-05-28" : "2024-03-21");
      expect(file.messages.map((m) => m.ruleId)).not.toContain("date-sources-disagree");
    },
  );

  it("a first paragraph against the title alone still warns (neither states the day more firmly)", () => {
    const { file } = parseMinutes("# Board meeting, 3 May 2022\n\nThe board met on 4 May 2022.\n\n## Budget\n\nOK.\n", {
      path: "notes.md",
      fileFacts: noFacts,
    });
    expect(file.messages.map((m) => m.ruleId)).toContain("date-sources-disagree");
  });

  it("front matter against the title alone: the front matter wins, with the warning", () => {
    const { minutes, file } = parseMinutes(
      "---\ntitle: Committee meeting, 3 May 2022\ndate: 2022-05-04\n---\n\n## Budget\n\nApproved.\n",
      { path: "committee.md" },
    );
    expect(minutes!.meeting.date).toBe("2022-05-04");
    expect(file.messages.map((m) => m.ruleId)).toContain("date-sources-disagree");
  });
});

describe("the range in every language", () => {
  it.each([
    ["en", "2023-07-26", "2023-07-27", "26–27 July 2023"],
    ["en", "2023-07-30", "2023-08-02", "30 July – 2 August 2023"],
    ["en", "2023-12-30", "2024-01-02", "30 December 2023 – 2 January 2024"],
    ["fr", "2023-07-26", "2023-07-27", "du 26 au 27 juillet 2023"],
    ["fr", "2023-07-30", "2023-08-02", "du 30 juillet au 2 août 2023"],
    ["de", "2023-07-26", "2023-07-27", "26.–27. Juli 2023"],
    ["de", "2023-07-30", "2023-08-02", "30. Juli – 2. August 2023"],
    ["es", "2023-07-26", "2023-07-27", "del 26 al 27 de julio de 2023"],
    ["pt", "2023-07-26", "2023-07-27", "de 26 a 27 de julho de 2023"],
    ["pt", "2023-12-30", "2024-01-02", "de 30 de dezembro de 2023 a 2 de janeiro de 2024"],
  ])("%s: %s to %s is %s", (language, start, end, printed) => {
    expect(formatDateRange(start, end, language)).toBe(printed);
  });

  it("JSON has meeting.endDate, and the PDF prints the range", async () => {
    const out = mkdtempSync(join(tmpdir(), "minutes-dates-json-"));
    const result = await build(join(dir, "summit-two-days.md"), { out, formats: ["json"], config: null });
    expect(result.ok).toBe(true);
    const json = JSON.parse(readFileSync(join(out, "summit-two-days.json"), "utf8"));
    expect(json.meeting).toMatchObject({ date: "2023-07-26", endDate: "2023-07-27" });
  });

  itWithTools("pdftotext")("the PDF's header says 26–27 July 2023", async () => {
    const out = mkdtempSync(join(tmpdir(), "minutes-dates-pdf-"));
    const result = await build(join(dir, "summit-two-days.md"), { out, formats: ["pdf"], config: null });
    expect(result.ok).toBe(true);
    expect(pdfText(join(out, "summit-two-days.pdf"))).toContain("26–27 July 2023");
  });
});

describe("property: the same meeting, arranged any way, gets the same date", () => {
  const places = ["front-matter", "title", "date-line", "prose", "date-heading", "file-name"] as const;
  type Place = (typeof places)[number];
  const prose = {
    en: (d: string) => `The committee met on ${d} in the small hall.`,
    fr: (d: string) => `Le comité s'est réuni le ${d} dans la petite salle.`,
    de: (d: string) => `Der Ausschuss traf sich am ${d} im kleinen Saal.`,
  };
  const dateHeading = { en: "Date, time and location", fr: "Date et lieu", de: "Datum" };

  it("for any date, language, way of writing it and set of places", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("en", "fr", "de"),
        fc.subarray([...places], { minLength: 1 }),
        fc.constantFrom("iso", "long", "numeric"),
        (day, language: "en" | "fr" | "de", where: Place[], form) => {
          const iso = day.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-");
          // Written the way people of the language write it: ISO, the long form the documents print, or numeric day first.
          const written =
            form === "iso"
              ? iso
              : form === "long"
                ? formatDate(iso, language)
                : language === "de"
                  ? `${d}.${m}.${y}`
                  : `${d}/${m}/${y}`;
          const has = (p: Place) => where.includes(p);
          const front = [
            `language: ${language}-GB`.replace("fr-GB", "fr").replace("de-GB", "de"),
            ...(has("front-matter") ? [`date: ${iso}`] : []),
          ];
          const lines = [
            `---`,
            ...front,
            `---`,
            ``,
            has("title") ? `# Committee meeting — ${written}` : `# Committee meeting`,
            ``,
          ];
          if (has("date-line")) lines.push(`Date: ${written}`, ``);
          if (has("prose")) lines.push(prose[language](written), ``);
          if (has("date-heading")) lines.push(`## ${dateHeading[language]}`, ``, prose[language](written), ``);
          lines.push(`## Budget`, ``, `The budget was approved.`, ``);
          const path = has("file-name") ? `minutes/${iso}-committee.md` : `minutes/committee.md`;
          const { minutes, file } = parseMinutes(lines.join("\n"), { path, fileFacts: noFacts });
          expect(file.messages.filter((msg) => msg.fatal || String(msg.ruleId).startsWith("date"))).toEqual([]);
          expect(minutes?.meeting.date).toBe(iso);
        },
      ),
      { numRuns: 300 },
    );
  });
});
