// People written in the body, read the way a clerk reads them: a list of names, "Name (Organisation)",
// a `Label: A, B, C` line, or an attendee table (Name | Abbreviation | Organisation). What does not read
// as people (a sentence, a list with sub-items, a table with other columns) is left where it is.
import type { List, PhrasingContent, Table } from "mdast";
import { normalizeLabel } from "../i18n/text-match.js";

/** A person as the front matter writes one: a name, or name with organisation, abbreviation and role. */
export type PersonValue = string | { name: string; organisation?: string; abbreviation?: string; role?: string };

/** Text of phrasing content with line breaks kept (soft breaks and <br> become "\n"). */
export function rawText(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if (n.type === "text" || n.type === "inlineCode") return n.value;
      if (n.type === "break") return "\n";
      if (n.type === "html") return /^<br\s*\/?>$/i.test(n.value.trim()) ? "\n" : "";
      return "children" in n ? rawText(n.children as PhrasingContent[]) : "";
    })
    .join("");
}

export const cleanName = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/^[\s\-*•·]+|[\s;,.]+$/g, "")
    .trim();

function splitPeople(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map(cleanName)
    .filter(Boolean);
}

/** A name, an organisation or "Name (role)", not a sentence: "Everyone was there, except Tom." is not a list of people. */
export function nameLike(s: string): boolean {
  const words = s.split(/\s+/);
  if (s.length > 80 || words.length > 8) return false;
  // Names are mostly capitalised: "Ministère de la Santé", "Marc Girard (pouvoir à Sophie Leroy)", "OIM".
  return words.length <= 3 || words.filter((w) => /^[\p{Lu}\d(@]/u.test(w)).length * 2 >= words.length;
}

/**
 * The one person a chair or secretary line names: name-like, not starting with a small letter, not an
 * address or a "to be decided" ("Minutes: https://…", "Notes: none", "Chair: TBD" stay in the text).
 */
export function personLike(s: string): boolean {
  return (
    nameLike(s) &&
    !/^\p{Ll}/u.test(s) &&
    !/:\/\/|^www\./i.test(s) &&
    !/^(tbd|tba|n\/a|none|nobody|-+|\?+)$/i.test(s.trim())
  );
}

/** "Attendance: all", "Present: everyone", and names left out of a published copy ("(...)", "[…]", "XXX"): no names given. */
const NOBODY_IN_PARTICULAR =
  /^(all|everyone|everybody|none|nobody|n\/a|tbd|tba|-+|\?+|alle|tous|todos|iedereen|[([]?(?:\.{3}|…)[)\]]?|x{3,})$/i;

export const peopleOf = (text: string): PersonValue[] | undefined => {
  const people = splitPeople(text);
  return people.length && people.every((p) => nameLike(p) && !NOBODY_IN_PARTICULAR.test(p))
    ? people.map(personOf)
    : undefined;
};

// What people put in parentheses after a name that is not their organisation.
const ROLE =
  /^(?:co-?|vice[- ]?)?(?:chair|chairs|chairperson|secretary|treasurer|scribe|minutes|notes|note[- ]?taker|facilitator|moderator|host|guest|observer|remote|online|in person|virtual|invited|president|director|executive director|staff|excused|proxy|presenter|speaker|lead|vorsitz|vorsitzende|vorsitzender|protokoll|gast|president|presidente|presidence|secretaire|tresorier|tresoriere|invite|invitee|animateur|animatrice|secretario|secretaria|voorzitter|secretaris|penningmeester|notulist|notuleert)\b/;

/** "Jane Doe (ACME)" or "Jane Doe – ACME" in a list of attendees: the name and its organisation. */
export function personOf(entry: string): PersonValue {
  const bracket = /^(.+?)\s*\(([^()]+)\)$/.exec(entry);
  const dash = /^(.+?)\s+[-–—|]\s+(.+)$/.exec(entry);
  const [, name, organisation] = bracket ?? dash ?? [];
  if (!name || !organisation) return entry;
  const org = organisation.trim();
  // "(@handle)", "(Chair)", "(pouvoir à …)", "(remote)": kept in the name, as written.
  if (!/^[\p{Lu}\d]/u.test(org) || ROLE.test(normalizeLabel(org))) return entry;
  return { name: name.trim(), organisation: org };
}

/** People of a flat list, or undefined when an item holds more than one line (it stays as content). */
export function listPeople(list: List): PersonValue[] | undefined {
  const names: PersonValue[] = [];
  for (const item of list.children) {
    const only = item.children[0];
    if (item.children.length !== 1 || only?.type !== "paragraph") return undefined;
    const name = cleanName(rawText(only.children).replace(/\n/g, " "));
    // "Team members: Niko, Felix, Josh" and "Others: simulacrum": the people of a group.
    const group = /^([^:,]{2,30}):\s*(\S.*)$/.exec(name);
    const members = group && group[1]!.split(/\s+/).length <= 3 ? peopleOf(group[2]!) : undefined;
    if (members) {
      names.push(...members);
      continue;
    }
    if (name && !nameLike(name)) return undefined;
    if (name) names.push(personOf(name));
  }
  return names.length ? names : undefined;
}

type PersonColumn = "name" | "organisation" | "abbreviation" | "role";

const PERSON_COLUMNS: Record<PersonColumn, string[]> = {
  name: [
    "name",
    "names",
    "full name",
    "nom",
    "nom et prenom",
    "prenom et nom",
    "prenom nom",
    "nom prenom",
    "participant",
    "participants",
    "attendee",
    "attendees",
    "member",
    "members",
    "membre",
    "membres",
    "person",
    "teilnehmer",
    "teilnehmende",
    "teilnehmer*in",
    "nombre",
    "nome",
    "asistente",
    "participante",
  ],
  organisation: [
    "organisation",
    "organization",
    "org",
    "organisme",
    "structure",
    "institution",
    "affiliation",
    "company",
    "employer",
    "entity",
    "entite",
    "agency",
    "agence",
    "representing",
    "on behalf of",
    "delegation",
    "organizacion",
    "organizacao",
    "entidad",
    "entidade",
    "firma",
    "unternehmen",
    "institut",
    "verein",
    "empresa",
  ],
  abbreviation: [
    "abbreviation",
    "abreviation",
    "abreviatura",
    "abbr",
    "abbr.",
    "abbrev",
    "abbrev.",
    "initials",
    "acronym",
    "short",
    "handle",
    "github handle",
    "github",
    "github username",
    "github user",
    "github id",
    "username",
    "user name",
    "login",
    "irc",
    "irc nick",
    "nick",
    "sigle",
    "initiales",
    "kurzel",
    "kuerzel",
    "abkurzung",
    "siglas",
    "sigla",
    "iniciales",
    "iniciais",
  ],
  role: ["role", "function", "fonction", "position", "qualite", "rolle", "funktion", "cargo", "funcao", "papel"],
};

/**
 * A line that names the columns of the list under it: "Name / Institution / Github Handle", "Name | Org".
 * Returns the columns and the separator, or undefined when a part is not a person column or no part is a name.
 */
export function columnsLine(line: string): { columns: PersonColumn[]; separator: string } | undefined {
  const text = line.trim().replace(/^\(|\)$/g, "");
  for (const separator of ["/", "|", " - ", " – "]) {
    const parts = text.split(separator).map((p) => p.replace(/[`*_:]/g, "").trim());
    if (parts.length < 2) continue;
    const columns = parts.map(personColumn);
    if (columns.every((c) => c !== undefined) && columns.filter((c) => c === "name").length === 1)
      return { columns: columns as PersonColumn[], separator };
  }
  return undefined;
}

/** The people of a list whose entries follow a columns line ("Zach / Jupyter Cal Poly / @Zsailer"). */
export function listPeopleByColumns(
  list: List,
  line: { columns: PersonColumn[]; separator: string },
): PersonValue[] | undefined {
  const people: PersonValue[] = [];
  for (const item of list.children) {
    const only = item.children[0];
    if (item.children.length !== 1 || only?.type !== "paragraph") return undefined;
    const text = rawText(only.children).replace(/\n/g, " ");
    // "U. Minnesota/MSI": a separator with spaces around it, when the entry has them, splits; one inside a value does not.
    const mark = line.separator.trim().replace(/[|]/g, "\\|");
    const spaced = new RegExp(`\\s+${mark}\\s*|\\s*${mark}\\s+`);
    let parts = text.split(spaced.test(text) ? spaced : line.separator);
    // More parts than columns ("Tim Head / Project Binder / Zurich / @betatim"): the middle ones are one value.
    const n = line.columns.length;
    if (parts.length > n && n >= 3)
      parts = [parts[0]!, parts.slice(1, parts.length - n + 2).join(" / "), ...parts.slice(parts.length - n + 2)];
    parts = parts.map((p) => cleanName(p));
    if (parts.length > n) return undefined;
    const person: Record<string, string> = {};
    parts.forEach((value, i) => {
      if (value) person[line.columns[i]!] = value;
    });
    if (!person.name) continue;
    if (!nameLike(person.name)) return undefined;
    people.push(Object.keys(person).length === 1 ? person.name : (person as { name: string }));
  }
  return people.length ? people : undefined;
}

function personColumn(header: string): PersonColumn | undefined {
  const h = normalizeLabel(header);
  for (const [column, aliases] of Object.entries(PERSON_COLUMNS) as [PersonColumn, string[]][])
    if (aliases.includes(h)) return column;
  return undefined;
}

/**
 * The people of an attendee table: a name column and only name, organisation, abbreviation and role
 * columns. `strict` (a table with no "Attendees" heading above it) also asks for an organisation or
 * abbreviation column, so that a table of something else is never taken for one.
 */
export function tablePeople(table: Table, strict = false): PersonValue[] | undefined {
  const [head, ...rows] = table.children;
  if (!head || rows.length === 0) return undefined;
  const columns = head.children.map((cell) => personColumn(rawText(cell.children)));
  if (columns.some((c) => c === undefined) || columns.filter((c) => c === "name").length !== 1) return undefined;
  if (new Set(columns).size !== columns.length) return undefined;
  if (strict && !columns.includes("organisation") && !columns.includes("abbreviation")) return undefined;
  const people: PersonValue[] = [];
  for (const row of rows) {
    const person: Record<string, string> = {};
    row.children.forEach((cell, i) => {
      const value = cleanName(rawText(cell.children).replace(/\n/g, " "));
      const column = columns[i];
      if (value && column) person[column] = value;
    });
    // A row that only says something else than a person (a cell beyond the header, an empty name) stops the reading.
    if (row.children.length > columns.length) return undefined;
    if (!person.name) {
      if (Object.keys(person).length) return undefined;
      continue;
    }
    if (!nameLike(person.name)) return undefined;
    people.push(Object.keys(person).length === 1 ? person.name : (person as { name: string }));
  }
  return people.length ? people : undefined;
}
