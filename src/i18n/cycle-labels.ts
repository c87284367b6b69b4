// The fixed texts of the meeting cycle (issue 22, parts 1, 4 and 5) in the five languages: the convocation's
// labels, the "Confidential" banner and the line that replaces an item held in camera, the signature block,
// the approval line, and the words of an agenda item that approves the previous minutes.
import { normalizeLabel } from "./text-match.js";
import { primaryLanguage } from "./labels.js";

export interface CycleLabels {
  /** The convocation's title line, above the meeting's title. */
  convocation: string;
  invitees: string;
  /** The agenda table's column of item titles. */
  item: string;
  replyBy: string;
  documents: string;
  presenter: string;
  duration: string;
  /** "{minutes} min". */
  minutes: string;
  /** The banner over an item held in camera, in the internal edition. */
  confidential: string;
  /** The one line that stands for an item held in camera in the public edition. */
  heldInCamera: string;
  /** The document metadata's word for a draft (PDF Info/XMP keywords, DOCX core properties). */
  draftStatus: string;
  approvedStatus: string;
  /** "Approved on {date} by {by}" / "Approved on {date}". */
  approvedOn: string;
  approvedOnBy: string;
  chair: string;
  secretary: string;
  /** The line under a signature: "Signature", "Date". */
  signature: string;
  date: string;
}

const en: CycleLabels = {
  convocation: "Notice of meeting",
  invitees: "Invited",
  item: "Item",
  replyBy: "Please reply by",
  documents: "Documents",
  presenter: "Presenter",
  duration: "Duration",
  minutes: "{minutes}\u00a0min",
  confidential: "Confidential",
  heldInCamera: "Item held in camera",
  draftStatus: "Draft",
  approvedStatus: "Approved",
  approvedOn: "Approved on {date}",
  approvedOnBy: "Approved on {date} by {by}",
  chair: "The Chair",
  secretary: "The Secretary",
  signature: "Signature",
  date: "Date",
};

const fr: CycleLabels = {
  convocation: "Convocation",
  invitees: "Convoqués",
  item: "Point",
  replyBy: "Merci de répondre avant le",
  documents: "Documents joints",
  presenter: "Présenté par",
  duration: "Durée",
  minutes: "{minutes}\u00a0min",
  confidential: "Confidentiel",
  heldInCamera: "Point traité à huis clos",
  draftStatus: "Projet",
  approvedStatus: "Approuvé",
  approvedOn: "Approuvé le {date}",
  approvedOnBy: "Approuvé le {date} par {by}",
  chair: "Le Président",
  secretary: "Le Secrétaire",
  signature: "Signature",
  date: "Date",
};

const es: CycleLabels = {
  convocation: "Convocatoria",
  invitees: "Convocados",
  item: "Punto",
  replyBy: "Se ruega responder antes del",
  documents: "Documentos adjuntos",
  presenter: "Presenta",
  duration: "Duración",
  minutes: "{minutes}\u00a0min",
  confidential: "Confidencial",
  heldInCamera: "Punto tratado a puerta cerrada",
  draftStatus: "Borrador",
  approvedStatus: "Aprobado",
  approvedOn: "Aprobado el {date}",
  approvedOnBy: "Aprobado el {date} por {by}",
  chair: "La Presidencia",
  secretary: "La Secretaría",
  signature: "Firma",
  date: "Fecha",
};

const pt: CycleLabels = {
  convocation: "Convocatória",
  invitees: "Convocados",
  item: "Ponto",
  replyBy: "Agradece-se resposta até",
  documents: "Documentos anexos",
  presenter: "Apresentado por",
  duration: "Duração",
  minutes: "{minutes}\u00a0min",
  confidential: "Confidencial",
  heldInCamera: "Ponto tratado à porta fechada",
  draftStatus: "Rascunho",
  approvedStatus: "Aprovado",
  approvedOn: "Aprovado em {date}",
  approvedOnBy: "Aprovado em {date} por {by}",
  chair: "O Presidente",
  secretary: "O Secretário",
  signature: "Assinatura",
  date: "Data",
};

const de: CycleLabels = {
  convocation: "Einladung",
  invitees: "Eingeladen",
  item: "Punkt",
  replyBy: "Bitte antworten bis",
  documents: "Unterlagen",
  presenter: "Vortragende(r)",
  duration: "Dauer",
  minutes: "{minutes}\u00a0Min.",
  confidential: "Vertraulich",
  heldInCamera: "Nichtöffentlich behandelter Punkt",
  draftStatus: "Entwurf",
  approvedStatus: "Genehmigt",
  approvedOn: "Genehmigt am {date}",
  approvedOnBy: "Genehmigt am {date} durch {by}",
  chair: "Der Vorsitz",
  secretary: "Das Protokoll",
  signature: "Unterschrift",
  date: "Datum",
};

const sets: Record<string, CycleLabels> = { en, fr, es, pt, de };

export function cycleLabelsFor(language: string): CycleLabels {
  return sets[primaryLanguage(language)] ?? en;
}

/**
 * The agenda items that approve the previous minutes, in the five languages, compared without case or accents:
 * "Approval of the minutes…", "Approbation du compte-rendu…", "Aprobación del acta…", "Aprovação da ata…",
 * "Genehmigung des Protokolls…".
 */
const approvalItem = [
  /^(?:approval|adoption|approve|adopt|confirmation)\s+(?:of\s+)?(?:the\s+)?(?:previous\s+|last\s+)?minutes\b/,
  /^(?:minutes\s+of\s+the\s+(?:previous|last)\s+meeting)\b/,
  /^(?:approbation|adoption|validation)\s+(?:du|des|de\s+la|de\s+l')\s*(?:projet\s+de\s+)?(?:compte[- ]rendus?|proces[- ]verbaux?|proces[- ]verbal|pv|cr)\b/,
  /^(?:aprobacion|adopcion)\s+(?:del?|de\s+las?)\s+(?:acta|actas)\b/,
  /^(?:aprovacao|adocao)\s+(?:da|das)\s+(?:ata|atas|acta|actas)\b/,
  /^(?:genehmigung|annahme|billigung)\s+(?:des|der)\s+(?:protokolls|niederschrift|protokolle)\b/,
  /^protokollgenehmigung\b/,
];

export function isApprovalItem(title: string): boolean {
  const words = normalizeLabel(title);
  return approvalItem.some((pattern) => pattern.test(words));
}
