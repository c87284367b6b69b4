// One reader for every date a person writes: the same forms in the meeting's date, next_meeting, action
// deadlines and --date, with the order of numeric dates set by the language (month first only in US English).
import { describe, expect, it } from "vitest";
import { dateRules, findDate, findDayMonth, readDate } from "../src/parse/date-forms.js";
import { parseDeadline } from "../src/parse/deadline.js";

const fr = dateRules("fr");
const us = dateRules("en-US");

describe("readDate", () => {
  it.each([
    ["2024-03-12", "2024-03-12"],
    ["2024-3-5", "2024-03-05"],
    ["12/03/2024", "2024-03-12"],
    ["12.03.2024", "2024-03-12"],
    ["12-03-2024", "2024-03-12"],
    ["12 mars 2024", "2024-03-12"],
    ["le mardi 12 mars 2024", "2024-03-12"],
    ["1er février 2023", "2023-02-01"],
    ["12 de marzo de 2024", "2024-03-12"],
    ["12 de março de 2024", "2024-03-12"],
    ["12. März 2024", "2024-03-12"],
    ["Dienstag, 12. März 2024", "2024-03-12"],
    ["12 March 2024", "2024-03-12"],
    ["March 12, 2024", "2024-03-12"],
    ["Tuesday 12th March 2024", "2024-03-12"],
    ["the 12th of March, 2024", "2024-03-12"],
    ["2024/03/12", "2024-03-12"],
    ["2024.3.12", "2024-03-12"],
  ])("%s in a French meeting", (written, iso) => {
    expect(readDate(written, fr)).toEqual({ iso });
  });

  it("reads numeric dates month first in US English only", () => {
    expect(readDate("12/03/2024", us)).toEqual({ iso: "2024-12-03" });
    expect(readDate("12/03/2024", dateRules("en-GB"))).toEqual({ iso: "2024-03-12" });
    for (const language of ["fr", "es", "pt", "de", "pt-BR"])
      expect(readDate("12/03/2024", dateRules(language))).toEqual({ iso: "2024-03-12" });
    // A stated order is kept: 13/03/2024 is no date in US English, 03/13/2024 none in French.
    expect(readDate("13/03/2024", us)).toBeUndefined();
    expect(readDate("03/13/2024", fr)).toBeUndefined();
  });

  it("a meeting in plain English follows the user's locale; with none, a swappable date keeps its other reading", () => {
    expect(readDate("12/03/2024", dateRules("en", "en_US.UTF-8"))).toEqual({ iso: "2024-12-03" });
    expect(readDate("12/03/2024", dateRules("en", "en_GB.UTF-8"))).toEqual({ iso: "2024-03-12" });
    expect(readDate("12/03/2024", dateRules("en", "fr_FR.UTF-8"))).toEqual({ iso: "2024-03-12" });
    const plain = dateRules("en", "C.UTF-8");
    expect(readDate("12/03/2024", plain)).toEqual({ iso: "2024-03-12", otherReading: "2024-12-03" });
    expect(readDate("13/03/2024", plain)).toEqual({ iso: "2024-03-13" });
    expect(readDate("03/13/2024", plain)).toEqual({ iso: "2024-03-13" });
    expect(readDate("03/03/2024", plain)).toEqual({ iso: "2024-03-03" });
    // The meeting's own region wins over the locale.
    expect(readDate("12/03/2024", dateRules("en-GB", "en_US.UTF-8"))).toEqual({ iso: "2024-03-12" });
  });

  it("refuses what is no date, or no real calendar date", () => {
    for (const text of [
      "next week",
      "fin mars",
      "2022-02-30",
      "31/04/2024",
      "30 février 2024",
      "12 foo 2024",
      "foo 12 March 2024",
      "20240312",
      "",
    ])
      expect(readDate(text, fr), text).toBeUndefined();
  });
});

describe("one reader for every field", () => {
  it("deadlines read the same forms, in the meeting's order", () => {
    expect(parseDeadline("12. März 2024", fr)).toEqual({ text: "12. März 2024", date: "2024-03-12" });
    expect(parseDeadline("12 de março de 2024", fr)).toEqual({ text: "12 de março de 2024", date: "2024-03-12" });
    expect(parseDeadline("12/03/2024", us)).toEqual({ text: "12/03/2024", date: "2024-12-03" });
    expect(parseDeadline("TBD")).toEqual({ text: "TBD", none: true });
  });

  it("dates in running text too", () => {
    expect(findDate("Réunion du 12/03/2024 à Lyon", fr)).toBe("2024-03-12");
    expect(findDate("Meeting of 12/03/2024", us)).toBe("2024-12-03");
    expect(findDate("Reunião de 12 de março de 2024", fr)).toBe("2024-03-12");
  });
});

describe("findDayMonth: the month-name check before its patterns", () => {
  it.each([
    ["19 Aug, 03:00-04.00pm", { month: 8, day: 19, index: 0 }],
    ["Réunion du 12 décembre", { month: 12, day: 12, index: 11 }],
    ["## July 7th Meeting", { month: 7, day: 7, index: 3 }],
    // U+0345 is a letter to `\p{L}` under `iu` (it case-folds to an iota) and normalising drops it: one run, "march".
    ["19 Mar\u0345ch", { month: 3, day: 19, index: 0 }],
  ])("reads %j", (text, expected) => {
    expect(findDayMonth(text)).toEqual(expected);
  });

  it.each(["1. Présentation de l'Indice", "Point 3 du jour", "2 items, 4 votes"])("finds none in %j", (text) => {
    expect(findDayMonth(text)).toBeUndefined();
  });

  it("reads runs of letters as `\\p{L}` with the `iu` flags does, at every code point", () => {
    const iu = /^\p{L}$/iu;
    const quick = /^[\p{L}\u0345]$/u;
    const differ: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (iu.test(s) !== quick.test(s)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
