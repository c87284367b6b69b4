// Front-matter keys that are not ours: a misspelling (`atendees`), another case or separator
// (`Attendees`, `next-meeting`), or the word a clerk writes in their own language (`lieu`, `participants`,
// `ordre_du_jour`, `asistentes`, `Teilnehmer`…) gets a "did you mean" naming our key, and a fix that
// renames it when nothing is lost by doing so (the right key is not also given).
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { text } from "../i18n/messages.js";
import { labelsFor } from "../i18n/labels.js";
import type { YamlSource } from "../yaml-source.js";
import { knownKeys } from "./front-matter-schema.js";
import { closest, normalizeLabel } from "../i18n/text-match.js";
import { keyEdit } from "./yaml-edits.js";

/** Words for our keys in French, Spanish, Portuguese, German and other English, by the key they mean. */
const ALIASES: Record<string, readonly string[]> = {
  title: ["titre", "titulo", "titel", "objet", "subject", "sujet", "asunto", "assunto", "betreff"],
  subtitle: ["sous-titre", "subtitulo", "untertitel"],
  organisation: [
    "organization",
    "organisme",
    "organizacion",
    "organizacao",
    "entidad",
    "entidade",
    "institution",
    "institucion",
    "instituicao",
    "organisation",
  ],
  date: ["fecha", "data", "datum", "date de la reunion", "meeting date"],
  time: ["heure", "horaire", "heures", "hora", "horario", "uhrzeit", "zeit"],
  location: ["lieu", "place", "venue", "lugar", "local", "ort", "sitzungsort", "salle"],
  language: ["langue", "idioma", "lingua", "sprache", "lang", "locale"],
  attendees: [
    "participants",
    "presents",
    "presences",
    "membres presents",
    "present",
    "participant",
    "presence",
    "asistentes",
    "participantes",
    "presentes",
    "asistencia",
    "anwesend",
    "anwesende",
    "teilnehmer",
    "teilnehmende",
    "teilnehmerinnen",
    "attendance",
    "members present",
    "attendee",
    "members",
  ],
  absent: [
    "absents",
    "excuses",
    "absents excuses",
    "excusees",
    "ausentes",
    "excusados",
    "ausencias",
    "abwesend",
    "abwesende",
    "entschuldigt",
    "apologies",
    "regrets",
    "absentees",
    "absence",
  ],
  guests: ["guest", "invites", "invitees", "invitados", "convidados", "gaste", "gast", "observers", "observateurs"],
  chair: [
    "president",
    "presidente",
    "presidence",
    "presidency",
    "presidencia",
    "presidente da mesa",
    "vorsitz",
    "vorsitzender",
    "vorsitzende",
    "chairperson",
    "chairman",
    "chairwoman",
    "presidee par",
  ],
  secretary: [
    "secretaire",
    "secretariat",
    "secretario",
    "secretaria",
    "secretariado",
    "protokoll",
    "protokollfuhrer",
    "protokollfuhrerin",
    "schriftfuhrer",
    "schriftfuhrerin",
    "minute taker",
    "minutes taker",
    "rapporteur",
    "redacteur",
  ],
  next_meeting: [
    "prochaine reunion",
    "prochaine seance",
    "proxima reunion",
    "proxima reuniao",
    "nachste sitzung",
    "naechste sitzung",
    "next",
    "next session",
  ],
  previous: [
    "precedent",
    "precedente",
    "reunion precedente",
    "anterior",
    "reuniao anterior",
    "vorherige",
    "vorherige sitzung",
    "previous meeting",
  ],
  agenda: [
    "ordre du jour",
    "odj",
    "orden del dia",
    "ordem do dia",
    "ordem de trabalhos",
    "pauta",
    "tagesordnung",
    "order of business",
  ],
  status: ["statut", "estado", "estatuto", "zustand"],
  theme: ["tema", "thema", "style", "estilo", "modele"],
};

/** Words for a deadline: no front-matter key, since a deadline belongs to an action. */
const DEADLINE_WORDS = [
  "deadline",
  "date limite",
  "echeance",
  "delai",
  "fecha limite",
  "plazo",
  "prazo",
  "data limite",
  "frist",
  "termin",
  "due date",
  "due",
];

/** Keys compare without case, accents, spaces, "-", "_" or ".". */
const squash = (key: string): string => normalizeLabel(key).replace(/[\s_.-]+/g, "");

const byWord = new Map<string, string>();
for (const key of knownKeys) byWord.set(squash(key), key);
for (const [key, words] of Object.entries(ALIASES))
  for (const word of words) if (!byWord.has(squash(word))) byWord.set(squash(word), key);
const deadlineWords = new Set(DEADLINE_WORDS.map(squash));
const words = [...byWord.keys()];

export type KeySuggestion = { key: string } | { deadline: true } | undefined;

/**
 * The key of a front matter that lists the people under another word (`members:`, `participants:`, `présents:`)
 * and gives no `attendees:`: its list is read as the attendees (the unknown-key warning still renames it).
 */
export function attendeesKey(written: Record<string, unknown>): string | undefined {
  if (written.attendees !== undefined) return undefined;
  return Object.keys(written).find(
    (key) =>
      !knownKeys.includes(key) &&
      byWord.get(squash(key)) === "attendees" &&
      Array.isArray(written[key]) &&
      (written[key] as unknown[]).length > 0,
  );
}

/** Our key for an unknown one: the same word another way, a word of another language, or a near miss of either. */
export function suggestKey(written: string): KeySuggestion {
  const word = squash(written);
  if (deadlineWords.has(word)) return { deadline: true };
  const exact = byWord.get(word);
  if (exact) return { key: exact };
  const near = closest(word, words);
  return near ? { key: byWord.get(near)! } : closest(word, [...deadlineWords]) ? { deadline: true } : undefined;
}

/**
 * A warning for each front-matter key we do not know, with our key when one is meant, and a fix that renames
 * it when the right key is not given too (in `written`, the front matter's own keys). `language` is the meeting's, for the name of the deadline column.
 */
export function reportFrontMatterKeys(
  values: Record<string, unknown>,
  source: YamlSource | undefined,
  file: VFile,
  language: string,
  written: Record<string, unknown> = values,
): void {
  // Two keys meaning one (`participants` and `présents`): only the first is renamed, or the YAML would repeat a key.
  const claimed = new Set<string>();
  for (const key of Object.keys(values)) {
    if (knownKeys.includes(key)) continue;
    const place = source ? source.keyPlace(key) : { line: 1, column: 1 };
    const suggestion = suggestKey(key);
    const rule = "front-matter-unknown-key";
    if (suggestion === undefined) {
      report(file, {
        severity: "warning",
        rule,
        message: text("unknown-key", { key }),
        place,
        hint: text("unknown-key.hint", { keys: knownKeys.join(", ") }),
      });
    } else if ("deadline" in suggestion) {
      report(file, {
        severity: "warning",
        rule,
        message: text("front-matter-unknown-key.deadline", { key }),
        place,
        hint: text("front-matter-unknown-key.deadline.hint", { column: labelsFor(language).deadline }),
      });
    } else {
      // Taken when the front matter itself gives the key: a title or date found in the body does not stop the rename.
      const taken = written[suggestion.key] !== undefined || claimed.has(suggestion.key);
      claimed.add(suggestion.key);
      const fix = !taken && source ? keyEdit(source, key, suggestion.key) : undefined;
      const readAs = attendeesKey(written) === key;
      report(file, {
        severity: "warning",
        rule,
        message: text("unknown-key.suggestion", { key, suggestion: suggestion.key }),
        place,
        hint: text(
          readAs
            ? "front-matter-unknown-key.read-as.hint"
            : taken
              ? "front-matter-unknown-key.taken.hint"
              : "front-matter-unknown-key.did-you-mean.hint",
          { key, suggestion: suggestion.key },
        ),
        ...(fix ? { fix } : {}),
      });
    }
  }
}
