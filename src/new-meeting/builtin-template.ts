// The built-in template of `minutes new`, in the meeting's language. A repository can replace it with
// templates/meeting.md or the config's `template:` (see docs/actions.md). Placeholders: {{title}},
// {{date}}, {{follow_up}} (where the follow-up table of open actions goes).
import { labelsFor, primaryLanguage } from "../i18n/labels.js";

const words: Record<string, { title: string; opening: string; item: string }> = {
  fr: { title: "Compte-rendu de la réunion", opening: "Ouverture", item: "Premier point de l'ordre du jour" },
  en: { title: "Minutes of the meeting", opening: "Opening", item: "First agenda item" },
};

export function defaultTitle(language: string): string {
  return (words[primaryLanguage(language)] ?? words.en!).title;
}

export function builtinTemplate(language: string): string {
  const w = words[primaryLanguage(language)] ?? words.en!;
  const labels = labelsFor(language);
  return `---
title: "{{title}}"
date: {{date}}
language: ${language}
---

## ${w.opening} {-}

{{follow_up}}

## 1. ${w.item}

### ${labels.discussion}

### ${labels.decisions}

### ${labels.actions}

| ${labels.action} | ${labels.responsible} | ${labels.deadline} |
|---|---|---|
| | | |
`;
}
