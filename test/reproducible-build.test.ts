// Reproducible bytes through the CLI: the same input and SOURCE_DATE_EPOCH give the same sha256 for the PDF
// and the DOCX, whatever the time zone; without SOURCE_DATE_EPOCH the clock is the meeting date, so the
// output is still the same on every run. Also the --pdf-standard flag as a user types it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { build as buildFile } from "../src/build.js";
import { loadConfig } from "../src/config/config.js";
import { PdfObjects } from "./helpers/pdf-objects.js";

const seed = "examples/2022-09-23-gtm.md";
const stem = "2022-09-23-gtm";

/** Runs the built CLI with exactly the given environment variables besides PATH. */
function build(env: Record<string, string>, ...args: string[]): { dir: string; status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "minutes-repro-"));
  const r = spawnSync("bin/minutes.js", ["build", seed, "--out", dir, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return { dir, status: r.status, stderr: r.stderr };
}

const sha256 = (dir: string, ext: string): string =>
  createHash("sha256")
    .update(readFileSync(join(dir, `${stem}.${ext}`)))
    .digest("hex");

describe("reproducible builds", () => {
  const epoch = "1700000000"; // 2023-11-14T22:13:20Z
  let first: string;
  let again: string;
  let otherZone: string;
  let noEpoch: string;
  let meetingEpoch: string;

  beforeAll(() => {
    const runs = [
      build({ SOURCE_DATE_EPOCH: epoch, TZ: "UTC" }),
      build({ SOURCE_DATE_EPOCH: epoch, TZ: "UTC" }),
      build({ SOURCE_DATE_EPOCH: epoch, TZ: "Pacific/Kiritimati", LANG: "fr_FR.UTF-8" }),
      build({ TZ: "America/Los_Angeles" }),
      // 2022-09-23T00:00:00Z, the meeting date.
      build({ SOURCE_DATE_EPOCH: "1663891200", TZ: "UTC" }),
    ];
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    [first, again, otherZone, noEpoch, meetingEpoch] = runs.map((r) => r.dir) as [
      string,
      string,
      string,
      string,
      string,
    ];
  }, 120_000);

  for (const ext of ["pdf", "docx"]) {
    it(`gives the same ${ext.toUpperCase()} sha256 for the same SOURCE_DATE_EPOCH, in any time zone`, () => {
      expect(sha256(again, ext)).toBe(sha256(first, ext));
      expect(sha256(otherZone, ext)).toBe(sha256(first, ext));
    });

    it(`takes the meeting date as the clock without SOURCE_DATE_EPOCH (${ext.toUpperCase()})`, () => {
      expect(sha256(noEpoch, ext)).toBe(sha256(meetingEpoch, ext));
      expect(sha256(noEpoch, ext)).not.toBe(sha256(first, ext));
    });
  }

  it("writes SOURCE_DATE_EPOCH into both documents' dates", async () => {
    const pdf = await PdfObjects.load(readFileSync(join(first, `${stem}.pdf`)));
    expect(pdf.doc.getCreationDate()?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(pdf.doc.getModificationDate()?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(pdf.xmp()).toContain("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>");
    const core = strFromU8(unzipSync(readFileSync(join(first, `${stem}.docx`)))["docProps/core.xml"]!);
    expect(core).toContain(">2023-11-14T22:13:20Z</dcterms:created>");
    expect(core).toContain(">2023-11-14T22:13:20Z</dcterms:modified>");
  });

  it("ignores a SOURCE_DATE_EPOCH that is not a number of seconds", () => {
    const r = build({ SOURCE_DATE_EPOCH: "yesterday", TZ: "UTC" });
    expect(r.status).toBe(0);
    expect(sha256(r.dir, "pdf")).toBe(sha256(noEpoch, "pdf"));
  });
});

describe("minutes build --pdf-standard", () => {
  it("claims PDF/A-2a and PDF/UA-1 together when asked", async () => {
    const r = build({ SOURCE_DATE_EPOCH: "1700000000" }, "--format", "pdf", "--pdf-standard", "pdfa,ua");
    expect(r.status, r.stderr).toBe(0);
    const xmp = (await PdfObjects.load(readFileSync(join(r.dir, `${stem}.pdf`)))).xmp();
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
  });

  it("claims no standard with none, and stays tagged", async () => {
    const r = build({}, "--format", "pdf", "--pdf-standard", "none");
    expect(r.status, r.stderr).toBe(0);
    const pdf = await PdfObjects.load(readFileSync(join(r.dir, `${stem}.pdf`)));
    expect(pdf.xmp()).not.toContain("pdfaid");
    expect(pdf.dict(pdf.catalog, "StructTreeRoot")).toBeDefined();
  });

  it("exits 2 and says what to write on an unknown standard", () => {
    const r = build({}, "--pdf-standard", "PDF/X");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'minutes: --pdf-standard "PDF/X": use pdfa, ua, pdfa,ua or none\n  hint: minutes build --help shows what it accepts, with examples\n',
    );
  });
});

describe("pdfStandard in minutes.config.yaml", () => {
  const meeting = "---\ntitle: Board\ndate: 2024-01-10\n---\n\n## Item\n\nText.\n";
  function repo(config: string): { root: string; input: string } {
    const root = mkdtempSync(join(tmpdir(), "minutes-pdf-standard-"));
    writeFileSync(join(root, "minutes.config.yaml"), config);
    const input = join(root, "board.md");
    writeFileSync(input, meeting);
    return { root, input };
  }
  const xmpOf = async (root: string): Promise<string> =>
    (await PdfObjects.load(readFileSync(join(root, "board.pdf")))).xmp();

  it("applies below the flag", async () => {
    const { root, input } = repo("pdfStandard: [ua]\n");
    expect((await buildFile(input, { formats: ["pdf"] })).ok).toBe(true);
    let xmp = await xmpOf(root);
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmp).not.toContain("pdfaid:part");
    expect((await buildFile(input, { formats: ["pdf"], pdfStandards: ["pdfa"] })).ok).toBe(true);
    xmp = await xmpOf(root);
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(xmp).not.toContain("pdfuaid");
  });

  it("reports a standard it does not know at its line and column", () => {
    const { root } = repo("formats: [pdf]\npdfStandard: [pdfa, pdfx]\n");
    const { config, diagnostics } = loadConfig(join(root, "minutes.config.yaml"));
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([[2, 21, "error"]]);
    expect(diagnostics[0]!.message).toContain("must be pdfa or ua");
  });
});
