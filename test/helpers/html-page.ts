// Reading an HTML page back without a browser: its start tags with their attributes (entities decoded),
// and the text a reader sees (tags, the stylesheet and hidden captions aside, entities decoded).

const decodeEntities = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every start tag of the page: its name and attributes (values with entities decoded). */
export function pageElements(html: string): { tag: string; attrs: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][^\s>/]*)((?:\s+[^\s=>"']+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attrs: [...(m[2] ?? "").matchAll(/([^\s=>"']+)(?:="([^"]*)")?/g)].map(
      (a) => [a[1]!.toLowerCase(), decodeEntities(a[2] ?? "")] as [string, string],
    ),
  }));
}

/** The body's text as a reader sees it, whitespace folded. */
export function visibleText(html: string): string {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? "";
  return decodeEntities(
    body
      .replace(/<script>[\s\S]*?<\/script>/g, " ")
      .replace(/<caption class="visually-hidden">[\s\S]*?<\/caption>/g, " ")
      .replace(/<div class="watermark"[\s\S]*?<\/div>/g, " ")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}
