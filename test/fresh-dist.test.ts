// The global setup (test/helpers/fresh-dist.ts) builds dist/ again when it is older than what it is built
// from: here on a small tree whose files' times are set by hand.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { staleDist } from "./helpers/fresh-dist.js";

function tree(times: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), "minutes-fresh-dist-"));
  for (const [path, seconds] of Object.entries(times)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), "x");
    utimesSync(join(root, path), seconds, seconds);
  }
  return root;
}

const built = { "dist/launch.cjs": 2000, "dist/cli-main.js": 2000, "dist/index.js": 2001 };

describe("dist/ freshness", () => {
  it("is fresh when every source, template and build script is older than the build", () => {
    expect(
      staleDist(
        tree({
          "src/a.ts": 1000,
          "src/render/b.ts": 1500,
          "templates/default/theme.yaml": 1000,
          "scripts/build.mjs": 900,
          ...built,
        }),
      ),
    ).toBeUndefined();
  });

  it("is stale when a source changed after the build, however deep", () => {
    expect(staleDist(tree({ "src/a.ts": 1000, "src/render/pdf/b.ts": 2500, ...built }))).toBe(
      `${join("src", "render", "pdf", "b.ts")} is newer than dist/`,
    );
    expect(staleDist(tree({ "src/a.ts": 1000, "templates/default/theme.yaml": 3000, ...built }))).toMatch(
      /theme\.yaml is newer/,
    );
    expect(staleDist(tree({ "src/a.ts": 1000, "scripts/build.mjs": 3000, ...built }))).toMatch(/build\.mjs is newer/);
  });

  it("is stale when dist/ was never built, or only in part", () => {
    expect(staleDist(tree({ "src/a.ts": 1000 }))).toBe("dist/launch.cjs is missing");
    const root = tree({ "src/a.ts": 1000, ...built });
    rmSync(join(root, "dist/index.js"));
    expect(staleDist(root)).toBe("dist/index.js is missing");
  });
});
