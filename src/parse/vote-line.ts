// Reads the vote written under a decision, in any of our five languages: a count line ("Vote: 7 for,
// 1 against, 2 abstentions", "Vote : 7 pour, 1 contre, 2 abstentions", "Abstimmung: 7 dafür, 1 dagegen,
// 2 Enthaltungen"), named votes ("For: Alice Martin, Bob Chen", "3 for (Alice, Bob, Carol)") and unanimity
// ("Adopted unanimously", "Adopté à l'unanimité", "por unanimidad", "por unanimidade", "einstimmig"). Pure.
import { normalizeLabel } from "../i18n/text-match.js";

export type VoteKind = "for" | "against" | "abstentions";

export interface VoteReading {
  for?: number;
  against?: number;
  abstentions?: number;
  unanimous?: boolean;
  named: Record<VoteKind, string[]>;
}

/** The words that open a vote line ("Vote:", "Scrutin :", "Votación:", "Votação:", "Abstimmung:"), normalised. */
const VOTE_LABELS = [
  "vote",
  "votes",
  "voting",
  "vote result",
  "result of the vote",
  "scrutin",
  "resultat du vote",
  "votacion",
  "resultado de la votacion",
  "voto",
  "votos",
  "votacao",
  "resultado da votacao",
  "abstimmung",
  "abstimmungsergebnis",
];

const UNANIMOUS = /unanim|einstimmig/;

/** The kind a word names: for, against or abstentions (accents, case, "votes"/"voix"/"Stimmen" ignored). */
export function voteKind(word: string): VoteKind | undefined {
  const w = normalizeLabel(word)
    .replace(/[-–]/g, " ")
    .replace(/^(?:votes?|voted|voting|voix|votos?|stimmen|ont vote|a vote)\s+/, "")
    .replace(/\s+(?:stimmen|stimme|votes?|votos?)$/, "")
    .trim();
  if (/^(?:abst|enthalt)/.test(w)) return "abstentions";
  if (/^(?:against|opposed|contre|en contra|contra|dagegen|nein|no|nays?|non|noes)$/.test(w)) return "against";
  if (/^(?:for|pour|a favor|a favour|in favou?r|dafur|ja|yes|ayes?|oui|si|sim|pro)$/.test(w)) return "for";
  return undefined;
}

/** The text after a vote label ("Vote: …" → "…"), or undefined when the line does not open with one. */
export function afterVoteLabel(line: string): string | undefined {
  const m = /^\s*(?:[*_]{1,2})?([^:：]{2,40}?)(?:[*_]{1,2})?\s*[:：]\s*(?:[*_]{1,2})?(.*)$/.exec(line);
  if (!m) return undefined;
  return VOTE_LABELS.includes(normalizeLabel(m[1]!)) ? m[2]!.trim() : undefined;
}

/** Parts of a vote, split at commas, semicolons and "and"/"et"/"y"/"e"/"und" outside parentheses. */
function parts(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === "," || ch === ";" || ch === "/")) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out
    .flatMap((p) => p.split(/\s+(?:and|et|y|e|und)\s+(?=\d)/))
    .map((p) => p.trim().replace(/[.]$/, ""))
    .filter(Boolean);
}

const names = (list: string): string[] =>
  list
    .split(/[,;]|\s+(?:and|et|y|e|und)\s+/)
    .map((n) => n.trim().replace(/[.]$/, ""))
    .filter(Boolean);

/**
 * The counts, names and unanimity of a vote text (what follows "Vote:", or a whole line such as
 * "Adopted unanimously"); undefined when it says none of these.
 */
export function readVote(text: string): VoteReading | undefined {
  const reading: VoteReading = { named: { for: [], against: [], abstentions: [] } };
  let found = false;
  if (UNANIMOUS.test(normalizeLabel(text))) {
    reading.unanimous = true;
    found = true;
  }
  for (const part of parts(text)) {
    // "7 for", "7 pour (Alice, Bob)", "1 abstention", "7 Ja-Stimmen", "com 7 votos a favor"
    const countFirst = /^(?:.*?\s)?(\d+)\s+([^()\d]+?)\s*(?:\(([^)]*)\))?$/.exec(part);
    // "for 7", "Pour : 7", "Enthaltungen: 2"
    const countLast = /^([^()\d:]+?)\s*[:=]?\s*(\d+)$/.exec(part);
    // "For: Alice Martin, Bob Chen" (a part of its own only when the names hold no comma: see readNamedLine)
    const named = /^([^():\d]+?)\s*[:：]\s*([^\d].*)$/.exec(part);
    if (countFirst) {
      const kind = voteKind(countFirst[2]!);
      if (!kind) continue;
      reading[kind] = Number(countFirst[1]);
      if (countFirst[3]) reading.named[kind].push(...names(countFirst[3]));
      found = true;
    } else if (countLast) {
      const kind = voteKind(countLast[1]!);
      if (!kind) continue;
      reading[kind] = Number(countLast[2]);
      found = true;
    } else if (named) {
      const kind = voteKind(named[1]!);
      if (!kind) continue;
      reading.named[kind].push(...names(named[2]!));
      found = true;
    }
  }
  return found ? reading : undefined;
}

/** "7-1-2", "5-0", "7:1:2" after a vote label: for, against and abstentions, in that order. */
export function readVoteTally(text: string): VoteReading | undefined {
  const m = /^\(?(\d+)\s*[-–:/]\s*(\d+)(?:\s*[-–:/]\s*(\d+))?\)?\.?$/.exec(text.trim());
  if (!m) return undefined;
  return {
    for: Number(m[1]),
    against: Number(m[2]),
    ...(m[3] !== undefined ? { abstentions: Number(m[3]) } : {}),
    named: { for: [], against: [], abstentions: [] },
  };
}

/** A line that gives counts of two kinds or more without a label ("Motion carried: 7 for, 1 against"). */
export function countLine(line: string): VoteReading | undefined {
  const reading = readVote(line);
  if (!reading) return undefined;
  const kinds = (["for", "against", "abstentions"] as const).filter((k) => reading[k] !== undefined).length;
  return kinds >= 2 ? reading : undefined;
}

/** A line of named votes: "For: Alice Martin, Bob Chen", "Contre : Dan Evans", "Enthaltung: Eve Ford". */
export function readNamedLine(line: string): { kind: VoteKind; names: string[]; count?: number } | undefined {
  const m = /^\s*(?:[*_]{1,2})?([^:：]{2,30}?)(?:[*_]{1,2})?\s*[:：]\s*(?:[*_]{1,2})?(.+)$/.exec(line);
  if (!m) return undefined;
  const kind = voteKind(m[1]!);
  if (!kind) return undefined;
  const value = m[2]!.trim();
  if (/^\d+$/.test(value)) return { kind, names: [], count: Number(value) };
  // Names start with a capital and are short ("Pour : la mise en œuvre du plan" is a sentence, not a vote).
  const list = names(value);
  if (!list.every((n) => /^\p{Lu}/u.test(n) && n.split(/\s+/).length <= 5)) return undefined;
  return { kind, names: list };
}

/** Words that open a line saying how a decision was taken ("Adopted unanimously", "Adopté à l'unanimité", "Einstimmig angenommen"). */
const ADOPTED =
  /^(?:adopted|carried|approved|passed|agreed|accepted|voted|resolved|decided|decide\w*|adopte\w*|approuve\w*|accepte\w*|aprobad\w*|aprovad\w*|adoptad\w*|angenommen|beschlossen|einstimmig|unanim\w*|por unanim\w*|a l'unanim\w*)\b/;

/** Whether a line, on its own, says the decision was unanimous ("Adopted unanimously", "Einstimmig angenommen."). */
export function unanimityLine(line: string): boolean {
  const plain = normalizeLabel(line);
  return UNANIMOUS.test(plain) && ADOPTED.test(plain);
}
