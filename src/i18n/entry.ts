// The languages minutes speaks, and the shape of one catalogue entry: what every file of
// src/i18n/catalogue/ is written against, apart from messages.ts, which merges those files.
export const uiLanguages = ["en", "fr", "es", "pt", "de"] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** One entry: the same text in every language, with {name} placeholders. */
export type Entry = Readonly<Record<UiLanguage, string>>;
