// Writes test/fixtures/board-year/: a year (2025) of monthly board meetings that goes through the whole meeting
// cycle of issue 22, for test/board-year.test.ts and for trying the commands by hand:
//   - minutes.config.yaml: seven members with roles, quorum: majority (4), the board's theme (signature block);
//   - twelve meetings, each a draft carrying `previous:` and approving the previous minutes, half by an agenda item
//     "Approval of the minutes of the previous meeting", half by `approves: previous` (minutes approve records them);
//   - decisions with votes (counts, named votes, unanimity), actions, and follow-ups of earlier actions;
//   - August without quorum (three members present), so its decision is flagged;
//   - two items held in camera: March by `{.confidential}` on its heading, October by the front matter's
//     `confidential:`, each with a decision, a vote and an action whose words appear nowhere else;
//   - the convocation of January 2026 (status: agenda): invitees, presenters, durations, documents, reply-by date.
// Deterministic: running it again writes the same bytes. Usage: node scripts/make-board-year.mjs [folder]
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] ?? "test/fixtures/board-year";

const members = [
  ["Alice Martin", "Chair"],
  ["Bob Chen", "Secretary"],
  ["Carol Diaz", "Treasurer"],
  ["Dan Evans", undefined],
  ["Eve Ford", undefined],
  ["Farid Haddad", undefined],
  ["Grace Ito", undefined],
];
const names = members.map(([name]) => name);

// Second Wednesday of each month of 2025.
const dates = [
  "2025-01-08",
  "2025-02-12",
  "2025-03-12",
  "2025-04-09",
  "2025-05-14",
  "2025-06-11",
  "2025-07-09",
  "2025-08-13",
  "2025-09-10",
  "2025-10-08",
  "2025-11-12",
  "2025-12-10",
];
const file = (date) => `${date}-board.md`;

// Who is excused each month (index into members); August: four excused, so three present and no quorum (4).
const excused = [[3], [], [5], [4, 6], [], [2], [3, 5], [2, 3, 4, 5], [], [6], [4], []];

// Public topics, one per month, with a decision and its vote.
const topics = [
  ["Budget 2025", "The 2025 budget of 412,000 EUR is adopted.", "Vote: 5 for, 1 against, 0 abstentions"],
  ["Website renewal", "The website is rebuilt by a local studio.", "Adopted unanimously."],
  ["Annual report", "The annual report for 2024 is adopted.", "Vote: 4 for, 0 against, 1 abstention"],
  ["Volunteer charter", "The volunteer charter is adopted as amended.", "Vote: 5 for, 0 against"],
  ["Summer festival", "The summer festival takes place on 5 July in the park.", "Adopted unanimously."],
  ["Insurance", "The liability insurance moves to the mutual insurer.", "Vote: 4 for, 2 against"],
  ["Premises", "The lease of the premises is renewed for three years.", "Vote: 5 for, 0 against, 0 abstentions"],
  ["Emergency repairs", "The roof repairs are ordered at once.", "Vote: 3 for, 0 against"],
  ["Membership fees", "The membership fee stays at 30 EUR.", "Adopted unanimously."],
  ["Partnerships", "The partnership with the city library is signed.", "Vote: 5 for, 0 against, 1 abstention"],
  ["Budget 2026 orientation", "The 2026 budget orientation is approved.", "Vote: 5 for, 1 against"],
  ["Calendar 2026", "The meetings of 2026 are held on the second Wednesday.", "Adopted unanimously."],
];

// The two items held in camera: their words appear nowhere else in the repository (the test looks for them).
const inCamera = {
  2: {
    how: "heading",
    title: "Remuneration of the director Quillfeather",
    discussion: "The board discussed the zephyrine bonus proposed for director Quillfeather.",
    decision: "The zephyrine bonus of Quillfeather is granted from April. {#quillfeather-bonus}",
    vote: "Vote: 4 for (Alice Martin, Bob Chen, Carol Diaz, Dan Evans), 1 against (Eve Ford), 1 abstention (Grace Ito)",
    action: ["Notify Quillfeather of the zephyrine bonus", "Alice Martin", "2025-05-30"],
  },
  9: {
    how: "front matter",
    title: "Legal dispute with Norwind Brackenholt",
    discussion: "Counsel reported on the Norwind Brackenholt litigation and the obsidian settlement offer.",
    decision: "The obsidian settlement offer to Norwind Brackenholt is accepted.",
    vote: "Vote: 5 for, 0 against, 1 abstention",
    action: ["Sign the obsidian settlement with Norwind Brackenholt", "Carol Diaz", "2025-11-30"],
  },
};

const yamlList = (list) => `[${list.join(", ")}]`;

function meeting(i) {
  const date = dates[i];
  const away = new Set(excused[i]);
  const present = names.filter((_, k) => !away.has(k));
  const absent = names.filter((_, k) => away.has(k));
  const secret = inCamera[i];
  const front = [
    "---",
    "title: Board meeting",
    `date: ${date}`,
    'time: "18:00-20:00"',
    "location: Community hall, room 2",
    "chair: Alice Martin",
    "secretary: Bob Chen",
    `attendees: ${yamlList(present)}`,
  ];
  if (absent.length) front.push(`absent: ${yamlList(absent)}`);
  if (i === 4) front.push("guests: [Hugo Klein]");
  front.push("status: draft");
  if (i > 0) front.push(`previous: ${file(dates[i - 1])}`);
  // Odd months approve by `approves: previous`, even months by an agenda item (both forms of the issue).
  const byItem = i > 0 && i % 2 === 0;
  if (i > 0 && !byItem) front.push("approves: previous");
  if (secret?.how === "front matter") front.push(`confidential: ["${secret.title}"]`);
  if (i < 11) front.push(`next_meeting: ${dates[i + 1]}`);
  front.push("---", "");

  const body = [];
  let n = 0;
  if (byItem) {
    n++;
    body.push(
      `## ${n}. Approval of the minutes of the previous meeting`,
      "",
      `The minutes of ${dates[i - 1]} are approved without change.`,
      "",
    );
  }
  const [topic, decision, vote] = topics[i];
  n++;
  body.push(
    `## ${n}. ${topic}`,
    "",
    "### Discussion",
    "",
    `The board reviewed the ${topic.toLowerCase()} file presented by Carol Diaz.`,
    "",
    "### Decisions",
    "",
    `- ${decision}`,
    `  ${vote}`,
    "",
    "### Actions",
    "",
    "| Action | Responsible | Deadline |",
    "|---|---|---|",
    `| Carry out: ${topic.toLowerCase()} | ${present[(i + 1) % present.length]} | ${dates[Math.min(i + 1, 11)]} |`,
    "",
  );
  if (secret) {
    n++;
    body.push(
      `## ${n}. ${secret.title}${secret.how === "heading" ? " {.confidential}" : ""}`,
      "",
      secret.discussion,
      "",
      "### Decisions",
      "",
      `- ${secret.decision}`,
      `  ${secret.vote}`,
      "",
      "### Actions",
      "",
      "| Action | Responsible | Deadline |",
      "|---|---|---|",
      `| ${secret.action.join(" | ")} |`,
      "",
    );
  }
  n++;
  body.push(`## ${n}. Any other business`, "", "None.", "");
  return `${front.join("\n")}\n${body.join("\n")}`;
}

// The January 2026 convocation: the same kind of file, before the meeting (status: agenda).
const convocation = `---
title: Board meeting
date: 2026-01-14
time: "18:00-20:00"
location: Community hall, room 2
chair: Alice Martin
secretary: Bob Chen
status: agenda
previous: ${file(dates[11])}
approves: previous
invitees: ${yamlList([...names, "Hugo Klein"])}
reply_by: 2026-01-07
documents:
  - title: Draft budget 2026
    url: https://example.org/board/budget-2026.pdf
  - title: Activity report 2025
    url: https://example.org/board/report-2025.pdf
  - Minutes of 10 December 2025
---

## 1. Approval of the minutes of the previous meeting {duration=5}

## 2. Budget 2026 {presenter="Carol Diaz" duration=30}

## 3. Election of the treasurer {presenter="Alice Martin" duration=15}

## 4. Succession of director Quillfeather {.confidential presenter="Alice Martin" duration=20}

## 5. Any other business {duration=10}
`;

const config = `# A board of seven members (issue 22 fixture, made by scripts/make-board-year.mjs).
language: en
organisation: Riverside Community Association
theme: board-theme
members:
${members.map(([name, role]) => (role ? `  - name: ${name}\n    role: ${role}` : `  - ${name}`)).join("\n")}
quorum: majority
`;

const theme = `# The board's theme: the built-in defaults, with the signature block (Chair, Secretary).
name: board
signatures:
  show: true
  roles: [chair, secretary]
`;

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "board-theme"), { recursive: true });
writeFileSync(join(out, "minutes.config.yaml"), config);
writeFileSync(join(out, "board-theme", "theme.yaml"), theme);
for (let i = 0; i < 12; i++) writeFileSync(join(out, file(dates[i])), meeting(i));
writeFileSync(join(out, "2026-01-14-board.md"), convocation);
console.log(`wrote ${out}: 12 meetings, the January 2026 convocation, config and theme`);
