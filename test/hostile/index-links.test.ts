// Hostile repositories, class "injection through the published index": a meeting's file name and title
// reach index.html and index.json. A file named `javascript:alert(7).md` must not become a script link, a
// name with `"><img onerror=…>` must not become markup, and `#`, `?`, `%`, `\` and non-ASCII letters must
// stay part of the name. Every href is relative ("./…"), each part percent-encoded, and decodes back to
// the file it names; the page's Content-Security-Policy runs no script and loads nothing. In headless
// Chromium no injected code runs (checked against a control page on which it does run).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { pageElements as startTags } from "../helpers/html-page.js";
import { tempDir } from "../helpers/minutes-repo.js";
import { itWithTools, plainCliEnv } from "../helpers/tools.js";

const PWNED = "data-pwned";
const script = (marker: string) => `document.body.setAttribute('${PWNED}','${marker}')`;

/** Meeting files, relative to the repository (a Windows disk refuses some of these names: they are left out there). */
const hostileNames = [
  "javascript:alert(7).md",
  `"><img src=x onerror="${script("name")}">.md`,
  `'><svg onload=${script("svg")}>.md`,
  "a b#c?d.md",
  "ünïcode.md",
  "%2e%2e.md",
  "back\\slash.md",
  "JavaScript:void(0).md",
  "2024/sub folder/x&y=1.md",
];

const meeting = (i: number) =>
  `---\ntitle: "<img src=x onerror=\\"${script("title")}\\"> & 'co'"\ndate: 2024-01-${String(10 + i).padStart(2, "0")}\n---\n\n## 1. Item\n\nText.\n`;

describe("index links built from hostile file names", () => {
  const repo = tempDir("hostile-index");
  const out = join(tempDir("hostile-index-out"), "site");
  const names: string[] = [];
  let html = "";

  // A JSON-only build writes the index too, so these checks need no PDF.
  beforeAll(() => {
    for (const [i, name] of hostileNames.entries()) {
      try {
        mkdirSync(dirname(join(repo, name)), { recursive: true });
        writeFileSync(join(repo, name), meeting(i));
        names.push(name);
      } catch {
        // This file system refuses the name: nothing to publish under it.
      }
    }
    const run = spawnSync(
      process.execPath,
      [resolve("bin/minutes.js"), "build", repo, "--out", out, "--format", "json", "--quiet"],
      { encoding: "utf8", env: plainCliEnv() },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    html = readFileSync(join(out, "index.html"), "utf8");
  });

  const published = () => names.map((name) => name.replace(/\.md$/, ".json")).sort();

  it("builds every hostile name (the test would prove nothing otherwise)", () => {
    if (process.platform !== "win32") expect(names).toEqual(hostileNames);
    for (const file of published()) expect(existsSync(join(out, file)), file).toBe(true);
  });

  it("links every meeting with a relative, percent-encoded href that decodes back to its file", () => {
    const hrefs = startTags(html).flatMap((t) => t.attrs.filter(([name]) => name === "href").map(([, value]) => value));
    expect(hrefs).toHaveLength(names.length);
    for (const href of hrefs) {
      expect(href, href).toMatch(/^\.\/[^/]/);
      expect(href, href).not.toMatch(/[\s"'<>\\#?]|javascript:/i);
      // As a browser reads it: the same site, under the index's folder.
      const url = new URL(href, "https://example.org/site/index.html");
      expect(url.origin + url.pathname.slice(0, 6), href).toBe("https://example.org/site/");
      expect(url.search + url.hash, href).toBe("");
    }
    const files = hrefs.map((href) => href.slice(2).split("/").map(decodeURIComponent).join("/"));
    expect(files.sort()).toEqual(published());
  });

  it("lets no file name or title become markup: only the page's own elements, no event handler", () => {
    const tags = new Set(startTags(html).map((t) => t.tag));
    const allowed = [
      "html",
      "head",
      "meta",
      "title",
      "style",
      "body",
      "main",
      "h1",
      "table",
      "caption",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "time",
      "a",
      "span",
      "p",
    ];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
    expect(
      startTags(html)
        .flatMap((t) => t.attrs.map(([name]) => name))
        .filter((name) => name.startsWith("on")),
    ).toEqual([]);
    // The titles are there, as text.
    expect(html).toContain("&lt;img src=x onerror=");
  });

  it("carries a Content-Security-Policy that runs no script and loads nothing but its own <style>", () => {
    const metas = startTags(html).filter(
      (t) =>
        t.tag === "meta" &&
        t.attrs.some(([n, v]) => n === "http-equiv" && v.toLowerCase() === "content-security-policy"),
    );
    expect(metas).toHaveLength(1);
    const policy = metas[0]!.attrs.find(([n]) => n === "content")![1];
    const directives = new Map(
      policy
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
    expect(
      [...directives.keys()].filter((d) => !["default-src", "style-src", "base-uri", "form-action"].includes(d)),
    ).toEqual([]);
    // style-src allows exactly the page's one <style> element, by its hash: no 'unsafe-inline', no host.
    const style = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(style).toHaveLength(1);
    expect(directives.get("style-src")).toEqual([
      `'sha256-${createHash("sha256").update(style[0]!).digest("base64")}'`,
    ]);
    expect(html).not.toMatch(/\sstyle="/);
    // The policy comes before anything it governs.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<style>"));
  });

  it("gives index.json the same safe links beside the plain paths", () => {
    const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8")) as {
      meetings: { json: string; links: Record<string, string> }[];
    };
    expect(index.meetings.map((m) => m.json).sort()).toEqual(published());
    for (const m of index.meetings) {
      expect(Object.keys(m.links)).toEqual(["json"]);
      expect(m.links.json).toMatch(/^\.\//);
      expect(m.links.json!.slice(2).split("/").map(decodeURIComponent).join("/")).toBe(m.json);
      expect(html).toContain(`href="${m.links.json!.replace(/&/g, "&amp;")}"`);
    }
  });

  itWithTools("chromium")("runs nothing in headless Chromium, where the same markup on a plain page does run", () => {
    const open = (file: string) => {
      const profile = tempDir("chromium-profile");
      const result = spawnSync(
        "chromium",
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          `--user-data-dir=${profile}`,
          "--enable-logging=stderr",
          "--v=0",
          "--dump-dom",
          pathToFileURL(file).href,
        ],
        { encoding: "utf8", timeout: 60_000 },
      );
      return { dom: result.stdout, console: result.stderr.split("\n").filter((line) => line.includes(":CONSOLE")) };
    };
    const injected = `<img src=x onerror="${script("control")}">`;
    // Control: the markup runs on a page without the policy (so the check below can see a script run).
    const control = join(out, "control.html");
    writeFileSync(
      control,
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>control</title></head><body>${injected}</body></html>`,
    );
    expect(open(control).dom).toContain(`${PWNED}="control"`);
    // The index: no script ran, no element was injected, every link is there, and the policy blocked nothing
    // the page needs (its style applies: no violation reported).
    const index = open(join(out, "index.html"));
    expect(index.dom).toContain("</table>");
    expect(index.dom).not.toContain(`${PWNED}=`);
    expect(index.dom).not.toMatch(/<(?:img|svg|script)\b/i);
    expect([...index.dom.matchAll(/<a href="\.\//g)]).toHaveLength(names.length);
    expect(index.console.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
    // Markup that slipped into the page anyway would still not run: the index's own policy blocks it.
    const guarded = join(out, "guarded.html");
    writeFileSync(guarded, html.replace("<main>", `<main>${injected}`));
    const blocked = open(guarded);
    expect(blocked.dom).toContain("<img");
    expect(blocked.dom).not.toContain(`${PWNED}=`);
    expect(blocked.console.join("\n")).toMatch(/Content Security Policy/i);
  });
});
