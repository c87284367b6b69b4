// The labels that open the sub-sections of an agenda item, and the column aliases of action tables,
// in English and French. Comparison goes through normalizeLabel, so accents and case do not matter.
import { labelsFor, supportedLanguages } from "../i18n/labels.js";
import { normalizeLabel } from "../i18n/text-match.js";

export type SectionKind = "discussion" | "decisions" | "actions";

const SECTION_ALIASES: Record<SectionKind, string[]> = {
  discussion: [
    "points de discussion cles",
    "points cles de la discussion",
    "points de discussion",
    "key discussion points",
    "discussion points",
    "discussion",
    "discussions",
  ],
  decisions: ["decisions", "decision", "decisions prises", "resolutions"],
  actions: [
    "points d'action",
    "point d'action",
    "action items",
    "action points",
    "actions",
    "actions a mener",
    "suivi des actions",
  ],
};

// German and Spanish labels, and other common English and French ones (kept apart so additions merge easily).
SECTION_ALIASES.discussion.push(
  "notes",
  "meeting notes",
  "discussion items",
  "discussion topics",
  "diskussion",
  "besprechung",
  "discusion",
  "puntos de discusion",
  "deliberations",
  "echanges",
);
SECTION_ALIASES.decisions.push(
  "decisions taken",
  "decisions made",
  "resolved",
  "beschlusse",
  "beschluesse",
  "entscheidungen",
  "decisiones",
  "acuerdos",
  "resoluciones",
);
SECTION_ALIASES.actions.push(
  "action item",
  "next steps",
  "todo",
  "to do",
  "to-do",
  "todos",
  "to-dos",
  "follow-up",
  "follow up",
  "follow-ups",
  "prochaines etapes",
  "aufgaben",
  "massnahmen",
  "to-do-liste",
  "acciones",
  "tareas",
  "proximos pasos",
);

SECTION_ALIASES.discussion.push(
  "principales puntos de discusion",
  "principais pontos de discussao",
  "pontos de discussao",
  "discussao",
  "wichtigste diskussionspunkte",
  "diskussionspunkte",
);
SECTION_ALIASES.decisions.push("decisoes", "deliberacoes", "resolucoes");
SECTION_ALIASES.decisions.push("releve de decisions", "releve des decisions");
SECTION_ALIASES.actions.push("acoes", "acoes a realizar", "tarefas", "proximos passos");

// The labels our own documents print, in every language (i18n/labels.ts): a compte-rendu made by minutes reads
// back, in Markdown and through `minutes import` alike.
for (const language of supportedLanguages) {
  const labels = labelsFor(language);
  SECTION_ALIASES.discussion.push(normalizeLabel(labels.discussion));
  SECTION_ALIASES.decisions.push(normalizeLabel(labels.decisions));
  SECTION_ALIASES.actions.push(normalizeLabel(labels.actions));
}

const sectionByAlias = new Map<string, SectionKind>();
for (const [kind, aliases] of Object.entries(SECTION_ALIASES) as [SectionKind, string[]][]) {
  for (const alias of aliases) sectionByAlias.set(alias, kind);
}

export function sectionKind(label: string): SectionKind | undefined {
  return sectionByAlias.get(normalizeLabel(label));
}

export const allSectionLabels = [...sectionByAlias.keys()];

export type ActionColumn = "action" | "responsible" | "deadline" | "status" | "notes" | "id";

const COLUMN_ALIASES: Record<ActionColumn, string[]> = {
  action: [
    "action",
    "actions",
    "task",
    "tasks",
    "point d'action",
    "points d'action",
    "action item",
    "action items",
    "tache",
    "taches",
    "activite",
    "activites",
    "what",
  ],
  responsible: [
    "responsible",
    "owner",
    "owners",
    "responsable",
    "responsables",
    "personne",
    "personnes",
    "agence responsable",
    "who",
    "lead",
    "qui",
    "assignee",
    "assigned to",
  ],
  deadline: ["deadline", "due", "due date", "date limite", "echeance", "when", "delai", "quand", "date", "by"],
  status: ["status", "statut", "etat", "state"],
  notes: [
    "notes",
    "note",
    "comments",
    "comment",
    "commentaires",
    "commentaire",
    "observations",
    "remarks",
    "remarques",
  ],
  // Explicit action ids (the action register): see docs/actions.md.
  // Not "N°" or "#": those columns usually number the rows, and row numbers repeat from meeting to meeting.
  id: ["id", "ids", "ref", "ref.", "reference", "references", "identifiant", "action id"],
};

// German and Spanish column names, and a few more English and French ones.
COLUMN_ALIASES.action.push(
  "aufgabe",
  "aufgaben",
  "massnahme",
  "todo",
  "to do",
  "tarea",
  "tareas",
  "accion",
  "acciones",
  "item",
);
COLUMN_ALIASES.responsible.push(
  "verantwortlich",
  "zustandig",
  "wer",
  "encargado",
  "encargada",
  "responsables",
  "porteur",
  "pilote",
  "assigned",
);
COLUMN_ALIASES.deadline.push(
  "frist",
  "termin",
  "bis wann",
  "erledigen bis",
  "fecha limite",
  "plazo",
  "fecha",
  "target date",
  "due by",
);
COLUMN_ALIASES.status.push("erledigt", "estado");
// Portuguese, and the labels the documents print in Spanish and German (src/i18n/labels.ts).
COLUMN_ALIASES.action.push("acao", "acoes", "tarefa", "tarefas");
COLUMN_ALIASES.responsible.push("responsavel", "responsaveis", "verantwortliche");
COLUMN_ALIASES.deadline.push("prazo", "data limite");
COLUMN_ALIASES.status.push("situacao");
// Columns as French associations head them ("Qui | Quoi | Pour quand"), which Word minutes bring (minutes import).
COLUMN_ALIASES.action.push("quoi", "que faire", "was");
COLUMN_ALIASES.deadline.push("pour quand", "pour le", "d'ici le");
// Plurals and other headings of action tables in Word minutes ("Actions | Responsables | Échéances").
COLUMN_ALIASES.action.push("actions a mener", "action a mener", "mesures", "action required", "actions required");
COLUMN_ALIASES.responsible.push("porteurs", "pilotes", "responsable(s)", "leads", "owner(s)");
COLUMN_ALIASES.deadline.push(
  "echeances",
  "delais",
  "dates limites",
  "date butoir",
  "date d'echeance",
  "deadlines",
  "due dates",
  "by when",
  "timeline",
  "timeframe",
  "fechas limite",
  "prazos",
  "fristen",
);

/** Which action-table column a header cell names, if any. */
export function actionColumn(header: string): ActionColumn | undefined {
  const h = normalizeLabel(header);
  for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as [ActionColumn, string[]][]) {
    if (aliases.includes(h)) return column;
  }
  // Compound headers such as "Personne/Agence Responsable" or "Date limite (JJ/MM)".
  if (/\b(responsable|responsible|owner)\b/.test(h)) return "responsible";
  if (/\b(deadline|echeance|date limite|due)\b/.test(h)) return "deadline";
  if (/\b(action|actions|task)\b/.test(h)) return "action";
  return undefined;
}

// Follow-up sections: a later meeting reports on earlier actions by id (see docs/actions.md).
// Checked before sectionKind, so "Suivi des actions" opens a follow-up, not an action section.
const FOLLOW_UP_LABELS = new Set([
  "suivi des actions",
  "suivi des actions de la reunion precedente",
  "suivi des actions precedentes",
  "suivi des points d'action",
  "follow-up of previous actions",
  "follow up of previous actions",
  "follow-up of actions",
  "action follow-up",
  "action follow up",
  "actions follow-up",
  "review of actions",
  "matters arising",
]);

/** Whether a heading or bold label opens a follow-up section. A typed number ("2.") is ignored. */
export function isFollowUpLabel(label: string): boolean {
  return FOLLOW_UP_LABELS.has(
    normalizeLabel(label.replace(/^\s*(?:\d+|[IVX]+)\s*[.)\-–:]\s*/, "").replace(/\s*\{(?:-|\.unnumbered)\}\s*$/, "")),
  );
}

/** Parts of a meeting that belong to its header or agenda rather than to an agenda item. */
export type MeetingPart = "attendees" | "absent" | "agenda" | "date" | "time" | "location" | "chair" | "secretary";

const MEETING_PART_ALIASES: Record<MeetingPart, string[]> = {
  attendees: [
    "attendees",
    "attendance",
    "in attendance",
    "present",
    "presents",
    "presentes",
    "participants",
    "members present",
    "membres presents",
    "presence",
    "participantes",
    "asistentes",
    "anwesend",
    "anwesende",
    "teilnehmer",
    "teilnehmende",
    "teilnehmer*innen",
    "attendees present",
  ],
  absent: [
    "apologies",
    "apologies for absence",
    "excused",
    "absent",
    "absents",
    "absents excuses",
    "excuses",
    "regrets",
    "not present",
    "entschuldigt",
    "abwesend",
    "ausentes",
    "excusados",
    "disculpas",
  ],
  agenda: ["agenda", "ordre du jour", "points inscrits a l'ordre du jour", "tagesordnung", "orden del dia"],
  date: ["date", "datum", "fecha", "meeting date", "date de la reunion"],
  time: ["time", "heure", "horaire", "zeit", "uhrzeit", "hora"],
  location: ["location", "place", "venue", "where", "lieu", "ort", "lugar", "salle"],
  chair: [
    "chair",
    "chairperson",
    "chaired by",
    "president",
    "presidente",
    "presidence",
    "presidee par",
    "vorsitz",
    "moderator",
    "facilitator",
    "host",
  ],
  secretary: [
    "secretaire de seance",
    "secretary",
    "minutes",
    "minute taker",
    "note taker",
    "notetaker",
    "notes by",
    "minutes by",
    "secretaire",
    "rapporteur",
    "rapporteuse",
    "protokoll",
    "schriftfuhrer",
    "secretario",
    "secretaria",
    "scribe",
  ],
};

// Who chaired and who wrote, as working groups and associations label them ("* Scribe(s): …", "Minutes taker:",
// "Moderator:", "Notes:", "Sitzungsleitung:", "Prise de notes :"). "Notes" names the note taker only on a
// `Label: value` line; as a heading it opens a discussion or the notes section.
MEETING_PART_ALIASES.chair.push(
  "chairs",
  "co-chair",
  "co-chairs",
  "cochairs",
  "moderated by",
  "moderation",
  "moderators",
  "facilitators",
  "facilitated by",
  "convenor",
  "convener",
  "animateur",
  "animatrice",
  "animation",
  "president de seance",
  "presidente de seance",
  "presidence de seance",
  "sitzungsleitung",
  "leitung",
  "moderiert von",
  "vorsitzende",
  "vorsitzender",
  "moderacion",
  "moderador",
  "moderadora",
  "presidencia",
);
// Dutch, which real minutes bring too ("Aanwezig", "Voorzitter", "Notulist").
MEETING_PART_ALIASES.attendees.push("roll call", "aanwezig", "aanwezigen");
// Singular and feminine forms ("Excusée :", "Présente :") and the members' list of German associations.
MEETING_PART_ALIASES.attendees.push("presente", "anwesende mitglieder");
// As French and English minutes open their list of people ("Étaient présents :", "Were present:").
MEETING_PART_ALIASES.attendees.push("etaient presents", "etaient presentes", "personnes presentes", "were present");
MEETING_PART_ALIASES.absent.push("etaient excuses", "etaient excusees", "etaient absents", "personnes excusees");
MEETING_PART_ALIASES.absent.push("excuse", "excusee", "excusees", "absente", "absentes");
MEETING_PART_ALIASES.absent.push("afwezig", "afgemeld", "afmeldingen");
MEETING_PART_ALIASES.chair.push("voorzitter");
// Portuguese ("Participantes presentes", "Responsável pelo registro").
MEETING_PART_ALIASES.attendees.push("participantes presentes", "membros presentes");
MEETING_PART_ALIASES.secretary.push(
  "responsavel pelo registro",
  "responsavel pela ata",
  "redator",
  "redatora",
  "secretario da reuniao",
);
MEETING_PART_ALIASES.secretary.push("notulist", "secretaris");
MEETING_PART_ALIASES.secretary.push(
  "scribes",
  "minutes taker",
  "minute-taker",
  "minutes-taker",
  "note-taker",
  "note takers",
  "notetakers",
  "notes",
  "notes taken by",
  "taking notes",
  "redacteur",
  "redactrice",
  "prise de notes",
  "protokollant",
  "protokollantin",
  "protokollfuhrer",
  "protokollfuhrerin",
  "protokollfuhrung",
  "schriftfuhrerin",
  "secretario de actas",
  "secretaria de actas",
  "relator",
  "relatora",
);

for (const language of supportedLanguages) {
  const labels = labelsFor(language);
  for (const part of ["date", "time", "location", "attendees", "absent", "chair", "secretary", "agenda"] as const)
    MEETING_PART_ALIASES[part].push(normalizeLabel(labels[part]));
}

const partByAlias = new Map<string, MeetingPart>();
for (const [part, aliases] of Object.entries(MEETING_PART_ALIASES) as [MeetingPart, string[]][]) {
  for (const alias of aliases) partByAlias.set(alias, part);
}

/** A label without what people add in parentheses: "Scribe(s)", "Attendees (sign yourself in)". */
const withoutAside = (label: string): string => label.replace(/\s*\([^()]*\)\s*:?\s*$/, "");

/** French inclusive writing: "Présent.e.s", "Excusé·e·s", "Absent(e)s", "Présent-es" → "presents", "excuses", "absents". */
const withoutInclusive = (label: string): string =>
  label.replace(/(?:[.·‧•-]e[.·‧•-]?s|\(e\)s|\(es\)|\(s\)|\(e\))$/u, (m) => (m.includes("s") ? "s" : ""));

export function meetingPart(label: string): MeetingPart | undefined {
  const normalized = normalizeLabel(label);
  const plain = normalizeLabel(withoutAside(normalized));
  return partByAlias.get(normalized) ?? partByAlias.get(plain) ?? partByAlias.get(withoutInclusive(plain));
}

// Sections that hold no agenda item: where to find the call, the documents, how to register. They are
// printed once, in the preamble when they come before the items, else in the item they follow.
const ASIDE_LABELS = new Set([
  "links",
  "link",
  "useful links",
  "meeting links",
  "links and resources",
  "links & resources",
  "links/resources",
  "resources",
  "references",
  "logistics",
  "meeting logistics",
  "logistics and registration",
  "registration",
  "registrations",
  "video call",
  "video call link",
  "video conference",
  "videoconference",
  "call details",
  "call information",
  "dial-in",
  "dial in",
  "dial-in details",
  "joining instructions",
  "how to join",
  "zoom",
  "zoom link",
  "conference call",
  "meeting link",
  "meeting information",
  "meeting info",
  "meeting details",
  "liens",
  "liens utiles",
  "ressources",
  "logistique",
  "inscription",
  "inscriptions",
  "visioconference",
  "visio",
  "lien visio",
  "informations pratiques",
  "connexion",
  "anmeldung",
  "einwahl",
  "einwahldaten",
  "videokonferenz",
  "ressourcen",
  "organisatorisches",
  "enlaces",
  "recursos",
  "logistica",
  "inscripcion",
  "videollamada",
  "ligacoes",
  "inscricao",
  "videochamada",
  // Where people put their name to speak (W3C: "## Queue (add yourself at the bottom):").
  "queue",
  "speaker queue",
  "speakers queue",
  "queue of speakers",
  // Sections that hold the header lines ("## Informações Gerais" then "**Responsável pelo registro:** …").
  "general information",
  "general info",
  "informations generales",
  "informations",
  "allgemeines",
  "allgemeine informationen",
  "informacion general",
  "informacoes gerais",
  "dados gerais",
]);

// A section whose sub-headings are the items actually discussed, after a planned agenda, logistics…
const NOTES_LABELS = new Set([
  "meeting notes",
  "notes",
  "minutes",
  "meeting minutes",
  "minutes of the meeting",
  "discussion",
  "discussion notes",
  "notes de reunion",
  "notes de la reunion",
  "compte rendu",
  "compte-rendu",
  "proces-verbal",
  "proces verbal",
  "protokoll",
  "sitzungsprotokoll",
  "notizen",
  "besprechungsnotizen",
  "mitschrift",
  "notas",
  "notas de la reunion",
  "acta",
  "notas da reuniao",
  "ata",
  "notulen",
]);

const headingLabel = (label: string): string =>
  normalizeLabel(withoutAside(label.replace(/^\s*(?:\d+|[IVX]+)\s*[.)\-–:]\s*/, "")));

/** Whether a heading names a section that is not an agenda item ("Links", "Logistics", "Video call"). */
export function isAsideLabel(label: string): boolean {
  return ASIDE_LABELS.has(headingLabel(label));
}

/**
 * Whether a heading names a part of the header (attendees, date, chair…) or a section that is not an item
 * (links, logistics); not the agenda and not the notes section, whose sub-headings may be the items.
 */
export function isHeaderSection(label: string): boolean {
  const part = meetingPart(label);
  return isAsideLabel(label) || (part !== undefined && part !== "agenda" && !isNotesLabel(label));
}

/** Whether a heading names the notes section whose sub-headings are the items ("Meeting notes", "Protokoll"). */
export function isNotesLabel(label: string): boolean {
  return NOTES_LABELS.has(headingLabel(label));
}
