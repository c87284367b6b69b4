// The zod schema of the YAML front matter: the single definition of what a meeting header may say.
import { z } from "zod";
import { isIsoDate } from "./date-forms.js";

// One message for a date that is not a real YYYY-MM-DD date (the regex aborts, so the refinement does not add
// a second one). The front matter's reader reports date fields itself first, with the ISO form of what was
// written (src/parse/front-matter-dates.ts); this message is for other users of the schema.
const isoDateString = z
  .string({ error: "must be a date written as YYYY-MM-DD, e.g. 2022-09-23" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written as YYYY-MM-DD, e.g. 2022-09-23", abort: true })
  .refine(isIsoDate, { error: "is not a real calendar date" });

const text = z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" });

export const personSchema = z.union(
  [
    text,
    z
      .object({ name: text, organisation: text.optional(), abbreviation: text.optional(), role: text.optional() })
      .strict(),
  ],
  { error: "must be a name, or an entry with name, organisation, abbreviation and role" },
);

const timeRange = z.string({ error: 'must be a time such as "09:00" or a range such as "09:00-11:00"' });

export const nextMeetingSchema = z.union([
  isoDateString,
  z.object({ date: isoDateString, time: timeRange.optional(), location: text.optional() }).strict(),
]);

export const frontMatterSchema = z.object({
  title: text.describe("Title of the meeting, printed large on the first page."),
  subtitle: text.optional().describe("Printed under the title."),
  organisation: text.optional().describe("Printed above the title."),
  date: isoDateString.describe("Date of the meeting, YYYY-MM-DD (a real calendar date)."),
  time: timeRange.optional().describe('Time or range: "09:00", "09:00-11:00", "9h00-11h00".'),
  location: text.optional().describe("Where the meeting took place."),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, { error: "must be a language tag such as fr or en" })
    .optional()
    .describe("Language of the labels and dates: fr or en (default en)."),
  attendees: z
    .array(personSchema, { error: "must be a list" })
    .optional()
    .describe("Who was present: names, or {name, organisation, role}."),
  absent: z.array(personSchema, { error: "must be a list" }).optional().describe('Apologies ("Absents excusés").'),
  excused: z
    .array(personSchema, { error: "must be a list" })
    .optional()
    .describe("Members who sent apologies; with `excused:` given, `absent:` lists those absent without apologies."),
  guests: z
    .array(personSchema, { error: "must be a list" })
    .optional()
    .describe("People invited who are not members of the body (the config's `members:`)."),
  chair: personSchema.optional().describe("Who chaired the meeting."),
  secretary: personSchema.optional().describe("Who took the minutes."),
  next_meeting: nextMeetingSchema.optional().describe("YYYY-MM-DD, or {date, time, location}."),
  previous: text
    .optional()
    .describe("The previous meeting's Markdown file, relative to this one: its actions are followed up here."),
  // Read by later stages (theme, status, declared agenda); accepted here so they raise no warning.
  theme: z.string().optional(),
  status: z
    .string()
    .optional()
    .describe("The stage of the cycle: agenda (a convocation, not held yet), draft (the default), or approved."),
  approved: z
    .union([isoDateString, z.object({ date: isoDateString, by: text.optional() }).strict()])
    .optional()
    .describe(
      "When (YYYY-MM-DD) and by whom the minutes were approved ({date, by}, or a date); written by `minutes approve`.",
    ),
  approves: text
    .optional()
    .describe('"previous" (the file named by `previous:`) or a path: this meeting approves those minutes.'),
  confidential: z
    .union([z.boolean(), z.array(z.union([z.number().int().min(0), text]))], {
      error: "must be a list of item numbers or titles",
    })
    .optional()
    .describe("Items held in camera, by number or title (true: every item): left out of the public edition."),
  invitees: z
    .array(personSchema, { error: "must be a list" })
    .optional()
    .describe("Who is invited, for the convocation (minutes agenda); the attendees when not given."),
  documents: z
    .array(z.union([text, z.object({ title: text, url: text.optional() }).strict()]), { error: "must be a list" })
    .optional()
    .describe("Documents attached to the convocation: a title, or {title, url}."),
  reply_by: isoDateString.optional().describe("The date by which invitees answer the convocation, YYYY-MM-DD."),
  agenda: z.array(z.string()).optional().describe("The agenda as announced; a warning is given when the items differ."),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const knownKeys = Object.keys(frontMatterSchema.shape);

/** The JSON Schema of the front matter, for editors (VS Code's YAML extension) and CI; generated, never written by hand. */
export function frontMatterJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frontMatterSchema, { io: "input", unrepresentable: "any" }),
    title: "minutes front matter",
    description: "The YAML front matter of a Markdown minutes file (minutes build / minutes check).",
  };
}
