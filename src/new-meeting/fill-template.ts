// The placeholders `minutes new` and `minutes init` fill in a meeting template: {{date}} (the meeting's
// date), {{deadline}} (two weeks later, for the template's first action), {{title}}. {{follow_up}} is the
// follow-up table (src/new-meeting/new-meeting.ts). Any other `{{name}}` stays for the clerk, and
// `minutes check` names it (rule placeholder-left).

/** The date `days` after an ISO date. */
export function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function fillTemplate(template: string, values: { date: string; title?: string }): string {
  let text = template
    .replace(/\{\{\s*date\s*\}\}/g, values.date)
    .replace(/\{\{\s*deadline\s*\}\}/g, daysAfter(values.date, 14));
  if (values.title !== undefined)
    text = text.replace(/\{\{\s*title\s*\}\}/g, values.title.replace(/\\/g, "\\\\").replace(/"/g, '\\"'));
  return text;
}
