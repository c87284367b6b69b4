import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate } from "../src/i18n/format-meeting.js";
import { inlineText } from "../src/model/minutes.js";
import { tint } from "../src/layout/geometry.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import { textMeasure } from "../src/theme/font-metrics.js";
import { pageSize } from "../src/theme/theme.js";
import { sampleMinutes } from "./fixtures/sample-minutes.js";

describe("layoutMinutes", () => {
  const layout = layoutMinutes(sampleMinutes);

  it("lists every item in the agenda, the unnumbered opening first", () => {
    expect(layout.agendaTitle).toBe("Points inscrits à l'ordre du jour");
    expect(layout.agenda).toEqual(["Ouverture (SP/CCM)", "1. Présentation de l'Indice de stabilité", "2. Divers"]);
  });

  it("leaves an empty unnumbered item out of the body", () => {
    expect(layout.items.map((i) => i.heading)).toEqual(["1. Présentation de l'Indice de stabilité", "2. Divers"]);
  });

  it("fills the header table in the document's language", () => {
    expect(layout.info.map((r) => r.label)).toEqual([
      "Date",
      "Heure",
      "Lieu",
      "Présidence",
      "Présence",
      "Absents excusés",
    ]);
    expect(layout.info[0]!.value).toBe("vendredi 23 septembre 2022");
    expect(layout.info[1]!.value).toBe("09:00-11:00");
    expect(layout.info[4]!.value).toEqual(["Ministère de l'Intérieur (MI)", "Awa Diallo (OIM), Rapporteuse"]);
    expect(layout.footer(2, 5)).toBe("Page 2 sur 5");
    expect(layout.nextMeeting).toEqual({
      label: "Prochaine réunion\u00a0: ",
      text: "jeudi 27 octobre 2022, 09:00, Salle B",
    });
  });

  it("builds action tables with localised headings and an N/A row when there are none", () => {
    const [first, second] = layout.items;
    expect(first!.actions!.columns).toEqual(["Points d'action", "Personne/Agence Responsable", "Date limite"]);
    expect(first!.actions!.rows.map((r) => r.map(inlineText))).toEqual([
      ["Partage de la présentation", "SP/CCM-OIM", "—"],
      ["Partage de l'étude de référence du projet", "HELVETAS", "2022-10-15"],
    ]);
    expect(second!.actions!.empty).toBe(true);
    expect(second!.actions!.rows.map((r) => r.map(inlineText))).toEqual([["N/A", "", ""]]);
    expect(first!.sections.map((s) => s.label)).toEqual(["Points de discussion clés", "Décisions"]);
  });

  it("gives an unnumbered item with content but no actions no N/A table", () => {
    const opening = structuredClone(sampleMinutes);
    opening.items[0]!.discussion = [{ type: "paragraph", children: [{ type: "text", value: "Ouverture à 9 h." }] }];
    const l = layoutMinutes(opening);
    expect(l.items[0]!.heading).toBe("Ouverture (SP/CCM)");
    expect(l.items[0]!.actions).toBeUndefined();
    expect(l.items[1]!.actions).toBeDefined();
  });

  it("adds status and notes columns only when some action has them", () => {
    const withStatus = structuredClone(sampleMinutes);
    withStatus.items[1]!.actions[0]!.status = [{ type: "text", value: "en cours" }];
    const l = layoutMinutes(withStatus);
    expect(l.items[0]!.actions!.columns).toEqual([
      "Points d'action",
      "Personne/Agence Responsable",
      "Date limite",
      "Statut",
    ]);
    expect(l.items[1]!.actions!.rows[0]).toHaveLength(4);
  });

  it("uses English labels and dates for English minutes", () => {
    const en = structuredClone(sampleMinutes);
    en.meeting.language = "en-GB";
    const l = layoutMinutes(en);
    expect(l.info[0]!.value).toBe("Friday 23 September 2022");
    expect(l.agendaTitle).toBe("Agenda");
    expect(l.footer(1, 3)).toBe("Page 1 of 3");
    expect(formatDate("2022-09-23", "de")).toBe("Freitag 23. September 2022");
  });
});

describe("the layout's geometry (one decision for the DOCX and the PDF)", () => {
  const theme = defaultTheme();
  const textWidth = pageSize(theme).width - theme.page.margins.left - theme.page.margins.right;
  const shares = (weights: number[]) => weights.map((w) => +(w / weights.reduce((a, b) => a + b, 0)).toFixed(3));

  it("gives the action table its proportions by column count, the status column 20% of four", () => {
    expect(layoutMinutes(sampleMinutes).items[0]!.actions!.weights).toEqual([50, 30, 20]);
    const withStatus = structuredClone(sampleMinutes);
    withStatus.items[1]!.actions[0]!.status = [{ type: "text", value: "en cours" }];
    expect(layoutMinutes(withStatus).items[0]!.actions!.weights).toEqual([40, 25, 15, 20]);
    expect(layoutMinutes(withStatus, theme).items[0]!.actions!.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(
      textWidth,
      1,
    );
  });

  it("keeps the proportions in the theme's fonts when every word fits, and widens a column to a word that does not", () => {
    expect(shares(layoutMinutes(sampleMinutes, theme).items[0]!.actions!.weights)).toEqual([0.5, 0.3, 0.2]);
    const long = structuredClone(sampleMinutes);
    long.items[1]!.actions[0]!.deadline = { text: "2022-10-15/2022-11-30", date: "2022-10-15" } as never;
    const widths = layoutMinutes(long, theme).items[0]!.actions!.weights;
    const word = textMeasure(theme.fonts.body.files.regular)("2022-10-15/2022-11-30") * theme.sizes.body + 2 * 5 + 1;
    expect(widths[2]).toBeCloseTo(word, 1);
    expect(widths[0]! / widths[1]!).toBeCloseTo(50 / 30);
  });

  it("decides the info table's split, the rules and the tints from the theme's colours", () => {
    const g = layoutMinutes(sampleMinutes, theme).geometry;
    expect(g.infoColumns).toEqual([22, 78]);
    expect(g.titleRule).toMatchObject({ widthShare: 0.4, thickness: 1, color: theme.colors.accent });
    expect(g.itemRule).toEqual({ thickness: 0.75, color: theme.colors.accent });
    expect(g.tints.codeFill).toBe(tint(theme.colors.border, 0.9));
    expect(tint("7F7F7F", 0.5)).toBe("BFBFBF");
  });
});

describe("the stages around the layout", () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(dir, f));
  const imports = (file: string): string[] =>
    [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);

  it("renderers draw a layout they are given: nothing under src/render lays a document out", () => {
    expect(sources("src/render").length).toBeGreaterThan(30);
    const calls = sources("src/render").filter((f) => imports(f).some((i) => /layout-minutes|register-layout/.test(i)));
    expect(calls).toEqual([]);
  });

  it("the layout reads the model, i18n and the theme, never a renderer", () => {
    expect(sources("src/layout").length).toBeGreaterThan(5);
    const upward = sources("src/layout").flatMap((f) =>
      imports(f)
        .filter((i) => /\/render\//.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(upward).toEqual([]);
  });
});

describe("guests without members in the config", () => {
  it("are printed in the info table, after the attendees (an imported 'In attendance' list is not lost)", async () => {
    const { parseMinutes } = await import("../src/parse/parse-minutes.js");
    const source =
      "---\ntitle: Board of trustees\ndate: 2024-03-05\nattendees: [Ann Lee, Bob Ray]\nguests: [{name: Rachel Moore, role: Director}]\n---\n\n## 1. Budget\n\nApproved.\n";
    const { minutes } = parseMinutes(source, { path: "board.md" });
    const rows = layoutMinutes(minutes!).info;
    const labels = rows.map((r) => r.label);
    const guests = rows.find((r) => r.label === "Guests");
    expect(guests?.value).toEqual(["Rachel Moore, Director"]);
    expect(labels.indexOf("Guests")).toBeGreaterThan(labels.indexOf("Attendees"));
  });
});
