// What the command line says outside diagnostics: severities, hints, progress, summaries, help texts.
// One entry per text, in every language of src/i18n/messages.ts.
import type { Entry } from "../messages.js";

export const cliMessages = {
  "severity.error": { en: "error", fr: "erreur", es: "error", pt: "erro", de: "Fehler" },
  "severity.warning": { en: "warning", fr: "avertissement", es: "advertencia", pt: "aviso", de: "Warnung" },
  "hint": { en: "hint", fr: "conseil", es: "sugerencia", pt: "dica", de: "Hinweis" },
} satisfies Record<string, Entry>;
