// The lenient reader on small inputs: header parts lifted from the body, and what is kept as written.
import { describe, expect, it } from "vitest";
import { inlineText, type Block } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const parse = (text: string, path = "notes.md") => {
  const { minutes, file } = parseMinutes(text, { path });
  return { minutes, rules: file.messages.map((m) => `${m.line}:${m.ruleId}`) };
};
const texts = (blocks: Block[]) => blocks.map((b) => (b.type === "paragraph" ? inlineText(b.children) : b.type));

describe("header parts written in the body", () => {
  it("reads 'Label: value' lines and keeps the lines it cannot read", () => {
    const { minutes, rules } = parse(
      "# Weekly call\n\nDate: next Tuesday\nAttendees: Ana, Bo; Chloé\nRecorder: Dan\n\n## Budget\n\nOK.\n",
      "2024-03-05-call.md",
    );
    expect(rules).toEqual([]);
    expect(minutes!.meeting).toMatchObject({
      date: "2024-03-05",
      attendees: [{ name: "Ana" }, { name: "Bo" }, { name: "Chloé" }],
    });
    expect(texts(minutes!.preamble)).toEqual(["Date: next Tuesday Recorder: Dan"]);
  });

  it("keeps a date line that says more than the date, and still reads the date", () => {
    const { minutes } = parse("# Board\n\nDate: 5 March 2024 (moved from 27 February)\n\n## Budget\n\nOK.\n");
    expect(minutes!.meeting.date).toBe("2024-03-05");
    expect(texts(minutes!.preamble)).toEqual(["Date: 5 March 2024 (moved from 27 February)"]);
  });

  it("does not take sentences for names", () => {
    const { minutes } = parse(
      "# Board 2024-03-05\n\n## Attendees\n\nEveryone from the board was there, except Tom.\n\nMinutes: the minutes of the last meeting were approved.\n\n## Budget\n\nOK.\n",
    );
    expect(minutes!.meeting.attendees).toEqual([]);
    expect(minutes!.meeting.secretary).toBeUndefined();
    expect(minutes!.items.map((i) => i.title)).toEqual(["Attendees", "Budget"]);
  });

  it("leaves a part the front matter gives where it is", () => {
    const { minutes } = parse(
      "---\ntitle: T\ndate: 2024-03-05\nattendees: [Ana]\n---\n\n**Present:** Ana, Bo\n\n## Budget\n\nOK.\n",
    );
    expect(minutes!.meeting.attendees).toEqual([{ name: "Ana" }]);
    expect(texts(minutes!.preamble)).toEqual(["Present: Ana, Bo"]);
  });

  it("reads 'Anwesend' and 'Entschuldigt' headings with lists, and keeps a list with sub-items as content", () => {
    const { minutes } = parse(
      "# Sitzung am 5. März 2024\n\n## Anwesend\n\n- Anna\n- Jonas\n\n## Entschuldigt\n\n- Team A\n  - Lea\n  - Tom\n\n## TOP 1\n\nText.\n",
    );
    expect(minutes!.meeting).toMatchObject({
      date: "2024-03-05",
      attendees: [{ name: "Anna" }, { name: "Jonas" }],
      absent: [],
    });
    expect(minutes!.items.map((i) => i.title)).toEqual(["Entschuldigt", "TOP 1"]);
  });

  it("keeps an agenda list before the items as a bold line and its list", () => {
    const { minutes, rules } = parse(
      "# Board 2024-03-05\n\n## Agenda\n\n1. Budget\n2. Staff\n\n## Budget\n\nOK.\n\n## Staff\n\nOK.\n",
    );
    expect(rules).toEqual([]);
    expect(minutes!.preamble.map((b) => b.type)).toEqual(["paragraph", "list"]);
    expect(minutes!.items.map((i) => [i.number, i.title])).toEqual([
      [1, "Budget"],
      [2, "Staff"],
    ]);
  });

  it("warns when a second front matter starts another meeting", () => {
    const { rules } = parse(
      "---\ntitle: A\ndate: 2024-03-05\n---\n\n## One\n\nText.\n\n---\ntitle: B\ndate: 2024-04-02\n---\n\n## Two\n\nText.\n",
    );
    expect(rules).toContain("10:structure-several-meetings");
  });

  it("warns when no agenda item is found, and prints the text", () => {
    const { minutes, rules } = parse("Notes of the call on 5 March 2024.\n\nWe talked about the budget.\n");
    expect(rules).toEqual(["1:structure-no-items"]);
    expect(minutes!.meeting.date).toBe("2024-03-05");
    expect(texts(minutes!.preamble)).toEqual(["Notes of the call on 5 March 2024.", "We talked about the budget."]);
  });
});
