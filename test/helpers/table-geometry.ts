// Tables read back from the two outputs, for the DOCX/PDF parity test: the DOCX's tables from document.xml
// (w:tblGrid / w:gridCol, each row's w:tcW and text), the PDF's text blocks with their positions from
// `pdftotext -bbox-layout` (one block per table cell: a cell's text starts at its left edge plus the padding).

export interface DocxTable {
  /** w:gridCol widths, in twips. */
  grid: number[];
  /** Each row's cells: text (paragraphs joined by a space) and w:tcW. */
  rows: { text: string; width: number }[][];
}

/** Whitespace folded (no-break and narrow spaces too), a list bullet at the start dropped. */
export const fold = (value: string): string => value.replace(/[\s\u00a0\u202f]+/g, " ").trim();

const xmlText = (value: string): string =>
  value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The top-level tables of word/document.xml, in document order (a table nested in a cell stays in its cell's text). */
export function docxTables(documentXml: string): DocxTable[] {
  const tables: DocxTable[] = [];
  const tag = /<(\/?)w:tbl>/g;
  let depth = 0;
  let start = 0;
  for (let m = tag.exec(documentXml); m; m = tag.exec(documentXml)) {
    if (m[1] === "") {
      if (depth++ === 0) start = m.index;
    } else if (--depth === 0) tables.push(docxTable(documentXml.slice(start, m.index)));
  }
  return tables;
}

function docxTable(xml: string): DocxTable {
  const grid = [...xml.matchAll(/<w:gridCol [^>]*w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((row) =>
    [...row[0].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((cell) => ({
      width: Number(/<w:tcW [^>]*w:w="(\d+)"/.exec(cell[1]!)?.[1] ?? Number.NaN),
      text: fold(
        [...cell[1]!.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
          .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => xmlText(t[1]!)).join(""))
          .join(" "),
      ),
    })),
  );
  return { grid, rows };
}

export interface PdfBlock {
  page: number;
  x: number;
  y: number;
  text: string;
}

/** Every text block of `pdftotext -bbox-layout` output: page, left edge, top of its first line, its words. */
export function pdfBlocks(bboxHtml: string): { pageWidth: number; blocks: PdfBlock[] } {
  const blocks: PdfBlock[] = [];
  let pageWidth = 0;
  const pages = bboxHtml.split(/<page /).slice(1);
  pages.forEach((page, index) => {
    pageWidth = Number(/width="([\d.]+)"/.exec(page)?.[1] ?? 0);
    for (const block of page.matchAll(/<block xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)<\/block>/gs)) {
      const words = [...block[3]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => xmlText(w[1]!));
      blocks.push({ page: index, x: Number(block[1]), y: Number(block[2]), text: fold(words.join(" ")) });
    }
  });
  return { pageWidth, blocks };
}

/** Blocks that start on the same line of the same page: what a table row looks like in the PDF. */
export function pdfRows(blocks: PdfBlock[]): PdfBlock[][] {
  const rows: PdfBlock[][] = [];
  for (const block of blocks) {
    const row = rows.find((r) => r[0]!.page === block.page && Math.abs(r[0]!.y - block.y) < 0.5);
    if (row) row.push(block);
    else rows.push([block]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows.sort((a, b) => a[0]!.page - b[0]!.page || a[0]!.y - b[0]!.y);
}
