// Guesses the language of minutes without a `language:` among the five whose labels we have (en, fr, es,
// pt, de), from common short words and label words, so that labels and dates print in the language of the
// text. Each set holds words of its language that the other four do not use as such ("de", "la", "en",
// "da", "das", "por", "para" are left out: they belong to two of them; so are "com" and "e", which URLs and
// "e.g." hold). The language with the most words wins when it has at least 5 and half again as many as any
// other; a short or mixed text prints in English.

export type GuessedLanguage = "en" | "fr" | "es" | "pt" | "de";

const WORDS: Record<GuessedLanguage, ReadonlySet<string>> = {
  // French and not Spanish, Italian or Portuguese.
  fr: new Set(["le", "les", "des", "du", "et", "est", "une", "pour", "dans", "sur", "au", "aux", "avec", "sont", "qui", "ordre", "jour", "séance", "réunion", "été", "il", "elle", "nous"]),
  en: new Set(["the", "and", "of", "to", "is", "for", "on", "with", "was", "were", "that", "by", "at", "from", "meeting", "agenda", "will", "be"]),
  es: new Set(["el", "los", "las", "del", "y", "es", "con", "una", "al", "fue", "pero", "hay", "sus", "muy", "también", "reunión", "acta", "orden", "asistentes", "acuerdos", "puntos"]),
  pt: new Set(["o", "os", "dos", "é", "em", "uma", "um", "ao", "pelo", "pela", "não", "foi", "são", "na", "também", "reunião", "ata", "pauta", "participantes"]),
  de: new Set(["der", "die", "und", "ist", "nicht", "mit", "von", "zu", "den", "dem", "ein", "eine", "wird", "für", "auf", "im", "sich", "auch", "wurde", "werden", "bei", "sitzung", "protokoll", "tagesordnung", "anwesend"]),
};
const LANGUAGES = Object.keys(WORDS) as GuessedLanguage[];

export function guessLanguage(text: string): GuessedLanguage {
  const counts = new Map<GuessedLanguage, number>(LANGUAGES.map((l) => [l, 0]));
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const language of LANGUAGES) if (WORDS[language].has(word)) counts.set(language, counts.get(language)! + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, count] = ranked[0]!;
  const runnerUp = ranked[1]![1];
  return count >= 5 && count > runnerUp * 1.5 ? best : "en";
}
