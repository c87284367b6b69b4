// The published index page: well-formed, accessible, offline, newest first, with the theme's colours.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { indexHtml, type IndexEntry } from "../src/batch/site-index.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import { generateRepo, tempDir } from "./helpers/minutes-repo.js";
import { itWithTools } from "./helpers/tools.js";

const voidElements = new Set(["meta", "link", "br", "img", "input", "hr"]);

/** A minimal HTML reader: checks that tags nest and returns the elements with their attributes and text. */
function parse(html: string): { tag: string; attrs: Record<string, string>; text: string; parents: string[] }[] {
  const elements: { tag: string; attrs: Record<string, string>; text: string; parents: string[] }[] = [];
  const stack: { tag: string; attrs: Record<string, string>; text: string; parents: string[] }[] = [];
  const re =
    /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\/([a-z0-9]+)\s*>|<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>|([^<]+)/gi;
  for (const m of html.matchAll(re)) {
    if (m[1]) {
      const open = stack.pop();
      expect(open?.tag, `</${m[1]}> closes <${open?.tag}>`).toBe(m[1]);
    } else if (m[2]) {
      const attrs = Object.fromEntries(
        [...(m[3] ?? "").matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)].map((a) => [a[1]!, a[2] ?? ""]),
      );
      const element = { tag: m[2].toLowerCase(), attrs, text: "", parents: stack.map((s) => s.tag) };
      elements.push(element);
      if (!voidElements.has(element.tag)) stack.push(element);
    } else if (m[4]) for (const open of stack) open.text += decode(m[4]);
  }
  expect(stack.map((s) => s.tag)).toEqual([]);
  return elements;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** WCAG relative luminance contrast of two RRGGBB colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [0, 2, 4]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

const entries: IndexEntry[] = [
  {
    title: "Board <special> & co",
    date: "2024-03-05",
    language: "fr",
    openActions: 2,
    overdueActions: 1,
    pdf: "2024/b board.pdf",
    docx: "2024/b board.docx",
  },
  { title: "Comité", date: "2023-01-10", language: "fr", openActions: 0, overdueActions: 0, pdf: "2023/c.pdf" },
];

describe("index.html", () => {
  const html = indexHtml(entries);
  const elements = parse(html);
  const all = (tag: string) => elements.filter((e) => e.tag === tag);

  it("declares its language and has one h1, a table with a caption and scoped header cells", () => {
    expect(all("html")[0]!.attrs.lang).toBe("fr");
    expect(all("h1").map((e) => e.text)).toEqual(["Comptes-rendus de réunion"]);
    expect(all("caption")).toHaveLength(1);
    expect(
      all("th")
        .filter((e) => e.parents.includes("thead"))
        .every((e) => e.attrs.scope === "col"),
    ).toBe(true);
    expect(
      all("th")
        .filter((e) => e.parents.includes("tbody"))
        .map((e) => e.attrs.scope),
    ).toEqual(["row", "row"]);
  });

  it("lists the meetings in the order given, with escaped titles, dates, links and open actions", () => {
    const rows = all("tr").filter((e) => e.parents.includes("tbody"));
    expect(rows.map((r) => r.text.replace(/\s+/g, " ").trim())).toEqual([
      "mardi 5 mars 2024 Board <special> & co PDF — Board <special> & co DOCX — Board <special> & co 2 (1 en retard)",
      "mardi 10 janvier 2023 Comité PDF — Comité 0",
    ]);
    expect(all("a").map((a) => a.attrs.href)).toEqual([
      "./2024/b%20board.pdf",
      "./2024/b%20board.docx",
      "./2023/c.pdf",
    ]);
    expect(all("time").map((t) => t.attrs.datetime)).toEqual(["2024-03-05", "2023-01-10"]);
  });

  it("works offline: no script, no stylesheet link, no external address", () => {
    expect(all("script")).toEqual([]);
    expect(all("link")).toEqual([]);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/url\(/);
  });

  it("uses the theme's colours with enough contrast on white", () => {
    const c = defaultTheme().colors;
    expect(html).toContain(`#${c.primary}`);
    for (const colour of [c.text, c.primary, c.link, c.muted])
      expect(contrast(colour, "FFFFFF"), colour).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.text, c.tableHeaderFill)).toBeGreaterThanOrEqual(4.5);
  });

  it("is in English when most meetings are, and says when there is nothing yet", () => {
    const en = indexHtml([{ ...entries[0]!, language: "en" }]);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Open actions");
    expect(en).toContain('<time datetime="2024-03-05">Tuesday 5 March 2024</time>');
    expect(indexHtml([])).toContain("No meeting has been built yet.");
  });

  it("speaks the language most meetings speak, writing dates as the documents do", () => {
    const page = (language: string) => indexHtml(entries.map((e) => ({ ...e, language })));
    expect(page("de")).toContain('<html lang="de">');
    expect(page("de")).toContain("<h1>Sitzungsprotokolle</h1>");
    expect(page("de")).toContain('<time datetime="2024-03-05">Dienstag 5. März 2024</time>');
    expect(page("es")).toContain('<time datetime="2024-03-05">martes 5 de marzo de 2024</time>');
    expect(page("pt-PT")).toContain('<html lang="pt">');
    expect(page("pt-PT")).toContain("Ações em aberto");
  });

  it("names the organisation most meetings name, escaped, in the title and the heading", () => {
    const named = indexHtml([
      { ...entries[0]!, organisation: "Mairie <de> Saint-Martin" },
      { ...entries[1]!, organisation: "Mairie <de> Saint-Martin" },
      { ...entries[1]!, organisation: "Autre" },
    ]);
    expect(named).toContain("<title>Mairie &lt;de&gt; Saint-Martin — Comptes-rendus de réunion</title>");
    expect(named).toContain("<h1>Mairie &lt;de&gt; Saint-Martin — Comptes-rendus de réunion</h1>");
    expect(html).toContain("<h1>Comptes-rendus de réunion</h1>");
  });
});

describe("index.html in a real headless browser", () => {
  itWithTools("chromium")("opens offline and shows every meeting with working links", () => {
    const repo = tempDir("site");
    generateRepo(repo, 3);
    const out = tempDir("site-out");
    expect(spawnSync(process.execPath, ["bin/minutes.js", "build", repo, "--out", out, "--quiet"]).status).toBe(0);
    const profile = tempDir("chromium-profile");
    const dom = execFileSync(
      "chromium",
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        `--user-data-dir=${profile}`,
        "--dump-dom",
        pathToFileURL(join(out, "index.html")).href,
      ],
      { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "ignore"] },
    );
    const rows = [...dom.matchAll(/<tr>\s*<td><time datetime="([\d-]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(["2021-01-18", "2021-01-11", "2021-01-04"]);
    const links = [...dom.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(6);
    for (const link of links) expect(existsSync(join(out, decodeURI(link))), link).toBe(true);
  });
});
