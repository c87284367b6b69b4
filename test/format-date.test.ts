import { describe, expect, it } from "vitest";
import { formatDate } from "../src/i18n/format-meeting.js";

/** What Intl (CLDR) writes, with the comma after the weekday dropped as formatDate does. */
function intl(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  })
    .formatToParts(date)
    .map((p) => (p.type === "literal" ? p.value.replace(/,\s*/, " ") : p.value))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

describe("formatDate", () => {
  it("writes every day of 2019–2026 as CLDR does, in each built-in language", () => {
    const locales: Record<string, string> = { fr: "fr", en: "en-GB", "en-US": "en-GB", es: "es", pt: "pt", de: "de" };
    for (const [language, locale] of Object.entries(locales)) {
      for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
        const date = new Date(day);
        expect(formatDate(date.toISOString().slice(0, 10), language), `${language} ${date.toISOString()}`).toBe(
          intl(date, locale),
        );
      }
    }
  });

  it("asks Intl for regional variants and keeps what it cannot read", () => {
    expect(formatDate("2022-09-23", "fr-CA")).toBe(intl(new Date(Date.UTC(2022, 8, 23)), "fr-CA"));
    expect(formatDate("2022-09-23", "pt-BR")).toBe(intl(new Date(Date.UTC(2022, 8, 23)), "pt-BR"));
    expect(formatDate("2022-09-23", "fr")).toBe("vendredi 23 septembre 2022");
    expect(formatDate("soon", "fr")).toBe("soon");
  });
});
