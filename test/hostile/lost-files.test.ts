// Hostile repositories, class "lost files": no command may overwrite a file it reads, and a command that
// fails writes nothing (a good file keeps its bytes). Each case checks the exit code, the message and the
// sha256 of the file before and after.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

const meeting = (date: string, action = "Draft the budget") =>
  `---\ntitle: Committee\ndate: ${date}\nattendees: [Ana, Bo]\n---\n\n## 1. Budget\n\n| Action | Responsible | Deadline |\n|---|---|---|\n| ${action} | Ana | 2030-01-10 |\n`;

/** A project with two good meetings; returns its folder. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-lost-"));
  writeFileSync(join(dir, "2024-01-10.md"), meeting("2024-01-10"));
  writeFileSync(join(dir, "2024-02-10.md"), meeting("2024-02-10", "Book the room"));
  return dir;
}

describe("minutes actions -o", () => {
  it.each([
    ["the same path", "X.md"],
    ["another spelling of it", "./sub/../X.md"],
    ["a symbolic link to it", "link.md"],
  ])("refuses to overwrite a meeting it reads, given as %s", (_, out) => {
    const dir = project();
    copyFileSync(join(dir, "2024-01-10.md"), join(dir, "X.md"));
    mkdirSync(join(dir, "sub"));
    symlinkSync(join(dir, "X.md"), join(dir, "link.md"));
    const before = sha256(join(dir, "X.md"));
    const r = minutes(dir, "actions", "X.md", "-f", "csv", "-o", out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `X.md: error: The output ${out} would overwrite this file, which the command reads; nothing was written. [output-overwrites-input]`,
    );
    expect(sha256(join(dir, "X.md"))).toBe(before);
  });

  it("refuses to overwrite a meeting of the register (a folder's meeting) or the config file", () => {
    const dir = project();
    writeFileSync(join(dir, "minutes.config.yaml"), "language: en\n");
    const meetingBefore = sha256(join(dir, "2024-02-10.md"));
    const configBefore = sha256(join(dir, "minutes.config.yaml"));
    const overMeeting = minutes(dir, "actions", ".", "-f", "md", "-o", "2024-02-10.md");
    expect(overMeeting.status).toBe(1);
    expect(overMeeting.stderr).toContain("[output-overwrites-input]");
    const overConfig = minutes(dir, "actions", ".", "-f", "json", "-o", "minutes.config.yaml");
    expect(overConfig.status).toBe(1);
    expect(overConfig.stderr).toContain(
      `${join(dir, "minutes.config.yaml")}: error: The output minutes.config.yaml would overwrite this file`,
    );
    expect(sha256(join(dir, "2024-02-10.md"))).toBe(meetingBefore);
    expect(sha256(join(dir, "minutes.config.yaml"))).toBe(configBefore);
  });

  it("writes nothing when an input is missing (it replaced keep.csv with an empty export)", () => {
    const dir = project();
    writeFileSync(join(dir, "keep.csv"), "id,action\nA-1,keep me\n");
    const before = sha256(join(dir, "keep.csv"));
    const r = minutes(dir, "actions", "missing.md", "-f", "csv", "-o", "keep.csv");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("missing.md: error: There is no file or folder here. [read]");
    expect(r.stderr).toContain(
      "keep.csv: error: The meetings have errors (above), so the export was not written; the file is as it was. [not-written]",
    );
    expect(sha256(join(dir, "keep.csv"))).toBe(before);
  });

  it.each(["csv", "json", "md", "ics", "pdf", "docx"])(
    "writes no %s file when a meeting has an error, and keeps the old export",
    (format) => {
      const dir = project();
      writeFileSync(join(dir, "2024-03-10.md"), "---\ntitle: Broken\ndate: 2024-02-30\n---\n\n## 1. Item\n\nText.\n");
      // In a folder of its own: a register.md beside the meetings would be read as one of them.
      mkdirSync(join(dir, "exports"));
      const out = join("exports", `register.${format}`);
      writeFileSync(join(dir, out), "the good export of last week\n");
      const before = sha256(join(dir, out));
      const r = minutes(dir, "actions", "2024-01-10.md", "2024-02-10.md", "2024-03-10.md", "-f", format, "-o", out);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("2024-03-10.md:3:7: error:");
      expect(r.stderr).toContain(`${out}: error: The meetings have errors (above), so the export was not written`);
      expect(sha256(join(dir, out))).toBe(before);
      expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    },
  );

  it("the default action-register.pdf is kept too when a meeting has an error", () => {
    const dir = project();
    writeFileSync(join(dir, "2024-03-10.md"), "---\ntitle: Broken\ndate: 2024-02-30\n---\n\n## 1. Item\n\nText.\n");
    writeFileSync(join(dir, "action-register.pdf"), "%PDF-1.7 last week's\n");
    const before = sha256(join(dir, "action-register.pdf"));
    expect(minutes(dir, "actions", ".", "-f", "pdf").status).toBe(1);
    expect(sha256(join(dir, "action-register.pdf"))).toBe(before);
  });

  it("still writes the export when every meeting reads well", () => {
    const dir = project();
    const r = minutes(dir, "actions", ".", "-f", "csv", "-o", "out.csv", "--today", "2024-03-01");
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toContain("Book the room");
  });
});

describe("minutes build", () => {
  it("refuses an output over the config file (minutes.config.md built to JSON beside minutes.config.json)", () => {
    const dir = project();
    writeFileSync(join(dir, "minutes.config.json"), '{ "language": "en" }\n');
    writeFileSync(join(dir, "minutes.config.md"), meeting("2024-04-10"));
    const before = sha256(join(dir, "minutes.config.json"));
    const r = minutes(dir, "build", "minutes.config.md", "-f", "json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "The output minutes.config.json would overwrite this file, which the command reads; nothing was written. [output-overwrites-input]",
    );
    expect(sha256(join(dir, "minutes.config.json"))).toBe(before);
  });

  it("refuses an input whose output has its own name, however it is spelled", () => {
    const dir = project();
    writeFileSync(join(dir, "notes.pdf"), meeting("2024-04-10"));
    const before = sha256(join(dir, "notes.pdf"));
    const r = minutes(dir, "build", "./notes.pdf", "--out", "./sub/..");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("[output-overwrites-input]");
    expect(sha256(join(dir, "notes.pdf"))).toBe(before);
  });

  it("a meeting that now has an error keeps last build's outputs as they were", () => {
    const dir = project();
    expect(minutes(dir, "build", "2024-01-10.md", "-f", "json,docx").status).toBe(0);
    const before = [sha256(join(dir, "2024-01-10.json")), sha256(join(dir, "2024-01-10.docx"))];
    writeFileSync(join(dir, "2024-01-10.md"), meeting("2024-01-10").replace("date: 2024-01-10", "date: 2024-01-32"));
    const r = minutes(dir, "build", "2024-01-10.md", "-f", "json,docx");
    expect(r.status).toBe(1);
    expect([sha256(join(dir, "2024-01-10.json")), sha256(join(dir, "2024-01-10.docx"))]).toEqual(before);
  });
});

describe("minutes new", () => {
  it("refuses --out naming the --from meeting, with the reason", () => {
    const dir = project();
    const before = sha256(join(dir, "2024-02-10.md"));
    const r = minutes(dir, "new", "--from", "2024-02-10.md", "--out", "./2024-02-10.md", "--date", "2024-03-10");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "2024-02-10.md: error: The output ./2024-02-10.md would overwrite this file, which the command reads; nothing was written. [output-overwrites-input]",
    );
    expect(sha256(join(dir, "2024-02-10.md"))).toBe(before);
  });

  it("never overwrites an existing file, and leaves no temporary file", () => {
    const dir = project();
    writeFileSync(join(dir, "2024-03-10.md"), "mine\n");
    const r = minutes(dir, "new", "--from", "2024-02-10.md", "--date", "2024-03-10");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "2024-03-10.md: error: This file already exists; I do not overwrite it, and nothing was written. [output-exists]",
    );
    expect(readFileSync(join(dir, "2024-03-10.md"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("writes nothing when the --from meeting has errors", () => {
    const dir = project();
    writeFileSync(join(dir, "bad.md"), "---\ntitle: Bad\ndate: 2024-02-30\n---\n\n## 1. Item\n\nText.\n");
    const names = readdirSync(dir).sort();
    const r = minutes(dir, "new", "--from", "bad.md", "--date", "2024-03-10", "--out", "next.md");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nothing was written");
    expect(readdirSync(dir).sort()).toEqual(names);
  });
});

describe("minutes init", () => {
  it("takes back what it wrote when it fails halfway (a file where the .github folder goes)", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-lost-init-"));
    writeFileSync(join(dir, ".github"), "not a folder\n");
    const before = sha256(join(dir, ".github"));
    const r = minutes(dir, "init", ".", "--date", "2025-01-15");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("init could not write into . (a file is in the way of the output folder)");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    // The config, the meeting, the schemas written before the failure are gone again.
    expect(readdirSync(dir)).toEqual([".github"]);
    expect(sha256(join(dir, ".github"))).toBe(before);
  });

  it("writes nothing when one of its files exists", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-lost-init-"));
    writeFileSync(join(dir, "minutes.config.yaml"), "language: fr\n");
    const before = sha256(join(dir, "minutes.config.yaml"));
    expect(minutes(dir, "init", ".").status).toBe(1);
    expect(readdirSync(dir)).toEqual(["minutes.config.yaml"]);
    expect(sha256(join(dir, "minutes.config.yaml"))).toBe(before);
  });
});

describe("minutes theme new", () => {
  it("never replaces an existing folder, and leaves no hidden copy behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-lost-theme-"));
    mkdirSync(join(dir, "house"));
    writeFileSync(join(dir, "house", "theme.yaml"), "name: mine\n");
    const before = sha256(join(dir, "house", "theme.yaml"));
    const r = minutes(dir, "theme", "new", "house");
    expect(r.status).toBe(1);
    expect(sha256(join(dir, "house", "theme.yaml"))).toBe(before);
    expect(minutes(dir, "theme", "new", "other").status).toBe(0);
    expect(existsSync(join(dir, "other", "theme.yaml"))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["house", "other"]);
  });
});
