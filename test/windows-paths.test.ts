// Windows paths (`C:\repo\minutes\2024\a.md`): the batch's path functions take the path module, so they
// are checked here with path.win32 on any machine. Outputs mirror the inputs with the platform's
// separators; what is written about paths (manifest, shard keys, the index's links) uses "/" everywhere.
import { readFileSync } from "node:fs";
import path, { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { mirroredFolder, pathKey, publishedPath, recordedPath, shardKey, slashes } from "../src/batch/batch-paths.js";
import { collectInputs } from "../src/batch/collect-inputs.js";
import { globBase, globQuery, hasGlob } from "../src/batch/glob.js";
import { runBatch } from "../src/batch/run-batch.js";
import { linkTo } from "../src/batch/site-index.js";
import { loadMeetings } from "../src/commands/load-meetings.js";
import { isNetworkPath } from "../src/safe-path.js";
import { generateRepo, tempDir } from "./helpers/minutes-repo.js";

const { win32, posix } = path;

describe("output mirroring", () => {
  it("mirrors C:\\repo\\minutes\\2024\\a.md into C:\\repo\\dist\\2024\\a.pdf", () => {
    const folder = mirroredFolder(
      { path: "C:\\repo\\minutes\\2024\\a.md", root: "C:\\repo\\minutes" },
      "C:\\repo\\dist",
      win32,
    );
    expect(folder).toBe("C:\\repo\\dist\\2024");
    expect(win32.join(folder, "a.pdf")).toBe("C:\\repo\\dist\\2024\\a.pdf");
  });

  it("gives the same folder whichever separator or case the paths were typed with", () => {
    for (const input of [
      { path: "C:/repo/minutes/2024/a.md", root: "C:\\repo\\minutes" },
      { path: "C:\\repo\\minutes\\2024\\a.md", root: "C:/repo/minutes/" },
      { path: "c:\\Repo\\Minutes\\2024\\a.md", root: "C:\\repo\\minutes" },
    ])
      expect(mirroredFolder(input, "C:\\repo\\dist", win32), input.path).toBe("C:\\repo\\dist\\2024");
  });

  it("writes to another drive than the inputs', and to a drive's root", () => {
    expect(
      mirroredFolder({ path: "C:\\repo\\minutes\\2024\\a.md", root: "C:\\repo\\minutes" }, "D:\\site", win32),
    ).toBe("D:\\site\\2024");
    expect(mirroredFolder({ path: "C:\\a.md", root: "C:\\" }, "D:\\", win32)).toBe("D:\\");
    expect(
      mirroredFolder(
        { path: "\\\\server\\share\\minutes\\2024\\a.md", root: "\\\\server\\share\\minutes" },
        "C:\\dist",
        win32,
      ),
    ).toBe("C:\\dist\\2024");
  });

  it("refuses an input that is not under its root (another drive, a prefix) rather than guess a path", () => {
    expect(() =>
      mirroredFolder({ path: "D:\\repo\\minutes\\a.md", root: "C:\\repo\\minutes" }, "C:\\dist", win32),
    ).toThrow(/is not inside the folder C:\\repo\\minutes/);
    expect(() =>
      mirroredFolder({ path: "C:\\repo\\minutes-old\\a.md", root: "C:\\repo\\minutes" }, "C:\\dist", win32),
    ).toThrow(/not inside/);
  });

  it("does the same on POSIX, where a backslash is part of a name", () => {
    expect(mirroredFolder({ path: "/repo/minutes/2024/a.md", root: "/repo/minutes" }, "/repo/dist", posix)).toBe(
      "/repo/dist/2024",
    );
    expect(mirroredFolder({ path: "/repo/minutes/a\\b/x.md", root: "/repo/minutes" }, "/repo/dist", posix)).toBe(
      "/repo/dist/a\\b",
    );
  });
});

describe("what a batch writes about paths uses /", () => {
  it("records the same manifest key whichever separator the input was typed with", () => {
    const keys = ["C:\\repo\\minutes\\2024\\a.md", "C:/repo/minutes/2024/a.md", "C:\\repo\\minutes/2024\\.\\a.md"].map(
      (input) => recordedPath("C:\\repo\\dist", input, win32),
    );
    expect(new Set(keys)).toEqual(new Set(["../minutes/2024/a.md"]));
    expect(recordedPath("C:\\repo\\dist", "C:\\repo\\dist\\2024\\a.pdf", win32)).toBe("2024/a.pdf");
    // The key a Linux runner writes for the same repository is the same.
    expect(recordedPath("/repo/dist", "/repo/minutes/2024/a.md", posix)).toBe("../minutes/2024/a.md");
  });

  it("records an input on another drive than the manifest by its absolute path (no relative path exists)", () => {
    expect(recordedPath("D:\\dist", "C:\\repo\\minutes\\a.md", win32)).toBe("C:/repo/minutes/a.md");
  });

  it("gives the same shard key on Windows and Linux, so a mixed CI matrix splits the files alike", () => {
    expect(shardKey({ path: "C:\\repo\\minutes\\2024\\a.md", root: "C:\\repo\\minutes" }, win32)).toBe("2024/a.md");
    expect(shardKey({ path: "C:/repo/minutes/2024/a.md", root: "C:\\repo\\minutes" }, win32)).toBe("2024/a.md");
    expect(shardKey({ path: "/repo/minutes/2024/a.md", root: "/repo/minutes" }, posix)).toBe("2024/a.md");
  });

  it("turns \\ into / on Windows only: on POSIX it is a character of the name", () => {
    expect(slashes("a\\b/c", win32)).toBe("a/b/c");
    expect(slashes("a\\b/c", posix)).toBe("a\\b/c");
  });

  it("compares paths as the file system does: without case on Windows, with it on POSIX", () => {
    expect(pathKey("C:\\Repo\\A.md", win32)).toBe(pathKey("c:/repo/a.md", win32));
    expect(pathKey("/repo/A.md", posix)).not.toBe(pathKey("/repo/a.md", posix));
  });
});

describe("the index page's links", () => {
  it("links to C:\\repo\\dist\\2024\\a.pdf as ./2024/a.pdf, with forward slashes", () => {
    const published = publishedPath("C:\\repo\\dist", "C:\\repo\\dist\\2024\\a.pdf", win32);
    expect(published).toBe("2024/a.pdf");
    expect(linkTo(published!)).toBe("./2024/a.pdf");
    expect(linkTo(publishedPath("c:\\REPO\\dist", "C:\\repo\\dist\\2024\\b c.pdf", win32)!)).toBe("./2024/b%20c.pdf");
  });

  it("never links out of the published folder: another drive, a sibling with a common prefix, the folder itself", () => {
    expect(publishedPath("C:\\repo\\dist", "D:\\dist\\a.pdf", win32)).toBeUndefined();
    expect(publishedPath("C:\\repo\\dist", "C:\\repo\\dist-old\\a.pdf", win32)).toBeUndefined();
    expect(publishedPath("C:\\repo\\dist", "C:\\repo\\dist", win32)).toBeUndefined();
    expect(publishedPath("/repo/dist", "/repo/x.pdf", posix)).toBeUndefined();
    expect(() => linkTo("../x.pdf")).toThrow(/not a path below/);
    expect(() => linkTo("/etc/x.pdf")).toThrow(/not a path below/);
  });

  it("links a Windows name holding a lone UTF-16 surrogate (it has no UTF-8 form) instead of failing the build", () => {
    expect(linkTo("2024/a\uD800b.pdf")).toBe("./2024/a%EF%BF%BDb.pdf");
  });

  it("keeps a POSIX backslash as part of the name (%5C), which decodes back to it", () => {
    const link = linkTo(publishedPath("/repo/dist", "/repo/dist/a\\b.pdf", posix)!);
    expect(link).toBe("./a%5Cb.pdf");
    expect(decodeURIComponent(link.slice(2))).toBe("a\\b.pdf");
  });
});

describe("globs written the Windows way", () => {
  it("starts the walk at the fixed folders, at a drive's root, or at a UNC share", () => {
    expect(globBase("C:\\repo\\minutes\\**\\*.md", win32)).toBe("C:/repo/minutes");
    expect(globBase("minutes\\2024\\*.md", win32)).toBe("minutes/2024");
    expect(globBase("C:\\*.md", win32)).toBe("C:/");
    expect(globBase("C:/*.md", win32)).toBe("C:/");
    expect(globBase("\\\\server\\share\\minutes\\*.md", win32)).toBe("//server/share/minutes");
    expect(globBase("/*.md", posix)).toBe("/");
  });

  it("searches from the fixed folders with the rest of the pattern, written with \\, without regard to case", () => {
    expect(globQuery("C:\\repo\\minutes\\**\\*.md", win32)).toEqual({
      base: "C:/repo/minutes",
      pattern: "**/*.md",
      caseSensitive: false,
    });
    expect(globQuery("minutes\\*.md", win32)).toEqual({ base: "minutes", pattern: "*.md", caseSensitive: false });
    expect(globQuery("C:\\*.md", win32)).toEqual({ base: "C:/", pattern: "*.md", caseSensitive: false });
    expect(globQuery("\\\\server\\share\\m\\*.md", win32)).toEqual({
      base: "//server/share/m",
      pattern: "*.md",
      caseSensitive: false,
    });
    expect(hasGlob("minutes\\*.md", win32)).toBe(true);
    // On Linux case matters, as it does to the file system, and "\\" escapes a character.
    expect(globQuery("minutes/*.md", posix)).toEqual({ base: "minutes", pattern: "*.md", caseSensitive: true });
    expect(globQuery("*.md", posix)).toEqual({ base: ".", pattern: "*.md", caseSensitive: true });
    expect(hasGlob("minutes/\\*.md", posix)).toBe(false);
  });
});

describe("one file spelled two ways is one file (this machine's paths)", () => {
  it("a batch builds a meeting once when its folder is given twice, and its manifest keys are relative with /", async () => {
    const repo = tempDir("spelled");
    const out = tempDir("spelled-out");
    generateRepo(join(repo, "minutes"), 2);
    const collected = await collectInputs([
      join(repo, "minutes"),
      `${join(repo, "minutes")}/./`,
      relative(process.cwd(), join(repo, "minutes")),
    ]);
    expect(collected.inputs).toHaveLength(2);
    const result = await runBatch([join(repo, "minutes"), `${relative(process.cwd(), repo)}/./minutes`], {
      build: { out, formats: ["json"] },
      jobs: 1,
    });
    expect(result.files.map((f) => f.status)).toEqual(["built", "built"]);
    const manifest = JSON.parse(readFileSync(join(out, ".minutes-manifest.json"), "utf8")) as {
      files: Record<string, { outputs: string[] }>;
    };
    const prefix = relative(out, join(repo, "minutes"));
    expect(Object.keys(manifest.files)).toEqual([
      `${prefix}/2021/2021-01-04-gtm.md`,
      `${prefix}/2021/2021-01-11-gtm.md`,
    ]);
    expect(Object.values(manifest.files).map((f) => f.outputs)).toEqual([
      ["2021/2021-01-04-gtm.json"],
      ["2021/2021-01-11-gtm.json"],
    ]);
  });

  it("the action register reads a meeting once when it is named by two paths (no clash with itself)", async () => {
    const dir = tempDir("register-twice");
    const [file] = generateRepo(dir, 1) as [string];
    const loaded = await loadMeetings([dir, relative(process.cwd(), file)]);
    expect(loaded.meetings).toHaveLength(1);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("network shares written in files (\\\\server\\share)", () => {
  it("knows a Windows network path by its two leading separators, whichever they are", () => {
    for (const p of [
      "\\\\attacker\\share\\logo.png",
      "//attacker/share/logo.png",
      "\\/attacker/share",
      "\\\\?\\UNC\\attacker\\share",
    ])
      expect(isNetworkPath(p, win32), p).toBe(true);
    for (const p of ["C:\\repo\\logo.png", "\\repo\\logo.png", "logo.png"])
      expect(isNetworkPath(p, win32), p).toBe(false);
    expect(isNetworkPath("//srv/x", posix)).toBe(false); // "//srv" is "/srv" on POSIX
  });

  it("refuses one outside the project without touching it (which would offer the server Windows credentials)", async () => {
    const touched: string[] = [];
    vi.resetModules();
    vi.doMock("node:fs", async (importOriginal) => {
      const fs = await importOriginal<typeof import("node:fs")>();
      const watched = <F extends (...args: never[]) => unknown>(f: F) =>
        ((...args: Parameters<F>) => (touched.push(String(args[0])), f(...args))) as unknown as F;
      return {
        ...fs,
        default: fs,
        realpathSync: watched(fs.realpathSync),
        lstatSync: watched(fs.lstatSync),
        readlinkSync: watched(fs.readlinkSync),
      };
    });
    try {
      const { isAllowed } = await import("../src/safe-path.js");
      expect(isAllowed("\\\\attacker\\share\\logo.png", { projectDir: "C:\\repo" }, win32)).toBe(false);
      expect(
        isAllowed("//attacker/share/logo.png", { projectDir: "C:\\repo", allowOutside: ["\\\\files\\minutes"] }, win32),
      ).toBe(false);
      expect(touched).toEqual([]);
      // A local path is resolved through the file system (so the watch above would have seen a look).
      isAllowed(join(tempDir("network"), "logo.png"), { projectDir: process.cwd() });
      expect(touched.length).toBeGreaterThan(0);
    } finally {
      vi.doUnmock("node:fs");
      vi.resetModules();
    }
  });
});
