// Hostile repositories, class "damaged or huge images": a theme's logo is decoded before it is used, as a
// reader would (PNG: chunk CRCs, data that inflates to the rows the header promises; JPEG: segments, frame
// header, the end marker), and bounded by pixels and by decoded bytes before anything is inflated. Each bad
// logo is an error at the theme.yaml line that names it, exit 1, and nothing is written; a sound JPEG still
// makes a PDF that qpdf decodes without a warning (the truncated one used to make a PDF/A with an
// undecodable image).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkImage as checkImageBytes, type ImageResult } from "../../src/theme/check-file.js";
import { render } from "../../src/i18n/messages.js";

/** The check with its reason in English, as the JSON output and these assertions say it. */
const checkImage = (bytes: Uint8Array): ImageResult | { ok: false; message: string } => {
  const checked = checkImageBytes(bytes);
  return checked.ok ? checked : { ok: false, message: render(checked.message, "en") };
};
import { chunk, makeBlankPng, makePng, smallJpeg } from "../helpers/png.js";
import { itWithTools, plainCliEnv, run } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

/** A project whose theme names `logo` (on line 3 of theme.yaml; an SVG logo takes logo.png as fallback). */
function project(logo: { name: string; bytes: Uint8Array }, fallback?: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-images-"));
  copyFileSync("examples/2022-09-23-gtm.md", join(dir, "meeting.md"));
  writeFileSync(join(dir, "minutes.config.yaml"), "theme: house\n");
  mkdirSync(join(dir, "house"));
  writeFileSync(join(dir, "house", logo.name), logo.bytes);
  if (fallback) writeFileSync(join(dir, "house", "logo.png"), fallback);
  writeFileSync(
    join(dir, "house", "theme.yaml"),
    `name: house\nlogo:\n  file: ${logo.name}\n${fallback ? "  fallback: logo.png\n" : ""}  alt: Logo\n`,
  );
  return dir;
}

/** Builds the project into out/; returns the result and the files written. */
function buildIt(dir: string) {
  const r = minutes(dir, "build", "meeting.md", "--out", "out");
  return {
    ...r,
    written: existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")).filter((f) => !f.startsWith(".")) : [],
  };
}

const jpeg = smallJpeg();
// Where the entropy-coded data of its scan starts: after the SOS marker and its header.
const scanData =
  jpeg.indexOf(Buffer.from([0xff, 0xda])) + 2 + jpeg.readUInt16BE(jpeg.indexOf(Buffer.from([0xff, 0xda])) + 2);
const png = makePng(120, 40);
const badCrc = Buffer.from(png);
badCrc[badCrc.length - 20]! ^= 0x01; // one bit of the IDAT data: only the CRC can tell

const cases: [string, string, Uint8Array, RegExp][] = [
  [
    "a JPEG cut short in its image data",
    "logo.jpg",
    jpeg.subarray(0, scanData + 6),
    /logo\.jpg is a damaged JPEG: it ends in the middle of its image data, before the end marker \(EOI\): the file is cut short/,
  ],
  [
    "a JPEG cut short in a segment",
    "logo.jpg",
    jpeg.subarray(0, 300),
    /logo\.jpg is a damaged JPEG: it ends in the middle of a segment/,
  ],
  [
    "a JPEG without its end marker",
    "logo.jpg",
    jpeg.subarray(0, jpeg.length - 2),
    /logo\.jpg is a damaged JPEG: it ends in the middle of its image data/,
  ],
  [
    "a PNG with a wrong CRC",
    "logo.png",
    badCrc,
    /logo\.png is a damaged PNG: the checksum \(CRC\) of its IDAT chunk is wrong/,
  ],
  [
    "a PNG cut short",
    "logo.png",
    png.subarray(0, png.length - 12),
    /logo\.png is a damaged PNG: it ends before its IEND chunk/,
  ],
  // 5000 × 5000 grey: 25 million pixels in a 25 KB file; within 6000 a side.
  [
    "a valid PNG of 25 million pixels",
    "logo.png",
    makeBlankPng(5000, 5000),
    /logo\.png is 5000×5000 pixels \(25\.0 million\); images may have at most 10 million pixels/,
  ],
  [
    "a PNG of 7000 pixels a side",
    "logo.png",
    makeBlankPng(7000, 10),
    /logo\.png is 7000×10 pixels; images may be at most 6000 pixels wide and high/,
  ],
];

describe("a damaged or huge logo", () => {
  it.each(cases)("%s: an error at the line that names it, exit 1, nothing written", (_, name, bytes, message) => {
    const r = buildIt(project({ name, bytes }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`house/theme\\.yaml:3:9: error: \`logo\\.file\`: ${message.source}`));
    expect(r.stderr).toMatch(/hint: (Export or download the image again|Resize the image)/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|internal error/);
    expect(r.written).toEqual([]);
  });

  it("a damaged fallback of an SVG logo is an error at the fallback's line", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="60" height="40"/></svg>\n';
    const r = buildIt(project({ name: "logo.svg", bytes: Buffer.from(svg) }, badCrc));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "house/theme.yaml:4:13: error: `logo.fallback`: logo.png is a damaged PNG: the checksum (CRC) of its IDAT chunk is wrong.",
    );
    expect(r.written).toEqual([]);
  });

  it("is bounded by decoded bytes too: 16-bit RGBA doubles the memory of each pixel", () => {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(2400, 0);
    header.writeUInt32BE(2400, 4);
    header[8] = 16;
    header[9] = 6;
    // The size is refused from the header, before the (here absent) pixels are inflated.
    const claimed = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", Buffer.from([1, 2, 3])),
      chunk("IEND", new Uint8Array()),
    ]);
    expect(checkImage(claimed)).toEqual({
      ok: false,
      message: "is 2400×2400 pixels of 64 bits, 44 MB once decoded; images may take at most 40 MB decoded",
    });
  });

  it("refuses data that inflates to fewer bytes than the header says, or rows with an unknown filter", () => {
    const withRows = (rows: Buffer) => {
      const header = Buffer.alloc(13);
      header.writeUInt32BE(4, 0);
      header.writeUInt32BE(2, 4);
      header[8] = 8;
      header[9] = 0;
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk("IHDR", header),
        chunk("IDAT", deflateSync(rows)),
        chunk("IEND", new Uint8Array()),
      ]);
    };
    expect(checkImage(withRows(Buffer.from([0, 1, 2, 3, 4, 1, 5, 6, 7, 8]))).ok).toBe(true);
    expect(checkImage(withRows(Buffer.from([0, 1, 2, 3, 4, 1, 5, 6, 7])))).toMatchObject({
      ok: false,
      message: expect.stringContaining("cut short (9 of 10 bytes)"),
    });
    // More data than the rows need is drawn by readers, which ignore the rest (libpng's "Too much image data").
    expect(checkImage(withRows(Buffer.from([0, 1, 2, 3, 4, 1, 5, 6, 7, 8, 9, 9, 9]))).ok).toBe(true);
    expect(checkImage(withRows(Buffer.from([0, 1, 2, 3, 4, 7, 5, 6, 7, 8])))).toMatchObject({
      ok: false,
      message: expect.stringContaining("unknown filter"),
    });
  });

  it("reads every pass of an interlaced PNG (Adam7): the exact data is sound, one byte less is cut short", () => {
    const interlaced = (width: number, height: number, missing: number) => {
      const header = Buffer.alloc(13);
      header.writeUInt32BE(width, 0);
      header.writeUInt32BE(height, 4);
      header[8] = 8;
      header[9] = 2;
      header[12] = 1;
      // Pass by pass: columns and rows of each of the seven sub-images, each row a filter byte and RGB.
      const passes = [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ];
      let size = 0;
      for (const [x0, y0, dx, dy] of passes) {
        const columns = Math.ceil((width - x0!) / dx!);
        if (columns > 0) size += Math.ceil((height - y0!) / dy!) * (1 + 3 * columns);
      }
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk("IHDR", header),
        chunk("IDAT", deflateSync(Buffer.alloc(size - missing))),
        chunk("IEND", new Uint8Array()),
      ]);
    };
    for (const [w, h] of [
      [1, 1],
      [3, 2],
      [9, 5],
      [17, 33],
    ] as const) {
      expect(checkImage(interlaced(w, h, 0)), `${w}×${h}`).toMatchObject({ ok: true, width: w, height: h });
      expect(checkImage(interlaced(w, h, 1)), `${w}×${h}`).toMatchObject({
        ok: false,
        message: expect.stringContaining("cut short"),
      });
    }
  });

  itWithTools("qpdf", "pdfimages")(
    "a sound JPEG and PNG still make a PDF whose images qpdf decodes without a warning",
    () => {
      for (const [name, bytes] of [
        ["logo.jpg", jpeg],
        ["logo.png", png],
      ] as const) {
        const dir = project({ name, bytes });
        const r = buildIt(dir);
        expect(r.status, r.stderr).toBe(0);
        expect(r.written.sort()).toEqual(["meeting.docx", "meeting.pdf"]);
        const check = spawnSync("qpdf", ["--check", join(dir, "out", "meeting.pdf")], { encoding: "utf8" });
        expect(`${check.stdout}${check.stderr}`).not.toMatch(/WARNING|invalid/);
        expect(check.status).toBe(0);
        // The logo is in the PDF: one image XObject of its size.
        expect(run("pdfimages", ["-list", join(dir, "out", "meeting.pdf")])).toMatch(
          name === "logo.jpg" ? /\s24\s+16\s+rgb\s+3\s+8\s+jpeg/ : /\s120\s+40\s+rgb\s+3\s+8\s+image/,
        );
      }
    },
  );
});
