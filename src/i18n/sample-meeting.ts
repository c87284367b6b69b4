// The meeting template and sample meeting that `minutes init` writes, in the repository's language, and
// the example values they hold ("Premier participant (Organisation)", "Votre organisation"…). Those values
// are recognised as they are written here by the `placeholder-left` rule (src/parse/placeholders.ts), so a
// sample that was not filled in fails `check` under `strict: missing` rather than being published.

export const initLanguages = ["en", "fr", "es", "pt", "de"] as const;
export type InitLanguage = (typeof initLanguages)[number];

/** The values a clerk must replace: what `check` recognises as left from the sample. */
export interface ExampleValues {
  organisation: string;
  chair: string;
  secretary: string;
  attendee: string;
}

interface SampleTexts extends ExampleValues {
  /** The sample's file name after the date: 2026-12-04-<meeting>.md. */
  meeting: string;
  title: string;
  location: string;
  opening: string;
  openingText: string;
  item1: string;
  discussion: string;
  decisions: string;
  actions: string;
  point: string;
  decided: string;
  head: string;
  /** The action row; {{deadline}} is filled by `init` and `minutes new` (two weeks after the meeting). */
  row: string;
  item2: string;
  none: string;
}

const texts: Record<InitLanguage, SampleTexts> = {
  en: {
    meeting: "meeting",
    title: "Steering Committee — Minutes",
    organisation: "Your organisation",
    location: "Room A",
    opening: "Opening",
    openingText: "The chair opened the meeting and welcomed the participants.",
    item1: "Approval of the previous minutes",
    discussion: "Key discussion points",
    decisions: "Decisions",
    actions: "Action items",
    point: "The minutes of the previous meeting were read.",
    decided: "The minutes are approved.",
    head: "| Action | Responsible | Deadline | Status |",
    row: "| Circulate the approved minutes | Secretariat | {{deadline}} | Open |",
    item2: "Any other business",
    none: "N/A",
    chair: "Chair's name",
    secretary: "Secretary's name (Secretariat)",
    attendee: "First attendee (Organisation)",
  },
  fr: {
    meeting: "reunion",
    title: "Compte-rendu de la réunion du Comité de pilotage",
    organisation: "Votre organisation",
    location: "Salle A",
    opening: "Ouverture",
    openingText: "La présidence ouvre la séance et souhaite la bienvenue aux participants.",
    item1: "Adoption du compte-rendu précédent",
    discussion: "Points de discussion clés",
    decisions: "Décisions",
    actions: "Points d'action",
    point: "Le compte-rendu de la réunion précédente est relu.",
    decided: "Le compte-rendu est adopté.",
    head: "| Point d'action | Responsable | Date limite | Statut |",
    row: "| Diffuser le compte-rendu adopté | Secrétariat | {{deadline}} | Ouvert |",
    item2: "Divers",
    none: "N/A",
    chair: "Nom de la présidence",
    secretary: "Nom du secrétariat (Secrétariat)",
    attendee: "Premier participant (Organisation)",
  },
  es: {
    meeting: "reunion",
    title: "Acta de la reunión del Comité de Dirección",
    organisation: "Su organización",
    location: "Sala A",
    opening: "Apertura",
    openingText: "La presidencia abre la sesión y da la bienvenida a los participantes.",
    item1: "Aprobación del acta anterior",
    discussion: "Principales puntos de discusión",
    decisions: "Decisiones",
    actions: "Acciones",
    point: "Se da lectura al acta de la reunión anterior.",
    decided: "Se aprueba el acta.",
    head: "| Acción | Responsable | Fecha límite | Estado |",
    row: "| Difundir el acta aprobada | Secretaría | {{deadline}} | Abierta |",
    item2: "Ruegos y preguntas",
    none: "N/A",
    chair: "Nombre de la presidencia",
    secretary: "Nombre de la secretaría (Secretaría)",
    attendee: "Primer participante (Organización)",
  },
  pt: {
    meeting: "reuniao",
    title: "Ata da reunião do Comité de Pilotagem",
    organisation: "A sua organização",
    location: "Sala A",
    opening: "Abertura",
    openingText: "A presidência abre a sessão e dá as boas-vindas aos participantes.",
    item1: "Aprovação da ata anterior",
    discussion: "Principais pontos de discussão",
    decisions: "Decisões",
    actions: "Ações",
    point: "É lida a ata da reunião anterior.",
    decided: "A ata é aprovada.",
    head: "| Ação | Responsável | Prazo | Estado |",
    row: "| Divulgar a ata aprovada | Secretariado | {{deadline}} | Aberta |",
    item2: "Outros assuntos",
    none: "N/A",
    chair: "Nome da presidência",
    secretary: "Nome do secretariado (Secretariado)",
    attendee: "Primeiro participante (Organização)",
  },
  de: {
    meeting: "sitzung",
    title: "Protokoll der Sitzung des Lenkungsausschusses",
    organisation: "Ihre Organisation",
    location: "Raum A",
    opening: "Eröffnung",
    openingText: "Der Vorsitz eröffnet die Sitzung und begrüßt die Teilnehmenden.",
    item1: "Genehmigung des letzten Protokolls",
    discussion: "Wichtigste Diskussionspunkte",
    decisions: "Beschlüsse",
    actions: "Aufgaben",
    point: "Das Protokoll der letzten Sitzung wird verlesen.",
    decided: "Das Protokoll wird genehmigt.",
    head: "| Aufgabe | Verantwortlich | Frist | Status |",
    row: "| Das genehmigte Protokoll verteilen | Sekretariat | {{deadline}} | Offen |",
    item2: "Verschiedenes",
    none: "N/A",
    chair: "Name des Vorsitzes",
    secretary: "Name der Schriftführung (Sekretariat)",
    attendee: "Erste teilnehmende Person (Organisation)",
  },
};

/** The example values of every language, for the rule that recognises them. */
export const exampleValues: readonly ExampleValues[] = Object.values(texts);

/** The word the sample meeting's file is named with: 2026-12-04-exemple.md, so that `minutes new` the same day writes beside it. */
const exampleWords: Record<InitLanguage, string> = {
  en: "example",
  fr: "exemple",
  es: "ejemplo",
  pt: "exemplo",
  de: "beispiel",
};

export function exampleWord(language: InitLanguage): string {
  return exampleWords[language];
}

/** The word a meeting's file is named with in `language` (2026-12-04-reunion.md); "meeting" otherwise. */
export function meetingWord(language: string): string {
  return (texts[language.split(/[-_]/)[0]!.toLowerCase() as InitLanguage] ?? texts.en).meeting;
}

/** The meeting template, with {{date}} and {{deadline}} placeholders that `init` and `minutes new` fill. */
export function meetingTemplate(language: InitLanguage): string {
  const t = texts[language];
  return `---
title: "${t.title}"
date: {{date}}
organisation: ${t.organisation}
time: "10:00-11:30"
location: ${t.location}
language: ${language}
chair: ${t.chair}
secretary: ${t.secretary}
attendees:
  - ${t.attendee}
---

## ${t.opening} {-}

${t.openingText}

## 1. ${t.item1}

### ${t.discussion}

- ${t.point}

### ${t.decisions}

- ${t.decided}

### ${t.actions}

${t.head}
|---|---|---|---|
${t.row}

## 2. ${t.item2}

### ${t.actions}

${t.none}
`;
}
