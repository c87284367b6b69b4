// The HTML page (src/render/html/): the seed's structure (one h1, the agenda linked to the items' h2, tables
// with header cells and captions, the layout's column proportions, lang and dir, the PDF's page in print, the
// theme's fonts inlined), reproducible bytes, the follow-up section, draft marking, logo and next meeting,
// right-to-left pages, and the wiring: build --format, the batch's manifest and index, the action register.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, check } from "../src/build.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { htmlPage } from "../src/render/html/render-html.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import { pageElements, visibleText } from "./helpers/html-page.js";
import { seed, tempDir } from "./helpers/minutes-repo.js";
import { makePng } from "./helpers/png.js";
import { plainCliEnv } from "./helpers/tools.js";

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [resolve("bin/minutes.js"), ...args], { encoding: "utf8", env: plainCliEnv() });
const attr = (e: { attrs: [string, string][] }, name: string) => e.attrs.find(([n]) => n === name)?.[1];
const style = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";

describe("the seed's HTML page", () => {
  let html: string;
  let elements: ReturnType<typeof pageElements>;
  const dir = tempDir("html-seed");

  beforeAll(async () => {
    const result = await build(seed, { out: dir, formats: ["html"] });
    expect(result.outputs.map((o) => o.format)).toEqual(["html"]);
    html = readFileSync(join(dir, "2022-09-23-gtm.html"), "utf8");
    elements = pageElements(html);
  });

  it("says its language and direction, and its title", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr" dir="ltr">/);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe(
      "Compte-rendu de la réunion du Groupe de Technique sur la Migration – Coordination et partage de l&#39;information".replace(
        "&#39;",
        "'",
      ),
    );
  });

  it("has one h1, an h2 for the agenda and for each item, and agenda links that reach the items' headings", () => {
    expect(elements.filter((e) => e.tag === "h1")).toHaveLength(1);
    const ids = elements.filter((e) => e.tag === "h2").map((e) => attr(e, "id"));
    expect(ids).toEqual(["agenda", "item-1", "item-2", "item-3", "item-4"]);
    const links = elements.filter((e) => e.tag === "a").map((e) => attr(e, "href"));
    expect(links).toEqual(["#item-1", "#item-2", "#item-3", "#item-4"]);
    // Each link's text is its item's heading without the number.
    for (const n of [1, 2, 3, 4]) {
      const heading = new RegExp(`<h2 id="item-${n}" dir="auto">\\d+\\. ([^<]*)</h2>`).exec(html)?.[1];
      expect(html, `item ${n}`).toContain(`<a href="#item-${n}">${heading}</a>`);
    }
  });

  it("gives every table a caption and every header cell a scope, and the action tables the layout's proportions", async () => {
    const tables = html.split("<table").slice(1);
    expect(tables.length).toBe(5);
    for (const table of tables) expect(table).toMatch(/^[^>]*>\n<caption class="visually-hidden">[^<]+<\/caption>/);
    const ths = elements.filter((e) => e.tag === "th");
    expect(ths.length).toBeGreaterThan(10);
    for (const th of ths) expect(["row", "col"]).toContain(attr(th, "scope"));
    const checked = await check(seed);
    const layout = layoutMinutes(checked.minutes!, checked.theme!);
    const weights = layout.items[0]!.actions!.weights;
    const cls = /<table class="actions (cols-\d+)">/.exec(html)?.[1];
    const shares = [
      ...style(html).matchAll(
        new RegExp(`\\.${cls} > colgroup > col:nth-child\\(\\d\\) \\{ width: ([\\d.]+)%; \\}`, "g"),
      ),
    ].map((m) => Number(m[1]));
    const total = weights.reduce((a, b) => a + b, 0);
    expect(shares).toHaveLength(weights.length);
    shares.forEach((share, i) => expect(share).toBeCloseTo((100 * weights[i]!) / total, 2));
  });

  it("prints on the PDF's page: A4, the theme's margins, the running header and the page numbers", () => {
    const css = style(html);
    expect(css).toContain("@page { size: A4; margin: 72pt 62pt 64pt 62pt;");
    expect(css).toMatch(/@bottom-center \{ content: "Page " counter\(page\) " sur " counter\(pages\);/);
    expect(css).toMatch(/@top-left \{ content: "Compte-rendu de la r/);
    expect(css).toContain("tr { break-inside: avoid; }");
  });

  it("carries the theme's four Noto Sans faces and the symbols face, cut down to the document's characters, as WOFF", () => {
    const faces = [
      ...style(html).matchAll(
        /@font-face \{ font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+);[^}]*url\(data:font\/woff;base64,([A-Za-z0-9+/=]+)\)/g,
      ),
    ];
    expect(faces.map((f) => `${f[1]} ${f[2]} ${f[3]}`)).toEqual([
      "Noto Sans 400 normal",
      "Noto Sans 700 normal",
      "Noto Sans 400 italic",
      "Noto Sans 700 italic",
      // The seed's arrows (➤), which Noto Sans lacks: the PDF draws them in the symbols face too.
      "Noto Sans Symbols 2 400 normal",
    ]);
    // Each subset, compressed as WOFF, is a small fraction of its 600 KB font (7 KB here), and the page stays small.
    for (const f of faces) {
      const font = Buffer.from(f[4]!, "base64");
      expect(font.subarray(0, 4).toString("latin1")).toBe("wOFF");
      expect(font.length).toBeLessThan(15_000);
    }
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });

  it("is the same bytes from the same input", async () => {
    const again = tempDir("html-seed-again");
    await build(seed, { out: again, formats: ["html"] });
    expect(readFileSync(join(again, "2022-09-23-gtm.html"), "utf8")).toBe(html);
  });
});

describe("what the layout adds to a page", () => {
  it("draws the follow-up section with the theme's labels, before the items", async () => {
    const dir = tempDir("html-follow-up");
    const result = await build("test/fixtures/parity/2024-02-14-board.md", {
      out: dir,
      formats: ["html"],
      strict: false,
    });
    expect(result.ok).toBe(true);
    const html = readFileSync(join(dir, "2024-02-14-board.html"), "utf8");
    const followUp = html.indexOf('<section class="item" aria-labelledby="follow-up">');
    expect(followUp).toBeGreaterThan(0);
    expect(followUp).toBeLessThan(html.indexOf('id="item-1"'));
    const table = html.slice(followUp, html.indexOf("</table>", followUp));
    expect(table).toContain('<th scope="col">Task</th>');
    expect(table).toContain('<th scope="col">Due by</th>');
    expect(table).toContain('<th scope="col">State</th>');
  });

  it("draws the draft banner or watermark, the logo, the next meeting, and a right-to-left page", async () => {
    const dir = tempDir("html-extras");
    mkdirSync(join(dir, "house"));
    writeFileSync(
      join(dir, "house", "theme.yaml"),
      'name: house\nlogo: { file: logo.svg, fallback: logo.png, placement: title, width: 60, alt: "Harbour logo" }\ndraft: { mark: banner }\n',
    );
    writeFileSync(
      join(dir, "house", "logo.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" onload="alert(1)"><script>alert(2)</script><rect width="60" height="30" fill="#1F3864"/></svg>',
    );
    writeFileSync(join(dir, "house", "logo.png"), makePng(60, 30));
    const meeting = (extra: string, body = "## 1. Budget\n\nText.\n") =>
      `---\ntitle: Board\ndate: 2024-03-05\n${extra}---\n\n${body}`;
    writeFileSync(
      join(dir, "a.md"),
      meeting("language: en\nstatus: draft\ntheme: ./house\nnext_meeting: 2024-04-02\n"),
    );
    writeFileSync(join(dir, "b.md"), meeting("language: en\nstatus: draft\n"));
    writeFileSync(join(dir, "c.md"), meeting("language: en\n", "## 1. תקציב\n\nהוועד אישר את התקציב.\n"));
    for (const name of ["a", "b", "c"]) {
      const result = await build(join(dir, `${name}.md`), { formats: ["html"], strict: false, config: null });
      expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    }
    const a = readFileSync(join(dir, "a.html"), "utf8");
    expect(a).toContain('<p class="draft-banner">DRAFT</p>');
    const logo = pageElements(a).find((e) => e.tag === "img");
    expect(attr(logo!, "alt")).toBe("Harbour logo");
    const svg = Buffer.from(attr(logo!, "src")!.replace("data:image/svg+xml;base64,", ""), "base64").toString();
    expect(svg).toContain("<rect");
    expect(svg).not.toMatch(/script|onload/);
    expect(visibleText(a)).toMatch(/Next meeting: .*2024/);
    const b = readFileSync(join(dir, "b.html"), "utf8");
    expect(b).toContain('<div class="watermark" aria-hidden="true"><span>DRAFT</span></div>');
    const c = readFileSync(join(dir, "c.html"), "utf8");
    // Each paragraph takes its direction from its first strong letter, as the PDF's bidi does (bidi-line.ts).
    expect(c).toContain('<p dir="auto">הוועד אישר את התקציב.</p>');
    expect(c).toContain('<h2 id="item-1" dir="auto">1. תקציב</h2>');
    // Hebrew letters come from the shipped Hebrew face, inlined too.
    expect(style(c)).toMatch(/@font-face \{ font-family: "Noto Sans Hebrew"/);
  });

  it("repeats a header logo on every printed page, at its drawn size, beside the header's text", async () => {
    const checked = await check(seed);
    const theme = { ...checked.theme! };
    theme.logo = {
      image: makePng(120, 40),
      type: "png",
      width: 60,
      height: 20,
      placement: "header-right",
      alt: "Logo",
    };
    theme.header = { text: "{title}", align: "right" };
    const html = htmlPage(layoutMinutes(checked.minutes!, theme), { theme, timestamp: new Date(0) });
    const every = /@page \{[^@]*(@[\s\S]*?)\n\}\n@page :first/.exec(style(html))?.[1] ?? "";
    // The text and then the logo in the right-hand box; the other boxes stay empty.
    const right =
      /@top-right \{ content: "Compte-rendu[^"]*" "[^"]*" url\("data:image\/svg\+xml;base64,([^"]+)"\);/.exec(every);
    expect(right).not.toBeNull();
    const svg = Buffer.from(right![1]!, "base64").toString();
    expect(svg).toMatch(/^<svg [^>]*width="60pt" height="20pt"/);
    expect(svg).toContain('xlink:href="data:image/png;base64,');
    expect(every).not.toMatch(/@top-(left|center)/);
  });

  it("prints list numbers and task states as text hung before the item, as the PDF does", () => {
    const markdown =
      "---\ntitle: Lists\ndate: 2024-03-05\nlanguage: en\n---\n\n## 1. Work\n\n9. Nine\n10. Ten\n\n- [x] Done\n- [ ] Open\n- Plain\n";
    const { minutes } = parseMinutes(markdown, { path: "lists.md" });
    const theme = defaultTheme();
    const html = htmlPage(layoutMinutes(minutes!, theme), { theme, timestamp: new Date(0) });
    expect(html).toContain('<ol class="numbers hang-3" start="9">');
    expect(html).toContain('<li class="labelled" dir="auto"><span class="label">10.</span>Ten</li>');
    expect(html).toContain('<li class="labelled" dir="auto"><span class="label">[x]</span>Done</li>');
    expect(html).toContain('<li dir="auto">Plain</li>');
    expect(visibleText(html)).toContain("9. Nine 10. Ten [x] Done [ ] Open Plain");
  });

  it("draws only from the layout: a layout's own labels and headings reach the page as they are", async () => {
    const checked = await check(seed);
    const layout = layoutMinutes(checked.minutes!, checked.theme!);
    layout.agendaTitle = "Agenda of the day";
    layout.items[0]!.sections[0]!.label = "What was said";
    layout.items[0]!.actions!.columns = ["What", "Who", "When"];
    layout.items[1]!.banner = "Confidential";
    layout.signatures = [{ type: "paragraph", children: [{ type: "text", value: "The Chair, signed" }] }];
    layout.status = "Approved";
    const html = htmlPage(layout, { theme: checked.theme!, timestamp: new Date(0) });
    expect(html).toContain('<h2 id="agenda">Agenda of the day</h2>');
    expect(htmlPage({ ...layout, language: "ar" }, { theme: checked.theme!, timestamp: new Date(0) })).toMatch(
      /^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/,
    );
    expect(html).toContain('<h3 dir="auto">What was said</h3>');
    expect(html).toMatch(/<h2 id="item-2" dir="auto">[^<]*<\/h2>\n<p class="draft-banner">Confidential<\/p>/);
    expect(html).toMatch(/<div class="signatures">\n<p dir="auto">The Chair, signed<\/p>\n<\/div>\n<\/main>/);
    expect(html).toContain('<meta name="keywords" content="Approved">');
    expect(html).toContain(
      '<thead><tr><th scope="col">What</th><th scope="col">Who</th><th scope="col">When</th></tr></thead>',
    );
  });
});

describe("--format html through the CLI, the batch and the register", () => {
  const repo = tempDir("html-batch");
  const out = join(repo, "site");
  beforeAll(() => {
    mkdirSync(join(repo, "2022"));
    copyFileSync(seed, join(repo, "2022", "2022-09-23-gtm.md"));
    copyFileSync("examples/2024-03-05-steering-committee.md", join(repo, "2024-03-05-steering-committee.md"));
  });

  it("builds docx,pdf,html for a folder, records the HTML in the manifest and links it from the index", () => {
    const run = cli("build", repo, "--out", out, "--format", "docx,pdf,html", "--quiet");
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, ".minutes-manifest.json"), "utf8")) as {
      files: Record<string, { outputs: string[] }>;
    };
    expect(Object.values(manifest.files).map((f) => f.outputs.filter((o) => o.endsWith(".html")))).toEqual(
      expect.arrayContaining([["2022/2022-09-23-gtm.html"], ["2024-03-05-steering-committee.html"]]),
    );
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('<a href="./2022/2022-09-23-gtm.html">HTML<span class="visually-hidden">');
    expect(readFileSync(join(out, "2022", "2022-09-23-gtm.html"), "utf8")).toContain("<h1");
  });

  it("takes html from the config's formats", () => {
    const project = tempDir("html-config");
    writeFileSync(join(project, "minutes.config.yaml"), "formats: [pdf, html]\n");
    copyFileSync("examples/2024-03-05-steering-committee.md", join(project, "m.md"));
    const run = cli("build", join(project, "m.md"));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(readFileSync(join(project, "m.html"), "utf8")).toContain('<html lang="en" dir="ltr">');
    expect(readFileSync(join(project, "m.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses an unknown format in a list that names html", () => {
    const run = cli("build", seed, "--format", "html,odt");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("odt");
    expect(run.stderr).toContain("html");
  });

  it("writes the action register as a page: minutes actions -f html", () => {
    const path = join(repo, "register.html");
    const run = cli("actions", repo, "-f", "html", "-o", path, "--today", "2024-04-01");
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path, "utf8");
    const elements = pageElements(html);
    expect(elements.filter((e) => e.tag === "h1")).toHaveLength(1);
    expect(elements.filter((e) => e.tag === "h2").map((e) => attr(e, "id"))).toEqual(["item-1", "item-2"]);
    expect(visibleText(html)).toContain("Compare the two hosting offers");
    expect(elements.filter((e) => e.tag === "script")).toEqual([]);
  });
});
