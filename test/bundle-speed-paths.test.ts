// The start-up shortcuts of the bundle (scripts/build.mjs) change no byte of any output:
// - a one-file build that writes DOCX and PDF draws the DOCX on a worker thread (dist/render-worker.js)
//   while the main thread draws the PDF; `--jobs 1` keeps everything in the main thread;
// - fontkit's brotli decoder (WOFF2 only) lives in dist/brotli-decompress.cjs, loaded on first use.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const seed = "examples/2022-09-23-gtm.md";
const stem = "2022-09-23-gtm";

function cli(...args: string[]): { dir: string; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), "minutes-bundle-"));
  const r = spawnSync(process.execPath, ["bin/minutes.js", "build", seed, "--out", dir, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", SOURCE_DATE_EPOCH: "1700000000" } });
  return { dir, stderr: r.stderr, status: r.status };
}
const sha256 = (dir: string, ext: string): string => createHash("sha256").update(readFileSync(join(dir, `${stem}.${ext}`))).digest("hex");

describe("DOCX drawn on a worker thread", () => {
  it("gives the same DOCX and PDF bytes as a build that stays in the main thread", () => {
    expect(existsSync("dist/render-worker.js")).toBe(true);
    const both = cli();
    const mainThread = cli("--jobs", "1");
    const docxOnly = cli("--format", "docx");
    for (const r of [both, mainThread, docxOnly]) expect(r.status, r.stderr).toBe(0);
    expect(sha256(both.dir, "docx")).toBe(sha256(mainThread.dir, "docx"));
    expect(sha256(both.dir, "docx")).toBe(sha256(docxOnly.dir, "docx"));
    expect(sha256(both.dir, "pdf")).toBe(sha256(mainThread.dir, "pdf"));
    // A real DOCX: a ZIP with the document part.
    const docx = readFileSync(join(both.dir, `${stem}.docx`));
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(docx.includes(Buffer.from("word/document.xml"))).toBe(true);
  }, 60_000);
});

describe("brotli outside the PDF chunk", () => {
  it("is a file of its own that still decodes brotli data", () => {
    const decompress = createRequire(import.meta.url)("../dist/brotli-decompress.cjs") as (input: Uint8Array) => Uint8Array;
    const text = Buffer.from("Compte rendu de la réunion — ".repeat(200));
    expect(Buffer.from(decompress(brotliCompressSync(text))).equals(text)).toBe(true);
  });

  it("is not inside the PDF renderer chunk", () => {
    const pdfChunk = readdirSync("dist").find((f) => f.startsWith("render-pdf-"));
    expect(pdfChunk).toBeDefined();
    const code = readFileSync(join("dist", pdfChunk!), "utf8");
    expect(code).toContain('"./brotli-decompress.cjs"');
    expect(code).not.toContain("node_modules/brotli/dec/dictionary-data.js");
  });
});
