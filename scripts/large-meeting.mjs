// The large synthetic meeting of `npm run bench` and of test/large-meeting-linearity.test.ts: `items` agenda items,
// each with a discussion paragraph (bold, italic, a link), a nested list and a two-row action table. 400 items
// make 257 KB of Markdown.

/** The Markdown text of a meeting with `items` agenda items. */
export function largeMeeting(items) {
  const parts = [
    "---",
    "title: Large meeting",
    "date: 2024-01-15",
    "language: en",
    "attendees: [Ana, Bo, Chen]",
    "---",
    "",
  ];
  for (let i = 1; i <= items; i++) {
    parts.push(
      `## Item ${i}`,
      "",
      "### Discussion",
      "",
      `Paragraph ${i} with **bold**, _italic_ and a [link](https://example.org/${i}). `.repeat(6),
      "",
      "- first point\n- second point\n  1. nested\n  2. nested",
      "",
      "### Actions",
      "",
      "| Action | Owner | Due |",
      "|---|---|---|",
      `| Follow up ${i} | Ana | 2024-02-01 |`,
      `| Report ${i} | Bo | TBD |`,
      "",
    );
  }
  return parts.join("\n");
}
