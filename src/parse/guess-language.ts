// Guesses whether minutes without a `language:` are French or English, from common short words,
// so that labels and dates print in the language of the text. Anything else prints in English.

// Words that are French and not Spanish, Italian or Portuguese ("la", "de", "que" are all of them).
const FRENCH = new Set(["le", "les", "des", "du", "et", "est", "une", "pour", "dans", "sur", "au", "aux", "avec", "sont", "qui", "ordre", "jour", "séance", "réunion", "été", "il", "elle", "nous"]);
const ENGLISH = new Set(["the", "and", "of", "to", "is", "for", "on", "with", "was", "were", "that", "by", "at", "from", "meeting", "agenda", "will", "be"]);

export function guessLanguage(text: string): "fr" | "en" {
  let fr = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FRENCH.has(word)) fr++;
    else if (ENGLISH.has(word)) en++;
  }
  return fr > en * 1.5 && fr >= 5 ? "fr" : "en";
}
