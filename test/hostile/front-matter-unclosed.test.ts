// Hostile repositories, class "front matter unclosed": a meeting whose `---` on line 1 is never closed was
// read as body text (its fields printed as a paragraph), with only a warning about "several meetings".
// It is now an error at 1:1, and the same wherever a meeting is read: check, build, the action register and
// minutes new --from; a meeting whose previous: names it is an error too.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMinutes } from "../../src/parse/parse-minutes.js";
import { plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

const unclosed =
  "---\ntitle: Committee\ndate: 2024-01-10\nattendees: [Ana]\n\n## 1. Budget\n\n| Action | Responsible | Deadline |\n|---|---|---|\n| Draft the budget | Ana | 2030-01-10 |\n\n## 2. Next\n\nText.\n";
const error =
  "open.md:1:1: error: The front matter opened by `---` on line 1 is never closed: there is no second `---` line. [front-matter-unclosed]";
const hint = "hint: Add a line `---` after the last field of the front matter, before the first heading.";

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-unclosed-"));
  writeFileSync(join(dir, "open.md"), unclosed);
  return dir;
}

describe("a front matter that is never closed", () => {
  it.each([
    ["check", ["check", "open.md"]],
    ["build", ["build", "open.md", "--out", "out"]],
    ["actions", ["actions", "open.md", "-f", "csv", "-o", "out/register.csv"]],
    ["new --from", ["new", "--from", "open.md", "--out", "out/next.md"]],
  ])("is an error at line 1 for %s, exit 1, nothing written, no 'several meetings' warning", (_, args) => {
    const dir = project();
    const r = minutes(dir, ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(error);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).not.toMatch(/several meetings|structure-/);
    expect(existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")).filter((f) => !f.startsWith(".")) : []).toEqual(
      [],
    );
  });

  it("makes a meeting whose previous: names it an error", () => {
    const dir = project();
    writeFileSync(
      join(dir, "next.md"),
      "---\ntitle: Committee\ndate: 2024-02-10\nattendees: [Ana]\nprevious: ./open.md\n---\n\n## 1. Budget\n\nText.\n",
    );
    const r = minutes(dir, "build", "next.md", "--out", "out");
    expect(r.status).toBe(1);
    // The meeting that names it gets the error, at its previous: value, and is not built.
    expect(r.stderr).toContain(
      'next.md:5:11: error: `previous` names "./open.md", which is not a meeting I can read. [front-matter-previous]',
    );
    expect(r.stderr).toContain("hint: Run `minutes check ./open.md` to see what is wrong with it.");
  });

  it.each([
    ["with nothing after the fields", "---\ntitle: x\ndate: 2024-01-10\n"],
    ["with only the opening line", "---"],
  ])("is refused %s", (_, text) => {
    const { minutes: parsed, file } = parseMinutes(text, { path: "open.md" });
    expect(parsed).toBeUndefined();
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["front-matter-unclosed", 1, 1]]);
  });

  it("is not confused with a closed front matter (trailing spaces, CRLF) or a horizontal rule followed by an empty line", () => {
    for (const text of [
      "--- \ntitle: x\ndate: 2024-01-10\n---  \n\n## 1. A\n\nText.\n",
      "---\r\ntitle: x\r\ndate: 2024-01-10\r\n---\r\n\r\n## 1. A\r\n\r\nText.\r\n",
      "---\n\n# Committee 2024-01-10\n\n## 1. A\n\nText.\n",
    ]) {
      const { file } = parseMinutes(text, { path: "ok.md" });
      expect(
        file.messages.filter((m) => m.ruleId === "front-matter-unclosed"),
        JSON.stringify(text),
      ).toEqual([]);
    }
  });
});
