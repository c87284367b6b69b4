// The state of an action, read from its Status column (English, French, Spanish, Portuguese and German
// words) or from a task checkbox in the action cell. Without either, an action is open.
import { inlineText, type ActionItem } from "./minutes.js";

export type ActionState = "open" | "in-progress" | "done" | "cancelled";

const words: Record<string, ActionState> = {
  open: "open",
  todo: "open",
  "to do": "open",
  pending: "open",
  new: "open",
  ouvert: "open",
  ouverte: "open",
  "à faire": "open",
  "a faire": "open",
  "in progress": "in-progress",
  "in-progress": "in-progress",
  ongoing: "in-progress",
  started: "in-progress",
  "en cours": "in-progress",
  done: "done",
  completed: "done",
  complete: "done",
  closed: "done",
  finished: "done",
  fait: "done",
  faite: "done",
  réalisé: "done",
  réalisée: "done",
  terminé: "done",
  terminée: "done",
  clos: "done",
  clôturé: "done",
  "not started": "open",
  "non commencé": "open",
  "non commencée": "open",
  "non démarré": "open",
  "reporté": "open",
  "reportée": "open",
  postponed: "open",
  "[ ]": "open",
  "en attente": "in-progress",
  "partiellement réalisé": "in-progress",
  "partially done": "in-progress",
  "[x]": "done",
  achevé: "done",
  achevée: "done",
  accompli: "done",
  cancelled: "cancelled",
  canceled: "cancelled",
  dropped: "cancelled",
  annulé: "cancelled",
  annulée: "cancelled",
  abandonné: "cancelled",
  abierta: "open",
  abierto: "open",
  pendiente: "open",
  aberta: "open",
  aberto: "open",
  pendente: "open",
  offen: "open",
  "en curso": "in-progress",
  "en proceso": "in-progress",
  "em curso": "in-progress",
  "em andamento": "in-progress",
  "in bearbeitung": "in-progress",
  laufend: "in-progress",
  hecho: "done",
  hecha: "done",
  realizado: "done",
  realizada: "done",
  terminado: "done",
  terminada: "done",
  cerrado: "done",
  cerrada: "done",
  feito: "done",
  feita: "done",
  concluído: "done",
  concluída: "done",
  erledigt: "done",
  abgeschlossen: "done",
  cancelado: "cancelled",
  cancelada: "cancelled",
  anulado: "cancelled",
  anulada: "cancelled",
  abgebrochen: "cancelled",
  storniert: "cancelled",
  entfällt: "cancelled",
};

/** Every status word understood, for messages. */
export const knownStatusWords = [
  "open",
  "in progress",
  "done",
  "cancelled",
  "ouvert",
  "en cours",
  "fait",
  "réalisé",
  "terminé",
  "annulé",
  "abierta",
  "en curso",
  "hecha",
  "cancelada",
  "aberta",
  "em curso",
  "concluída",
  "offen",
  "in Bearbeitung",
  "erledigt",
  "abgebrochen",
];

/** The state a status word names, or undefined when it names none. */
export function stateOf(text: string): ActionState | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "")
    .replace(/\s+/g, " ");
  return words[key];
}

/** The state of an action: its Status column, else a leading [x] / [ ] in the action text, else open. */
export function actionState(action: ActionItem): ActionState {
  const status = action.status ? stateOf(inlineText(action.status)) : undefined;
  if (status) return status;
  const box = /^\s*\[([ xX])\]/.exec(inlineText(action.action));
  if (box) return box[1] === " " ? "open" : "done";
  return "open";
}

/** Open means not done and not cancelled. */
export function isOpenState(state: ActionState): boolean {
  return state === "open" || state === "in-progress";
}

export function isOpen(action: ActionItem): boolean {
  return isOpenState(actionState(action));
}

/** Overdue at `today` (YYYY-MM-DD): open, with a dated deadline before it. For counts such as index.json's. */
export function isOverdueAt(action: ActionItem, today: string): boolean {
  const date = action.deadline?.date;
  return isOpen(action) && date !== undefined && date < today;
}
