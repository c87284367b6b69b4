// The diagnostics: one entry per message (and one per hint), by rule id then a short name, in every
// language of src/i18n/messages.ts. The English text is also what JSON output and rule docs show.
import type { Entry } from "../messages.js";

export const diagnosticMessages = {
  "agenda-number": {
    en: 'This item is typed "{typed}" but it is item {position}; it is printed as {position}.',
    fr: "Ce point porte le numéro « {typed} » mais c'est le point {position} ; il est imprimé comme {position}.",
    es: "Este punto lleva el número «{typed}» pero es el punto {position}; se imprime como {position}.",
    pt: "Este item tem o número «{typed}», mas é o item {position}; é impresso como {position}.",
    de: "Dieser Punkt trägt die Nummer „{typed}“, ist aber Punkt {position}; er wird als {position} gedruckt.",
  },
  "agenda-number.hint": {
    en: 'Write "{position}." or leave the number out: items are numbered automatically.',
    fr: "Écrivez « {position}. » ou omettez le numéro : les points sont numérotés automatiquement.",
    es: "Escriba «{position}.» u omita el número: los puntos se numeran automáticamente.",
    pt: "Escreva «{position}.» ou omita o número: os itens são numerados automaticamente.",
    de: "Schreiben Sie „{position}.“ oder lassen Sie die Nummer weg: Punkte werden automatisch nummeriert.",
  },
} satisfies Record<string, Entry>;
