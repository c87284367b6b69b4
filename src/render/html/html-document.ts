// The page's body, in the layout's order: page header, draft marking, logo, title block, info table,
// preamble, agenda (linked to the items), follow-up section, items with their section labels and action
// tables, next meeting, page footer. Every text comes from the layout; this module only chooses the
// elements (h1 for the title, h2 for the agenda and each item, h3 for a section label, tables with <th scope>
// and a <caption>).
import { agendaEntryParts, agendaTargets } from "../../layout/agenda-targets.js";
import type { ActionTable, DocumentLayout, InfoRow, ItemLayout } from "../../layout/document-layout.js";
import { headerLogoSize, titleLogoSize, watermarkSize } from "../../layout/page-marks.js";
import type { ThemeLogo } from "../../theme/theme.js";
import type { PdfStyles } from "../pdf/pdf-styles.js";
import { blocksHtml } from "./html-blocks.js";
import { screenLineText } from "./html-styles.js";
import { escapeAttr, escapeText, inlineHtml } from "./html-text.js";

/** The id of the `index`-th drawn item's heading: the PDF's named destination (item-anchors.ts), so `#item-2` reaches it in both. */
export const itemId = (index: number): string => `item-${index + 1}`;

/**
 * The rules this page adds to its stylesheet (the page allows no style attribute): column widths, one class per
 * set of proportions, and the sizes of its logo and watermark.
 */
export class PageRules {
  private readonly classes = new Map<string, string>();
  readonly rules: string[] = [];

  add(rule: string): void {
    this.rules.push(rule);
  }

  /** The class of a table whose columns take `weights` of its width. */
  classFor(weights: readonly number[]): string {
    const total = weights.reduce((a, b) => a + Math.max(b, 0), 0);
    const shares = weights.map((w) => (total > 0 && w > 0 ? Math.round((w / total) * 100000) / 1000 : 0));
    const key = shares.join(",");
    let name = this.classes.get(key);
    if (!name) {
      name = `cols-${this.classes.size + 1}`;
      this.classes.set(key, name);
      shares.forEach((share, i) =>
        this.rules.push(`.${name} > colgroup > col:nth-child(${i + 1}) { width: ${share}%; }`),
      );
    }
    return name;
  }
}

interface Drawing {
  layout: DocumentLayout;
  styles: PdfStyles;
  rules: PageRules;
  logo?: { theme: ThemeLogo; uri: string };
}

export function bodyHtml(d: Drawing): string {
  const { layout } = d;
  const parts = [pageHeader(d), "<main>", ...frontMatter(d)];
  if (layout.followUp) parts.push(itemHtml(d, layout.followUp, "follow-up"));
  layout.items.forEach((item, i) => parts.push(itemHtml(d, item, itemId(i))));
  if (layout.nextMeeting)
    parts.push(
      `<p class="next-meeting" dir="auto"><strong>${escapeText(layout.nextMeeting.label)}</strong>${escapeText(layout.nextMeeting.text)}</p>`,
    );
  if (layout.signatures?.length) parts.push(`<div class="signatures">\n${blocksHtml(layout.signatures)}\n</div>`);
  parts.push("</main>", pageFooter(d));
  if (layout.draft?.mark === "watermark") {
    const size = watermarkSize(d.styles.page.width, layout.draft.text);
    d.rules.add(`.watermark span { font-size: ${Math.round(size * 100) / 100}pt; }`);
    // Decoration, as the PDF draws it (an artifact): the draft state is said once more for no one.
    parts.push(`<div class="watermark" aria-hidden="true"><span>${escapeText(layout.draft.text)}</span></div>`);
  }
  return parts.join("\n");
}

const textWidth = (d: Drawing): number => d.styles.page.right - d.styles.page.left;

function logoImg(d: Drawing, className: string, size: { width: number; height: number }): string {
  if (!d.logo) return "";
  const w = Math.round(size.width * 100) / 100;
  const h = Math.round(size.height * 100) / 100;
  d.rules.add(`.${className} { width: ${w}pt; height: ${h}pt; }`);
  return `<img class="${className}" src="${escapeAttr(d.logo.uri)}" alt="${escapeAttr(d.logo.theme.alt)}">`;
}

function pageHeader(d: Drawing): string {
  const line = d.layout.pageHeader.first;
  const text = screenLineText(line);
  const logo = d.logo && d.logo.theme.placement !== "title" ? d.logo.theme : undefined;
  if (!text.trim() && !logo) return "";
  const img = logo ? logoImg(d, "header-logo", headerLogoSize(logo, d.styles.page.top, textWidth(d))) : "";
  const side = logo?.placement === "header-right" ? " logo-right" : "";
  return `<header class="page-header align-${line.align}${side}">${img}<span class="text">${escapeText(text)}</span></header>`;
}

function pageFooter(d: Drawing): string {
  const line = d.layout.pageFooter.first;
  const text = screenLineText(line);
  return text.trim() ? `<footer class="page-footer align-${line.align}">${escapeText(text)}</footer>` : "";
}

function frontMatter(d: Drawing): string[] {
  const { layout } = d;
  const out: string[] = [];
  if (layout.draft?.mark === "banner") out.push(`<p class="draft-banner">${escapeText(layout.draft.text)}</p>`);
  if (d.logo?.theme.placement === "title") {
    const page = d.styles.page;
    out.push(logoImg(d, "title-logo", titleLogoSize(d.logo.theme, textWidth(d), page.bottom - page.top)));
  }
  if (layout.organisation) out.push(`<p class="organisation" dir="auto">${escapeText(layout.organisation)}</p>`);
  out.push(`<h1 dir="auto">${escapeText(layout.title)}</h1>`);
  if (layout.subtitle) out.push(`<p class="subtitle" dir="auto">${escapeText(layout.subtitle)}</p>`);
  out.push('<div class="title-rule"></div>');
  if (layout.info.length) out.push(infoTable(d, layout.info));
  if (layout.preamble.length) out.push(`<div class="preamble">\n${blocksHtml(layout.preamble)}\n</div>`);
  if (layout.agenda.length) out.push(agendaHtml(layout));
  return out;
}

function infoTable(d: Drawing, rows: InfoRow[]): string {
  const cls = d.rules.classFor(d.layout.geometry.infoColumns);
  const body = rows.map((row) => {
    const value = Array.isArray(row.value)
      ? `<ul>${row.value.map((v) => `<li dir="auto">${escapeText(v)}</li>`).join("")}</ul>`
      : escapeText(row.value);
    return `<tr><th scope="row">${escapeText(row.label)}</th><td dir="auto">${value}</td></tr>`;
  });
  // The caption names the table for a screen reader; the PDF prints none, so neither does the page.
  return `<table class="info ${cls}">
<caption class="visually-hidden">${escapeText(d.layout.title)}</caption>
<colgroup>${d.layout.geometry.infoColumns.map(() => "<col>").join("")}</colgroup>
<tbody>
${body.join("\n")}
</tbody>
</table>`;
}

function agendaHtml(layout: DocumentLayout): string {
  const heading = `<h2 id="agenda">${escapeText(layout.agendaTitle)}</h2>`;
  if (layout.agendaBlocks)
    return `<nav aria-labelledby="agenda">\n${heading}\n${blocksHtml(layout.agendaBlocks)}\n</nav>`;
  const targets = agendaTargets(layout);
  const entries = layout.agenda.map((entry, i) => {
    const { number, text } = agendaEntryParts(entry);
    const target = targets[i];
    const words = escapeText(text);
    const linked = target === null || target === undefined ? words : `<a href="#${itemId(target)}">${words}</a>`;
    return `<li><span class="number">${number ? escapeText(number) : ""}</span><span class="entry" dir="auto">${linked}</span></li>`;
  });
  return `<nav aria-labelledby="agenda">\n${heading}\n<ul class="agenda" role="list">\n${entries.join("\n")}\n</ul>\n</nav>`;
}

function itemHtml(d: Drawing, item: ItemLayout, id: string): string {
  const parts = [
    `<section class="item" aria-labelledby="${id}">`,
    `<h2 id="${id}" dir="auto">${escapeText(item.heading)}</h2>`,
  ];
  if (item.banner) parts.push(`<p class="draft-banner">${escapeText(item.banner)}</p>`);
  if (item.intro) parts.push(blocksHtml(item.intro));
  for (const section of item.sections) {
    parts.push(`<h3 dir="auto">${escapeText(section.label)}</h3>`);
    parts.push(blocksHtml(section.blocks));
  }
  if (item.actions) parts.push(actionTable(d, item.actions, item.heading));
  if (item.actionNotes.length) parts.push(blocksHtml(item.actionNotes));
  parts.push("</section>");
  return parts.filter(Boolean).join("\n");
}

function actionTable(d: Drawing, actions: ActionTable, heading: string): string {
  const cls = d.rules.classFor(actions.weights);
  const head = actions.columns.map((c) => `<th scope="col">${escapeText(c)}</th>`).join("");
  const rows = actions.rows.map(
    (row) => `<tr>${actions.columns.map((_, c) => `<td dir="auto">${inlineHtml(row[c] ?? [])}</td>`).join("")}</tr>`,
  );
  // The PDF prints no caption: the page's names the table for a screen reader (the labels' "Actions" and the item).
  return `<div class="table-scroll"><table class="actions ${cls}">
<caption class="visually-hidden">${escapeText(`${d.layout.labels.actions} — ${heading}`)}</caption>
<colgroup>${actions.columns.map(() => "<col>").join("")}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>`;
}
