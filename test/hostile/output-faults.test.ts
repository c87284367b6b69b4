// Hostile repositories, class "faults": the file system refuses a write (no permission, a file or a folder
// in the way, a name too long, a full disk). Each case must end in a `write-output` error that says what
// could not be written, why in plain words, and what to do, with exit 1 — never "internal error" and a
// stack trace (exit 70) — while the other files' results are still shown, and no temporary file is left.
// Tests run as root here, where a 0555 folder does not stop writes: permission cases run the command as
// `nobody` through setpriv (or as the user itself when not root).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  type Dirent,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { whyNotWritten, writeAllAtomically, WriteFailure, writeFix, writeProblem } from "../../src/write-atomically.js";
import { plainDiagnostic } from "../../src/diagnostics.js";
import { text } from "../../src/i18n/messages.js";
import { generateRepo } from "../helpers/minutes-repo.js";
import { hasTool, plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const root = mkdtempSync(join(tmpdir(), "minutes-faults-"));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let made = 0;
/** A fresh folder that `nobody` may enter and read (mkdtemp makes them 0700). */
function folder(name = "case"): string {
  const dir = join(root, `${name}-${made++}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

const isRoot = process.getuid?.() === 0;
/** Why a permission case cannot run here, if it cannot: root ignores 0555, and only setpriv can drop it. */
const noPermissionCase =
  process.platform === "win32"
    ? "no POSIX permissions on Windows"
    : isRoot && !hasTool("setpriv")
      ? "running as root without setpriv, so a read-only folder is still writable"
      : undefined;

/** Runs minutes; `unprivileged`: as a user a 0555 folder stops (nobody, when this runs as root). */
function minutes(
  cwd: string,
  args: string[],
  options: { unprivileged?: boolean; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  const env = { ...plainCliEnv(), CI: "true", ...options.env };
  const command =
    options.unprivileged && isRoot
      ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, bin]
      : [process.execPath, bin];
  return spawnSync(command[0]!, [...command.slice(1), ...args], { cwd, encoding: "utf8", env });
}

/** A run that met a fault the way it must: exit 1, the message and its hint, no bug report. */
function expectReported(r: SpawnSyncReturns<string>, ...messages: string[]): void {
  expect(r.stderr).not.toContain("internal error");
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.status, r.stderr).toBe(1);
  for (const message of messages) expect(r.stderr).toContain(message);
  expect(r.stderr).toMatch(/\[write-output\]\n {2}hint: \S/);
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
const temporaries = (dir: string) => files(dir).filter((f) => f.endsWith(".tmp"));

/** A repository of `count` generated meetings that nobody can read, under <dir>/repo. */
function repo(dir: string, count: number): string {
  const at = join(dir, "repo");
  generateRepo(at, count);
  for (const path of [at, join(at, "2021")]) chmodSync(path, 0o755);
  for (const f of files(at)) chmodSync(f, 0o644);
  return at;
}

describe("a folder build that cannot write", () => {
  it.skipIf(noPermissionCase !== undefined)(
    `into a read-only output folder: every file says why, exit 1 (was an internal error, exit 70)${noPermissionCase ? ` — skipped: ${noPermissionCase}` : ""}`,
    () => {
      const dir = folder();
      const source = repo(dir, 3);
      const out = join(dir, "out");
      mkdirSync(out, { mode: 0o555 });
      chmodSync(out, 0o555);
      const r = minutes(dir, ["build", "repo", "--out", "out", "--format", "json", "--jobs", "2"], {
        unprivileged: true,
      });
      expectReported(r, "permission denied", "hint: Make the folder writable for you");
      // The per-file results are shown: each meeting, its error, and the warnings it has anyway.
      for (const input of files(source))
        expect(r.stderr).toContain(
          `${input.slice(dir.length + 1)}: error: The output folder ${join(out, "2021")} could not be made (permission denied). [write-output]`,
        );
      expect(r.stderr).toContain("[agenda-number]");
      expect(r.stdout).toContain("0 built, 0 unchanged, 3 failed");
      expect(files(out)).toEqual([]);
    },
  );

  it("with a folder named index.html: the outputs and the manifest are written, the index is refused, exit 1", () => {
    const dir = folder();
    repo(dir, 2);
    mkdirSync(join(dir, "out", "index.html"), { recursive: true });
    const r = minutes(dir, ["build", "repo", "--out", "out", "--format", "json"]);
    expectReported(
      r,
      `${join(dir, "out", "index.html")}: error: The index page could not be written (a folder has the output's name). [write-output]`,
      "hint: Move or rename that folder, or write somewhere else.",
    );
    expect(r.stdout).toContain("2 built, 0 unchanged, 0 failed");
    expect(r.stderr).not.toContain("nothing was written for the files with errors");
    expect(files(join(dir, "out", "2021")).map((f) => f.split("/").at(-1))).toEqual([
      "2021-01-04-gtm.json",
      "2021-01-11-gtm.json",
    ]);
    // Both index files or neither: index.json does not list what index.html cannot show.
    expect(existsSync(join(dir, "out", "index.json"))).toBe(false);
    expect(temporaries(join(dir, "out"))).toEqual([]);
    // The manifest was written: the next build skips both meetings.
    const again = minutes(dir, ["build", "repo", "--out", "out", "--format", "json", "--json"]);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({
      totals: { built: 0, unchanged: 2, failed: 0 },
      problems: [expect.objectContaining({ rule: "write-output" })],
    });
  });

  it("with a folder named .minutes-manifest.json: the outputs and the index are written, the manifest is refused, exit 1", () => {
    const dir = folder();
    repo(dir, 2);
    mkdirSync(join(dir, "out", ".minutes-manifest.json"), { recursive: true });
    const r = minutes(dir, ["build", "repo", "--out", "out", "--format", "json"]);
    expectReported(
      r,
      `${join(dir, "out", ".minutes-manifest.json")}: error: The build manifest could not be written (a folder has the output's name); the next build will build every file again. [write-output]`,
    );
    expect(r.stdout).toContain("2 built, 0 unchanged, 0 failed");
    expect(JSON.parse(readFileSync(join(dir, "out", "index.json"), "utf8")).meetings).toHaveLength(2);
    expect(temporaries(join(dir, "out"))).toEqual([]);
  });

  it("where every file fails: the per-file errors, no output folder made, no index, exit 1 (was an internal error)", () => {
    const dir = folder();
    mkdirSync(join(dir, "bad"));
    for (const name of ["a.md", "b.md"])
      writeFileSync(join(dir, "bad", name), "---\ntitle: T\ndate: 2024-02-30\n---\n\n## A\n\nText.\n");
    const r = minutes(dir, ["build", "bad", "--out", "out"]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain("internal error");
    expect(r.stderr).toContain("bad/a.md:3:7: error:");
    expect(r.stderr).toContain("bad/b.md:3:7: error:");
    expect(r.stderr).toContain("nothing was written for the files with errors");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("into an --out that is a file: one error, nothing built, the file untouched", () => {
    const dir = folder();
    repo(dir, 2);
    writeFileSync(join(dir, "out"), "keep me");
    const r = minutes(dir, ["build", "repo", "--out", "out"]);
    expectReported(
      r,
      "out: error: The output folder out is a file; nothing was built. [write-output]",
      "hint: Give an output folder that is not a file",
    );
    expect(readFileSync(join(dir, "out"), "utf8")).toBe("keep me");
    const below = minutes(dir, ["build", "repo", "--out", "out/site"]);
    expectReported(
      below,
      "out/site: error: The output folder out/site could not be made (a file is in the way of the output folder); nothing was built.",
    );
  });
});

describe("a single file that cannot be written", () => {
  it.skipIf(noPermissionCase !== undefined)(
    `beside the input, in a read-only folder${noPermissionCase ? ` — skipped: ${noPermissionCase}` : ""}`,
    () => {
      const dir = folder();
      repo(dir, 1);
      const [input] = files(join(dir, "repo"));
      chmodSync(join(dir, "repo", "2021"), 0o555);
      const r = minutes(dir, ["build", input!.slice(dir.length + 1)], { unprivileged: true });
      expectReported(r, "2021-01-04-gtm.docx could not be written (permission denied)");
      expect(readdirSync(join(dir, "repo", "2021"))).toEqual(["2021-01-04-gtm.md"]);
    },
  );

  it("when a folder has the name of one of its outputs: none of its outputs changes", () => {
    const dir = folder();
    writeFileSync(join(dir, "m.md"), readFileSync("examples/2022-09-23-gtm.md"));
    writeFileSync(join(dir, "m.docx"), "last build");
    mkdirSync(join(dir, "m.pdf"));
    const r = minutes(dir, ["build", "m.md"]);
    expectReported(
      r,
      "m.md: error: The output m.pdf could not be written (a folder has the output's name). [write-output]",
    );
    expect(readFileSync(join(dir, "m.docx"), "utf8")).toBe("last build");
    expect(statSync(join(dir, "m.pdf")).isDirectory()).toBe(true);
    expect(temporaries(dir)).toEqual([]);
  });

  it("with a name that fits the file system but whose temporary name would not (was ENAMETOOLONG)", () => {
    const dir = folder();
    const stem = "a".repeat(240);
    writeFileSync(join(dir, `${stem}.md`), readFileSync("examples/2022-09-23-gtm.md"));
    const r = minutes(dir, ["build", `${stem}.md`, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, `${stem}.json`), "utf8"))).toHaveProperty("meeting");
  });

  it("with a name too long for its outputs: the reason, and no temporary file", () => {
    const dir = folder();
    const stem = "b".repeat(251); // 254 bytes with .md; 256 with .docx
    writeFileSync(join(dir, `${stem}.md`), readFileSync("examples/2022-09-23-gtm.md"));
    const r = minutes(dir, ["build", `${stem}.md`]);
    expectReported(
      r,
      "could not be written (the name is too long for the file system)",
      "hint: Use a shorter file name",
    );
    expect(readdirSync(dir)).toEqual([`${stem}.md`]);
  });

  it("when a file stands where the output folder should be (the library's build)", async () => {
    const dir = folder();
    writeFileSync(join(dir, "m.md"), readFileSync("examples/2022-09-23-gtm.md"));
    writeFileSync(join(dir, "out"), "keep me");
    const result = await build(join(dir, "m.md"), { out: join(dir, "out", "x"), config: null });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(plainDiagnostic)).toContainEqual({
      file: join(dir, "m.md"),
      line: null,
      column: null,
      severity: "error",
      rule: "write-output",
      message: `The output folder ${join(dir, "out", "x")} could not be made (a file is in the way of the output folder).`,
      hint: "Move or rename the file that stands where a folder of the path should be, or write somewhere else.",
    });
    expect(readFileSync(join(dir, "out"), "utf8")).toBe("keep me");
  });
});

describe("a full disk", () => {
  // A 96 KB tmpfs holds one meeting's DOCX and PDF, not three. Mounting needs root and a container that
  // allows it; the mount is made and removed inside the test, so a filtered run never leaves one behind.
  it('fails the files that do not fit with "the disk is full", and leaves no part of a file', (ctx) => {
    const mountPoint = folder("full");
    const mounted =
      process.platform === "linux" &&
      isRoot &&
      spawnSync("mount", ["-t", "tmpfs", "-o", "size=96k", "tmpfs", mountPoint]).status === 0;
    ctx.skip(!mounted, "cannot mount a small tmpfs here (needs root, and a container that allows mount)");
    try {
      const dir = folder();
      repo(dir, 3);
      const r = minutes(dir, ["build", "repo", "--out", mountPoint, "--jobs", "1", "--json"]);
      expect(r.status).toBe(1);
      const summary = JSON.parse(r.stdout) as {
        totals: { built: number; failed: number };
        files: {
          status: string;
          outputs: { path: string }[];
          diagnostics: { rule: string; message: string; hint?: string }[];
        }[];
      };
      expect(summary.totals.failed).toBeGreaterThan(0);
      for (const file of summary.files.filter((f) => f.status === "failed")) {
        expect(file.diagnostics).toContainEqual(
          expect.objectContaining({
            rule: "write-output",
            message: expect.stringContaining("(the disk is full)"),
            hint: "Free some space on that disk, or write to another disk.",
          }),
        );
      }
      // Whatever is on the disk is a complete output of a built file (or the manifest and index): no temporary file, no half of a pair.
      const built = new Set(
        summary.files.filter((f) => f.status === "built").flatMap((f) => f.outputs.map((o) => o.path)),
      );
      for (const path of files(mountPoint)) if (/\.(pdf|docx)$/.test(path)) expect(built.has(path), path).toBe(true);
      expect(temporaries(mountPoint)).toEqual([]);
    } finally {
      spawnSync("umount", [mountPoint]);
    }
  });
});

describe("the launcher", () => {
  it.each([
    ["a file where a folder of the path should be", "file/x.md", "ENOTDIR"],
    ["a name too long for the file system", `${"c".repeat(300)}.md`, "ENAMETOOLONG"],
  ])("reports an input path with %s instead of crashing with a stack trace", (_, path, code) => {
    const dir = folder();
    writeFileSync(join(dir, "file"), "x");
    const r = minutes(dir, ["build", path]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).toContain(`error: The file cannot be read (${code}).`);
  });

  it.skipIf(noPermissionCase !== undefined || !isRoot)(
    `starts when the snapshot cache cannot be read (a HOME it may not enter)${noPermissionCase ? ` — skipped: ${noPermissionCase}` : ""}`,
    () => {
      const dir = folder();
      writeFileSync(join(dir, "m.md"), readFileSync("examples/2022-09-23-gtm.md"));
      chmodSync(dir, 0o777);
      const home = folder("home");
      chmodSync(home, 0o700); // root's: nobody cannot look inside for its .cache
      const r = minutes(dir, ["build", "m.md", "--format", "json"], {
        unprivileged: true,
        env: { CI: "", HOME: home, MINUTES_NO_SNAPSHOT: "" },
      });
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, "m.json"))).toBe(true);
    },
  );
});

describe("the table of write faults", () => {
  const fault = (code: string) => Object.assign(new Error(code), { code });

  it("says why and what to do for each code, in words, not the code", () => {
    const expected: Record<string, RegExp> = {
      EACCES: /permission denied/,
      EPERM: /permission denied/,
      EROFS: /read-only/,
      ENOSPC: /disk is full/,
      EDQUOT: /quota/,
      EISDIR: /a folder has/,
      ENOTDIR: /a file is in the way/,
      ENAMETOOLONG: /name is too long/,
      ENOENT: /does not exist/,
      ELOOP: /symbolic links/,
      EMFILE: /too many files/,
      EBUSY: /in use/,
      EIO: /read or write error/,
    };
    for (const [code, why] of Object.entries(expected)) {
      expect(whyNotWritten(fault(code)), code).toMatch(why);
      expect(writeFix(fault(code)), code).toMatch(/^[A-Z].*\.$/);
      expect(writeFix(fault(code)), code).not.toBe(writeFix(fault("EUNKNOWN")));
    }
    expect(whyNotWritten(fault("EWHATEVER"))).toBe("EWHATEVER"); // an unknown code is still named
    expect(whyNotWritten(new Error("a bug"))).toBeUndefined();
    expect(
      writeProblem("x", new TypeError("a bug"), (why) => text("write-output.output", { output: "x", why })),
    ).toBeUndefined();
    expect(writeProblem("x", fault("ENOSPC"), (why) => text("write-output.output", { output: "x", why }))).toEqual(
      expect.objectContaining({
        file: "x",
        line: null,
        column: null,
        severity: "error",
        rule: "write-output",
        message: "The output x could not be written (the disk is full).",
        hint: "Free some space on that disk, or write to another disk.",
      }),
    );
  });

  it("writeAllAtomically writes all or none, names the output that failed, and leaves no temporary file", async () => {
    const dir = folder();
    writeFileSync(join(dir, "a.txt"), "old a");
    mkdirSync(join(dir, "b.txt"));
    const failure = await writeAllAtomically([
      { path: join(dir, "a.txt"), bytes: new TextEncoder().encode("new a") },
      { path: join(dir, "b.txt"), bytes: new TextEncoder().encode("new b") },
    ]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WriteFailure);
    expect(failure).toMatchObject({ output: join(dir, "b.txt"), code: "EISDIR" });
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("old a");
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b.txt"]);

    const missing = await writeAllAtomically([{ path: join(dir, "no", "c.txt"), bytes: new Uint8Array(1) }]).catch(
      (error: unknown) => error,
    );
    expect(missing).toMatchObject({ output: join(dir, "no", "c.txt"), code: "ENOENT" });
  });
});
