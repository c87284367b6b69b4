// Lenient matching of an action's responsible against the attendees, chair and secretary:
// case and accents do not matter, organisations and acronyms count ("OIM", "SP-CCM", "(MI)"),
// and several owners are split as the action register splits them (model/action-owners.ts).
import { splitOwners } from "../model/action-owners.js";
import type { Person } from "../model/minutes.js";
import { normalizeLabel } from "../i18n/text-match.js";

/** A one-token text ("OIM", "GIZ/APM") contributes all its parts. */
const isOneToken = (text: string): boolean => !/\s/.test(text.trim());

const words = (text: string): string[] =>
  normalizeLabel(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);

/** Every form under which a person or organisation may be named. */
function namesOf(person: Person): string[] {
  const out: string[] = [];
  // An attendee table's abbreviation ("SKe") is how actions name the person.
  if (person.abbreviation) out.push(normalizeLabel(person.abbreviation));
  for (const text of [person.name, person.organisation ?? ""]) {
    if (!text.trim()) continue;
    const plain = text.replace(/\([^)]*\)/g, " ");
    out.push(normalizeLabel(plain), normalizeLabel(text));
    for (const inner of text.matchAll(/\(([^)]+)\)/g)) out.push(normalizeLabel(inner[1]!), ...words(inner[1]!));
    // Acronyms and proper names: capitalised words ("Bo", "OIM", "Diallo").
    for (const w of plain.split(/[\s/\-–,]+/)) if (/^\p{Lu}/u.test(w) && w.length >= 2) out.push(...words(w));
    // Initials of a multi-word name: "Groupe de Technique sur la Migration" → "gtm".
    const capitals = plain.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (capitals.length >= 2) out.push(normalizeLabel(capitals.map((w) => w[0]).join("")));
    if (isOneToken(text)) out.push(...words(text).filter((w) => w.length >= 3));
  }
  return out.filter(Boolean);
}

export function peopleIndex(people: Person[]): Set<string> {
  return new Set(people.flatMap(namesOf));
}

/** Whether each owner in the text names someone in the index. */
export function unknownOwners(text: string, index: Set<string>): string[] {
  return splitOwners(text).filter((owner) => {
    const whole = normalizeLabel(owner.replace(/\([^)]*\)/g, " "));
    if (index.has(whole) || index.has(normalizeLabel(owner))) return false;
    const parts = words(owner);
    if (parts.some((p) => index.has(p))) return false;
    // "Awa" for "Awa Diallo": a prefix of a known full name.
    for (const name of index) if (whole.length >= 3 && name.includes(whole)) return false;
    return true;
  });
}
