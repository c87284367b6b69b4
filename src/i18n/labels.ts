// Localised labels for every fixed text both renderers print: French, English, Spanish, Portuguese, German.
// A theme may override any of them per language (theme.yaml `labels:`).

export interface Labels {
  date: string;
  time: string;
  location: string;
  attendees: string;
  absent: string;
  chair: string;
  secretary: string;
  agenda: string;
  discussion: string;
  decisions: string;
  actions: string;
  action: string;
  responsible: string;
  deadline: string;
  status: string;
  notes: string;
  notApplicable: string;
  noDeadline: string;
  nextMeeting: string;
  /** Footer text; {page} and {pages} are replaced. */
  pageOf: string;
  /** The draft marking (watermark or banner) of a document whose front matter says `status: draft`. */
  draft: string;
}

const fr: Labels = {
  date: "Date",
  time: "Heure",
  location: "Lieu",
  attendees: "Présence",
  absent: "Absents excusés",
  chair: "Présidence",
  secretary: "Secrétariat",
  agenda: "Points inscrits à l'ordre du jour",
  discussion: "Points de discussion clés",
  decisions: "Décisions",
  actions: "Points d'action",
  action: "Points d'action",
  responsible: "Personne/Agence Responsable",
  deadline: "Date limite",
  status: "Statut",
  notes: "Observations",
  notApplicable: "N/A",
  noDeadline: "—",
  nextMeeting: "Prochaine réunion",
  pageOf: "Page {page} sur {pages}",
  draft: "PROJET",
};

const en: Labels = {
  date: "Date",
  time: "Time",
  location: "Location",
  attendees: "Attendees",
  absent: "Apologies",
  chair: "Chair",
  secretary: "Secretary",
  agenda: "Agenda",
  discussion: "Key discussion points",
  decisions: "Decisions",
  actions: "Action items",
  action: "Action",
  responsible: "Responsible",
  deadline: "Deadline",
  status: "Status",
  notes: "Notes",
  notApplicable: "N/A",
  noDeadline: "—",
  nextMeeting: "Next meeting",
  pageOf: "Page {page} of {pages}",
  draft: "DRAFT",
};

const es: Labels = {
  date: "Fecha",
  time: "Hora",
  location: "Lugar",
  attendees: "Asistentes",
  absent: "Ausencias justificadas",
  chair: "Presidencia",
  secretary: "Secretaría",
  agenda: "Orden del día",
  discussion: "Principales puntos de discusión",
  decisions: "Decisiones",
  actions: "Acciones",
  action: "Acción",
  responsible: "Responsable",
  deadline: "Fecha límite",
  status: "Estado",
  notes: "Observaciones",
  notApplicable: "N/A",
  noDeadline: "—",
  nextMeeting: "Próxima reunión",
  pageOf: "Página {page} de {pages}",
  draft: "BORRADOR",
};

const pt: Labels = {
  date: "Data",
  time: "Hora",
  location: "Local",
  attendees: "Participantes",
  absent: "Ausências justificadas",
  chair: "Presidência",
  secretary: "Secretariado",
  agenda: "Ordem do dia",
  discussion: "Principais pontos de discussão",
  decisions: "Decisões",
  actions: "Ações",
  action: "Ação",
  responsible: "Responsável",
  deadline: "Prazo",
  status: "Estado",
  notes: "Observações",
  notApplicable: "N/A",
  noDeadline: "—",
  nextMeeting: "Próxima reunião",
  pageOf: "Página {page} de {pages}",
  draft: "RASCUNHO",
};

const de: Labels = {
  date: "Datum",
  time: "Uhrzeit",
  location: "Ort",
  attendees: "Anwesend",
  absent: "Entschuldigt",
  chair: "Vorsitz",
  secretary: "Protokoll",
  agenda: "Tagesordnung",
  discussion: "Wesentliche Diskussionspunkte",
  decisions: "Beschlüsse",
  actions: "Aufgaben",
  action: "Aufgabe",
  responsible: "Verantwortlich",
  deadline: "Frist",
  status: "Status",
  notes: "Anmerkungen",
  notApplicable: "k. A.",
  noDeadline: "—",
  nextMeeting: "Nächste Sitzung",
  pageOf: "Seite {page} von {pages}",
  draft: "ENTWURF",
};

const labelSets: Record<string, Labels> = { fr, en, es, pt, de };

export const supportedLanguages = Object.keys(labelSets);

/** The names of all labels, for checking a theme's overrides. */
export const labelKeys: readonly string[] = Object.keys(en);

/** The primary language subtag of a BCP 47 tag ("fr-CA" → "fr"). */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

export function isSupportedLanguage(tag: string): boolean {
  return primaryLanguage(tag) in labelSets;
}

/** The label set for a language tag (English when the language has none), with a theme's overrides on top. */
export function labelsFor(tag: string, overrides: Record<string, Record<string, string>> = {}): Labels {
  const language = primaryLanguage(tag);
  const base = labelSets[language] ?? en;
  const own = Object.fromEntries(Object.entries(overrides[language] ?? {}).filter(([key]) => key in base));
  return { ...base, ...own };
}

export function pageOf(labels: Labels, page: number | string, pages: number | string): string {
  return labels.pageOf.replace("{page}", String(page)).replace("{pages}", String(pages));
}

/** Labels of the action register and of the follow-up section (issue 7). English when a language has none. */
export interface ActionLabels {
  registerTitle: string;
  followUpTitle: string;
  id: string;
  meeting: string;
  /** A short responsible heading for the narrow columns of the follow-up and register tables. */
  responsible: string;
  comment: string;
  overdue: string;
  asOf: string;
  meetings: string;
  summary: string;
  states: Record<"open" | "in-progress" | "done" | "cancelled", string>;
  /** "{open} ouvertes, {overdue} en retard, {done} réalisées, {cancelled} annulées". */
  counts: string;
  noActions: string;
}

const actionLabelSets: Record<string, ActionLabels> = {
  fr: {
    registerTitle: "Tableau de suivi des actions",
    followUpTitle: "Suivi des actions de la réunion précédente",
    id: "Réf.",
    meeting: "Réunion",
    responsible: "Responsable",
    comment: "Commentaire",
    overdue: "en retard",
    asOf: "Situation au",
    meetings: "Réunions",
    summary: "Actions",
    states: { open: "Ouvert", "in-progress": "En cours", done: "Réalisé", cancelled: "Annulé" },
    counts: "{total} actions : {open} ouvertes, dont {overdue} en retard ; {done} réalisées ; {cancelled} annulées",
    noActions: "Aucune action.",
  },
  en: {
    registerTitle: "Action register",
    followUpTitle: "Follow-up of previous actions",
    id: "ID",
    meeting: "Meeting",
    responsible: "Responsible",
    comment: "Comment",
    overdue: "overdue",
    asOf: "As of",
    meetings: "Meetings",
    summary: "Actions",
    states: { open: "Open", "in-progress": "In progress", done: "Done", cancelled: "Cancelled" },
    counts: "{total} actions: {open} open, of which {overdue} overdue; {done} done; {cancelled} cancelled",
    noActions: "No actions.",
  },
};

export function actionLabelsFor(tag: string): ActionLabels {
  return actionLabelSets[primaryLanguage(tag)] ?? actionLabelSets.en!;
}
