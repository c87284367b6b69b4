// Each rendering library has one adapter module, the only source file that imports it (issue 18): an upgrade,
// a patch (patches/) or a replacement starts there. fontkit is imported by no source file: pdfkit loads it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const adapters: Record<string, string> = {
  docx: "src/render/docx/docx-library.ts",
  pdfkit: "src/render/pdf/pdfkit-library.ts",
  fontkit: "(none)",
};

/** Library names a source imports (static or dynamic imports, re-exports, require). */
function importedPackages(source: string): string[] {
  const found = [
    ...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g),
  ].map((m) => m[1]!);
  return found.map((spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!));
}

describe("rendering libraries behind their adapters", () => {
  it("finds imports the way they are written", () => {
    expect(
      importedPackages('import { A } from "docx";\nimport type { B } from \'docx\';\nexport * from "docx";'),
    ).toEqual(["docx", "docx", "docx"]);
    expect(
      importedPackages(
        'const f = await import("fontkit");\nimport PDFDocument from "pdfkit";\nimport x from "./docx-library.js";',
      ),
    ).toEqual(["fontkit", "pdfkit"]);
  });

  it("are imported only by their adapter", () => {
    const files = readdirSync("src", { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join("src", f));
    const importers: Record<string, string[]> = { docx: [], pdfkit: [], fontkit: [] };
    for (const file of files)
      for (const name of importedPackages(readFileSync(file, "utf8")))
        if (name in importers) importers[name]!.push(file.replaceAll("\\", "/"));
    for (const [name, adapter] of Object.entries(adapters))
      expect([...new Set(importers[name])], name).toEqual(adapter === "(none)" ? [] : [adapter]);
  });
});
