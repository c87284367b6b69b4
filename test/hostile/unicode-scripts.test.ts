// Hostile repositories, class "characters drawn as boxes": a meeting written in ten scripts. pdftotext reads
// the right text even where the PDF draws boxes (each box carries its character as ActualText), so these
// tests look at what is drawn:
// - which fonts the PDF embeds (pdffonts), and which characters are drawn as stand-in boxes (the ActualText
//   spans of the page's content stream: exactly the Chinese characters and the emoji, nothing else);
// - the warning (file:line:column, U+XXXX and the character, the package to install), and --strict;
// - the visual order of an Arabic line with a number, from pixels: the page is rendered with pdftoppm, and
//   each word of the line is drawn alone by pdfkit (which shapes one word correctly: fontkit joins the
//   letters and lays them out right to left) with the same font and size, rendered at the same resolution
//   and cropped to its ink. Each word is then searched along the line's band of the page by normalised
//   cross-correlation, which tolerates the sub-pixel offsets and anti-aliasing that exact pixel comparison
//   would not. Each word must be found (score ≥ 0.8) and the words must stand left to right in the order a
//   reader of Arabic sees them: the last word leftmost, the number "42" between its two neighbours, the first
//   word at the right margin. pdftotext is used only to find the line's height on the page, never the order;
//   - the DOCX: w:bidi on the right-to-left paragraph, w:rtl and the w:cs font on its runs, the complex-script
//   and East Asian fonts of the other scripts, and the fallback faces embedded with --embed-fonts.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { shippedFont } from "../../src/package/shipped-files.js";
import { installedOptionalFonts } from "../../src/render/fallback-fonts.js";
import { PdfObjects } from "../helpers/pdf-objects.js";
import { itWithTools, pdfText, plainCliEnv, run } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
// No NODE_PATH: an optional font package must be found only where minutes looks by itself.
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...plainCliEnv(), NODE_PATH: "" } });

const ARABIC_WITH_NUMBER = "مرحبا بكم في الاجتماع رقم 42 اليوم";
const CHINESE = "会议批准了预算。";
const lines = [
  "---",
  "title: Multilingual meeting",
  "date: 2024-03-05",
  "language: en",
  "attendees: [Amina Okafor, Lukas Weber]",
  "---",
  "",
  "## 1. Budget",
  "",
  "Arabic: الميزانية 2024 تمت الموافقة عليها (بالإجماع).",
  "",
  ARABIC_WITH_NUMBER,
  "",
  "Hebrew: התקציב אושר פה אחד.",
  "",
  "Devanagari: बैठक में बजट को मंज़ूरी दी गई।",
  "",
  "Thai: ที่ประชุมอนุมัติงบประมาณแล้ว",
  "",
  "Armenian: Բյուջեն հաստատվեց։",
  "",
  "Georgian: ბიუჯეტი დამტკიცდა.",
  "",
  "Ethiopic: በጀቱ ጸድቋል።",
  "",
  `Chinese: ${CHINESE}`,
  "",
  "Emoji: the vote passed 🎉 today.",
  "",
];
const meeting = lines.join("\n");
const lineOf = (text: string): number => lines.findIndex((l) => l.includes(text)) + 1;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-scripts-"));
  writeFileSync(join(dir, "scripts.md"), meeting);
  return dir;
}

describe("a meeting in ten scripts", () => {
  let dir: string;
  let build: ReturnType<typeof minutes>;
  beforeAll(() => {
    dir = project();
    build = minutes(dir, "build", "scripts.md");
  }, 60_000);

  it("finds no CJK or emoji font package on this machine (the premise of the warnings below)", () => {
    expect(installedOptionalFonts(dir, "en")).toEqual([]);
  });

  it("warns about the Chinese characters and the emoji, at their lines, with the package that has them", () => {
    expect(build.status).toBe(0);
    const chinese = lineOf(CHINESE);
    const emoji = lineOf("🎉");
    expect(build.stderr).toContain(
      `scripts.md:${chinese}:10: warning: No font has these 8 characters, so the PDF draws them as boxes: U+4F1A 会, U+8BAE 议, U+6279 批, U+51C6 准, U+4E86 了, U+9884 预, U+7B97 算, U+3002 。 (line ${chinese}). [font-missing-glyphs]`,
    );
    expect(build.stderr).toContain("npm install --global @expo-google-fonts/noto-sans-sc");
    expect(build.stderr).toContain(
      `scripts.md:${emoji}:24: warning: No font has this character, so the PDF draws it as a box: U+1F389 🎉 (line ${emoji}). [font-missing-glyphs]`,
    );
    expect(build.stderr).toContain("npm install --global @expo-google-fonts/noto-emoji");
    // Nothing else is reported missing: the seven shipped scripts are covered.
    expect(build.stderr.match(/font-missing-glyphs/g)).toHaveLength(2);
  });

  it("makes the missing glyphs an error under --strict: exit 1, nothing written", () => {
    const strictDir = project();
    const strict = minutes(strictDir, "build", "--strict", "scripts.md");
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(`scripts.md:${lineOf(CHINESE)}:10: error: No font has these 8 characters`);
    expect(strict.stderr).toContain(`scripts.md:${lineOf("🎉")}:24: error: No font has this character`);
    expect(existsSync(join(strictDir, "scripts.pdf"))).toBe(false);
    expect(existsSync(join(strictDir, "scripts.docx"))).toBe(false);
  });

  itWithTools("pdffonts")("embeds the shipped fallback faces of the scripts it draws", () => {
    const fonts = run("pdffonts", [join(dir, "scripts.pdf")]);
    for (const face of [
      "NotoSansArabic-Regular",
      "NotoSansHebrew-Regular",
      "NotoSansThai-Regular",
      "NotoSansArmenian-Regular",
      "NotoSansGeorgian-Regular",
      "NotoSansEthiopic-Regular",
    ]) {
      expect(fonts).toMatch(new RegExp(`\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    }
    // Devanagari is in the body face (Noto Sans has it), so its fallback is never opened.
    expect(fonts).not.toContain("NotoSansDevanagari");
  });

  it("draws boxes only for the characters no font has (the Chinese line and the emoji)", async () => {
    const pdf = await PdfObjects.load(readFileSync(join(dir, "scripts.pdf")));
    const content = Array.from({ length: pdf.pageCount }, (_, i) => pdf.pageContent(i)).join("\n");
    // A stand-in's Span is written on one line with its text object (text-line.ts's drawStandIn); a run with
    // marks gets one too, on lines of its own, so that its text reads back in order, and so does a right-to-left
    // glyph whose document text is another letter's (drawRun).
    const spans = [...content.matchAll(/\/ActualText <FEFF([0-9A-F]*)>>> BDC( BT |\nBT\n|\n\[)/g)].map((m) => ({
      text: Buffer.from(m[1]!, "hex").swap16().toString("utf16le"),
      standIn: m[2] === " BT ",
      glyph: m[2] === "\n[",
    }));
    for (const span of spans.filter((s) => s.glyph)) expect(span.text).toMatch(/^\p{sc=Arabic}?$/u);
    expect(
      spans
        .filter((span) => span.standIn)
        .map((span) => span.text)
        .join(""),
    ).toBe(`${CHINESE}🎉`);
    const marked = spans.filter((span) => !span.standIn && !span.glyph).map((span) => span.text);
    expect(marked.join(" ")).toContain("मंज़ूरी");
    expect(marked.join(" ")).toContain("ที่ประชุมอนุมัติงบประมาณแล้ว");
    for (const text of marked) expect(text).toMatch(/\p{M}/u);
  });

  itWithTools("pdftotext")("gives back each Arabic word with its own letters", () => {
    // Before the Spans per glyph: "مزجبا نكم في الإجيماع رفم", letters that share a dotless glyph read as the
    // first one drawn with it. pdftotext reorders right-to-left text itself and moves the spaces next to a number; the words are compared one by one.
    const words = pdfText(join(dir, "scripts.pdf"))
      .replace(/[\u202a-\u202e]/g, "")
      .split(/[\s().\d]+/);
    const arabic = `${ARABIC_WITH_NUMBER} الميزانية تمت الموافقة عليها بالإجماع`
      .split(" ")
      .filter((w) => /\p{sc=Arabic}/u.test(w));
    expect(arabic).toHaveLength(11);
    for (const word of arabic) expect(words).toContain(word);
  });

  itWithTools("pdftotext")("gives back the text of the left-to-right scripts with marks, in order", () => {
    // Before the ActualText spans: the Thai line read "ประชุมอนุมัติ" with its tone mark on a line of its own, and
    // Devanagari vowel signs came before their consonant (ि of कि drawn first).
    const text = pdfText(join(dir, "scripts.pdf"));
    for (const line of lines.filter((l) => /^(Devanagari|Thai|Armenian|Georgian|Ethiopic):/.test(l)))
      expect(text).toContain(line);
  });

  itWithTools("pdftoppm", "pdftotext")(
    "sets the Arabic line with a number in visual order, read from the rendered page",
    async () => {
      const dpi = 150;
      const page = renderPage(join(dir, "scripts.pdf"), dpi);
      // The line's band, from the bounding box poppler gives the number "42" (the only "42" of the page).
      const bbox = run("pdftotext", ["-f", "1", "-l", "1", "-bbox", join(dir, "scripts.pdf"), "-"]);
      const box = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">42<\/word>/.exec(bbox);
      expect(box).not.toBeNull();
      const band = {
        top: Math.floor((Number(box![2]) * dpi) / 72) - 8,
        bottom: Math.ceil((Number(box![3]) * dpi) / 72) + 8,
      };
      const arabic = shippedFont("noto-sans-arabic-regular");
      const latin = shippedFont("noto-sans-regular");
      // Left to right as seen: the logical order reversed, the number kept as written.
      const seen = [
        { word: "اليوم", font: arabic },
        { word: "42", font: latin },
        { word: "رقم", font: arabic },
        { word: "الاجتماع", font: arabic },
        { word: "مرحبا", font: arabic },
      ];
      const found = [];
      for (const { word, font } of seen)
        found.push({ word, ...bestMatch(page, await referenceWord(word, font, 10.5, dpi), band) });
      for (const f of found) expect(f.score, `${f.word} found at x=${f.x}`).toBeGreaterThan(0.8);
      const xs = found.map((f) => f.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      // A right-to-left paragraph is set from the right: its first word ends at the right margin (62 pt).
      const last = found[found.length - 1]!;
      const rightMargin = ((595.28 - 62) * dpi) / 72;
      expect(Math.abs(last.x + last.width - rightMargin)).toBeLessThan(6);
    },
  );

  it("marks the DOCX runs and paragraphs right to left and names the fonts that have each script", () => {
    const parts = unzipSync(readFileSync(join(dir, "scripts.docx")));
    const doc = strFromU8(parts["word/document.xml"]!);
    const paragraph = (text: string) => doc.split("</w:p>").find((p) => p.includes(text))!;
    const rtl = paragraph("مرحبا بكم");
    expect(rtl).toMatch(/<w:pPr>.*<w:bidi\/>.*<\/w:pPr>/);
    expect(rtl).toContain(
      `<w:r><w:rPr><w:rFonts w:cs="Noto Sans Arabic"/><w:rtl/><w:lang w:bidi="ar-SA"/></w:rPr><w:t xml:space="preserve">${ARABIC_WITH_NUMBER}</w:t></w:r>`,
    );
    // A left-to-right paragraph with an Arabic phrase: no w:bidi, the phrase (with its brackets) one w:rtl run.
    const mixed = paragraph("الميزانية");
    expect(mixed).not.toContain("<w:bidi/>");
    expect(mixed).toContain(
      '<w:rFonts w:cs="Noto Sans Arabic"/><w:rtl/><w:lang w:bidi="ar-SA"/></w:rPr><w:t xml:space="preserve">الميزانية 2024 تمت الموافقة عليها (بالإجماع)</w:t>',
    );
    expect(paragraph("התקציב")).toContain('<w:rFonts w:cs="Noto Sans Hebrew"/><w:rtl/>');
    expect(paragraph("बैठक")).toContain('<w:rFonts w:cs="Noto Sans Devanagari"/>');
    expect(paragraph("ที่ประชุม")).toContain('<w:rFonts w:cs="Noto Sans Thai"/>');
    expect(paragraph("Բյուջեն")).toContain(
      '<w:rFonts w:ascii="Noto Sans Armenian" w:cs="Noto Sans Armenian" w:hAnsi="Noto Sans Armenian"/>',
    );
    expect(paragraph("ბიუჯეტი")).toContain('w:ascii="Noto Sans Georgian"');
    expect(paragraph("በጀቱ")).toContain('w:ascii="Noto Sans Ethiopic"');
    expect(paragraph("会议")).toContain('<w:rFonts w:eastAsia="Noto Sans SC" w:hint="eastAsia"/>');
    // Latin text keeps one plain run.
    expect(paragraph("Emoji:")).not.toContain("w:rFonts");
  });

  it("embeds the fallback faces in the DOCX with --embed-fonts", () => {
    const embedDir = project();
    const r = minutes(embedDir, "build", "--embed-fonts", "-f", "docx", "scripts.md");
    expect(r.status).toBe(0);
    const table = strFromU8(unzipSync(readFileSync(join(embedDir, "scripts.docx")))["word/fontTable.xml"]!);
    for (const family of ["Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Thai", "Noto Sans Ethiopic"]) {
      expect(table).toMatch(new RegExp(`<w:font w:name="${family}">.*?<w:embedRegular [^>]*r:id=`));
    }
  });
});

describe("fallback fonts a project brings", () => {
  itWithTools("pdffonts")("tries the theme's fonts.fallbacks before the shipped ones", () => {
    const dir = project();
    mkdirSync(join(dir, "theme", "fonts"), { recursive: true });
    // A face that is recognisably not the shipped regular Hebrew: the shipped bold one, under another name.
    copyFileSync(shippedFont("noto-sans-hebrew-bold"), join(dir, "theme", "fonts", "hebrew.ttf"));
    writeFileSync(
      join(dir, "theme", "theme.yaml"),
      "name: scripts\nfonts:\n  fallbacks:\n    - { family: My Hebrew, regular: fonts/hebrew.ttf }\n",
    );
    const r = minutes(dir, "build", "-f", "pdf", "--theme", "./theme", "scripts.md");
    expect(r.status).toBe(0);
    const fonts = run("pdffonts", [join(dir, "scripts.pdf")]);
    expect(fonts).toContain("+NotoSansHebrew-Bold");
    expect(fonts).not.toContain("NotoSansHebrew-Regular");
  });

  it("finds a CJK package installed in the project's node_modules, from a meeting in a subfolder", () => {
    const dir = project();
    const pkg = join(dir, "node_modules", "@expo-google-fonts", "noto-sans-jp");
    mkdirSync(join(pkg, "400Regular"), { recursive: true });
    copyFileSync(shippedFont("noto-sans-regular"), join(pkg, "400Regular", "NotoSansJP_400Regular.ttf"));
    mkdirSync(join(dir, "minutes"));
    const found = installedOptionalFonts(join(dir, "minutes"), "ja");
    expect(found.map((f) => [f.family, f.files.regular, f.files.bold])).toEqual([
      [
        "Noto Sans JP",
        join(pkg, "400Regular", "NotoSansJP_400Regular.ttf"),
        join(pkg, "400Regular", "NotoSansJP_400Regular.ttf"),
      ],
    ]);
  });
});

describe("font packages planted in a pull request", () => {
  const planted = (dir: string): string => {
    const folder = join(dir, "node_modules", "@expo-google-fonts", "noto-sans-sc", "400Regular");
    mkdirSync(folder, { recursive: true });
    return join(folder, "NotoSansSC_400Regular.ttf");
  };

  it("passes over a file that is not a font: the characters are reported, no crash", () => {
    const dir = project();
    writeFileSync(planted(dir), "not a font at all, but a text file named like one\n");
    const r = minutes(dir, "build", "-f", "pdf", "scripts.md");
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`scripts.md:${lineOf(CHINESE)}:10: warning: No font has these 8 characters`);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it("ignores a symbolic link that leads out of the project folder", () => {
    const dir = project();
    symlinkSync(shippedFont("noto-sans-regular"), planted(dir));
    expect(installedOptionalFonts(dir, "zh")).toEqual([]);
  });
});

interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A binary PGM (P5, 8 bits) as written by pdftoppm -gray. */
function readPgm(path: string): Grey {
  const bytes = readFileSync(path);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error(`${path} is not an 8-bit PGM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

function renderPage(pdf: string, dpi: number): Grey {
  const stem = `${pdf}-page`;
  run("pdftoppm", ["-r", String(dpi), "-gray", "-f", "1", "-l", "1", "-singlefile", pdf, stem]);
  return readPgm(`${stem}.pgm`);
}

/** One word drawn alone by pdfkit in `font` at `size`, rendered at `dpi` and cropped to its ink (plus one pixel). */
async function referenceWord(word: string, font: string, size: number, dpi: number): Promise<Grey> {
  const dir = mkdtempSync(join(tmpdir(), "minutes-glyphs-"));
  const doc = new PDFDocument({ size: [200, 40], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((done) => doc.on("end", done));
  doc.font(font).fontSize(size).text(word, 20, 10, { lineBreak: false });
  doc.end();
  await ended;
  const path = join(dir, "word.pdf");
  writeFileSync(path, Buffer.concat(chunks));
  const image = renderPage(path, dpi);
  let [left, top, right, bottom] = [image.width, image.height, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x]! >= 160) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  [left, top, right, bottom] = [left - 1, top - 1, right + 1, bottom + 1];
  const width = right - left + 1;
  const height = bottom - top + 1;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    pixels.set(
      image.pixels.subarray((top + y) * image.width + left, (top + y) * image.width + left + width),
      y * width,
    );
  return { width, height, pixels };
}

/** Where the template best matches the page inside the rows of `band`: normalised cross-correlation (1 is a perfect match). */
function bestMatch(
  page: Grey,
  template: Grey,
  band: { top: number; bottom: number },
): { x: number; width: number; score: number } {
  const n = template.width * template.height;
  let mean = 0;
  for (const v of template.pixels) mean += v;
  mean /= n;
  const t = Float64Array.from(template.pixels, (v) => v - mean);
  const tNorm = Math.sqrt(t.reduce((s, v) => s + v * v, 0));
  let best = { x: -1, width: template.width, score: -1 };
  for (let y0 = Math.max(0, band.top); y0 + template.height <= Math.min(page.height, band.bottom); y0++) {
    for (let x0 = 0; x0 + template.width <= page.width; x0++) {
      let sum = 0;
      let sumSq = 0;
      let cross = 0;
      for (let y = 0; y < template.height; y++) {
        const row = (y0 + y) * page.width + x0;
        for (let x = 0; x < template.width; x++) {
          const v = page.pixels[row + x]!;
          sum += v;
          sumSq += v * v;
          cross += v * t[y * template.width + x]!;
        }
      }
      const variance = sumSq - (sum * sum) / n;
      if (variance <= 0) continue;
      const score = cross / (Math.sqrt(variance) * tNorm);
      if (score > best.score) best = { x: x0, width: template.width, score };
    }
  }
  return best;
}
