// The published index: <out>/index.html (static, accessible, offline: inline CSS, no external asset,
// the theme's colours) and <out>/index.json, listing every meeting newest first with its date, title,
// links to its PDF and DOCX, and its number of open actions.
import { relative, resolve } from "node:path";
import { defaultTheme, type Theme } from "../theme/theme.js";
import { slashes } from "./collect-inputs.js";
import type { FileOutcome } from "./build-file.js";
import { writeAtomically } from "./write-atomically.js";

export interface IndexEntry {
  title: string;
  date: string;
  language: string;
  openActions: number;
  overdueActions: number;
  /** Output paths relative to the index, by format. */
  pdf?: string;
  docx?: string;
  json?: string;
}

const labels = {
  en: { title: "Meeting minutes", caption: "All meetings, newest first", date: "Date", meeting: "Meeting", documents: "Documents", open: "Open actions", overdue: "overdue", none: "No meeting has been built yet." },
  fr: { title: "Comptes-rendus de réunion", caption: "Toutes les réunions, de la plus récente à la plus ancienne", date: "Date", meeting: "Réunion", documents: "Documents", open: "Actions ouvertes", overdue: "en retard", none: "Aucune réunion n'a encore été construite." },
};

function indexEntries(outRoot: string, files: readonly FileOutcome[]): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const file of files) {
    if (!file.meeting || file.status === "failed") continue;
    const entry: IndexEntry = { ...file.meeting };
    for (const output of file.outputs) entry[output.format] = slashes(relative(outRoot, resolve(output.path)));
    entries.push(entry);
  }
  return entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.title.localeCompare(b.title)));
}

export function indexHtml(entries: readonly IndexEntry[], theme: Theme = defaultTheme()): string {
  const fr = entries.filter((e) => e.language.toLowerCase().startsWith("fr")).length;
  const language = entries.length > 0 && fr * 2 > entries.length ? "fr" : "en";
  const t = labels[language];
  const c = theme.colors;
  const rows = entries.map((e) => {
    const links = (["pdf", "docx"] as const).filter((f) => e[f]).map((f) => `<a href="${escapeAttr(encodeURI(e[f]!))}">${f.toUpperCase()}<span class="visually-hidden"> — ${escapeText(e.title)}</span></a>`).join(" ");
    const overdue = e.overdueActions > 0 ? ` <span class="overdue">(${e.overdueActions} ${t.overdue})</span>` : "";
    return `      <tr>\n        <td><time datetime="${e.date}">${e.date}</time></td>\n        <th scope="row">${escapeText(e.title)}</th>\n        <td class="links">${links}</td>\n        <td class="number">${e.openActions}${overdue}</td>\n      </tr>`;
  });
  const table = entries.length === 0 ? `  <p>${t.none}</p>` : `  <table>
    <caption>${t.caption}</caption>
    <thead>
      <tr><th scope="col">${t.date}</th><th scope="col">${t.meeting}</th><th scope="col">${t.documents}</th><th scope="col">${t.open}</th></tr>
    </thead>
    <tbody>
${rows.join("\n")}
    </tbody>
  </table>`;
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${t.title}</title>
  <style>
    body { font-family: "Noto Sans", system-ui, sans-serif; color: #${c.text}; background: #fff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
    h1 { color: #${c.primary}; font-size: 1.6rem; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; color: #${c.muted}; padding: 0.5rem 0; }
    th, td { border: 1px solid #${c.border}; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
    thead th { background: #${c.tableHeaderFill}; color: #${c.text}; }
    tbody th { font-weight: normal; }
    td.number { text-align: right; white-space: nowrap; }
    td:first-child { white-space: nowrap; }
    .overdue { color: #9c1c1c; }
    a { color: #${c.link}; margin-right: 0.6rem; }
    a:focus { outline: 2px solid #${c.primary}; outline-offset: 2px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  </style>
</head>
<body>
<main>
  <h1>${t.title}</h1>
${table}
</main>
</body>
</html>
`;
}

export async function writeSiteIndex(outRoot: string, files: readonly FileOutcome[], theme?: Theme): Promise<{ html: string; json: string }> {
  const entries = indexEntries(outRoot, files);
  const html = resolve(outRoot, "index.html");
  const json = resolve(outRoot, "index.json");
  await writeAtomically(json, new TextEncoder().encode(`${JSON.stringify({ meetings: entries }, null, 2)}\n`));
  await writeAtomically(html, new TextEncoder().encode(indexHtml(entries, theme)));
  return { html, json };
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}
