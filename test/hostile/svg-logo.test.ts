// Hostile repositories, class "SVG logo": the SVG that goes into the DOCX (word/media/*.svg) is the logo
// written again from a strict XML parse, with no script, event handler, foreignObject, animation, outside
// reference (href, xlink:href, url(…), @import) or embedded image that fails the image checks; the drawing
// itself is kept. The theme gets a warning naming what was taken out. An SVG that declares entities is
// refused with a message that says so (it used to read "is not a PNG, JPEG or SVG").
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseXml, XmlElement } from "@rgrove/parse-xml";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkImage as checkImageBytes, type ImageResult } from "../../src/theme/check-file.js";
import { render } from "../../src/i18n/messages.js";

/** The check with its reason in English, as the JSON output and these assertions say it. */
const checkImage = (bytes: Uint8Array): ImageResult | { ok: false; message: string } => {
  const checked = checkImageBytes(bytes);
  return checked.ok ? checked : { ok: false, message: render(checked.message, "en") };
};
import { makePng } from "../helpers/png.js";
import { plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

const png = makePng(120, 40);
const pngData = `data:image/png;base64,${png.toString("base64")}`;

const hostile = `<?xml version="1.0"?>
<!-- a comment -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:s="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink" viewBox="0 0 120 40" onload="alert(1)">
  <script>alert(2)</script>
  <script xlink:href="http://evil.example/x.js"/>
  <s:script>alert(3)</s:script>
  <rect id="box" width="60" height="40" fill="#8B1E3F" onclick="alert(4)" OnMouseOver="alert(5)"/>
  <a href="javascript:alert(6)"><text x="0" y="20">Maison &amp; &lt;Commune&gt;</text></a>
  <a xlink:href="https://evil.example/"><circle r="2"/></a>
  <image href="file:///etc/passwd" width="10" height="10"/>
  <image l:href="http://evil.example/track.png" width="10" height="10"/>
  <image xlink:href="${pngData}" width="12" height="4"/>
  <image href="data:image/svg+xml;base64,PHN2Zy8+" width="10" height="10"/>
  <image href="data:image/png;base64,${png.subarray(0, 60).toString("base64")}" width="10" height="10"/>
  <use xlink:href="http://evil.example/sprite.svg#x"/>
  <use href="#box" x="61"/>
  <foreignObject width="10" height="10"><h:iframe src="http://evil.example"/></foreignObject>
  <rect width="5" height="5" fill="url(http://evil.example/#g)"/>
  <rect width="5" height="5" style="fill:url(#grad)"/>
  <rect width="5" height="5" style="fill:u\\72l(http://evil.example/)"/>
  <linearGradient id="grad"><stop offset="0" stop-color="#fff"/></linearGradient>
  <style>@import url(http://evil.example/x.css); rect { fill: red }</style>
  <style><![CDATA[ circle > * { fill: url(#grad) } ]]></style>
  <animate attributeName="href" to="javascript:alert(7)"/>
  <set attributeName="onload" to="alert(8)"/>
  <g xml:base="http://evil.example/" filter="url('#f')"><circle r="3"/></g>
  <?xml-stylesheet href="http://evil.example/x.css"?>
</svg>
`;

/** A project whose theme has `svg` as logo (line 3 of theme.yaml) with a PNG fallback. */
function project(svg: string): string {
  const dir = mkdtempSync(join(tmpdir(), "minutes-svg-"));
  copyFileSync("examples/2022-09-23-gtm.md", join(dir, "meeting.md"));
  writeFileSync(join(dir, "minutes.config.yaml"), "theme: house\n");
  mkdirSync(join(dir, "house"));
  writeFileSync(join(dir, "house", "logo.svg"), svg);
  writeFileSync(join(dir, "house", "logo.png"), png);
  writeFileSync(
    join(dir, "house", "theme.yaml"),
    "name: house\nlogo:\n  file: logo.svg\n  fallback: logo.png\n  alt: Logo\n",
  );
  return dir;
}

/** Every element of the tree, depth first. */
function* elementsOf(node: XmlElement): Generator<XmlElement> {
  yield node;
  for (const child of node.children) if (child instanceof XmlElement) yield* elementsOf(child);
}

describe("an SVG logo", () => {
  it("reaches the DOCX without scripts, handlers or outside references, and with its drawing", () => {
    const dir = project(hostile);
    const r = minutes(dir, "build", "meeting.md", "--out", "out", "-f", "docx");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'house/theme.yaml:3:9: warning: `logo.file`: the SVG holds what a logo must not (onload=, <script>, <s:script>, onclick=, OnMouseOver=, href="javascript:alert(6)"',
    );
    expect(r.stderr).toContain(
      "an embedded image that is a damaged PNG: it ends in the middle of its IDAT chunk (the file is cut short)",
    );
    expect(r.stderr).toContain("[logo-svg-cleaned]");
    const media = Object.entries(unzipSync(readFileSync(join(dir, "out", "meeting.docx")))).filter(([name]) =>
      name.startsWith("word/media/"),
    );
    expect(media.map(([name]) => name.split(".").pop()).sort()).toEqual(["png", "svg"]);
    const svg = strFromU8(media.find(([name]) => name.endsWith(".svg"))![1]);
    const root = parseXml(svg).root!;
    const all = [...elementsOf(root)];
    // No element that runs, loads or rewrites; no attribute that handles events or leads outside.
    expect(all.map((e) => e.name).filter((n) => /script|foreignObject|iframe|animate|set$/i.test(n))).toEqual([]);
    for (const e of all) {
      for (const [name, value] of Object.entries(e.attributes)) {
        expect(name, `${e.name} ${name}`).not.toMatch(/^on/i);
        if (/href$/i.test(name)) expect(value, `${e.name} ${name}`).toMatch(/^(#|data:image\/png;base64,)/);
        if (!name.startsWith("xmlns")) expect(value, `${e.name} ${name}`).not.toMatch(/https?:|file:|javascript:|\\/);
      }
    }
    expect(svg).not.toMatch(/evil\.example|alert|<!--|<\?xml-stylesheet|xml:base/);
    // Namespaces are ours: the SVG and XLink ones only.
    expect(Object.entries(root.attributes).filter(([n]) => n.startsWith("xmlns"))).toEqual([
      ["xmlns", "http://www.w3.org/2000/svg"],
      ["xmlns:xlink", "http://www.w3.org/1999/xlink"],
    ]);
    // The drawing stays: the shapes, the text (escaped again), local references, the embedded PNG.
    expect(all.filter((e) => e.name === "rect")).toHaveLength(4);
    expect(root.text).toContain("Maison & <Commune>");
    expect(all.find((e) => e.name === "use" && e.attributes.href === "#box")).toBeDefined();
    expect(
      all.filter((e) => e.name === "image").map((e) => e.attributes["xlink:href"] ?? e.attributes.href ?? ""),
    ).toEqual(["", "", pngData, "", ""]);
    expect(svg).toContain('style="fill:url(#grad)"');
    expect(svg).toContain("circle &gt; * { fill: url(#grad) }");
    expect(svg).toContain(`filter="url('#f')"`);
  });

  it("that declares entities is refused, and the message says so", () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY lol "lol">\n  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&lol2;</text></svg>\n`;
    const external = `<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&xxe;</text></svg>\n`;
    for (const svg of [bomb, external]) {
      const dir = project(svg);
      const r = minutes(dir, "build", "meeting.md", "--out", "out");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        "house/theme.yaml:3:9: error: `logo.file`: logo.svg is an SVG that declares XML entities (<!ENTITY …>), which minutes does not read: an entity can pull in another file or grow to gigabytes. [theme-file]",
      );
      expect(r.stderr).toContain("hint: Remove the <!DOCTYPE …> declaration and its entities from the SVG");
      expect(r.stderr).not.toContain("not a PNG, JPEG or SVG");
    }
  });

  it("with a plain DOCTYPE (Illustrator's, naming the SVG 1.1 DTD) is read; the DTD is never fetched", () => {
    const svg = `<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 15.1.0 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="120px" height="40px" viewBox="0 0 120 40" xml:space="preserve"><rect width="60" height="40"/></svg>\n`;
    const checked = checkImage(Buffer.from(svg));
    expect(checked).toMatchObject({ ok: true, type: "svg", width: 120, height: 40, removed: [] });
    expect(checked.ok && Buffer.from(checked.svg!).toString()).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="120px" height="40px" viewBox="0 0 120 40" xml:space="preserve"><rect width="60" height="40"/></svg>\n`,
    );
  });

  it.each([
    [
      "a DOCTYPE with declarations of its own",
      `<!DOCTYPE svg [ <!ATTLIST svg a CDATA "x"> ]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`,
      "is an SVG whose document type declaration (<!DOCTYPE … [ … ]>) declares things itself, which minutes does not read",
    ],
    [
      "unbalanced tags",
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g></svg>`,
      "is a damaged SVG: Missing end tag for element g (line 1, column 62 of the SVG)",
    ],
    [
      "an undefined entity",
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&nbsp;</svg>`,
      "is a damaged SVG: Named entity isn't defined: &nbsp; (line 1, column 59 of the SVG)",
    ],
    [
      "another namespace",
      `<svg xmlns="http://www.w3.org/1999/xhtml" viewBox="0 0 1 1"/>`,
      "is not an SVG image: its namespace is http://www.w3.org/1999/xhtml",
    ],
  ])("with %s is refused with a message that says what", (_, svg, message) => {
    expect(checkImage(Buffer.from(svg))).toEqual({ ok: false, message });
  });
});
