// Labels of the body's records in the documents (issue 22, parts 2 and 3): attendance and quorum in the
// compte-rendu's header, and the decision register. In the five label languages.
import { primaryLanguage } from "./labels.js";

export interface RecordLabels {
  present: string;
  excused: string;
  absent: string;
  guests: string;
  quorum: string;
  /** "{present} of {members} members present; quorum {required} ({rule}): reached". */
  quorumReached: string;
  quorumMissed: string;
  decisionRegisterTitle: string;
  decision: string;
  vote: string;
  item: string;
  /** "{total} decisions, of which {voted} with a recorded vote". */
  decisionCounts: string;
  noDecisions: string;
  unanimous: string;
  /** "{for} for, {against} against, {abstentions} abstentions". */
  voteCounts: string;
  withoutQuorum: string;
}

const sets: Record<string, RecordLabels> = {
  en: {
    present: "Members present",
    excused: "Excused",
    absent: "Absent",
    guests: "Guests",
    quorum: "Quorum",
    quorumReached: "reached: {present} of {members} members present (quorum: {required})",
    quorumMissed: "NOT reached: {present} of {members} members present (quorum: {required})",
    decisionRegisterTitle: "Decision register",
    decision: "Decision",
    vote: "Vote",
    item: "Item",
    decisionCounts: "{total} decisions, {voted} with a recorded vote",
    noDecisions: "No decisions.",
    unanimous: "unanimous",
    voteCounts: "{for} for, {against} against, {abstentions} abstentions",
    withoutQuorum: "taken without quorum",
  },
  fr: {
    present: "Membres présents",
    excused: "Excusés",
    absent: "Absents",
    guests: "Invités",
    quorum: "Quorum",
    quorumReached: "atteint : {present} membres présents sur {members} (quorum : {required})",
    quorumMissed: "NON atteint : {present} membres présents sur {members} (quorum : {required})",
    decisionRegisterTitle: "Registre des décisions",
    decision: "Décision",
    vote: "Vote",
    item: "Point",
    decisionCounts: "{total} décisions, dont {voted} avec un vote consigné",
    noDecisions: "Aucune décision.",
    unanimous: "unanimité",
    voteCounts: "{for} pour, {against} contre, {abstentions} abstentions",
    withoutQuorum: "prise sans quorum",
  },
  es: {
    present: "Miembros presentes",
    excused: "Excusados",
    absent: "Ausentes",
    guests: "Invitados",
    quorum: "Quórum",
    quorumReached: "alcanzado: {present} de {members} miembros presentes (quórum: {required})",
    quorumMissed: "NO alcanzado: {present} de {members} miembros presentes (quórum: {required})",
    decisionRegisterTitle: "Registro de decisiones",
    decision: "Decisión",
    vote: "Votación",
    item: "Punto",
    decisionCounts: "{total} decisiones, {voted} con votación registrada",
    noDecisions: "Ninguna decisión.",
    unanimous: "unanimidad",
    voteCounts: "{for} a favor, {against} en contra, {abstentions} abstenciones",
    withoutQuorum: "tomada sin quórum",
  },
  pt: {
    present: "Membros presentes",
    excused: "Justificados",
    absent: "Ausentes",
    guests: "Convidados",
    quorum: "Quórum",
    quorumReached: "atingido: {present} de {members} membros presentes (quórum: {required})",
    quorumMissed: "NÃO atingido: {present} de {members} membros presentes (quórum: {required})",
    decisionRegisterTitle: "Registo de decisões",
    decision: "Decisão",
    vote: "Votação",
    item: "Ponto",
    decisionCounts: "{total} decisões, {voted} com votação registada",
    noDecisions: "Nenhuma decisão.",
    unanimous: "unanimidade",
    voteCounts: "{for} a favor, {against} contra, {abstentions} abstenções",
    withoutQuorum: "tomada sem quórum",
  },
  de: {
    present: "Anwesende Mitglieder",
    excused: "Entschuldigt",
    absent: "Abwesend",
    guests: "Gäste",
    quorum: "Beschlussfähigkeit",
    quorumReached: "gegeben: {present} von {members} Mitgliedern anwesend (erforderlich: {required})",
    quorumMissed: "NICHT gegeben: {present} von {members} Mitgliedern anwesend (erforderlich: {required})",
    decisionRegisterTitle: "Beschlussregister",
    decision: "Beschluss",
    vote: "Abstimmung",
    item: "Punkt",
    decisionCounts: "{total} Beschlüsse, davon {voted} mit festgehaltener Abstimmung",
    noDecisions: "Keine Beschlüsse.",
    unanimous: "einstimmig",
    voteCounts: "{for} dafür, {against} dagegen, {abstentions} Enthaltungen",
    withoutQuorum: "ohne Beschlussfähigkeit gefasst",
  },
};

export function recordLabelsFor(tag: string): RecordLabels {
  return sets[primaryLanguage(tag)] ?? sets.en!;
}

/** Fills `{name}` fields of a label. */
export function fillLabel(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
