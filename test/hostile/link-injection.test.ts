// Class: injection through links in the minutes. A link, reference or image whose address is not a web,
// mail, telephone or relative address (javascript:, vbscript:, data:, file:, a network path, a drive
// path, schemes hidden by whitespace or case) is published as text with its address after it, with a
// warning at its line; safe links stay links. Checked in the model, in the PDF's link annotations and in
// the DOCX's hyperlink relationships.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { parseMinutes } from "../../src/parse/parse-minutes.js";
import { isSafeUrl } from "../../src/parse/safe-links.js";

const unsafe = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "java\tscript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  "file:///etc/passwd",
  "\\\\attacker\\share\\a.docx",
  "//attacker.example/a",
  "C:\\Users\\clerk\\secret.docx",
  "smb://host/share",
];
const safe = [
  "https://example.org/a?b=c#d",
  "http://example.org",
  "mailto:clerk@example.org",
  "tel:+33123456789",
  "annexes/budget.pdf",
  "../2023/2023-01-05-board.md",
  "#item-2",
];

const meeting = `---
title: Links
date: 2024-03-05
language: en
---

## 1. Links

Run [this](javascript:alert(1)) and [that][evil] and ![logo](file:///etc/passwd).

Read [the report](https://example.org/report) and [the annex](annexes/budget.pdf), or mail <clerk@example.org>.

[evil]: vbscript:msgbox(1)
`;

describe("links in the minutes", () => {
  it("are safe only for web, mail, telephone and relative addresses", () => {
    for (const url of unsafe) expect(isSafeUrl(url), url).toBe(false);
    for (const url of safe) expect(isSafeUrl(url), url).toBe(true);
  });

  it("become text with their address and a warning at their line when unsafe; safe ones stay links", () => {
    const { minutes, file } = parseMinutes(meeting, { path: "links.md" });
    const warnings = file.messages.filter((m) => m.ruleId === "link-unsafe");
    expect(warnings.map((m) => [m.line, m.column])).toEqual([
      [9, 5],
      [9, 37],
      [9, 54],
    ]);
    const json = JSON.stringify(minutes);
    for (const url of ["javascript:alert(1)", "vbscript:msgbox(1)", "file:///etc/passwd"]) {
      expect(json).not.toContain(`"url":"${url}"`);
      expect(json).toContain(`<${url}>`);
    }
    expect(json).toContain('"url":"https://example.org/report"');
    expect(json).toContain('"url":"annexes/budget.pdf"');
    expect(json).toContain('"url":"mailto:clerk@example.org"');
  });

  it("leave no unsafe address in the PDF's link annotations or the DOCX's hyperlinks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-links-"));
    writeFileSync(join(dir, "links.md"), meeting);
    const result = await build(join(dir, "links.md"), { formats: ["pdf", "docx"], config: null });
    expect(result.ok).toBe(true);
    const pdf = readFileSync(join(dir, "links.pdf")).toString("latin1");
    const uris = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect(uris).toContain("https://example.org/report");
    expect(uris.filter((u) => !/^(https?:|mailto:|annexes\/)/.test(u!))).toEqual([]);
    const rels = strFromU8(unzipSync(readFileSync(join(dir, "links.docx")))["word/_rels/document.xml.rels"]!);
    const targets = [
      ...rels.matchAll(/TargetMode="External"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*TargetMode="External"/g),
    ].map((m) => m[1] ?? m[2]);
    expect(targets).toContain("https://example.org/report");
    expect(targets.filter((t) => /script:|file:|data:|\\\\/i.test(t!))).toEqual([]);
  });
});
