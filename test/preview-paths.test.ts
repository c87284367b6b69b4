// The preview server's reading of request paths (src/preview/serve-path.ts) and the policy of the pages
// it serves (src/preview/live-page.ts), without a server: every escape is refused before the disk is
// touched, and a name that passes is served only when its real path stays inside the root.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { widenPolicy, withLiveReload } from "../src/preview/live-page.js";
import { lookUp, requestParts } from "../src/preview/serve-path.js";
import { tempDir } from "./helpers/minutes-repo.js";

describe("requestParts", () => {
  it("reads plain paths, decoded part by part", () => {
    expect(requestParts("/")).toEqual([]);
    expect(requestParts("/minutes/2024-03-12.html?raw=2")).toEqual(["minutes", "2024-03-12.html"]);
    expect(requestParts("/r%C3%A9union%20du%20mardi.pdf")).toEqual(["réunion du mardi.pdf"]);
  });

  it.each([
    "/../secret",
    "/a/../../secret",
    "/%2e%2e/secret",
    "/%2E%2e/secret",
    "/.%2e/secret",
    "/a%2f..%2f..%2fsecret",
    "/a%2F..%2F..%2Fsecret",
    "/..%5csecret",
    "/%5c..%5csecret",
    "/\\..\\secret",
    "/a\\b",
    "//etc/passwd",
    "http://127.0.0.1:4700/../secret",
    "*",
    "etc/passwd",
    "/C:/Windows/win.ini",
    "/c%3A/Windows/win.ini",
    "/.env",
    "/%2eenv",
    "/.git/config",
    "/a//b",
    "/a/",
    "/a%00.html",
    "/%zz",
    "/%ed%a0%80",
  ])("refuses %s", (path) => {
    expect(requestParts(path)).toBeUndefined();
  });
});

describe("lookUp", () => {
  it("serves a file of the root, and refuses a link that leads out of it (403) or a folder (404)", () => {
    const root = tempDir("preview-root");
    const outside = tempDir("preview-outside");
    writeFileSync(join(outside, "secret.txt"), "secret");
    writeFileSync(join(root, "annex.txt"), "annex");
    mkdirSync(join(root, "sub"));
    symlinkSync(outside, join(root, "out"));
    symlinkSync(join(outside, "secret.txt"), join(root, "secret.txt"));
    symlinkSync(join(root, "annex.txt"), join(root, "sub", "inside-link.txt"));
    expect(lookUp(root, ["annex.txt"]).status).toBe(200);
    expect(lookUp(root, ["sub", "inside-link.txt"]).status).toBe(200);
    expect(lookUp(root, ["out", "secret.txt"])).toEqual({ status: 403 });
    expect(lookUp(root, ["secret.txt"])).toEqual({ status: 403 });
    expect(lookUp(root, ["sub"])).toEqual({ status: 404 });
    expect(lookUp(root, ["missing.txt"])).toEqual({ status: 404 });
    expect(lookUp(root, [])).toEqual({ status: 404 });
  });
});

describe("the served page's policy", () => {
  it("allows the page's own origin for scripts, styles, the event stream and frames, and nothing more", () => {
    const policy = "default-src 'none'; style-src 'sha256-abc'; font-src data:; img-src data:; base-uri 'none'";
    expect(widenPolicy(policy)).toBe(
      "default-src 'none'; style-src 'sha256-abc' 'self'; font-src data:; img-src data:; base-uri 'none'; script-src 'self'; connect-src 'self'; frame-src 'self'",
    );
    expect(widenPolicy("script-src 'none'")).toContain("script-src 'self'");
    expect(widenPolicy("script-src 'none'")).not.toContain("'none'");
  });

  it("puts the live script in the head and widens the page's one policy", () => {
    const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>t</title></head><body><p>x</p></body></html>`;
    const served = withLiveReload(page, 3);
    expect(served).toContain(
      `content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'"`,
    );
    expect(served).toMatch(
      /<meta name="minutes-preview-build" content="3">.*<script src="\/__minutes\/live\.js" defer><\/script><\/head>/,
    );
    expect(served).toContain("<body><p>x</p></body>");
  });
});
