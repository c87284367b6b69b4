// Hostile repositories, class "export injection" (the siblings of CSV injection in the other formats of
// `minutes actions`): the text of a meeting stays text. In the Markdown table it cannot break a row or a
// cell, or become HTML, a link, an image or code; in the iCalendar file a carriage return (written as
// &#13; in the meeting) cannot end a line and start a property or a component of its own. The exports are
// read back by real parsers (remark with GFM, ical.js).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ICAL from "ical.js";
import type { Root, RootContent, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

// Each action cell as written in the meeting, and the text the register holds for it.
const payloads: [string, string][] = [
  ["&lt;img src=x onerror=alert(1)&gt;", "<img src=x onerror=alert(1)>"],
  ["\\<script>alert(1)\\</script>", "<script>alert(1)</script>"],
  [
    "\\[click\\](javascript:alert(1)) and \\!\\[x\\](http://evil.example/t.png)",
    "[click](javascript:alert(1)) and ![x](http://evil.example/t.png)",
  ],
  ["&lt;http://evil.example&gt;", "<http://evil.example>"],
  ["a \\| b \\| c", "a | b | c"],
  ["\\`code \\| cell\\`", "`code | cell`"],
  ["&amp;lt;b&amp;gt; and AT&amp;T", "&lt;b&gt; and AT&T"],
  ["back\\\\slash\\\\", "back\\slash\\"],
  ["x&#13;END:VEVENT&#13;BEGIN:VTODO&#13;SUMMARY:injected", "x\rEND:VEVENT\rBEGIN:VTODO\rSUMMARY:injected"],
  ["line&#13;\\| injected \\| row \\|", "line\r| injected | row |"],
];

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-export-"));
  const rows = payloads.map(
    ([cell], i) =>
      `| ${cell} | Ana | 2030-01-${String(10 + i).padStart(2, "0")} | ${i === 0 ? "semi; colon, comma \\\\ back&#13;CATEGORIES:x" : ""} |`,
  );
  writeFileSync(
    join(dir, "2024-01-10.md"),
    `---\ntitle: Committee\ndate: 2024-01-10\nattendees: [Ana]\n---\n\n## 1. Budget\n\n| Action | Responsible | Deadline | Notes |\n|---|---|---|---|\n${rows.join("\n")}\n`,
  );
  return dir;
}

function exported(format: string): string {
  const r = minutes(project(), "actions", ".", "-f", format, "--today", "2024-03-01");
  expect(r.stderr).not.toContain("error:");
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Every node of an mdast tree. */
function* nodes(node: Root | RootContent): Generator<Root | RootContent> {
  yield node;
  if ("children" in node) for (const child of node.children) yield* nodes(child);
}

const cellText = (node: RootContent) =>
  [...nodes(node)].map((n) => (n.type === "text" || n.type === "html" ? n.value : "")).join("");

describe("the register's text in other formats", () => {
  it("the JSON holds the texts as written (the reference for the formats below)", () => {
    const json = JSON.parse(exported("json")) as { actions: { action: string }[] };
    expect(json.actions.map((a) => a.action)).toEqual(payloads.map(([, text]) => text));
  });

  it("Markdown: one row per action, eight cells each, no HTML, link, image or code of the meeting's; the cells read as the text", () => {
    const md = exported("md");
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    expect(tree.children.map((n) => n.type)).toEqual(["table"]);
    const table = tree.children[0] as Table;
    expect(table.children).toHaveLength(1 + payloads.length);
    for (const row of table.children) expect(row.children).toHaveLength(8);
    const all = [...nodes(tree)];
    expect(
      all
        .map((n) => n.type)
        .filter((t) => ["image", "inlineCode", "linkReference", "imageReference", "definition"].includes(t)),
    ).toEqual([]);
    // The only HTML is ours: a line break (here a carriage return) is written <br>.
    expect(new Set(all.flatMap((n) => (n.type === "html" ? [n.value] : [])))).toEqual(new Set(["<br>"]));
    // The only links are GFM's bare web addresses, which show what they lead to (a javascript: address is
    // never one); the Markdown links written as text stay text.
    expect(all.flatMap((n) => (n.type === "link" ? [[n.url, cellText(n)]] : []))).toEqual([
      ["http://evil.example/t.png", "http://evil.example/t.png"],
      ["http://evil.example>", "http://evil.example>"],
    ]);
    const actions = table.children.slice(1).map((row) => cellText(row.children[2]!));
    expect(actions).toEqual(payloads.map(([, text]) => text.replace(/\r/g, "<br>")));
  });

  it("iCalendar: a carriage return cannot end a line; every line is a property or a folded continuation", () => {
    const ics = exported("ics");
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines.filter((l) => !/^[A-Z-]+[;:]/.test(l))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("BEGIN:"))).toEqual([
      "BEGIN:VCALENDAR",
      ...payloads.map(() => "BEGIN:VEVENT"),
    ]);
    expect(lines.filter((l) => l.startsWith("CATEGORIES:"))).toEqual(payloads.map(() => "CATEGORIES:Ana"));
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    expect(events.map((e) => String(e.getFirstPropertyValue("summary")))).toEqual(
      payloads.map(([, text]) => text.replace(/\r/g, "\n")),
    );
    expect(String(events[0]!.getFirstPropertyValue("description"))).toContain(
      "Comment: semi; colon, comma \\ back\nCATEGORIES:x",
    );
  });
});
