// The zod schema of the YAML front matter: the single definition of what a meeting header may say.
import { z } from "zod";
import { isoDate } from "./deadline.js";

const isoDateString = z
  .string({ error: "must be a date written as YYYY-MM-DD, e.g. 2022-09-23" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written as YYYY-MM-DD, e.g. 2022-09-23" })
  .refine((s) => isoDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) !== undefined, {
    error: "is not a real calendar date",
  });

const text = z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" });

export const personSchema = z.union([
  text,
  z.object({ name: text, organisation: text.optional(), role: text.optional() }).strict(),
], { error: "must be a name, or an entry with name, organisation and role" });

const timeRange = z.string({ error: 'must be a time such as "09:00" or a range such as "09:00-11:00"' });

export const nextMeetingSchema = z.union([
  isoDateString,
  z.object({ date: isoDateString, time: timeRange.optional(), location: text.optional() }).strict(),
]);

export const frontMatterSchema = z.object({
  title: text,
  subtitle: text.optional(),
  organisation: text.optional(),
  date: isoDateString,
  time: timeRange.optional(),
  location: text.optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, { error: "must be a language tag such as fr or en" }).optional(),
  attendees: z.array(personSchema, { error: "must be a list" }).optional(),
  absent: z.array(personSchema, { error: "must be a list" }).optional(),
  chair: personSchema.optional(),
  secretary: personSchema.optional(),
  next_meeting: nextMeetingSchema.optional(),
  /** The previous meeting's Markdown file, relative to this one: its actions are followed up here. */
  previous: text.optional(),
  // Read by later stages (theme, status, declared agenda); accepted here so they raise no warning.
  theme: z.string().optional(),
  status: z.string().optional(),
  agenda: z.array(z.string()).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const knownKeys = Object.keys(frontMatterSchema.shape);
