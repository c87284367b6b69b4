// Localised labels for every fixed text both renderers print. French and English ship complete.

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
};

const labelSets: Record<string, Labels> = { fr, en };

export const supportedLanguages = Object.keys(labelSets);

/** The primary language subtag of a BCP 47 tag ("fr-CA" → "fr"). */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

export function isSupportedLanguage(tag: string): boolean {
  return primaryLanguage(tag) in labelSets;
}

/** The label set for a language tag; English when the language has none. */
export function labelsFor(tag: string): Labels {
  return labelSets[primaryLanguage(tag)] ?? en;
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
