// DOCX/PDF parity, read back from the files: every table the layout decides (the info table, each action
// table, the follow-up table, the action register's tables) must have the same labels, in the same order, and
// the same column proportions in both outputs. The DOCX's come from document.xml (w:gridCol, w:tcW, cell text), the PDF's from the text
// positions pdftotext reports (a cell's text starts at its column's left edge plus the cell padding).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect } from "vitest";
import { build, check } from "../src/build.js";
import { loadMeetings } from "../src/commands/load-meetings.js";
import type { DocumentLayout } from "../src/layout/document-layout.js";
import { layoutConvocation } from "../src/layout/layout-convocation.js";
import { layoutMinutes } from "../src/layout/layout-minutes.js";
import { buildRegister } from "../src/register/register.js";
import { layoutRegister } from "../src/register/register-layout.js";
import { pdfStyles } from "../src/render/pdf/pdf-styles.js";
import { loadRenderer } from "../src/render/renderers.js";
import { defaultTheme } from "../src/theme/default-theme.js";
import type { Theme } from "../src/theme/theme.js";
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

/** Both outputs of a compte-rendu, built as `minutes build` builds them. */
async function sample(input: string): Promise<Sample> {
  const built = await build(input, { out: dir, formats: ["docx", "pdf"], config: null });
  expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
  const checked = await check(input, { config: null });
  const stem = join(dir, basename(input, ".md"));
  return readBack(stem, layoutMinutes(checked.minutes!, checked.theme!), checked.theme!);
}

/** Both outputs of a convocation, built as `minutes agenda` builds them (issue 22). */
async function convocationSample(input: string): Promise<Sample> {
  const built = await build(input, { out: dir, formats: ["docx", "pdf"], convocation: true, resolvePrevious: false });
  expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
  const checked = await check(input, { resolvePrevious: false });
  const stem = join(dir, `${basename(input, ".md")}.agenda`);
  return readBack(stem, layoutConvocation(checked.minutes!, checked.theme!), checked.theme!);
}

/** Both outputs of the action register of `folder`, drawn as `minutes actions --format pdf|docx` draws them. */
async function registerSample(folder: string, theme: Theme): Promise<Sample> {
  const { meetings } = await loadMeetings([folder]);
  const register = buildRegister(meetings, "2023-04-01");
  const layout = layoutRegister(register, register.entries, { language: "en", theme });
  const stem = join(dir, "register");
  const options = { theme, timestamp: new Date("2023-04-01T00:00:00Z") };
  for (const format of ["docx", "pdf"] as const)
    writeFileSync(`${stem}.${format}`, await (await loadRenderer(format))(layout, options));
  return readBack(stem, layout, theme);
}

function readBack(stem: string, layout: DocumentLayout, theme: Theme): Sample {
  const documentXml = strFromU8(unzipSync(readFileSync(`${stem}.docx`))["word/document.xml"]!);
  const { page, table } = pdfStyles(theme);
  const actionTables = [...(layout.followUp ? [layout.followUp] : []), ...layout.items].flatMap((item) =>
    item.actions ? [item.actions.columns] : [],
  );
  const first = layout.info[0];
  const info = first ? [[first.label, typeof first.value === "string" ? first.value : first.value[0]!]] : [];
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
  return rows.findIndex(
    (row, i) =>
      i >= from &&
      row.length === wanted.length &&
      row.every((block, c) => block.text !== "" && wanted[c]!.startsWith(block.text.replace(/(^| )• /g, "$1"))),
  );
}

/**
 * Checks one DOCX table against the PDF, row by row in order: each row's cells are found in the PDF with the
 * same texts, and each cell's text starts where the DOCX's grid puts its column. Returns the PDF row reached.
 */
function expectSameTable(s: Sample, table: DocxTable, from: number, name: string): number {
  const starts = docxStarts(table);
  let at = from;
  table.rows.forEach((row, r) => {
    for (const [c, cell] of row.entries())
      expect(cell.width, `${name} row ${r} cell ${c}: w:tcW against w:gridCol`).toBe(table.grid[c]);
    const texts = row.map((cell) => cell.text);
    const found = findRow(s.pdfRows, at, texts);
    expect(
      found,
      `${name} row ${r} (${JSON.stringify(texts)}) is in the PDF after its previous row`,
    ).toBeGreaterThanOrEqual(0);
    const columns = texts.flatMap((text, c) => (text ? [c] : []));
    const pdf = s.pdfRows[found]!.map((block) => (block.x - s.padX - s.left) / s.width);
    const docx = columns.map((c) => starts[c]!);
    const off = pdf.map((x, i) => Math.abs(x - docx[i]!));
    expect(
      Math.max(...off),
      `${name} row ${r}: column starts PDF ${JSON.stringify(pdf.map((x) => +x.toFixed(3)))} vs DOCX ${JSON.stringify(docx.map((x) => +x.toFixed(3)))}`,
    ).toBeLessThanOrEqual(tolerance);
    at = found + 1;
  });
  return at;
}

// The seed, the English example (a status column), and a meeting with a follow-up section, five action columns
// and a theme that words the action labels its own way.
const inputs = [
  "examples/2022-09-23-gtm.md",
  "examples/2024-03-05-steering-committee.md",
  "test/fixtures/parity/2024-02-14-board.md",
];

/** The house theme's wording of the action labels, on the built-in theme. */
const house = (): Theme => ({
  ...defaultTheme(),
  labels: { en: { action: "Task", deadline: "Due by", status: "State" } },
});

const convocation = "the convocation of test/fixtures/board-year/2026-01-14-board.md";

describe.each([...inputs, "the action register of test/fixtures/register/en", convocation])(
  "DOCX/PDF parity of %s",
  (input) => {
    let s: Sample;
    beforeAll(async () => {
      s =
        input === convocation
          ? await convocationSample("test/fixtures/board-year/2026-01-14-board.md")
          : input.endsWith(".md")
            ? await sample(input)
            : await registerSample("test/fixtures/register/en", house());
    }, 60_000);

    itWithTools("pdftotext")("has the layout's tables in the DOCX, with the layout's labels in order", () => {
      const firstRows = s.docx.map((t) => t.rows[0]!.map((cell) => cell.text));
      const decided = firstRows.filter((cells) =>
        s.layoutTables.some((l) => JSON.stringify(l) === JSON.stringify(cells)),
      );
      expect(decided).toEqual(s.layoutTables);
      expect(decided.length).toBeGreaterThan(1);
    });

    itWithTools("pdftotext")(
      "draws each of those tables in the PDF with the same labels, order and column proportions",
      () => {
        let at = 0;
        const decided = s.docx.filter((t) =>
          s.layoutTables.some((l) => JSON.stringify(l) === JSON.stringify(t.rows[0]!.map((cell) => cell.text))),
        );
        decided.forEach((table, i) => {
          at = expectSameTable(s, table, at, `table ${i + 1} (${table.rows[0]![0]!.text}…)`);
        });
      },
    );
  },
);

describe("the theme's action labels", () => {
  const headings = ["ID", "Task", "Responsible", "Due by", "State", "Comment"];
  const expectHeadings = (s: Sample): void => {
    expect(s.layoutTables).toContainEqual(headings);
    expect(s.docx.map((t) => t.rows[0]!.map((cell) => cell.text))).toContainEqual(headings);
    expect(s.pdfRows.some((row) => JSON.stringify(row.map((b) => b.text)) === JSON.stringify(headings))).toBe(true);
  };

  itWithTools("pdftotext")("name the follow-up table's columns in both formats", async () => {
    expectHeadings(await sample("test/fixtures/parity/2024-02-14-board.md"));
  });

  itWithTools("pdftotext")("name the action register's columns in both formats", async () => {
    expectHeadings(await registerSample("test/fixtures/register/en", house()));
  });
});
