// Class: injection through the HTML page. Everything a meeting says reaches the page (title, organisation,
// attendees, items, cells, links, code, front-matter values, a theme's labels): none of it may become
// markup, an event handler, a script, a style or a request. Raw HTML in the Markdown is text; a link keeps
// only a web, mail, telephone or relative address; the page's Content-Security-Policy runs no script,
// applies no style but its own and loads nothing but its own data: fonts and images.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { layoutMinutes } from "../../src/layout/layout-minutes.js";
import { htmlPage } from "../../src/render/html/render-html.js";
import { defaultTheme } from "../../src/theme/default-theme.js";
import { parseMinutes } from "../../src/parse/parse-minutes.js";
import { pageElements, visibleText } from "../helpers/html-page.js";

const hostile = `---
title: "</title><script>alert('title')</script>"
date: 2024-03-05
language: en
organisation: "\\"><img src=x onerror=alert(1)>"
location: "<style>body{display:none}</style>"
attendees: ["<b onmouseover=alert(2)>Ann</b>", "Bob & 'Carol'"]
---

## 1. <script>alert('heading')</script> Budget

<script>alert("body")</script>

<img src="https://tracker.example/pixel.png" onerror="alert(3)">

Read [this](javascript:alert(4)), [that](data:text/html,<script>alert(5)</script>), [home](https://example.org/a?b=c&d="e") and [mail](mailto:clerk@example.org).

\`<iframe src=//evil>\` and a code block:

\`\`\`html
</pre><script>alert(6)</script>
\`\`\`

| Action | Owner | Deadline |
| --- | --- | --- |
| Fix <svg onload=alert(7)> now | Bob | 2024-04-01 |

### Actions

| Action | Responsible | Deadline |
| --- | --- | --- |
| Close </td></tr></table><script>alert(8)</script> | Ann | 2024-04-01 |
`;

describe("the HTML page of a hostile meeting", () => {
  let html: string;
  const dir = mkdtempSync(join(tmpdir(), "minutes-html-hostile-"));

  beforeAll(async () => {
    const input = join(dir, "hostile.md");
    writeFileSync(input, hostile);
    const result = await build(input, { formats: ["html"], strict: false, config: null });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    html = readFileSync(join(dir, "hostile.html"), "utf8");
  });

  it("has only the renderer's own elements and no event handler, style attribute or script", () => {
    const elements = pageElements(html);
    const allowed = new Set(
      "html head meta title style body div header footer main nav section p h1 h2 h3 h4 h5 h6 ul ol li a strong em del code pre br blockquote hr table caption colgroup col thead tbody tr th td span img".split(
        " ",
      ),
    );
    expect([...new Set(elements.map((e) => e.tag))].filter((t) => !allowed.has(t))).toEqual([]);
    const attributes = elements.flatMap((e) => e.attrs.map(([name]) => name));
    expect(attributes.filter((a) => a.startsWith("on") || a === "style" || a === "srcdoc")).toEqual([]);
    expect(elements.filter((e) => e.tag === "script")).toEqual([]);
    expect(elements.filter((e) => e.tag === "style")).toHaveLength(1);
  });

  it("prints as text what the model holds of the raw HTML, and every < it keeps, where the reader sees it", () => {
    const text = visibleText(html);
    // The parser keeps the words of inline HTML and drops its tags (as the PDF and the DOCX print them).
    expect(text).toContain("1. alert('heading') Budget");
    expect(text).toContain("Close alert(8)");
    expect(text).toContain('alert("body")');
    expect(text).toContain("</pre><script>alert(6)</script>");
    expect(text).toContain("<iframe src=//evil>");
    expect(text).toContain("</title><script>alert('title')</script>");
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    expect(text).toContain("Bob & 'Carol'");
  });

  it("links only web, mail and in-page addresses; unsafe links are text", () => {
    const hrefs = pageElements(html).flatMap((e) => e.attrs.filter(([n]) => n === "href").map(([, v]) => v));
    expect(hrefs).toContain('https://example.org/a?b=c&d="e"');
    expect(hrefs).toContain("mailto:clerk@example.org");
    for (const href of hrefs) expect(href, href).toMatch(/^(https:\/\/example\.org\/|mailto:|#item-\d+$)/);
    expect(visibleText(html)).toContain("this <javascript:alert(4)>");
  });

  it("loads nothing: its policy allows its own stylesheet and data: fonts and images only", () => {
    const policy = pageElements(html).find((e) =>
      e.attrs.some(([n, v]) => n === "http-equiv" && v === "Content-Security-Policy"),
    );
    const content = policy?.attrs.find(([n]) => n === "content")?.[1] ?? "";
    expect(content).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; font-src data:; img-src data:;/);
    expect(content).not.toMatch(/script-src|connect-src|unsafe/);
    const sources = pageElements(html).flatMap((e) => e.attrs.filter(([n]) => n === "src").map(([, v]) => v));
    for (const src of sources) expect(src.slice(0, 11)).toBe("data:image/");
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? "";
    for (const url of style.match(/url\([^)]*\)/g) ?? []) expect(url.slice(0, 9)).toBe("url(data:");
    expect(style).not.toMatch(/@import|<\//);
  });

  it("keeps a theme's label and the page texts from escaping the stylesheet or an attribute", () => {
    const theme = defaultTheme();
    theme.header = { text: '{title} </style><script>alert(9)</script> "\\" ', align: "left" };
    theme.labels = { en: { actions: "</caption><script>alert(10)</script>" } } as typeof theme.labels;
    const { minutes } = parseMinutes(hostile, { path: "hostile.md" });
    const page = htmlPage(layoutMinutes(minutes!, theme), { theme, timestamp: new Date(0) });
    expect(pageElements(page).filter((e) => e.tag === "script")).toEqual([]);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? "";
    expect(style).not.toContain("<");
    expect(style).toMatch(/@page \{[^]*content: "/);
  });

  it("runs an injected script only when the caller asks, named by its hash in the policy", () => {
    const theme = defaultTheme();
    const { minutes } = parseMinutes(hostile, { path: "hostile.md" });
    const page = htmlPage(layoutMinutes(minutes!, theme), {
      theme,
      timestamp: new Date(0),
      liveReloadScript: "new EventSource('/events').onmessage = () => location.reload(); // </script><b>",
    });
    expect(pageElements(page).filter((e) => e.tag === "script")).toHaveLength(1);
    // The script's text cannot close its element: the first </script> is the one the renderer wrote.
    const body = page.slice(page.indexOf("<script>") + 8, page.indexOf("</script>"));
    expect(body).toBe("new EventSource('/events').onmessage = () => location.reload(); // <\\/script><b>");
    expect(/Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1]).toMatch(
      /script-src 'sha256-[A-Za-z0-9+/=]+'; connect-src 'self'/,
    );
  });
});
