// Which files a batch builds: globs, folder walks (what is skipped) and shards.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { collectInputs } from "../src/batch/collect-inputs.js";
import { expandGlob, globBase } from "../src/batch/glob.js";
import { inShard, parseShard } from "../src/batch/shard.js";
import { tempDir } from "./helpers/minutes-repo.js";

describe("glob", () => {
  const dir = tempDir("glob");
  for (const path of [
    "minutes/a.md",
    "minutes/.draft.md",
    "minutes/2024/03/b.md",
    "minutes/2024/c.pdf",
    "minutes/.old/d.md",
    "other/minutes/e.md",
    "2024-x.markdown",
    "2024-y.md",
    "a.b.md",
    "aXb.md",
    "c.md",
  ]) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), "x");
  }
  const names = async (pattern: string) =>
    (await expandGlob(`${dir}/${pattern}`)).map((file) => relative(dir, file).replace(/\\/g, "/"));

  it("expands *, **, ?, {a,b} and [..] on whole paths, in walk order", async () => {
    expect(await names("minutes/**/*.md")).toEqual(["minutes/2024/03/b.md", "minutes/a.md"]);
    expect(await names("minutes/*.md")).toEqual(["minutes/a.md"]);
    expect(await names("202?-*.{md,markdown}")).toEqual(["2024-x.markdown", "2024-y.md"]);
    expect(await names("[ab].md")).toEqual([]);
    expect(await names("[ac].md")).toEqual(["c.md"]);
    expect(await names("a.b.md")).toEqual(["a.b.md"]);
  });

  it("matches no dot-file or dot-folder with * or **", async () => {
    expect(await names("minutes/*")).toEqual(["minutes/a.md"]);
    expect(await names("**/*.md")).not.toContain("minutes/.draft.md");
    expect(await names("**/*.md")).not.toContain("minutes/.old/d.md");
    expect(await names("minutes/.*.md")).toEqual(["minutes/.draft.md"]);
  });

  it("starts the walk at the folders before the first wildcard", () => {
    expect(globBase("minutes/2024/**/*.md")).toBe("minutes/2024");
    expect(globBase("*.md")).toBe(".");
    expect(globBase("/srv/m/*/x.md")).toBe("/srv/m");
  });
});

describe("collectInputs", () => {
  const dir = tempDir("inputs");
  for (const path of [
    "2024/b.md",
    "2024/a.md",
    "2023/c.md",
    "README.md",
    "2024/notes.txt",
    "node_modules/x/d.md",
    ".minutes/template.md",
    "dist/old.md",
    "2024/.draft.md",
  ]) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), "x");
  }

  // Dot-files too, as a glob's * leaves them out: `minutes build minutes/` and `minutes build "minutes/**/*.md"` take the same files.
  it("walks a folder for *.md in sorted order, skipping README.md, node_modules, dot-files, dot-folders and the output folder", async () => {
    const { inputs, problems } = await collectInputs([dir], [join(dir, "dist")]);
    expect(problems).toEqual([]);
    expect(inputs.map((i) => i.path)).toEqual(["2023/c.md", "2024/a.md", "2024/b.md"].map((p) => join(dir, p)));
    expect(inputs.every((i) => i.root === dir)).toBe(true);
  });

  it("expands globs from their base, keeps files as given, and drops duplicates", async () => {
    const { inputs } = await collectInputs([`${dir}/2024/*.md`, join(dir, "2024/a.md"), join(dir, "README.md")]);
    expect(inputs.map((i) => i.path)).toEqual([join(dir, "2024/a.md"), join(dir, "2024/b.md"), join(dir, "README.md")]);
    expect(inputs[0]!.root).toBe(join(dir, "2024"));
  });

  it("reports a glob or folder that matches nothing", async () => {
    const empty = tempDir("empty");
    const { problems } = await collectInputs([empty, `${dir}/**/*.markdown`]);
    expect(problems.map((p) => p.arg)).toEqual([empty, `${dir}/**/*.markdown`]);
  });
});

describe("shards", () => {
  it("split the files into disjoint shares whose union is all of them", () => {
    const keys = Array.from({ length: 300 }, (_, i) => `20${10 + (i % 15)}/meeting-${i}.md`);
    for (const n of [1, 2, 3, 7]) {
      const shares = Array.from({ length: n }, (_, i) => keys.filter((k) => inShard(k, { index: i + 1, count: n })));
      expect(shares.flat().sort()).toEqual([...keys].sort());
      if (n > 1) for (const share of shares) expect(share.length).toBeGreaterThan(300 / n / 2);
    }
  });

  it("parses i/n and refuses anything else", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/2", "3/2", "1", "a/b", "1/0"]) expect(parseShard(bad)).toBeUndefined();
  });
});
