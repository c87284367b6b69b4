// The action register over a repository of meetings never seen before (test/fixtures/register/, French
// and English): ids, follow-ups applied in date order, final states, overdue at a fixed date, the CSV,
// the ICS read back by a real iCalendar parser (ical.js), filters, and the diagnostics of bad registers.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { splitOwners } from "../src/model/action-owners.js";
import { filterRegister, parseStatusList } from "../src/register/filter-register.js";
import { loadMeetings } from "../src/commands/load-meetings.js";
import { buildRegister } from "../src/register/register.js";
import { foldLine, registerIcs } from "../src/register/register-ics.js";
import { registerCsv, registerJson } from "../src/register/register-text.js";
import { readCsv } from "./helpers/csv.js";

const today = "2023-03-15";

async function register(path = "test/fixtures/register") {
  const loaded = await loadMeetings([path]);
  return { loaded, register: buildRegister(loaded.meetings, today) };
}

describe("action register", () => {
  it("reads every meeting with no register problems (only the content warnings of minutes check)", async () => {
    const { loaded, register: r } = await register();
    expect(loaded.meetings).toHaveLength(5);
    const all = [...loaded.diagnostics, ...r.diagnostics];
    expect(all.filter((d) => d.severity === "error")).toEqual([]);
    // Teams named as responsible but not listed as attendees: warnings by design. ("Divers", whose actions
    // say N/A, is not an empty item.)
    expect(new Set(all.map((d) => d.rule))).toEqual(new Set(["action-responsible-unknown"]));
  });

  it("lists every action in the CSV with its final status and overdue flag at --today", async () => {
    const { register: r } = await register();
    const csv = registerCsv(r.entries);
    expect(csv.startsWith("\uFEFFid,meeting_date,item,action,")).toBe(true);
    expect(csv.includes("\r\n")).toBe(true);
    const [head, ...rows] = readCsv(csv.slice(1));
    const col = (name: string) => head!.indexOf(name);
    const table: Record<string, { status: string; overdue: string; comment: string }> = Object.fromEntries(
      rows.map((r) => [
        r[col("id")]!,
        { status: r[col("status")]!, overdue: r[col("overdue")]!, comment: r[col("comment")]! },
      ]),
    );
    expect(Object.fromEntries(Object.entries(table).map(([id, v]) => [id, `${v.status} ${v.overdue}`]))).toEqual({
      "2023-01-12#1.1": "done no", // réalisé in February
      "2023-01-12#1.2": "done no", // terminé in March, after its deadline: done is never overdue
      "WASH-STOCK": "done no", // explicit {#id}; en cours in January and February, fait in March
      "2023-01-12#2.2": "cancelled no", // annulé in February
      "2023-01-12#2.3": "done no", // [x] checkbox in the action cell
      "2023-02-09#1.1": "in-progress yes", // deadline 2023-03-01, still en cours
      "2023-02-09#1.2": "open no", // deadline 2023-04-15
      "FIN-1": "in-progress yes", // ID column; due 2023-03-10
      "FIN-2": "done no",
      "2023-02-20#1.3": "done no", // row without an id in an ID column gets the default id
      "2023-03-14#1.1": "open no",
    });
    expect(table["WASH-STOCK"]!.comment).toBe("Inventaire transmis au cluster");
    expect(table["FIN-1"]!.comment).toBe("Second draft circulated; vote in April");
    const stock = r.entries.find((e) => e.id === "WASH-STOCK")!;
    expect(stock.actionText).toBe("Mettre à jour l'inventaire du stock");
    expect(stock.history.map((h) => [h.date, h.state, h.statusText])).toEqual([
      ["2023-02-09", "in-progress", "en cours"],
      ["2023-03-09", "done", "fait"],
    ]);
  });

  it("splits owners on the documented separators and keeps names such as SP/CCM - OIM whole", async () => {
    expect(splitOwners("SP/CCM - OIM")).toEqual(["SP/CCM - OIM"]);
    expect(splitOwners("SP/CCM-OIM")).toEqual(["SP/CCM-OIM"]);
    expect(splitOwners("HELVETAS, GIZ")).toEqual(["HELVETAS", "GIZ"]);
    expect(splitOwners("UNICEF / ACF; OIM & CRS et MSF and IRC")).toEqual([
      "UNICEF",
      "ACF",
      "OIM",
      "CRS",
      "MSF",
      "IRC",
    ]);
    expect(splitOwners("GIZ/APM")).toEqual(["GIZ/APM"]);
    const { register: r } = await register();
    expect(r.entries.find((e) => e.id === "2023-01-12#1.1")!.owners).toEqual(["UNICEF", "Direction de l'Hydraulique"]);
    expect(r.entries.find((e) => e.id === "WASH-STOCK")!.responsibleText).toBe("ACF et OIM");
  });

  it("filters by status, responsible, overdue and since", async () => {
    const { register: r } = await register();
    const ids = (f: Parameters<typeof filterRegister>[1]) => filterRegister(r.entries, f).map((e) => e.id);
    expect(ids({ overdue: true })).toEqual(["2023-02-09#1.1", "FIN-1"]);
    expect(ids({ status: parseStatusList("en cours,open").states })).toEqual([
      "2023-02-09#1.1",
      "2023-02-09#1.2",
      "FIN-1",
      "2023-03-14#1.1",
    ]);
    expect(ids({ responsible: "acf" })).toEqual(["WASH-STOCK", "2023-02-09#1.1"]);
    expect(ids({ since: "2023-03-01" })).toEqual(["2023-03-14#1.1"]);
    expect(parseStatusList("done,bogus").unknown).toEqual(["bogus"]);
  });

  it("writes JSON with the history of each action", async () => {
    const { register: r } = await register();
    const json = JSON.parse(registerJson(r, r.entries)) as {
      today: string;
      actions: { id: string; status: string; history: unknown[]; source: { line: number } }[];
    };
    expect(json.today).toBe(today);
    expect(json.actions.find((a) => a.id === "2023-01-12#1.1")).toMatchObject({ status: "done", source: { line: 22 } });
  });

  it("writes an iCalendar file that ical.js reads back: one all-day entry per dated deadline", async () => {
    const { register: r } = await register();
    for (const kind of ["event", "todo"] as const) {
      const ics = registerIcs(r.entries, { kind, stamp: r.latest! });
      expect(ics.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
      expect(ics.replace(/\r\n/g, "")).not.toMatch(/\n/);
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const components = calendar.getAllSubcomponents(kind === "event" ? "vevent" : "vtodo");
      // Every action but the one with "///" as its deadline.
      expect(components).toHaveLength(r.entries.length - 1);
      const byUid = new Map(components.map((c) => [String(c.getFirstPropertyValue("uid")), c]));
      const stock = byUid.get("WASH-STOCK@minutes.action-register")!;
      expect(stock.getFirstPropertyValue("summary")).toBe("Mettre à jour l'inventaire du stock");
      const due = stock.getFirstPropertyValue(kind === "event" ? "dtstart" : "due") as ICAL.Time;
      expect([due.isDate, due.toString()]).toEqual([true, "2023-02-28"]);
      expect(String(stock.getFirstPropertyValue("dtstamp"))).toBe("2023-03-14T00:00:00Z");
      const map = byUid.get("2023-01-12#1.1@minutes.action-register")!;
      // Escaped commas and new lines come back as written.
      expect(String(map.getFirstPropertyValue("description"))).toContain(
        "Responsible: UNICEF, Direction de l'Hydraulique\nMeeting: Comité de coordination WASH – réunion de janvier (2023-01-12)",
      );
      if (kind === "todo")
        expect(byUid.get("FIN-2@minutes.action-register")!.getFirstPropertyValue("status")).toBe("COMPLETED");
    }
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(line);
  });

  it("reports unknown follow-up ids, duplicate ids and unknown status words at file:line:column", async () => {
    const { loaded, register: r } = await register("test/fixtures/register-errors");
    const found = [...loaded.diagnostics, ...r.diagnostics].map(
      (d) => `${d.file.split("/").pop()}:${d.line}:${d.column} ${d.severity} ${d.rule}`,
    );
    expect(found.sort()).toEqual([
      "2023-05-01-a.md:13:3 error action-id-duplicate",
      "2023-05-01-a.md:13:37 warning action-status",
      "2023-06-01-b.md:10:3 error follow-up-unknown-id",
      "2023-06-01-b.md:19:1 error action-id-duplicate",
    ]);
    const unknown = r.diagnostics.find((d) => d.rule === "follow-up-unknown-id")!;
    expect(unknown.message).toContain('"X-9"');
  });
});
