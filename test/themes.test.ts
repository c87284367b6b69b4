// Themes: theme.yaml checked with file:line:column messages, paths kept inside the project, images checked
// by content, the choice of theme by precedence, and a custom theme (logo, colours, own font, footer
// template) carried into both outputs.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { newTheme } from "../src/commands/themes.js";
import { loadConfig } from "../src/config/config.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { chooseTheme } from "../src/theme/choose-theme.js";
import { builtInThemes, loadThemeFile } from "../src/theme/load-theme.js";
import { itWithTools, pdfText, run } from "./helpers/tools.js";
import { makePng, pngHeaderOnly } from "./helpers/png.js";

const require = createRequire(import.meta.url);
const seed = readFileSync("examples/2022-09-23-gtm.md", "utf8");
const monoFont = require.resolve("@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf");

function project(): string {
  return mkdtempSync(join(tmpdir(), "minutes-theme-"));
}

function writeTheme(dir: string, yaml: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "theme.yaml");
  writeFileSync(path, yaml);
  return path;
}

const docxParts = (path: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(unzipSync(readFileSync(path))).map(([name, data]) => [
      name,
      name.startsWith("word/media/") ? `(${data.length} bytes)` : strFromU8(data),
    ]),
  );

describe("theme.yaml", () => {
  it("reports a bad value at its line and column, and an unknown key with a suggestion", () => {
    const root = project();
    const path = writeTheme(root, "name: house\ncolors:\n  primary: navy\nfoter: { text: x }\n");
    const { theme, diagnostics } = loadThemeFile(path, { projectDir: root });
    expect(theme).toBeUndefined();
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        file: path,
        line: 3,
        column: 12,
        severity: "error",
        message: expect.stringContaining("colors.primary"),
      }),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        line: 4,
        column: 1,
        severity: "warning",
        message: expect.stringContaining("did you mean `footer`"),
      }),
    );
  });

  it("reports invalid YAML at its place", () => {
    const root = project();
    const path = writeTheme(root, "name: house\ncolors: [\n");
    const { diagnostics } = loadThemeFile(path, { projectDir: root });
    expect(diagnostics[0]).toMatchObject({ file: path, severity: "error", rule: "theme-yaml" });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses a logo path that leaves the project folder, unless allowed", () => {
    const root = project();
    writeFileSync(join(root, "outside.png"), makePng(8, 4));
    const proj = join(root, "minutes");
    const path = writeTheme(join(proj, "house"), 'name: house\nlogo:\n  file: ../../outside.png\n  alt: "Logo"\n');
    const refused = loadThemeFile(path, { projectDir: proj });
    expect(refused.theme).toBeUndefined();
    expect(refused.diagnostics[0]).toMatchObject({
      line: 3,
      column: 9,
      severity: "error",
      message: expect.stringContaining("outside the project folder"),
    });
    expect(refused.diagnostics[0]!.hint).toContain("--allow-outside");
    const allowed = loadThemeFile(path, { projectDir: proj, allowOutside: [join(root, "outside.png")] });
    expect(allowed.theme?.logo?.type).toBe("png");
  });

  it("never fetches a remote logo", () => {
    const root = project();
    const path = writeTheme(root, 'name: house\nlogo: { file: "https://example.org/logo.png", alt: Logo }\n');
    const { diagnostics } = loadThemeFile(path, { projectDir: root, allowOutside: [root] });
    expect(diagnostics[0]).toMatchObject({
      line: 2,
      severity: "error",
      message: expect.stringContaining("web address"),
    });
    expect(diagnostics[0]!.hint).toMatch(/Download the file first/);
  });

  it("checks images by content: damaged, oversized and disguised files are clear errors", () => {
    const root = project();
    writeFileSync(join(root, "cut.png"), pngHeaderOnly(40, 20));
    writeFileSync(join(root, "huge.png"), pngHeaderOnly(20000, 10));
    writeFileSync(join(root, "text.png"), "this is not an image\n");
    const truncated = makePng(30, 30);
    writeFileSync(join(root, "truncated.png"), truncated.subarray(0, truncated.length - 20));
    const expectations: [string, RegExp][] = [
      ["cut.png", /damaged PNG/],
      ["huge.png", /at most 6000 pixels/],
      ["text.png", /not a PNG, JPEG or SVG image/],
      ["truncated.png", /damaged PNG/],
    ];
    for (const [file, message] of expectations) {
      const path = writeTheme(root, `name: house\nlogo: { file: ${file}, alt: Logo }\n`);
      const { theme, diagnostics } = loadThemeFile(path, { projectDir: root });
      expect(theme, file).toBeUndefined();
      expect(diagnostics[0]?.message, file).toMatch(message);
      expect(diagnostics[0]?.line, file).toBe(2);
    }
  });

  it("asks for font files for a family minutes does not ship, and checks them by content", () => {
    const root = project();
    writeFileSync(join(root, "fake.ttf"), "not a font");
    const named = loadThemeFile(writeTheme(root, "name: house\nfonts:\n  body: Calibri\n"), { projectDir: root });
    expect(named.diagnostics[0]).toMatchObject({
      line: 3,
      column: 9,
      message: expect.stringContaining("has no font files"),
    });
    const fake = loadThemeFile(
      writeTheme(root, "name: house\nfonts:\n  body: { family: House, regular: fake.ttf }\n"),
      { projectDir: root },
    );
    expect(fake.diagnostics[0]?.message).toMatch(/not a TrueType or OpenType font/);
    // The right signature over garbage: caught by the table directory, not by a crash in the renderer.
    const garbage = Buffer.alloc(4096, 7);
    garbage.writeUInt32BE(0x00010000, 0);
    garbage.writeUInt16BE(3, 4);
    writeFileSync(join(root, "garbage.ttf"), garbage);
    const broken = loadThemeFile(
      writeTheme(root, "name: house\nfonts:\n  body: { family: House, regular: garbage.ttf }\n"),
      { projectDir: root },
    );
    expect(broken.diagnostics[0]).toMatchObject({ line: 3, message: expect.stringMatching(/damaged font file/) });
    const cut = readFileSync(monoFont).subarray(0, 200_000);
    writeFileSync(join(root, "cut.ttf"), cut);
    const truncated = loadThemeFile(
      writeTheme(root, "name: house\nfonts:\n  body: { family: House, regular: cut.ttf }\n"),
      { projectDir: root },
    );
    expect(truncated.diagnostics[0]?.message).toMatch(/damaged font file/);
  });
});

describe("choosing a theme", () => {
  it("takes built-in defaults < config file < front matter < --theme", () => {
    const root = project();
    writeTheme(join(root, "house"), "name: house\n");
    writeFileSync(join(root, "minutes.config.yaml"), "theme: ./house\n");
    const input = join(root, "meeting.md");
    const config = loadConfig(join(root, "minutes.config.yaml")).config!;
    const parse = (theme?: string) =>
      parseMinutes(theme ? seed.replace("language: fr", `language: fr\ntheme: ${theme}`) : seed, { path: input })
        .minutes!;
    expect(chooseTheme(input, parse(), undefined, {}).theme?.name).toBe("compte-rendu");
    expect(chooseTheme(input, parse(), config, {}).theme?.name).toBe("house");
    expect(chooseTheme(input, parse("default"), config, {}).theme?.name).toBe("default");
    expect(chooseTheme(input, parse("default"), config, { flag: "compte-rendu" }).theme?.name).toBe("compte-rendu");
  });

  it("refuses a theme path that leaves the project folder", () => {
    const root = project();
    const input = join(root, "meeting.md");
    const minutes = parseMinutes(seed.replace("language: fr", "language: fr\ntheme: ../../etc"), { path: input })
      .minutes!;
    writeFileSync(input, seed.replace("language: fr", "language: fr\ntheme: ../../etc"));
    const { theme, diagnostics } = chooseTheme(input, minutes, undefined, {});
    expect(theme).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      file: input,
      line: 7,
      column: 8,
      message: expect.stringMatching(/outside the project folder/),
    });
  });
});

describe("minutes themes / theme new", () => {
  it("lists the built-in themes and copies one without overwriting", () => {
    expect(builtInThemes()).toEqual(["compte-rendu", "default"]);
    const root = project();
    const made = newTheme("house", "default", root);
    expect(made).toMatchObject({ ok: true });
    const yaml = readFileSync(join(root, "house", "theme.yaml"), "utf8");
    expect(yaml).toMatch(/^name: house$/m);
    expect(loadThemeFile(join(root, "house", "theme.yaml"), { projectDir: root }).theme?.layout.tables).toBe("lines");
    writeFileSync(join(root, "house", "theme.yaml"), "name: mine\n");
    expect(newTheme("house", "default", root)).toMatchObject({
      ok: false,
      message: expect.stringContaining("already exists"),
    });
    expect(readFileSync(join(root, "house", "theme.yaml"), "utf8")).toBe("name: mine\n");
  });
});

describe("building with themes", () => {
  for (const name of ["compte-rendu", "default"]) {
    itWithTools("pdftotext", "pandoc")(`builds the seed with the built-in ${name} theme`, async () => {
      const out = project();
      const result = await build("examples/2022-09-23-gtm.md", { out, themeRequest: { flag: name } });
      expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
      const text = pdfText(join(out, "2022-09-23-gtm.pdf"));
      expect(text).toContain("vendredi 23 septembre 2022");
      expect(text).toContain("Page 1 sur 4");
      const styles = docxParts(join(out, "2022-09-23-gtm.docx"))["word/styles.xml"]!;
      expect(styles).toContain(name === "default" ? '<w:color w:val="0F4C5C"/>' : '<w:color w:val="1F3864"/>');
      expect(styles).toContain('w:styleId="MinutesTable"');
    });
  }

  describe("a custom theme with a logo, colours, its own font and a footer template", () => {
    let root: string;
    let pdf: string;
    let docx: Record<string, string>;
    beforeAll(async () => {
      root = project();
      const house = join(root, "house");
      mkdirSync(join(house, "fonts"), { recursive: true });
      copyFileSync(monoFont, join(house, "fonts", "HouseSans-Regular.ttf"));
      writeFileSync(join(house, "logo.png"), makePng(120, 40, [139, 30, 63]));
      writeTheme(
        house,
        [
          "name: house",
          "organisation: Maison Commune",
          "fonts:",
          "  body: { family: House Sans, regular: fonts/HouseSans-Regular.ttf }",
          "colors:",
          '  primary: "8B1E3F"',
          '  accent: "F2A900"',
          '  tableHeaderFill: "F7E8EC"',
          "logo: { file: logo.png, placement: header-left, width: 60, alt: Logo de la Maison Commune }",
          'footer: { text: "{organisation} — {page}/{pages}", align: right }',
          "draft: { mark: banner }",
          "",
        ].join("\n"),
      );
      writeFileSync(join(root, "minutes.config.yaml"), "theme: ./house\n");
      writeFileSync(join(root, "meeting.md"), seed.replace("language: fr", "language: fr\nstatus: draft"));
      const result = await build(join(root, "meeting.md"));
      expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
      pdf = join(root, "meeting.pdf");
      docx = docxParts(join(root, "meeting.docx"));
    });

    itWithTools("pdffonts")("embeds the theme's own font in the PDF", () => {
      const fonts = run("pdffonts", [pdf]);
      expect(fonts).toMatch(/\+NotoSansMono-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(fonts).not.toMatch(/NotoSans-Regular/);
    });

    itWithTools("pdfimages", "qpdf")("draws the logo in the PDF once, as a Figure with its alt text", () => {
      const images = run("pdfimages", ["-list", pdf]).split("\n").slice(2).filter(Boolean);
      expect(images.length).toBeGreaterThanOrEqual(4);
      expect(new Set(images.map((l) => l.trim().split(/\s+/)[10]))).toEqual(
        new Set([images[0]!.trim().split(/\s+/)[10]]),
      );
      expect(images[0]).toMatch(/\s120\s+40\s+rgb/);
      const qdf = join(root, "qdf.pdf");
      run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]);
      const raw = readFileSync(qdf, "latin1");
      expect(raw).toMatch(/\/Alt \(Logo de la Maison Commune\)/);
      expect(raw).toMatch(/\/S \/Figure/);
    });

    itWithTools("pdftotext", "qpdf")(
      "fills the footer template and prints the French date, spacing and draft marking",
      () => {
        const text = pdfText(pdf);
        expect(text).toContain("Maison Commune — 1/4");
        expect(text).toContain("vendredi 23 septembre 2022");
        expect(text).toContain("PROJET");
        // pdftotext prints U+202F and U+00A0 as spaces; the fonts' ToUnicode maps show they are what was drawn.
        const qdf = join(root, "qdf2.pdf");
        run("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]);
        const raw = readFileSync(qdf, "latin1").toLowerCase();
        expect(raw).toContain("<202f>");
        expect(raw).toContain("<00a0>");
      },
    );

    it("puts the logo, colours, font, footer fields and draft banner in the DOCX", () => {
      const media = Object.keys(docx).filter((n) => n.startsWith("word/media/"));
      expect(media).toHaveLength(1);
      const header = docx["word/header1.xml"]!;
      expect(header).toMatch(/<wp:docPr [^>]*descr="Logo de la Maison Commune"/);
      expect(docx["word/document.xml"]).toMatch(
        /<w:pStyle w:val="DraftBanner"\/><\/w:pPr><w:r><w:t xml:space="preserve">PROJET</,
      );
      const styles = docx["word/styles.xml"]!;
      expect(styles).toContain('<w:color w:val="8B1E3F"/>');
      expect(styles).toMatch(/<w:bottom w:val="single" w:color="F2A900"/);
      expect(styles).toContain('w:ascii="House Sans"');
      const footer = Object.entries(docx).find(([n]) => /word\/footer\d\.xml/.test(n))![1];
      expect(footer).toContain("Maison Commune — ");
      expect(footer).toContain(">PAGE<");
      expect(footer).toContain(">NUMPAGES<");
      expect(docx["word/document.xml"]).toContain("F7E8EC");
      // French spacing reaches the DOCX too.
      expect(docx["word/document.xml"]).toContain("agit-il\u202f?");
    });
  });
});

describe("draft marking", () => {
  itWithTools("pdftotext")("puts a diagonal watermark on every page of both outputs when status is draft", async () => {
    const root = project();
    writeFileSync(join(root, "meeting.md"), seed.replace("language: fr", "language: fr\nstatus: draft"));
    const result = await build(join(root, "meeting.md"));
    expect(result.ok).toBe(true);
    const pdf = join(root, "meeting.pdf");
    // Diagonal text: pdftotext prints it letter group by letter group, and drops it with -nodiag.
    const letters = (args: string[]) =>
      run("pdftotext", [...args, "-f", "2", "-l", "2", pdf, "-"])
        .split("\n")
        .filter((l) => /^[PROJET]{1,3}$/.test(l.trim()))
        .join("");
    expect([...letters([])].sort().join("")).toBe([..."PROJET"].sort().join(""));
    expect(letters(["-nodiag"])).toBe("");
    const header = docxParts(join(root, "meeting.docx"))["word/header1.xml"]!;
    expect(header).toMatch(/<v:shape [^>]*type="#_x0000_t136"[^>]*>.*<v:textpath [^>]*string="PROJET"/);
  });
});

describe("languages", () => {
  it("ships complete label sets for fr, en, es, pt and de", async () => {
    const { labelsFor, labelKeys } = await import("../src/i18n/labels.js");
    for (const language of ["fr", "en", "es", "pt", "de"]) {
      const labels = labelsFor(language);
      for (const key of labelKeys) expect(labels[key as keyof typeof labels], `${language}.${key}`).toMatch(/\S/);
      expect(labels.pageOf).toMatch(/\{page\}.*\{pages\}/);
    }
    expect(labelsFor("es").agenda).toBe("Orden del día");
    expect(labelsFor("fr", { fr: { agenda: "Ordre du jour" } }).agenda).toBe("Ordre du jour");
  });

  it("fills header and footer templates, with the theme's labels and French spacing", async () => {
    const { layoutMinutes } = await import("../src/layout/layout-minutes.js");
    const minutes = parseMinutes(seed, { path: "m.md" }).minutes!;
    const layout = layoutMinutes(minutes, {
      labels: { fr: { agenda: "Ordre du jour :" } },
      header: { text: "{organisation} : {date}", firstPage: "", align: "right" },
      footer: { text: "{pageOf} ({title})", align: "center" },
      draft: { mark: "banner" },
      organisation: "Maison Commune",
    });
    expect(layout.agendaTitle).toBe("Ordre du jour\u00a0:");
    expect(layout.pageHeader.every).toEqual({
      pieces: ["Maison Commune\u00a0: vendredi 23 septembre 2022"],
      align: "right",
    });
    expect(layout.pageHeader.first.pieces).toEqual([]);
    expect(layout.pageFooter.every.pieces.slice(0, 4)).toEqual([
      "Page ",
      { field: "page" },
      " sur ",
      { field: "pages" },
    ]);
    expect(layout.footer(2, 5)).toBe(`Page 2 sur 5 (${minutes.meeting.title.replace(/ ([;!?])/g, "\u202f$1")})`);
    expect(layout.draft).toBeUndefined();
  });
});

describe("embedded fonts", () => {
  it("embeds the theme's fonts in the DOCX on request, with the same bytes each time", async () => {
    const out = project();
    const first = await build("examples/2022-09-23-gtm.md", {
      out,
      formats: ["docx"],
      themeRequest: { embedFonts: true },
    });
    expect(first.ok).toBe(true);
    const bytes = readFileSync(join(out, "2022-09-23-gtm.docx"));
    const parts = docxParts(join(out, "2022-09-23-gtm.docx"));
    expect(Object.keys(parts).filter((n) => n.startsWith("word/fonts/"))).toHaveLength(4);
    expect(parts["word/fontTable.xml"]).toMatch(
      /<w:font w:name="Noto Sans">.*<w:embedRegular r:id="rId\d+" w:fontKey="\{[0-9A-F-]{36}\}"\/>.*<w:embedBoldItalic /,
    );
    await build("examples/2022-09-23-gtm.md", { out, formats: ["docx"], themeRequest: { embedFonts: true } });
    expect(Buffer.compare(bytes, readFileSync(join(out, "2022-09-23-gtm.docx")))).toBe(0);
  });
});

describe("SVG logos", () => {
  const svg =
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="60" height="40" fill="#8B1E3F"/></svg>\n';

  it("needs a PNG or JPEG fallback, which the PDF draws", () => {
    const root = project();
    writeFileSync(join(root, "logo.svg"), svg);
    writeFileSync(join(root, "logo.png"), makePng(120, 40));
    const alone = loadThemeFile(writeTheme(root, "name: house\nlogo: { file: logo.svg, alt: Logo }\n"), {
      projectDir: root,
    });
    expect(alone.diagnostics[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining("needs a PNG or JPEG copy"),
    });
    const paired = loadThemeFile(
      writeTheme(root, "name: house\nlogo: { file: logo.svg, fallback: logo.png, width: 90, alt: Logo }\n"),
      { projectDir: root },
    );
    expect(paired.theme?.logo).toMatchObject({ type: "png", width: 90, height: 30 });
    expect(Buffer.from(paired.theme!.logo!.svg!).toString()).toContain("<svg");
  });

  it("goes into the DOCX as SVG with its PNG fallback", async () => {
    const root = project();
    writeFileSync(join(root, "logo.svg"), svg);
    writeFileSync(join(root, "logo.png"), makePng(120, 40));
    writeTheme(
      join(root, "t"),
      "name: t\nlogo: { file: ../logo.svg, fallback: ../logo.png, placement: title, alt: Logo }\n",
    );
    writeFileSync(join(root, "meeting.md"), seed.replace("language: fr", "language: fr\ntheme: ./t"));
    const result = await build(join(root, "meeting.md"), { formats: ["docx"] });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    const parts = docxParts(join(root, "meeting.docx"));
    const media = Object.keys(parts)
      .filter((n) => n.startsWith("word/media/"))
      .map((n) => n.split(".").pop());
    expect(media.sort()).toEqual(["png", "svg"]);
    expect(parts["word/document.xml"]).toMatch(/<wp:docPr [^>]*descr="Logo"/);
  });
});

describe("the command line", () => {
  const cli = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(process.cwd(), "bin/minutes.js"), ...args], { cwd, encoding: "utf8" });

  it("lists themes, copies one once, and checks a theme with file:line:column messages", () => {
    const root = project();
    const listed = cli(root, "themes");
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^compte-rendu\s+.+\ndefault\s+.+\n$/);
    expect(cli(root, "theme", "new", "house").status).toBe(0);
    const again = cli(root, "theme", "new", "house");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists; nothing was changed");
    writeFileSync(join(root, "house", "theme.yaml"), "name: house\npage:\n  size: A5\n");
    writeFileSync(join(root, "meeting.md"), seed);
    const checked = cli(root, "check", "meeting.md", "--theme", "./house");
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain(
      `${join(root, "house", "theme.yaml")}:3:9: error: \`page.size\` must be A4 or Letter.`,
    );
    const built = cli(root, "build", "meeting.md", "--theme", "https://example.org/theme");
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(/web address.*\n\s+hint: Download the file first/);
  });
});

describe("paths", () => {
  it("follows symbolic links before deciding a path is inside the project", async () => {
    const { symlinkSync } = await import("node:fs");
    const root = project();
    const proj = join(root, "p");
    mkdirSync(proj);
    writeFileSync(join(root, "secret.png"), makePng(4, 4));
    symlinkSync(join(root, "secret.png"), join(proj, "logo.png"));
    const { diagnostics } = loadThemeFile(writeTheme(proj, "name: p\nlogo: { file: logo.png, alt: L }\n"), {
      projectDir: proj,
    });
    expect(diagnostics[0]?.message).toMatch(/outside the project folder/);
  });
});
