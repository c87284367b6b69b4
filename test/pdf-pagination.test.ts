// Page layout of a long meeting, checked from where poppler finds each word on each page: a 60-item meeting
// with a 40-row action table, a 150-item list, a 200-character URL and a very long word in table cells.
// Header rows repeat at the top of each table page, rows do not split, no page ends with a heading,
// nothing leaves the page box, and long tables and lists run on across pages in order.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block, Inline, Minutes } from "../src/model/minutes.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { pdfStyles } from "../src/render/pdf/pdf-styles.js";
import { renderPdf } from "../src/index.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import { PdfObjects } from "./helpers/pdf-objects.js";
import { useTools, itWithTools, run } from "./helpers/tools.js";

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

const text = (value: string): Inline[] => [{ type: "text", value }];
const para = (...children: Inline[]): Block => ({ type: "paragraph", children });
const URL =
  `https://example.org/comptes-rendus/${"archives-du-secretariat-permanent/".repeat(4)}reunion-2022-09-23?version=definitive&format=pdf&page=${"1".repeat(20)}`.slice(
    0,
    200,
  );
const LONG_WORD = `Z${"abcdefghij".repeat(30)}Z`;
const ROWS = 40;

function longMeeting(): Minutes {
  const items = Array.from({ length: 60 }, (_, i): Minutes["items"][number] => {
    const n = i + 1;
    const discussion: Block[] = [
      para(
        ...text(
          `Sujet${n} : la discussion a porté sur plusieurs points, résumés ici en une phrase assez longue pour tenir sur deux lignes de texte courant.`,
        ),
      ),
    ];
    let actions: Minutes["items"][number]["actions"] = [
      { action: text(`Suivre le point ${n}`), responsible: text("SP"), deadline: { text: "2022-10-01" } },
    ];
    if (n === 20) {
      actions = Array.from({ length: ROWS }, (_, r) => ({
        action: text(
          `R${r}a action à mener pour la ligne ${r}, décrite assez longuement pour occuper trois lignes dans la colonne la plus large du tableau R${r}z`,
        ),
        responsible: text(`P${r} Secrétariat`),
        deadline: { text: "2022-12-31" },
      }));
    }
    if (n === 30) {
      discussion.push(para(...text("Le document est en ligne : "), { type: "link", url: URL, children: text(URL) }));
      discussion.push({
        type: "table",
        align: [],
        header: [text("Mot"), text("Adresse")],
        rows: [[text(LONG_WORD), text(URL)]],
      });
    }
    if (n === 40) {
      discussion.push({
        type: "list",
        ordered: true,
        start: 1,
        items: Array.from({ length: 150 }, (_, k) => ({
          checked: null,
          children: [para(...text(`Élément L${k} de la longue liste`))],
        })),
      });
    }
    return {
      number: n,
      title: `Titre${n} du point`,
      discussion,
      decisions: [para(...text(`Décision${n} adoptée.`))],
      actions,
      actionNotes: [],
    };
  });
  return {
    meeting: {
      title: "Réunion longue",
      date: "2022-09-23",
      language: "fr",
      attendees: [{ name: "Awa Diallo" }],
      absent: [],
      extra: {},
    },
    preamble: [],
    items,
  };
}

/** Every word with its box, from `pdftotext -bbox`, page by page (1-based). */
function words(path: string): Word[] {
  const html = run("pdftotext", ["-enc", "UTF-8", "-bbox", path, "-"]);
  const out: Word[] = [];
  html
    .split("<page ")
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        const text = m[5]!
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, "&")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">");
        out.push({ page: i + 1, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text });
      }
    });
  return out;
}

/** Words grouped into lines (same page, same top within a point), top to bottom. */
function lines(ws: Word[]): Word[][] {
  const sorted = [...ws].sort((a, b) => a.page - b.page || a.y0 - b.y0 || a.x0 - b.x0);
  const out: Word[][] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last[0]!.page === w.page && Math.abs(last[0]!.y0 - w.y0) < 1) last.push(w);
    else out.push([w]);
  }
  return out.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

const lineText = (line: Word[]): string => line.map((w) => w.text).join(" ");
const pageOf = (ws: Word[], text: string): number[] => [
  ...new Set(ws.filter((w) => w.text === text).map((w) => w.page)),
];

describe("a 60-item meeting with a 40-row action table", () => {
  const styles = pdfStyles(defaultTheme());
  const { page } = styles;
  const minutes = longMeeting();
  const layout = layoutMinutes(minutes);
  let path: string;
  let bytes: Uint8Array;
  let all: Word[];
  let body: Word[];

  beforeAll(async () => {
    bytes = await renderPdf(minutes, { theme: defaultTheme(), timestamp: new Date("2022-09-23T00:00:00Z") });
    path = join(mkdtempSync(join(tmpdir(), "minutes-pagination-")), "long.pdf");
    writeFileSync(path, bytes);
    all = useTools("pdftotext") ? words(path) : [];
    body = all.filter((w) => w.y0 >= page.top - 1 && w.y1 <= page.bottom + 1);
  });

  itWithTools("qpdf", "pdftotext")(
    "passes qpdf --check and keeps every word inside the page box and the margins",
    () => {
      expect(run("qpdf", ["--check", path])).toMatch(/No syntax or stream encoding errors/);
      expect(all.length).toBeGreaterThan(5000);
      for (const w of all) {
        expect(w.x0, `${w.text} on page ${w.page}`).toBeGreaterThanOrEqual(page.left - 1);
        expect(w.x1, `${w.text} on page ${w.page}`).toBeLessThanOrEqual(page.right + 1);
        expect(w.y0).toBeGreaterThanOrEqual(0);
        expect(w.y1).toBeLessThanOrEqual(page.height);
      }
    },
  );

  itWithTools("pdftotext")("never splits an action row, and runs the table across pages in order", () => {
    const pages: number[] = [];
    for (let r = 0; r < ROWS; r++) {
      const where = [...new Set([...pageOf(body, `R${r}a`), ...pageOf(body, `R${r}z`), ...pageOf(body, `P${r}`)])];
      expect(where, `row ${r}`).toHaveLength(1);
      pages.push(where[0]!);
    }
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(new Set(pages).size).toBeGreaterThanOrEqual(2);
  });

  itWithTools("pdftotext")("repeats the header row at the top of every page the table continues on", () => {
    const rowPages = [...new Set(Array.from({ length: ROWS }, (_, r) => pageOf(body, `R${r}a`)[0]!))];
    const columns = layout.items[19]!.actions!.columns;
    for (const p of rowPages.slice(1)) {
      const first = lines(body.filter((w) => w.page === p))[0]!;
      // The header row's first line: the first word of each column's label, side by side.
      for (const column of columns) expect(lineText(first), `page ${p}`).toContain(column.split(" ")[0]!);
      const topRow = Math.min(...body.filter((w) => w.page === p && /^R\d+a$/.test(w.text)).map((w) => w.y0));
      expect(first[0]!.y1).toBeLessThan(topRow);
    }
  });

  itWithTools("pdftotext")("never ends a page with a heading or a section label", () => {
    const labels = new Set(layout.items.flatMap((item) => [item.heading, ...item.sections.map((s) => s.label)]));
    labels.add(layout.labels.actions);
    // Each title is in the agenda first, then in its heading: the heading is the last occurrence.
    const heading = (n: number): Word => body.filter((w) => w.text === `Titre${n}`).at(-1)!;
    const first = heading(1);
    // Lines from the first heading on, so the agenda (which lists the same titles) is left out.
    const content = lines(body).filter(
      (l) => l[0]!.page > first.page || (l[0]!.page === first.page && l[0]!.y0 >= first.y0 - 1),
    );
    const byPage = new Map<number, Word[][]>();
    for (const line of content) byPage.set(line[0]!.page, [...(byPage.get(line[0]!.page) ?? []), line]);
    expect(byPage.size).toBeGreaterThan(15);
    for (const [p, pageLines] of byPage) {
      const last = lineText(pageLines[pageLines.length - 1]!);
      expect(labels.has(last), `page ${p} ends with "${last}"`).toBe(false);
    }
    // And each item heading has at least two more lines below it on its page.
    for (let n = 1; n <= 60; n++) {
      const h = heading(n);
      const below = (byPage.get(h.page) ?? []).filter((l) => l[0]!.y0 > h.y1);
      expect(below.length, `item ${n}`).toBeGreaterThanOrEqual(2);
    }
  });

  itWithTools("pdftotext")("runs a 150-item list across pages, in order", () => {
    const pages = Array.from({ length: 150 }, (_, k) => {
      const where = pageOf(body, `L${k}`);
      expect(where, `item ${k}`).toHaveLength(1);
      return where[0]!;
    });
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(new Set(pages).size).toBeGreaterThanOrEqual(2);
  });

  itWithTools("pdftotext")("wraps a 200-character URL and a 302-character word inside their cells and lines", () => {
    expect(URL).toHaveLength(200);
    // The paragraph: the URL's line fragments, read top to bottom, give it back whole.
    const joined = lines(body).map(lineText).join("").replace(/\s+/g, "");
    expect(joined).toContain(`Ledocumentestenligne:${URL}`);
    // The table: each cell's fragments stay inside the cell's column.
    const header = body.find((w) => w.text === "Adresse")!;
    const word = body.filter((w) => /^[a-jZ]+$/.test(w.text) && w.text.length > 5);
    expect(word.map((w) => w.text).join("")).toBe(LONG_WORD);
    for (const w of word) expect(w.x1).toBeLessThan(header.x0);
    const column = body
      .filter((w) => w.page === header.page && w.x0 >= header.x0 - 1 && w.y0 > header.y1)
      .sort((a, b) => a.y0 - b.y0);
    let cell = "";
    let fragments = 0;
    for (const w of column) {
      if (!URL.startsWith(cell + w.text)) break;
      cell += w.text;
      fragments++;
    }
    expect(cell).toBe(URL);
    expect(fragments).toBeGreaterThanOrEqual(2);
  });

  it("links every fragment of the wrapped URL to the whole URL, and bookmarks all 60 items", async () => {
    const pdf = await PdfObjects.load(bytes);
    const links = pdf.annotations().filter(({ annot }) => pdf.get(pdf.dict(annot, "A")!, "URI") === URL);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const { annot } of links) {
      const [x0, , x1] = pdf.array(annot, "Rect").map((n) => pdf.value(n) as number);
      expect(x0).toBeGreaterThanOrEqual(page.left - 1);
      expect(x1).toBeLessThanOrEqual(page.right + 1);
    }
    expect(pdf.outline().map((e) => e.title)).toEqual(layout.items.map((i) => i.heading));
  });
});
