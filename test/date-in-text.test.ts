import { describe, expect, it } from "vitest";
import { findDate } from "../src/parse/date-forms.js";

describe("findDate", () => {
  it.each([
    ["TSC Meeting 2024-03-05", "2024-03-05"],
    ["Board meeting — 23/09/2022", "2022-09-23"],
    ["Sitzung vom 23.09.2022", "2022-09-23"],
    ["Minutes of 23 September 2022", "2022-09-23"],
    ["Conseil municipal du mardi 5 mars 2024", "2024-03-05"],
    ["Séance du 1er février 2023", "2023-02-01"],
    ["Meeting held on September 23, 2022 at 10:00", "2022-09-23"],
    ["Protokoll der Sitzung am 5. März 2024", "2024-03-05"],
    ["Acta de la reunión del 5 de marzo de 2024", "2024-03-05"],
    ["Call on Tuesday, 5th March 2024", "2024-03-05"],
  ])("%s", (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it("takes the first date in the text and refuses impossible ones", () => {
    expect(findDate("held 5 March 2024; next meeting 2024-04-02")).toBe("2024-03-05");
    expect(findDate("Budget 2024, 30 February 2024 or 31/04/2024")).toBeUndefined();
    expect(findDate("Room 12, 3 people")).toBeUndefined();
  });
});
