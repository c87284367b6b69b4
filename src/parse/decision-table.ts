// Decisions written as a table in a decisions section ("| N° | Délibération | Vote |", "| Decision | For |
// Against | Abstentions |"): each row is a decision, its vote read from a vote column (as written) or from
// count columns. The columns are found by their headings in the five languages.
import { normalizeLabel } from "../i18n/text-match.js";
import { inlineText, type Block, type Decision, type Inline, type Vote } from "../model/minutes.js";
import { readVote, readVoteTally, voteKind } from "./vote-line.js";

type Table = Extract<Block, { type: "table" }>;
type Column = "id" | "decision" | "vote" | "for" | "against" | "abstentions";

const HEADINGS: Record<Exclude<Column, "for" | "against" | "abstentions">, readonly string[]> = {
  id: ["id", "ref", "ref.", "réf.", "n°", "no", "no.", "nr", "nr.", "#"],
  decision: [
    "decision",
    "decisions",
    "resolution",
    "resolutions",
    "deliberation",
    "deliberations",
    "text",
    "texte",
    "acuerdo",
    "decisao",
    "deliberacao",
    "beschluss",
    "beschlusse",
  ],
  vote: ["vote", "votes", "result", "resultat", "resultat du vote", "votacion", "votacao", "abstimmung", "ergebnis"],
};

function columnOf(heading: string): Column | undefined {
  const h = normalizeLabel(heading);
  for (const [column, words] of Object.entries(HEADINGS)) if (words.includes(h)) return column as Column;
  return voteKind(h);
}

/** The decisions of a table, or none when it has no decision column. */
export function tableDecisions(table: Table): (Omit<Decision, "id"> & { marker?: string })[] {
  const columns = table.header.map((cell) => columnOf(inlineText(cell)));
  const at = (column: Column) => columns.indexOf(column);
  if (at("decision") < 0) return [];
  const start = table.position?.start;
  return table.rows.flatMap((row, r) => {
    const cell = (column: Column): Inline[] => (at(column) >= 0 ? (row[at(column)] ?? []) : []);
    const decisionText = inlineText(cell("decision")).trim();
    if (!decisionText) return [];
    // The header and the delimiter row come first: row r is on the table's line + 2 + r.
    const place = start
      ? {
          start: { line: start.line + 2 + r, column: start.column },
          end: { line: start.line + 2 + r, column: start.column },
        }
      : undefined;
    const written = inlineText(cell("vote")).trim();
    const vote: Vote | undefined = (() => {
      const reading = written ? (readVote(written) ?? readVoteTally(written)) : undefined;
      const counts = (["for", "against", "abstentions"] as const).filter(
        (k) => at(k) >= 0 && /^\d+$/.test(inlineText(cell(k)).trim()),
      );
      if (!reading && !counts.length) return undefined;
      const out: Vote = {
        text:
          written ||
          counts.map((k) => `${inlineText(cell(k)).trim()} ${inlineText(table.header[at(k)]!).trim()}`).join(", "),
      };
      for (const k of ["for", "against", "abstentions"] as const) {
        const value = counts.includes(k) ? Number(inlineText(cell(k)).trim()) : reading?.[k];
        if (value !== undefined) out[k] = value;
      }
      if (reading?.unanimous) out.unanimous = true;
      if (reading && Object.values(reading.named).some((n) => n.length)) out.named = reading.named;
      if (place) out.position = place;
      return out;
    })();
    const id = inlineText(cell("id")).trim();
    return [
      {
        text: cell("decision"),
        ...(vote ? { vote } : {}),
        ...(place ? { position: place } : {}),
        // An id column that holds more than a row number ("D-12", "2024/07") is the author's id.
        ...(id && !/^\d+\.?$/.test(id) ? { marker: id } : {}),
      },
    ];
  });
}
