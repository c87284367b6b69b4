// Which link addresses a document may publish: web and mail addresses, telephone numbers and addresses
// relative to the document. The parser turns any other link into text (parse/safe-links.ts); the HTML
// renderer asks again before writing an href, so a model built by other code cannot carry one either.

const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel"]);

/** Whether a link address is safe to publish: a safe scheme, or relative to the document (no scheme, no host). */
export function isSafeUrl(url: string): boolean {
  // Browsers and viewers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const bare = url.replace(/[\u0000-\u0020\u007f]/g, "");
  if (bare.startsWith("//") || bare.startsWith("\\\\") || /^[/\\]{2}/.test(bare)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1];
  if (scheme === undefined) return !/^[a-z]:[\\/]/i.test(bare);
  // A Windows drive (C:\…) reads as a one-letter scheme: a local file.
  return scheme.length > 1 && SAFE_SCHEMES.has(scheme.toLowerCase());
}
