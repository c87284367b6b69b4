// The plain text of an mdast node: its value, or its children's texts joined by spaces.
export function textOf(node: object): string {
  const { value, children } = node as { value?: unknown; children?: unknown };
  if (typeof value === "string") return value;
  return Array.isArray(children) ? children.map((c: object) => textOf(c)).join(" ") : "";
}
