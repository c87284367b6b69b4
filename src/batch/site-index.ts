// The published index: <out>/index.html (static, accessible, offline: inline CSS, no external asset,
// the theme's colours) and <out>/index.json, listing every meeting newest first with its date, title,
// links to its PDF, DOCX and HTML page, and its number of open actions. The page speaks the language most meetings are
// in (dates written as the documents write them: "mardi 12 mars 2024") and names the organisation most
// meetings name. Its links cannot be turned against a reader
// by a file name (`javascript:alert(7).md`, `"><img onerror=….md`): each is relative ("./…"), with every
// part percent-encoded, in an escaped attribute, and the page's Content-Security-Policy runs no script
// and loads nothing, so even markup that slipped through could do nothing.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { formatDate } from "../i18n/format-meeting.js";
import { cycleLabelsFor } from "../i18n/cycle-labels.js";
import type { MeetingStatus } from "../model/minutes.js";
import { primaryLanguage } from "../i18n/labels.js";
import type { Format } from "../render/renderers.js";
import { defaultTheme } from "../theme/default-theme.js";
import type { Theme } from "../theme/theme.js";
import { packageName, version } from "../version.js";
import { publishedPath } from "./batch-paths.js";
import type { FileOutcome } from "./build-file.js";
import { writeAllAtomically } from "../write-atomically.js";

export interface IndexEntry {
  title: string;
  date: string;
  language: string;
  organisation?: string;
  openActions: number;
  overdueActions: number;
  status?: MeetingStatus;
  approved?: string;
  /** Output paths relative to the index, with "/", by format: file paths, not links (see linkTo). */
  pdf?: string;
  docx?: string;
  html?: string;
  json?: string;
}

/** The formats the page links to, in order. */
const linked = ["pdf", "docx", "html", "json"] as const satisfies readonly Format[];

const labels = {
  en: {
    title: "Meeting minutes",
    caption: "All meetings, newest first",
    date: "Date",
    meeting: "Meeting",
    documents: "Documents",
    status: "Status",
    agendaStatus: "Convocation",
    open: "Open actions",
    overdue: "overdue",
    none: "No meeting has been built yet.",
  },
  fr: {
    title: "Comptes-rendus de réunion",
    caption: "Toutes les réunions, de la plus récente à la plus ancienne",
    date: "Date",
    meeting: "Réunion",
    documents: "Documents",
    status: "Statut",
    agendaStatus: "Convocation",
    open: "Actions ouvertes",
    overdue: "en retard",
    none: "Aucune réunion n'a encore été construite.",
  },
  es: {
    title: "Actas de reunión",
    caption: "Todas las reuniones, de la más reciente a la más antigua",
    date: "Fecha",
    meeting: "Reunión",
    documents: "Documentos",
    status: "Estado",
    agendaStatus: "Convocatoria",
    open: "Acciones abiertas",
    overdue: "con retraso",
    none: "Todavía no se ha generado ninguna reunión.",
  },
  pt: {
    title: "Atas de reunião",
    caption: "Todas as reuniões, da mais recente à mais antiga",
    date: "Data",
    meeting: "Reunião",
    documents: "Documentos",
    status: "Estado",
    agendaStatus: "Convocatória",
    open: "Ações em aberto",
    overdue: "em atraso",
    none: "Ainda não foi gerada nenhuma reunião.",
  },
  de: {
    title: "Sitzungsprotokolle",
    caption: "Alle Sitzungen, die neueste zuerst",
    date: "Datum",
    meeting: "Sitzung",
    documents: "Dokumente",
    status: "Status",
    agendaStatus: "Einladung",
    open: "Offene Aufgaben",
    overdue: "überfällig",
    none: "Es wurde noch keine Sitzung erstellt.",
  },
};
type PageLanguage = keyof typeof labels;

/** The value most entries give (the first of equals, in the order given), or undefined. */
function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

function indexEntries(outRoot: string, files: readonly FileOutcome[]): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const file of files) {
    if (!file.meeting || file.status === "failed") continue;
    const entry: IndexEntry = { ...file.meeting };
    for (const output of file.outputs) {
      // An output outside the published folder (a manifest edited by hand) gets no link.
      const path = publishedPath(outRoot, output.path);
      if (path !== undefined) entry[output.format] = path;
    }
    entries.push(entry);
  }
  return entries.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.title.localeCompare(b.title, "en"),
  );
}

/** "Draft", "Approved on 12 February 2025", "Convocation"; empty when the file gives no status. */
function statusText(e: IndexEntry, language: string, agenda: string): string {
  const cycle = cycleLabelsFor(language);
  if (e.status === "agenda") return agenda;
  if (e.status === "draft") return cycle.draftStatus;
  if (e.status === "approved")
    return e.approved ? cycle.approvedOn.replace("{date}", formatDate(e.approved, language)) : cycle.approvedStatus;
  return "";
}

export function indexHtml(entries: readonly IndexEntry[], theme: Theme = defaultTheme()): string {
  const spoken = mostCommon(entries.map((e) => primaryLanguage(e.language)));
  const language: PageLanguage = spoken !== undefined && spoken in labels ? (spoken as PageLanguage) : "en";
  const t = labels[language];
  const organisation = mostCommon(entries.map((e) => e.organisation?.trim()));
  const heading = organisation ? `${escapeText(organisation)} — ${t.title}` : t.title;
  const c = theme.colors;
  const rows = entries.map((e) => {
    const links = linked
      .filter((f) => e[f])
      .map(
        (f) =>
          `<a href="${escapeAttr(linkTo(e[f]!))}">${f.toUpperCase()}<span class="visually-hidden"> — ${escapeText(e.title)}</span></a>`,
      )
      .join(" ");
    // Every value is escaped, numbers and dates too: the manifest they may come from is a file like any other.
    const overdue =
      e.overdueActions > 0
        ? ` <span class="overdue">(${escapeText(String(e.overdueActions))} ${t.overdue})</span>`
        : "";
    return `      <tr>\n        <td><time datetime="${escapeAttr(e.date)}">${escapeText(formatDate(e.date, language))}</time></td>\n        <th scope="row">${escapeText(e.title)}</th>\n        <td class="links">${links}</td>\n        <td class="number">${escapeText(String(e.openActions))}${overdue}</td>\n        <td>${escapeText(statusText(e, language, t.agendaStatus))}</td>\n      </tr>`;
  });
  const table =
    entries.length === 0
      ? `  <p>${t.none}</p>`
      : `  <table>
    <caption>${t.caption}</caption>
    <thead>
      <tr><th scope="col">${t.date}</th><th scope="col">${t.meeting}</th><th scope="col">${t.documents}</th><th scope="col">${t.open}</th><th scope="col">${t.status}</th></tr>
    </thead>
    <tbody>
${rows.join("\n")}
    </tbody>
  </table>`;
  const style = `
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
  `;
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(style)}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="${packageName} ${version}">
  <title>${heading}</title>
  <style>${style}</style>
</head>
<body>
<main>
  <h1>${heading}</h1>
${table}
</main>
</body>
</html>
`;
}

/**
 * What the page may do: nothing but its own <style> element, named by its hash (no style attribute, no
 * script, no image, font, frame or request of any kind, no <base>, no form). Links still open: following
 * a link is not a load the policy governs.
 */
function contentSecurityPolicy(style: string): string {
  const hash = createHash("sha256").update(style).digest("base64");
  return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
}

/**
 * The link from the index to a published path ("2024/a b#1.pdf" → "./2024/a%20b%231.pdf"): relative, so
 * no scheme ("javascript:") or host can be read into it, and each part percent-encoded, so that "#", "?",
 * "%" and ":" stay part of the name. A path that leaves the index's folder is refused.
 */
export function linkTo(published: string): string {
  const parts = published.replace(/^\.\//, "").split("/");
  if (parts.some((part) => part === "" || part === "." || part === ".."))
    throw new Error(`The index cannot link to ${published}: not a path below its folder.`);
  return `./${parts.map(encodePart).join("/")}`;
}

/** One part of a link: percent-encoded, "'" too (so the link is safe in a single-quoted attribute as well). */
function encodePart(part: string): string {
  // A lone UTF-16 surrogate (possible in a Windows file name) has no UTF-8 form: encodeURIComponent would throw.
  const wellFormed = part.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return encodeURIComponent(wellFormed).replace(/'/g, "%27");
}

/** index.json's entry: the paths, and the same outputs as links (`links.pdf`), safe to use as an href. */
function jsonEntry(entry: IndexEntry): IndexEntry & { links: Partial<Record<Format, string>> } {
  return { ...entry, links: Object.fromEntries(linked.filter((f) => entry[f]).map((f) => [f, linkTo(entry[f]!)])) };
}

export async function writeSiteIndex(
  outRoot: string,
  files: readonly FileOutcome[],
  theme?: Theme,
): Promise<{ html: string; json: string }> {
  const entries = indexEntries(outRoot, files);
  const html = resolve(outRoot, "index.html");
  const json = resolve(outRoot, "index.json");
  // Both or neither: index.json never lists what index.html does not.
  await writeAllAtomically([
    {
      path: json,
      bytes: new TextEncoder().encode(`${JSON.stringify({ meetings: entries.map(jsonEntry) }, null, 2)}\n`),
    },
    { path: html, bytes: new TextEncoder().encode(indexHtml(entries, theme)) },
  ]);
  return { html, json };
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}
