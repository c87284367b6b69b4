// Builds the seed example as HTML and photographs it in headless Chromium (the system's /usr/bin/chromium,
// driven by playwright-core): the top of the page at a desktop width and at a phone's, written to
// docs/img/html-desktop.png and docs/img/html-phone.png. Run: node scripts/html-screenshots.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const work = mkdtempSync(join(tmpdir(), "minutes-html-shots-"));
execFileSync(
  process.execPath,
  ["bin/minutes.js", "build", "examples/2022-09-23-gtm.md", "--out", work, "--format", "html", "--quiet"],
  {
    stdio: "inherit",
  },
);
mkdirSync("docs/img", { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const shots = [
  { name: "html-desktop", width: 900, height: 1000 },
  { name: "html-phone", width: 390, height: 844 },
];
for (const { name, width, height } of shots) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(work, "2022-09-23-gtm.html")).href);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join("docs/img", `${name}.png`) });
  await page.close();
}
await browser.close();
