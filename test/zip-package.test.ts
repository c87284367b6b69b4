import { strFromU8, unzipSync } from "fflate";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crc32, zipParts } from "../src/render/docx/zip-package.js";
import { itWithTools } from "./helpers/tools.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("zipParts", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(enc("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("stores a part given as text as its UTF-8 bytes, the same zip when a text comes back (deflated once) or is long", () => {
    const styles = "<w:styles>" + '<w:style w:styleId="Été"/>'.repeat(40) + "</w:styles>";
    const body = "<w:body>" + "x".repeat(70_000) + "</w:body>"; // longer than the texts kept
    const asBytes = zipParts([
      ["word/styles.xml", enc(styles)],
      ["word/document.xml", enc(body)],
    ]);
    for (let i = 0; i < 3; i++) {
      const asText = zipParts([
        ["word/styles.xml", styles],
        ["word/document.xml", body],
      ]);
      expect(Buffer.from(asText).equals(Buffer.from(asBytes))).toBe(true);
    }
    expect(strFromU8(unzipSync(asBytes)["word/styles.xml"]!)).toBe(styles);
  });

  it("writes parts in the order given, readable back byte for byte, with the same bytes every time", () => {
    const parts = [
      ["[Content_Types].xml", enc("<Types/>")],
      ["word/document.xml", enc("<w:document>é".repeat(500) + "</w:document>")],
      ["word/media/empty.png", new Uint8Array()],
    ] as const;
    const zip = zipParts(parts);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(parts.map(([name]) => name));
    for (const [name, data] of parts) expect(strFromU8(back[name]!)).toBe(strFromU8(data));
    expect(Buffer.from(zipParts(parts)).equals(Buffer.from(zip))).toBe(true);
    // Compressed: the repeated text takes far less room than written out.
    expect(zip.length).toBeLessThan(parts[1][1].length / 10);
  });

  itWithTools("unzip")("dates every entry 1980-01-01 00:00 and passes unzip's own test", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-zip-"));
    writeFileSync(join(dir, "a.zip"), zipParts([["a.xml", enc("<a/>")]]));
    expect(spawnSync("unzip", ["-tq", join(dir, "a.zip")], { encoding: "utf8" }).status).toBe(0);
    expect(spawnSync("unzip", ["-l", join(dir, "a.zip")], { encoding: "utf8" }).stdout).toMatch(
      /1980-01-01 00:00|01-01-1980 00:00/,
    );
  });
});
