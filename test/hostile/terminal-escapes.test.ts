// Hostile repositories, class "terminal escapes": control characters written raw in a meeting (ESC, BEL,
// DEL) or in a file name never reach the terminal as they are. The action table, the CSV and
// Markdown exports on standard output, every message (which quote keys, names and ids of the meeting)
// and the lines of a folder build show them as control pictures (␛, ␇, ␍), so a meeting cannot clear the
// screen, retitle the window, hide a line or forge a message.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { printable } from "../../src/printable.js";
import { plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

const ESC = "\u001b";
// Clear the screen, set the window title, ring the bell. (A raw carriage return ends the line, as in any
// Markdown: it cannot reach a cell.)
const payload = `${ESC}[2J${ESC}]0;pwned\u0007`;
// Any C0 control but tab and line feed, DEL, or a C1 control.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-escapes-"));
  writeFileSync(
    join(dir, "2024-01-10.md"),
    `---\ntitle: Committee\ndate: 2024-01-10\nattendees: [Ana]\nnote${ESC}[31m: 1\n---\n\n## 1. Budget\n\n| Action | Responsible | Deadline |\n|---|---|---|\n| Book ${payload} | Zed${ESC}[2J\u0007 | 2030-01-10 |\n`,
  );
  return dir;
}

describe("control characters from a meeting", () => {
  it("are shown as pictures in the action table and the text exports on standard output", () => {
    const dir = project();
    for (const format of ["table", "csv", "md"]) {
      const r = minutes(dir, "actions", ".", "-f", format, "--today", "2024-03-01");
      expect(r.status).toBe(0);
      expect(r.stdout.replace(/\r\n/g, "\n")).not.toMatch(controls);
      // (The Markdown table escapes the brackets.)
      expect(r.stdout.replace(/\\([[\]])/g, "$1")).toContain("Book ␛[2J␛]0;pwned␇");
    }
  });

  it("are shown as pictures in messages, which quote the meeting's keys and names", () => {
    const r = minutes(project(), "check", "2024-01-10.md");
    expect(r.stderr).not.toMatch(controls);
    expect(r.stderr).toContain("2024-01-10.md:5:1: warning: Unknown key `note␛[31m`.");
    expect(r.stderr).toContain('warning: The responsible "Zed␛[2J␇" is not among the attendees.');
  });

  it("are shown as pictures in the file names a folder build prints", () => {
    const dir = project();
    mkdirSync(join(dir, "notes"));
    writeFileSync(
      join(dir, "notes", `x${ESC}[2J.md`),
      "---\ntitle: X\ndate: 2024-01-11\n---\n\n## 1. Item\n\nBroken date: 2024-02-30 in | a table |\n\n| Action | Responsible | Deadline |\n|---|---|---|\n| Do | Ana | 2024-02-30 |\n",
    );
    const r = minutes(dir, "build", "notes", ".", "--out", "dist", "-f", "json");
    expect(`${r.stdout}${r.stderr}`).not.toMatch(controls);
    expect(r.stderr).toContain("x␛[2J.md");
  });

  it("printable() keeps tabs, line feeds and every printable character", () => {
    expect(printable("a\tb\nc é 中 🙂 \u200f")).toBe("a\tb\nc é 中 🙂 \u200f");
    expect(printable("\u0000\u0007\u001b\r\u007f\u0085\u009b")).toBe("␀␇␛␍␡\ufffd\ufffd");
  });
});
