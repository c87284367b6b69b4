// The plain text of an mdast node: its value, or its children's texts joined by spaces.
export function textOf(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map((c) => textOf(c as { children?: unknown[]; value?: unknown })).join(" ");
}
