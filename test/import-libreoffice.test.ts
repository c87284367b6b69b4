// `minutes import` on Word minutes made by another producer than the fixtures' python-docx: LibreOffice, which
// writes its own styles and numbering (a heading numbered through its style's numPr, line breaks in cells,
// covered cells of a row span, real footnotes). The sources (.html, .fodt) are committed beside the .docx that
// `soffice --headless --convert-to docx` made from them, so CI needs no LibreOffice. Each file is imported and
// built (JSON + PDF) through the CLI; the model must hold the truth of truth.json (date, attendees, absentees,
// item titles, actions with owner, deadline and item), and every word `pandoc -t plain` reads in the DOCX must
// come out in the PDF (a multiset of lowercased words) except the document's own labels, which the layout
// prints in its own words ("Lead" → "Responsible"): those are listed per file in truth.json.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect } from "vitest";
import { itWithTools, run } from "./helpers/tools.js";

interface TruthAction {
  task: string;
  owner: string;
  deadline: string;
  item?: number;
}
interface Truth {
  date: string;
  attendees: string[];
  absent: string[];
  items: string[];
  actions: TruthAction[];
  decisions?: string[];
  footnote?: string;
  labels: string[];
}
interface Inline {
  type: string;
  value?: string;
  children?: Inline[];
}
interface ModelAction {
  action: Inline[];
  responsible: Inline[];
  deadline?: { date?: string };
}
interface Model {
  meeting: { date: string; attendees: { name: string }[]; absent?: { name: string }[] };
  items: { number: number; title: string; actions: ModelAction[]; decisions: Inline[][] | Inline[] }[];
}

const dir = "test/fixtures/import-lo";
const truths: Record<string, Truth> = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "minutes-import-lo-"));
const cli = (args: string[]) => spawnSync(process.execPath, ["bin/minutes.js", ...args], { encoding: "utf8" });
const plain = (nodes: Inline[] | undefined): string => (nodes ?? []).map((n) => n.value ?? plain(n.children)).join("");

/** Lowercased words, punctuation at their ends aside. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[\s\u00a0\u202f]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));

/** The words of `source` that `output` lacks, counted as a multiset. */
function missing(source: string[], output: string[]): string[] {
  const bag = new Map<string, number>();
  for (const w of output) bag.set(w, (bag.get(w) ?? 0) + 1);
  return source.filter((w) => {
    const n = bag.get(w) ?? 0;
    if (n > 0) bag.set(w, n - 1);
    return n === 0;
  });
}

describe.each(Object.entries(truths))("LibreOffice %s.docx", (name, truth) => {
  const out = join(work, name);
  let model: Model;
  let pdf: string;
  let imported: ReturnType<typeof cli>;
  let built: ReturnType<typeof cli>;

  beforeAll(() => {
    imported = cli(["import", join(dir, `${name}.docx`), "--out", out]);
    const md = readdirSync(out).find((f) => f.endsWith(".md"));
    if (!md) return;
    built = cli(["build", join(out, md), "--format", "json,pdf", "--out", join(out, "built")]);
    const base = md.replace(/\.md$/, "");
    model = JSON.parse(readFileSync(join(out, "built", `${base}.json`), "utf8"));
    pdf = join(out, "built", `${base}.pdf`);
  }, 60_000);

  itWithTools()("imports and builds with no error, named by its date", () => {
    expect(imported.status, imported.stderr).toBe(0);
    expect(readdirSync(out).some((f) => f.startsWith(`${truth.date}-`) && f.endsWith(".md"))).toBe(true);
    expect(built.status, built.stderr).toBe(0);
  });

  itWithTools()("has the truth's date, attendees, absentees and items", () => {
    expect(model.meeting.date).toBe(truth.date);
    expect(model.meeting.attendees.map((a) => a.name)).toEqual(truth.attendees);
    expect((model.meeting.absent ?? []).map((a) => a.name)).toEqual(truth.absent);
    expect(model.items.map((i) => i.title)).toEqual(truth.items);
  });

  itWithTools()("has the truth's actions, with their owners, deadlines and items", () => {
    const actions = model.items.flatMap((item) =>
      item.actions.map((a) => ({
        item: item.number,
        task: plain(a.action),
        owner: plain(a.responsible),
        deadline: a.deadline?.date ?? "",
      })),
    );
    expect(actions.map(({ item, ...rest }) => rest)).toEqual(truth.actions.map(({ item, ...rest }) => rest));
    truth.actions.forEach((a, i) => {
      if (a.item !== undefined) expect(actions[i]!.item, a.task).toBe(a.item);
    });
  });

  itWithTools("pdftotext", "pandoc")("keeps every word of the DOCX in the PDF but the document's own labels", () => {
    const source = words(run("pandoc", ["-f", "docx", "-t", "plain", join(dir, `${name}.docx`)]));
    const text = run("pdftotext", ["-enc", "UTF-8", pdf, "-"]);
    const lost = missing(source, words(text));
    expect(lost.sort()).toEqual([...truth.labels].sort());
    // The labels are few: at least 95% of the words come out as they are (98% of the content's, labels aside).
    expect(1 - lost.length / source.length).toBeGreaterThanOrEqual(0.95);
    if (truth.footnote) expect(text.replace(/\s+/g, " ")).toContain(truth.footnote);
    for (const decision of truth.decisions ?? []) expect(text.replace(/\s+/g, " ")).toContain(decision);
  });
});
