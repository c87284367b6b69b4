// The `placeholder-left` rule: what a template or the init sample left for the clerk to replace.
// - A placeholder is written in double braces, `{{name}}`, anywhere in the file outside code. `minutes new`
//   fills {{date}}, {{title}}, {{deadline}} and {{follow_up}}; any other one (or one in a file written by
//   hand) is still there to be replaced. A site generator's expression (`{{ site.url }}`, `{{ .Site.BaseURL }}`)
//   is none: it belongs to the site that publishes the minutes.
// - The example values `minutes init` writes in its sample and template ("Premier participant
//   (Organisation)", "Your organisation", "Chair's name"…) are recognised as written there
//   (src/i18n/sample-meeting.ts), whatever the language, as the values of organisation, chair, secretary,
//   attendees and absent.
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text, type MessageId } from "../i18n/messages.js";
import { exampleValues } from "../i18n/sample-meeting.js";
import type { YamlSource } from "../yaml-source.js";
import { normalizeLabel } from "../i18n/text-match.js";

const PLACEHOLDER = /\{\{\s*[^{}\n]*?\s*\}\}/g;

/**
 * A site generator's template expression, not a placeholder left for the clerk: Jekyll's Liquid
 * (`{{ site.url }}`, `{{ page.title }}`, `{{ "/x" | relative_url }}`) and Hugo's (`{{ .Site.BaseURL }}`,
 * `{{< ref "x" >}}`, `{{% note %}}`), met in minutes published as a site's posts.
 */
const TEMPLATE_EXPRESSION =
  /^\{\{\s*(?:[<%]|\.|(?:site|page|post|include|layout|jekyll|paginator|content|params)\.|[^}]*\|\s*\w)/;

/** Whether a value is just a `{{name}}` placeholder. */
export function isPlaceholder(value: string): boolean {
  return /^\{\{[^{}\n]*\}\}$/.test(value.trim());
}

/**
 * A placeholder that is a whole unquoted YAML value (`date: {{date}}`, `- {{name}}`) would be read as a
 * nested mapping; it is quoted in place (`"{date}"`, the same length, so every place in the file holds).
 */
export function quotePlaceholders(yaml: string): string {
  return yaml.replace(
    /^(\s*(?:-\s+|[^\s#"'][^:#\n]*:\s+))\{\{([^{}\n]*)\}\}[ \t]*$/gm,
    (_whole, before: string, inner: string) => `${before}"{${inner}}"`,
  );
}

/** A warning at each `{{…}}` left in the file, outside code, and where no other message already stands. */
export function reportTemplatePlaceholders(text_: string, tree: Root, file: VFile): void {
  const code: [number, number][] = [];
  const visit = (node: {
    type: string;
    position?: { start: { offset?: number }; end: { offset?: number } };
    children?: unknown[];
  }): void => {
    if (
      (node.type === "code" || node.type === "inlineCode" || node.type === "html") &&
      node.position?.start.offset !== undefined
    )
      code.push([node.position.start.offset, node.position.end.offset ?? node.position.start.offset]);
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(tree as unknown as Parameters<typeof visit>[0]);
  const taken = new Set(file.messages.map((m) => `${m.line}:${m.column}`));
  const lineStarts = [0, ...[...text_.matchAll(/\n/g)].map((m) => m.index + 1)];
  for (const m of text_.matchAll(PLACEHOLDER)) {
    if (code.some(([from, to]) => m.index >= from && m.index < to) || TEMPLATE_EXPRESSION.test(m[0])) continue;
    let line = 1;
    while (line < lineStarts.length && lineStarts[line]! <= m.index) line++;
    const column = m.index - lineStarts[line - 1]! + 1;
    // A quoted `"{{date}}"` is reported by its field; so is a date field's placeholder.
    if (taken.has(`${line}:${column}`) || taken.has(`${line}:${column - 1}`)) continue;
    report(file, {
      severity: "warning",
      rule: "placeholder-left",
      message: text("placeholder-left", { placeholder: m[0] }),
      place: { line, column },
      hint: text("placeholder-left.hint"),
    });
  }
}

const examples = {
  organisation: new Set(exampleValues.map((v) => normalizeLabel(v.organisation))),
  chair: new Set(exampleValues.map((v) => normalizeLabel(v.chair))),
  secretary: new Set(exampleValues.map((v) => normalizeLabel(v.secretary))),
  attendees: new Set(exampleValues.map((v) => normalizeLabel(v.attendee))),
};
const people = new Set([...examples.chair, ...examples.secretary, ...examples.attendees]);

/** A warning for each front-matter field that still holds an example value of the init sample. */
export function reportExampleValues(raw: Record<string, unknown>, source: YamlSource | undefined, file: VFile): void {
  const nameOf = (value: unknown): string | undefined =>
    typeof value === "string"
      ? value
      : value && typeof value === "object" && typeof (value as { name?: unknown }).name === "string"
        ? (value as { name: string }).name
        : undefined;
  const warn = (id: MessageId, value: string, path: (string | number)[]) =>
    report(file, {
      severity: "warning",
      rule: "placeholder-left",
      message: text(id, { value }),
      place: source ? source.valuePlace(path) : { line: 1, column: 1 },
      hint: text("placeholder-left.example.hint"),
    });
  const organisation = nameOf(raw.organisation);
  if (organisation && examples.organisation.has(normalizeLabel(organisation)))
    warn("placeholder-left.organisation", organisation, ["organisation"]);
  for (const key of ["chair", "secretary"] as const) {
    const name = nameOf(raw[key]);
    if (name && people.has(normalizeLabel(name))) warn(`placeholder-left.${key}`, name, [key]);
  }
  // One message per list: "replace the example attendees", at the first example.
  for (const key of ["attendees", "absent"] as const) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    const at = list.findIndex((p) => {
      const name = nameOf(p);
      return name !== undefined && people.has(normalizeLabel(name));
    });
    if (at >= 0) warn("placeholder-left.attendees", nameOf(list[at])!, [key, at]);
  }
}
