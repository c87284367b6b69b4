// Action ids: defaults from date, item and row; an ID column or a {#id} marker; row numbers are not ids;
// bad and duplicate ids and unknown status words are reported at their cell.
import { describe, expect, it } from "vitest";
import { inlineText } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";

const doc = `---
title: Ids
date: 2024-02-01
---

## Opening {-}

| Action | Owner | Due |
|---|---|---|
| Welcome note | Chair | |

## 1. Budget

| ID | Action | Owner | Due | Status |
|---|---|---|---|---|
| 1 | First row | Ana | 2024-02-10 | open |
| BUD-7 | Second row | Tom | 2024-02-10 | en cours |
| | Third row **bold** {#BUD-8} | Mei | 2024-02-10 | peut-être |
| bad id! | Fourth row | Mei | 2024-02-10 | |
`;

describe("action ids", () => {
  const { minutes, file } = parseMinutes(doc, { path: "ids.md" });
  const actions = minutes!.items.flatMap((i) => i.actions);

  it("gives default, column and marker ids; a bare number is a row number", () => {
    expect(actions.map((a) => a.id)).toEqual(["2024-02-01#0.1", "2024-02-01#1.1", "BUD-7", "BUD-8", "bad id!"]);
    expect(actions.map((a) => a.explicitId ?? false)).toEqual([false, false, true, true, true]);
    // The marker is removed from the text; the formatting stays.
    expect(inlineText(actions[3]!.action)).toBe("Third row bold");
  });

  it("reports a bad id and an unknown status word at their cells", () => {
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? "error" : "warning"} ${m.ruleId}`)).toEqual([
      "18:54 warning action-status",
      "19:3 error action-id-format",
    ]);
  });
});
