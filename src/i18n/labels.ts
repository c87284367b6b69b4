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
