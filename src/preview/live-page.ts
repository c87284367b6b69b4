// What the preview adds to the pages it serves: a small script that listens to the server's events
// (server-sent events, /__minutes/events) and reloads the page when a new render is there, keeping the
// scroll position (sessionStorage, per page), and shows the build's diagnostics in an overlay while the
// last good render stays visible. The pages minutes writes carry a Content-Security-Policy that runs no
// script; the served copy's policy gains 'self' for scripts, styles, connections and frames, and nothing
// else, so the page still loads nothing from outside. The files on disk are never changed.

export const livePrefix = "/__minutes/";
export const eventsPath = `${livePrefix}events`;
export const scriptPath = `${livePrefix}live.js`;
export const stylePath = `${livePrefix}live.css`;

const buildMeta = "minutes-preview-build";

/** The served copy of an HTML page: the live script and style in its head, and its policy widened to 'self'. */
export function withLiveReload(html: string, build: number): string {
  const head = `<meta name="${buildMeta}" content="${build}"><link rel="stylesheet" href="${stylePath}"><script src="${scriptPath}" defer></script>`;
  const policed = html.replace(
    /(<meta\s+http-equiv\s*=\s*["']?Content-Security-Policy["']?\s+content\s*=\s*")([^"]*)(")/i,
    (_all, before: string, policy: string, after: string) => `${before}${widenPolicy(policy)}${after}`,
  );
  const at = policed.search(/<\/head\s*>/i);
  return at >= 0 ? `${policed.slice(0, at)}${head}${policed.slice(at)}` : `${head}${policed}`;
}

/** A policy where script-src, style-src, connect-src and frame-src also allow the page's own origin. */
export function widenPolicy(policy: string): string {
  const directives = policy
    .split(";")
    .map((d) => d.trim())
    .filter(Boolean);
  for (const name of ["script-src", "style-src", "connect-src", "frame-src"]) {
    const at = directives.findIndex((d) => d.toLowerCase().split(/\s+/)[0] === name);
    if (at < 0) {
      directives.push(`${name} 'self'`);
      continue;
    }
    const sources = directives[at]!.split(/\s+/).filter((s) => s.toLowerCase() !== "'none'");
    if (!sources.includes("'self'")) sources.push("'self'");
    directives[at] = sources.join(" ");
  }
  return directives.join("; ");
}

/** Escapes text for an HTML element or a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const policy =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

/** A page of the preview's own: a title, and either a message or the PDF in a frame. */
export function livePage(
  language: string,
  title: string,
  build: number,
  body: { message: string } | { pdf: string },
): string {
  const main =
    "pdf" in body
      ? `<iframe class="minutes-preview-pdf" title="${escapeHtml(title)}" src="${escapeHtml(body.pdf)}"></iframe>`
      : `<main class="minutes-preview-message"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body.message)}</p></main>`;
  return withLiveReload(
    `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body class="minutes-preview-page">
${main}
</body>
</html>
`,
    build,
  );
}

/**
 * The browser's side. The server sends a "state" event on connection and after every build: the build
 * number of the render on disk, and the problems of the last build with the overlay's labels (in the
 * user's language). A build number other than the page's brings the new render in: its body in place of
 * the old one when the head is unchanged (no reload: fonts and scroll stay), else a reload that scrolls
 * back (sessionStorage). Problems draw the overlay, built with textContent only (a message may quote the file).
 */
export const liveScript = `(() => {
  "use strict";
  const key = "minutes-preview-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    try {
      const at = JSON.parse(saved);
      const go = () => window.scrollTo(at.x, at.y);
      go();
      window.addEventListener("load", go, { once: true });
    } catch {}
  }
  const meta = document.querySelector('meta[name="${buildMeta}"]');
  let shown = meta ? Number(meta.getAttribute("content")) : 0;
  let current = { build: shown, problems: [] };
  let updating = false;
  const source = new EventSource("${eventsPath}");
  source.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    current = state;
    if (state.build !== shown && state.build > 0) return void update();
    draw(state);
  });
  // A new render: the page's body is swapped for the new one when the head (styles, fonts, policy) is the
  // same, so the browser keeps its fonts and the scroll stays put; otherwise, or on any failure, a reload.
  async function update() {
    if (updating) return;
    updating = true;
    try {
      const response = await fetch(location.href, { cache: "no-store" });
      const html = await response.text();
      // Another policy (a theme or config edit changed the styles' hash): reload before parsing, since
      // the parser would check the new page's styles against this page's policy and log a violation.
      if (hashes(html) !== hashes(document.head.outerHTML)) return reload();
      const next = new DOMParser().parseFromString(html, "text/html");
      const nextMeta = next.querySelector('meta[name="${buildMeta}"]');
      const build = nextMeta ? Number(nextMeta.getAttribute("content")) : 0;
      if (!response.ok || build === 0 || head(next) !== head(document) || next.documentElement.lang !== document.documentElement.lang)
        return reload();
      const x = window.scrollX;
      const y = window.scrollY;
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      if (meta) meta.setAttribute("content", String(build));
      shown = build;
      window.scrollTo(x, y);
      draw(current);
    } catch {
      return reload();
    } finally {
      updating = false;
    }
    if (current.build !== shown && current.build > 0) update();
  }
  function hashes(html) {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
    return policy ? (policy[1].match(/sha256-[A-Za-z0-9+/=]+/g) || []).join(" ") : "";
  }
  function head(doc) {
    const copy = doc.head.cloneNode(true);
    for (const e of copy.querySelectorAll('meta[name="${buildMeta}"], title')) e.remove();
    return copy.innerHTML;
  }
  function reload() {
    sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    source.close();
    location.reload();
  }
  function element(name, className, text) {
    const e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function draw(state) {
    const old = document.getElementById("minutes-preview-overlay");
    if (old) old.remove();
    if (!state.problems || state.problems.length === 0) return;
    const box = element("div", state.failed ? "minutes-preview-failed" : "minutes-preview-warnings");
    box.id = "minutes-preview-overlay";
    box.setAttribute("role", state.failed ? "alert" : "status");
    box.setAttribute("aria-label", state.heading);
    // A failure covers the bottom of the page, open; warnings wait in a corner, folded, until asked for.
    let holder = box;
    if (state.failed) box.appendChild(element("h2", "", state.heading));
    else {
      holder = element("details");
      holder.appendChild(element("summary", "", state.heading + " (" + state.problems.length + ")"));
      box.appendChild(holder);
    }
    const list = element("ul");
    for (const p of state.problems) {
      const item = element("li", "minutes-preview-" + p.severity);
      const head = element("p");
      head.appendChild(element("code", "minutes-preview-where", p.where));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(element("strong", "", p.severityLabel + ": "));
      head.appendChild(document.createTextNode(p.message + " "));
      head.appendChild(element("span", "minutes-preview-rule", "[" + p.rule + "]"));
      item.appendChild(head);
      if (p.hint) item.appendChild(element("p", "minutes-preview-hint", p.hintLabel + ": " + p.hint));
      list.appendChild(item);
    }
    holder.appendChild(list);
    document.body.appendChild(box);
  }
})();
`;

export const liveStyle = `#minutes-preview-overlay {
  position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 2147483647; max-height: 45vh; overflow: auto;
  margin: 0; padding: 0.75rem 1rem; border-radius: 6px; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.35);
  font: 14px/1.45 system-ui, sans-serif; color: #1b1b1b; background: #fff5f5; border: 2px solid #b3261e;
}
#minutes-preview-overlay.minutes-preview-warnings { left: auto; max-width: min(40rem, calc(100vw - 2rem)); background: #fffbea; border-color: #8a6100; }
#minutes-preview-overlay summary { cursor: pointer; font-weight: 600; color: #5c4100; }
#minutes-preview-overlay details[open] summary { margin-bottom: 0.4rem; }
#minutes-preview-overlay h2 { margin: 0 0 0.4rem; font-size: 15px; color: #8c1d18; }
#minutes-preview-overlay.minutes-preview-warnings h2 { color: #5c4100; }
#minutes-preview-overlay ul { margin: 0; padding: 0; list-style: none; }
#minutes-preview-overlay li { margin: 0.3rem 0; }
#minutes-preview-overlay p { margin: 0; }
#minutes-preview-overlay code { font: 13px/1.45 ui-monospace, monospace; }
#minutes-preview-overlay .minutes-preview-rule { color: #555; }
#minutes-preview-overlay .minutes-preview-hint { padding-left: 1.5rem; color: #333; }
body.minutes-preview-page { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
.minutes-preview-message { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
iframe.minutes-preview-pdf { display: block; border: 0; width: 100vw; height: 100vh; }
`;
