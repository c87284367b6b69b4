// scripts/build.mjs rewrites two quadratic loops of the renderers' dependencies (pdfkit's word-by-word
// array concatenation, docx's attribute spreading) when it bundles them. The bundle must write exactly the
// bytes the unpatched dependencies write: this compares dist/index.js (patched) with the sources, which
// vitest runs against node_modules as published.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";

type Build = typeof build;
const dist = (await import(new URL("../dist/index.js", import.meta.url).href)) as { build: Build };

const inputs = [
  "examples/2022-09-23-gtm.md",
  "examples/2024-03-05-steering-committee.md",
  ...readdirSync("test/fixtures/real-world").map((f) => `test/fixtures/real-world/${f}`),
];

function chunk(prefix: string): string {
  const name = readdirSync("dist").find((f) => f.startsWith(prefix) && f.endsWith(".js"));
  return readFileSync(join("dist", name!), "utf8");
}

describe("the bundle's patched dependencies", () => {
  it("are patched in dist/", () => {
    expect(chunk("render-pdf-")).not.toContain("glyphs = glyphs.concat(run.glyphs)");
    expect(chunk("render-pdf-")).toContain("for (const glyph of run.glyphs) glyphs.push(glyph);");
    expect(chunk("render-docx-")).not.toContain("_objectSpread2(_objectSpread2({}, acc)");
  });

  it.each(inputs)("write the same DOCX and PDF bytes as the published dependencies: %s", async (input) => {
    const timestamp = new Date("2024-05-06T07:08:09Z");
    const fromSources = mkdtempSync(join(tmpdir(), "minutes-src-"));
    const fromBundle = mkdtempSync(join(tmpdir(), "minutes-dist-"));
    const a = await build(input, { out: fromSources, timestamp });
    const b = await dist.build(input, { out: fromBundle, timestamp });
    expect(a.ok, JSON.stringify(a.diagnostics)).toBe(true);
    expect(b.outputs.map((o) => o.format)).toEqual(["docx", "pdf"]);
    for (const [i, output] of a.outputs.entries()) {
      const mine = readFileSync(output.path);
      const theirs = readFileSync(b.outputs[i]!.path);
      expect(mine.length).toBeGreaterThan(1000);
      expect(theirs.equals(mine), `${output.format} differs`).toBe(true);
    }
  });
});
