import { describe, expect, it } from "vitest";
import { formatDate } from "../src/i18n/format-meeting.js";
import { inlineText } from "../src/model/minutes.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
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
    expect(layout.info.map((r) => r.label)).toEqual(["Date", "Heure", "Lieu", "Présidence", "Présence", "Absents excusés"]);
    expect(layout.info[0]!.value).toBe("vendredi 23 septembre 2022");
    expect(layout.info[1]!.value).toBe("09:00-11:00");
    expect(layout.info[4]!.value).toEqual(["Ministère de l'Intérieur (MI)", "Awa Diallo (OIM), Rapporteuse"]);
    expect(layout.footer(2, 5)).toBe("Page 2 sur 5");
    expect(layout.nextMeeting).toEqual({ label: "Prochaine réunion\u00a0: ", text: "jeudi 27 octobre 2022, 09:00, Salle B" });
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
    expect(l.items[0]!.actions!.columns).toEqual(["Points d'action", "Personne/Agence Responsable", "Date limite", "Statut"]);
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
