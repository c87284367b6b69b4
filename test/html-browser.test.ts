// The HTML pages in a real browser (headless Chromium, driven by playwright-core): the seed's page has the
// PDF's words in the PDF's order, loads nothing but itself (no request, no policy violation, no font
// rejected), reads on a phone without sideways scrolling, prints on as many pages as the PDF, and axe-core
// finds no accessibility violation in the meeting page, the index page and the action register's page.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { build, check } from "../src/build.js";
import type { DocumentLayout } from "../src/layout/document-layout.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { pageLineText } from "../src/layout/page-template.js";
import { launchChromium, type TestBrowser } from "./helpers/browser.js";
import { seed, tempDir } from "./helpers/minutes-repo.js";
import { itWithTools, plainCliEnv, run } from "./helpers/tools.js";
import { inOrderShare, missingWords } from "./helpers/word-coverage.js";

const axeSource = readFileSync(resolve("node_modules/axe-core/axe.min.js"), "utf8");
const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
const withChromium = itWithTools("chromium", "pdftotext", "pdfinfo");

describe("the HTML pages in headless Chromium", () => {
  const dir = tempDir("html-browser");
  const site = join(dir, "site");
  let browser: TestBrowser | undefined;

  beforeAll(async () => {
    const built = await build(seed, { out: dir, formats: ["pdf", "html"] });
    expect(built.ok).toBe(true);
    mkdirSync(join(dir, "repo", "2022"), { recursive: true });
    copyFileSync(seed, join(dir, "repo", "2022", "2022-09-23-gtm.md"));
    copyFileSync("examples/2024-03-05-steering-committee.md", join(dir, "repo", "2024-03-05-steering-committee.md"));
    const env = plainCliEnv();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [resolve("bin/minutes.js"), ...args], { encoding: "utf8", env });
    const batch = cli("build", join(dir, "repo"), "--out", site, "--format", "pdf,html", "--quiet");
    expect(batch.status, batch.stderr).toBe(0);
    const register = cli(
      "actions",
      join(dir, "repo"),
      "-f",
      "html",
      "-o",
      join(site, "actions.html"),
      "--today",
      "2024-04-01",
    );
    expect(register.status, register.stderr).toBe(0);
    if (useBrowser()) browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const useBrowser = () => Boolean(process.env.CI) || spawnSync("sh", ["-c", "command -v chromium"]).status === 0;

  /** Opens a page, recording every request it makes and every console message (CSP violations, rejected fonts). */
  async function open(path: string, width = 1024): Promise<{ page: Page; requests: string[]; console: string[] }> {
    const page = await browser!.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const requests: string[] = [];
    const console: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => console.push(`${m.type()}: ${m.text()}`));
    await page.goto(pathToFileURL(path).href);
    await page.evaluate(() => document.fonts.ready);
    return { page, requests, console };
  }

  async function axeViolations(page: Page): Promise<unknown[]> {
    // Evaluated by the DevTools protocol, which the page's policy does not govern; the page itself runs no script.
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      type Result = { violations: unknown[]; passes: unknown[] };
      const axe = (globalThis as unknown as { axe: { run: (c: Document) => Promise<Result> } }).axe;
      const { violations, passes } = await axe.run(document);
      return { violations, passes: passes.length };
    });
    // axe ran its rules (contrast, headings, tables, landmarks, names…): an empty list means they passed.
    expect(result.passes).toBeGreaterThan(15);
    return result.violations;
  }

  /** The words of a PDF without its running header and footer lines, which the page prints once (header) or in print only (page numbers). */
  async function pdfBodyWords(input: string, pdf: string): Promise<string[]> {
    const checked = await check(input, { config: null });
    const layout = layoutMinutes(checked.minutes!, checked.theme!);
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
    const body = Array.from({ length: pages }, (_, i) => {
      let text = fold(run("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"]));
      for (const line of [
        i === 0 ? layout.pageHeader.first : layout.pageHeader.every,
        i === 0 ? layout.pageFooter.first : layout.pageFooter.every,
      ])
        text = text.replace(fold(pageLineText(line, i + 1, pages)), " ");
      return text;
    }).join(" ");
    return body.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w));
  }

  // The seed; an English meeting with a numbered list, a table, a quote and code; a German one whose
  // numbered list is cut by a bulleted one and goes on from 11 (list numbers are words too).
  // pdftotext reads the steering committee's first action table column by column (its header cells after the
  // page's footer), which costs that meeting 1.4% of its order; the page reads it row by row.
  const meetings = [
    { input: seed, minWords: 1000, inOrder: 0.99 },
    { input: "examples/2024-03-05-steering-committee.md", minWords: 250, inOrder: 0.98 },
    { input: "test/real-world/hsg-nuernberg/2019-03-13-Generalversammlung-2019.md", minWords: 200, inOrder: 0.99 },
  ];
  for (const { input, minWords, inOrder } of meetings)
    withChromium(
      `shows the PDF's words in the PDF's order (page header and footer lines aside): ${input}`,
      async () => {
        const out = join(dir, "recall", basename(input, ".md"));
        const built = await build(input, { out, formats: ["pdf", "html"], config: null, strict: false });
        expect(built.ok).toBe(true);
        const words = await pdfBodyWords(input, join(out, `${basename(input, ".md")}.pdf`));
        const { page } = await open(join(out, `${basename(input, ".md")}.html`));
        // biome-ignore lint/performance/useDomNodeTextContent: the text as the browser lays it out is what a reader sees.
        const text = fold(await page.evaluate(() => document.querySelector("main")!.innerText));
        await page.close();
        const missing = missingWords(words, text);
        expect(words.length).toBeGreaterThan(minWords);
        expect(missing.length / words.length, missing.join(" ")).toBeLessThanOrEqual(0.01);
        expect(inOrderShare(words, text)).toBeGreaterThanOrEqual(inOrder);
      },
    );

  withChromium("loads nothing but itself: no request, no policy violation, every font accepted", async () => {
    const path = join(dir, "2022-09-23-gtm.html");
    const { page, requests, console } = await open(path);
    // Every face, used on this page or not, is loaded: a face the browser's font sanitiser refused would fail here.
    const fonts = await page.evaluate(async () => {
      const faces = [...document.fonts];
      await Promise.all(faces.map((f) => f.load().catch(() => undefined)));
      return faces.map((f) => `${f.family} ${f.weight} ${f.style} ${f.status}`);
    });
    await page.close();
    expect(requests).toEqual([pathToFileURL(path).href]);
    expect(console).toEqual([]);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const font of fonts) expect(font).toMatch(/ loaded$/);
  });

  withChromium("reads on a phone's width without scrolling sideways", async () => {
    const { page } = await open(join(dir, "2022-09-23-gtm.html"), 390);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
    await page.close();
    expect(widths.page).toBeLessThanOrEqual(widths.view);
  });

  withChromium("prints on as many pages as the PDF, give or take one", async () => {
    const { page } = await open(join(dir, "2022-09-23-gtm.html"));
    const printed = join(dir, "printed.pdf");
    writeFileSync(printed, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    const count = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
    expect(Math.abs(count(printed) - count(join(dir, "2022-09-23-gtm.pdf")))).toBeLessThanOrEqual(1);
    expect(run("pdfinfo", [printed])).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    // The running footer prints the page numbers as the PDF does.
    expect(fold(run("pdftotext", ["-enc", "UTF-8", "-f", "2", "-l", "2", printed, "-"]))).toMatch(/Page 2 sur \d/);
  });

  /** The layout's tables (info, follow-up, each item's actions), in order: their first row's labels and their column shares. */
  function layoutTables(layout: DocumentLayout): { labels: string[]; shares: number[] }[] {
    const share = (weights: readonly number[]) => weights.map((w) => w / weights.reduce((a, b) => a + b, 0));
    const tables = [{ labels: [layout.info[0]!.label], shares: share(layout.geometry.infoColumns) }];
    for (const item of [...(layout.followUp ? [layout.followUp] : []), ...layout.items])
      if (item.actions) tables.push({ labels: item.actions.columns, shares: share(item.actions.weights) });
    return tables;
  }

  /** The same, read back from the page as the browser lays it out: header cells' text and the first row's cell widths. */
  async function pageTables(path: string): Promise<{ labels: string[]; shares: number[] }[]> {
    const { page } = await open(path);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll("table.info, table.actions")].map((table) => {
        const row = table.querySelector("tr")!;
        const cells = [...row.children] as HTMLElement[];
        const width = cells.reduce((sum, c) => sum + c.getBoundingClientRect().width, 0);
        const labels = table.classList.contains("info") ? [cells[0]!.textContent!] : cells.map((c) => c.textContent!);
        return { labels, shares: cells.map((c) => c.getBoundingClientRect().width / width) };
      }),
    );
    await page.close();
    return tables;
  }

  // The layout decides each table's labels and column proportions (as layout-parity.test.ts checks the DOCX and PDF against it).
  const parity = [seed, "test/fixtures/parity/2024-02-14-board.md"];
  for (const input of parity)
    withChromium(`lays out the layout's tables with its labels and column proportions: ${input}`, async () => {
      const out = join(dir, "parity");
      expect((await build(input, { out, formats: ["html"], config: null, strict: false })).ok).toBe(true);
      const checked = await check(input, { config: null });
      const expected = layoutTables(layoutMinutes(checked.minutes!, checked.theme!));
      const found = await pageTables(join(out, `${basename(input, ".md")}.html`));
      expect(found.map((t) => t.labels)).toEqual(expected.map((t) => t.labels));
      found.forEach((table, t) =>
        table.shares.forEach((share, c) =>
          expect(share, `table ${t}, column ${c}`).toBeCloseTo(expected[t]!.shares[c]!, 2),
        ),
      );
    });

  withChromium("hangs each list item's bullet or number in its own direction's margin, inside the list", async () => {
    // A right-to-left item of a left-to-right page had its marker past the list's right edge (out of the table cell).
    const input = join(dir, "rtl", "2025-02-03-team.md");
    mkdirSync(join(dir, "rtl"), { recursive: true });
    writeFileSync(
      input,
      "---\ntitle: Team\ndate: 2025-02-03\nlanguage: en\nattendees: [ليلى حسن, Omar Saleh]\n---\n\n## 1. Release\n\n" +
        "- يتم نشر الإصدار يوم الخميس.\n- Omar ships it.\n\n1. تحديث ملاحظات الإصدار\n2. Update the notes\n\n" +
        "### Actions\n\n| Action | Owner | Deadline |\n| --- | --- | --- |\n| تحديث الموقع | Omar Saleh | 2025-02-05 |\n",
    );
    expect((await build(input, { out: join(dir, "rtl"), formats: ["html"], config: null })).ok).toBe(true);
    const { page } = await open(join(dir, "rtl", "2025-02-03-team.html"), 600);
    const items = await page.evaluate(() =>
      [...document.querySelectorAll("main ul:not(.agenda) > li, main ol > li")].map((li) => {
        const list = li.parentElement!.getBoundingClientRect();
        const box = li.getBoundingClientRect();
        const label = li.querySelector(":scope > .label")?.getBoundingClientRect();
        return { text: li.textContent!, rtl: getComputedStyle(li).direction === "rtl", list, box, label };
      }),
    );
    // Right-to-left text in a table cell (an attendee, an action) starts at the cell's right.
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll("td li, td")]
        .filter((e) => /[\u0600-\u06ff]/.test(e.textContent!) && !e.querySelector("li"))
        .map((e) => {
          const words = document.createRange();
          words.selectNodeContents(e);
          const box = e.getBoundingClientRect();
          const padding = Number.parseFloat(getComputedStyle(e).paddingRight);
          return { text: e.textContent!, gap: box.right - padding - words.getBoundingClientRect().right };
        }),
    );
    expect(cells.map((c) => c.text)).toEqual(["ليلى حسن", "تحديث الموقع"]);
    for (const cell of cells) expect(cell.gap, cell.text).toBeLessThan(1);
    const rtl = items.filter((i) => i.rtl);
    expect(rtl.map((i) => i.text)).toEqual(["ليلى حسن", "يتم نشر الإصدار يوم الخميس.", "1.تحديث ملاحظات الإصدار"]);
    for (const item of items) {
      // The hang (where the bullet or the number goes) is on the item's starting side, within the list's box.
      const hang = item.rtl ? item.list.right - item.box.right : item.box.left - item.list.left;
      expect(hang, item.text).toBeGreaterThan(8);
      if (item.label) {
        expect(item.label.left, item.text).toBeGreaterThanOrEqual(item.list.left - 0.5);
        expect(item.label.right, item.text).toBeLessThanOrEqual(item.list.right + 0.5);
      }
    }
    await page.close();
  });

  withChromium(
    "keeps whole words in the tables' heading cells on a phone, a wide table scrolling sideways",
    async () => {
      // The action register's six columns in 390 px broke "Responsible" and "Status" inside the word.
      const { page } = await open(join(site, "actions.html"), 390);
      const headings = await page.evaluate(() =>
        [...document.querySelectorAll("th")].map((th) => {
          const words = document.createRange();
          words.selectNodeContents(th);
          const lines = new Set([...words.getClientRects()].map((r) => Math.round(r.top)));
          return { text: th.textContent!, lines: lines.size };
        }),
      );
      expect(headings.map((h) => h.text)).toEqual(
        expect.arrayContaining(["Meetings", "Responsible", "Deadline", "Status"]),
      );
      for (const heading of headings.filter((h) => !/\s/.test(h.text))) expect(heading.lines, heading.text).toBe(1);
      await page.close();
    },
  );

  withChromium("has no accessibility violation (axe-core): the meeting page", async () => {
    const { page } = await open(join(site, "2022", "2022-09-23-gtm.html"));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  withChromium("has no accessibility violation (axe-core): the index page, which links the HTML", async () => {
    const { page } = await open(join(site, "index.html"));
    expect(await page.locator('a[href="./2022/2022-09-23-gtm.html"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  withChromium("has no accessibility violation (axe-core): the action register's page", async () => {
    const { page } = await open(join(site, "actions.html"));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
