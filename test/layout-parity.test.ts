// DOCX/PDF parity, read back from the files: every table the layout decides (the info table, each action
// table, the follow-up table) must have the same labels, in the same order, and the same column proportions
// in both outputs. The DOCX's come from document.xml (w:gridCol, w:tcW, cell text), the PDF's from the text
// positions pdftotext reports (a cell's text starts at its column's left edge plus the cell padding).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect } from "vitest";
import { build, check } from "../src/build.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { pdfStyles } from "../src/render/pdf/pdf-styles.js";
import { docxTables, fold, pdfBlocks, pdfRows, type DocxTable, type PdfBlock } from "./helpers/table-geometry.js";
import { itWithTools, run } from "./helpers/tools.js";

/** How far a PDF column edge may sit from the DOCX's, as a share of the text width (0.4%: about 2 points). */
const tolerance = 0.004;

interface Sample {
  docx: DocxTable[];
  pdfRows: PdfBlock[][];
  /** The PDF's text area and cell padding, from the theme. */
  left: number;
  width: number;
  padX: number;
  /** The first row of each table the layout decides, as the layout words it. */
  layoutTables: string[][];
}

const dir = mkdtempSync(join(tmpdir(), "minutes-parity-"));

async function sample(input: string): Promise<Sample> {
  const built = await build(input, { out: dir, formats: ["docx", "pdf"], config: null });
  expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
  const checked = await check(input, { config: null });
  const layout = layoutMinutes(checked.minutes!, checked.theme!);
  const stem = join(dir, basename(input, ".md"));
  const documentXml = strFromU8(unzipSync(readFileSync(`${stem}.docx`))["word/document.xml"]!);
  const { page, table } = pdfStyles(checked.theme!);
  const actionTables = [...(layout.followUp ? [layout.followUp] : []), ...layout.items].flatMap((item) => (item.actions ? [item.actions.columns] : []));
  const info = layout.info[0] ? [[layout.info[0].label, typeof layout.info[0].value === "string" ? layout.info[0].value : layout.info[0].value[0]!]] : [];
  return {
    docx: docxTables(documentXml),
    pdfRows: pdfRows(pdfBlocks(run("pdftotext", ["-bbox-layout", `${stem}.pdf`, "-"])).blocks),
    left: page.left,
    width: page.right - page.left,
    padX: table.padX,
    layoutTables: [...info, ...actionTables].map((cells) => cells.map(fold)),
  };
}

/** Where each column starts, as a share of the table's width, from the DOCX's grid. */
function docxStarts(table: DocxTable): number[] {
  const total = table.grid.reduce((a, b) => a + b, 0);
  return table.grid.map((_, i) => table.grid.slice(0, i).reduce((a, b) => a + b, 0) / total);
}

/** The PDF row (after `from`) whose cells read, left to right, as the DOCX row's non-empty cells. */
function findRow(rows: PdfBlock[][], from: number, cells: string[]): number {
  const wanted = cells.filter(Boolean);
  return rows.findIndex((row, i) => i >= from && row.length === wanted.length && row.every((block, c) => block.text !== "" && wanted[c]!.startsWith(block.text.replace(/(^| )• /g, "$1"))));
}

/**
 * Checks one DOCX table against the PDF, row by row in order: each row's cells are found in the PDF with the
 * same texts, and each cell's text starts where the DOCX's grid puts its column. Returns the PDF row reached.
 */
function expectSameTable(s: Sample, table: DocxTable, from: number, name: string): number {
  const starts = docxStarts(table);
  let at = from;
  table.rows.forEach((row, r) => {
    for (const [c, cell] of row.entries()) expect(cell.width, `${name} row ${r} cell ${c}: w:tcW against w:gridCol`).toBe(table.grid[c]);
    const texts = row.map((cell) => cell.text);
    const found = findRow(s.pdfRows, at, texts);
    expect(found, `${name} row ${r} (${JSON.stringify(texts)}) is in the PDF after its previous row`).toBeGreaterThanOrEqual(0);
    const columns = texts.flatMap((text, c) => (text ? [c] : []));
    const pdf = s.pdfRows[found]!.map((block) => (block.x - s.padX - s.left) / s.width);
    const docx = columns.map((c) => starts[c]!);
    const off = pdf.map((x, i) => Math.abs(x - docx[i]!));
    expect(Math.max(...off), `${name} row ${r}: column starts PDF ${JSON.stringify(pdf.map((x) => +x.toFixed(3)))} vs DOCX ${JSON.stringify(docx.map((x) => +x.toFixed(3)))}`).toBeLessThanOrEqual(tolerance);
    at = found + 1;
  });
  return at;
}

// The seed, the English example (a status column), and a meeting with a follow-up section, five action columns
// and a theme that words the action labels its own way.
const inputs = ["examples/2022-09-23-gtm.md", "examples/2024-03-05-steering-committee.md", "test/fixtures/parity/2024-02-14-board.md"];

describe.each(inputs)("DOCX/PDF parity of %s", (input) => {
  let s: Sample;
  beforeAll(async () => {
    s = await sample(input);
  }, 60_000);

  itWithTools("pdftotext")("has the layout's tables in the DOCX, with the layout's labels in order", () => {
    const firstRows = s.docx.map((t) => t.rows[0]!.map((cell) => cell.text));
    const decided = firstRows.filter((cells) => s.layoutTables.some((l) => JSON.stringify(l) === JSON.stringify(cells)));
    expect(decided).toEqual(s.layoutTables);
    expect(decided.length).toBeGreaterThan(1);
  });

  itWithTools("pdftotext")("draws each of those tables in the PDF with the same labels, order and column proportions", () => {
    let at = 0;
    const decided = s.docx.filter((t) => s.layoutTables.some((l) => JSON.stringify(l) === JSON.stringify(t.rows[0]!.map((cell) => cell.text))));
    decided.forEach((table, i) => {
      at = expectSameTable(s, table, at, `table ${i + 1} (${table.rows[0]![0]!.text}…)`);
    });
  });
});

describe("the follow-up table", () => {
  itWithTools("pdftotext")("uses the theme's labels in both formats", async () => {
    const s = await sample("test/fixtures/parity/2024-02-14-board.md");
    const followUp = ["ID", "Task", "Responsible", "Due by", "State", "Comment"];
    expect(s.layoutTables).toContainEqual(followUp);
    expect(s.docx.map((t) => t.rows[0]!.map((cell) => cell.text))).toContainEqual(followUp);
    expect(s.pdfRows.some((row) => JSON.stringify(row.map((b) => b.text)) === JSON.stringify(followUp))).toBe(true);
  });
});
