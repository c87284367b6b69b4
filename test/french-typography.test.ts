import { describe, expect, it } from "vitest";
import { frenchInlines, frenchSpacing } from "../src/i18n/french-typography.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("French typography", () => {
  it("puts a narrow no-break space before ; ! ? and a no-break space before :", () => {
    expect(frenchSpacing("De quoi s'agit-il ?")).toBe(`De quoi s'agit-il${NNBSP}?`);
    expect(frenchSpacing("Il vise à : identifier ; agir !")).toBe(
      `Il vise à${NBSP}: identifier${NNBSP}; agir${NNBSP}!`,
    );
    expect(frenchSpacing("Note: voir plus bas")).toBe(`Note${NBSP}: voir plus bas`);
  });

  it("leaves times, ratios and addresses alone", () => {
    expect(frenchSpacing("de 09:00 à 11:00")).toBe("de 09:00 à 11:00");
    expect(frenchSpacing("voir https://example.org/a?b=1;c=2 !")).toBe(`voir https://example.org/a?b=1;c=2${NNBSP}!`);
    expect(frenchSpacing("écrire à contact@example.org.")).toBe("écrire à contact@example.org.");
  });

  it("puts no-break spaces inside guillemets and keeps numbers whole", () => {
    expect(frenchSpacing("le « projet »")).toBe(`le «${NBSP}projet${NBSP}»`);
    expect(frenchSpacing("«projet»")).toBe(`«${NBSP}projet${NBSP}»`);
    expect(frenchSpacing("1 912 ménages et 12 345 678 euros")).toBe(
      `1${NNBSP}912 ménages et 12${NNBSP}345${NNBSP}678 euros`,
    );
    expect(frenchSpacing("le 23 septembre 2022")).toBe("le 23 septembre 2022");
  });

  it("never touches code or a link's address", () => {
    const out = frenchInlines([
      { type: "text", value: "Commande :" },
      { type: "code", value: "a ; b ? c : d" },
      { type: "link", url: "https://x.org/?q=1", children: [{ type: "text", value: "https://x.org/?q=1" }] },
      { type: "link", url: "https://x.org/", children: [{ type: "text", value: "le site !" }] },
    ]);
    expect(out).toEqual([
      { type: "text", value: `Commande${NBSP}:` },
      { type: "code", value: "a ; b ? c : d" },
      { type: "link", url: "https://x.org/?q=1", children: [{ type: "text", value: "https://x.org/?q=1" }] },
      { type: "link", url: "https://x.org/", children: [{ type: "text", value: `le site${NNBSP}!` }] },
    ]);
  });
});
