import { describe, expect, it } from "vitest";
import { actionState, isOverdueAt, stateOf } from "../src/model/action-status.js";

describe("action state", () => {
  const action = (text: string, status?: string) => ({
    action: [{ type: "text" as const, value: text }],
    responsible: [],
    deadline: null,
    ...(status ? { status: [{ type: "text" as const, value: status }] } : {}),
  });
  it("reads English and French status words, then checkboxes, else open", () => {
    expect(stateOf("En cours")).toBe("in-progress");
    expect(stateOf("Réalisé.")).toBe("done");
    expect(stateOf("annulé")).toBe("cancelled");
    expect(stateOf("maybe")).toBeUndefined();
    expect(actionState(action("Share the slides", "Done"))).toBe("done");
    expect(actionState(action("[x] Share the slides"))).toBe("done");
    expect(actionState(action("[ ] Share the slides"))).toBe("open");
    expect(actionState(action("Share the slides"))).toBe("open");
  });
});

describe("isOverdueAt", () => {
  const action = (status: string, date?: string) => ({
    action: [],
    responsible: [],
    status: [{ type: "text" as const, value: status }],
    deadline: date ? { text: date, date } : null,
  });
  it("is open with a deadline before the day", () => {
    expect(isOverdueAt(action("en cours", "2023-03-01"), "2023-03-02")).toBe(true);
    expect(isOverdueAt(action("en cours", "2023-03-01"), "2023-03-01")).toBe(false);
    expect(isOverdueAt(action("fait", "2023-03-01"), "2023-04-01")).toBe(false);
    expect(isOverdueAt(action("open"), "2023-04-01")).toBe(false);
  });
});
