// What a theme.yaml may say, as a zod schema. Every field but `name` has a default, so a custom theme
// states only what it changes; the loader reports each issue at its YAML line and column.
import { z } from "zod";

const hex = z
  .string({ error: "must be a colour written RRGGBB, in quotes" })
  .regex(/^#?[0-9A-Fa-f]{6}$/, { error: "must be a colour written RRGGBB, in quotes" })
  .transform((v) => v.replace(/^#/, "").toUpperCase());
const points = z.number({ error: "must be a number of points (1/72 inch)" }).nonnegative();
// Bounds that keep text on the page: a margin of 3 inches at most leaves 163 points of text width on an
// A4 page; a type size of 72 points (one inch) is already a poster.
const margin = points.max(216, { error: "must be at most 216 points (3 inches), or no text fits on the page" });
const typeSize = z
  .number({ error: "must be a type size in points" })
  .min(4, { error: "must be at least 4 points" })
  .max(72, { error: "must be at most 72 points" });
const path = z.string({ error: "must be a file path relative to theme.yaml" }).min(1);

/** A font family: a name alone (an installed or built-in family) or a name with its TTF/OTF files. */
export const fontSchema = z.union(
  [
    z.string().min(1),
    z.strictObject({
      family: z.string().min(1),
      regular: path,
      bold: path.optional(),
      italic: path.optional(),
      boldItalic: path.optional(),
    }),
  ],
  { error: "must be a family name, or { family, regular, bold, italic, boldItalic } with font files" },
);

/** A font for the characters the text fonts lack: its family name and files (bold optional). */
export const fallbackSchema = z.strictObject(
  { family: z.string().min(1), regular: path, bold: path.optional() },
  { error: "must be { family, regular, bold } with font files" },
);

/** A header or footer line: a template with {title} {date} {organisation} {page} {pages} {pageOf}. */
const template = z.string({ error: 'must be a text such as "{title}" or "Page {page} / {pages}"' });
const furniture = (align: "left" | "center") =>
  z.strictObject({
    text: template,
    /** The first page's line; "" leaves the first page without one. Default: the same as every page. */
    firstPage: template.optional(),
    align: z.enum(["left", "center", "right"], { error: "must be left, center or right" }).default(align),
  });

export const themeSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  page: z
    .strictObject({
      size: z.enum(["A4", "Letter"], { error: "must be A4 or Letter" }).default("A4"),
      margins: z
        .strictObject({ top: margin, right: margin, bottom: margin, left: margin })
        .default({ top: 72, right: 62, bottom: 64, left: 62 }),
    })
    .default({ size: "A4", margins: { top: 72, right: 62, bottom: 64, left: 62 } }),
  fonts: z
    .strictObject({
      body: fontSchema.default("Noto Sans"),
      headings: fontSchema.optional(),
      /** Embed the fonts in the DOCX, so it looks the same where they are not installed (about 0.6 MB a face). */
      embed: z.boolean({ error: "must be true or false" }).default(false),
      /**
       * Fonts for characters the body and headings fonts lack (Chinese, Japanese, a script minutes ships no
       * font for), tried in order before the fallbacks minutes ships or finds.
       */
      fallbacks: z
        .array(fallbackSchema, { error: "must be a list of { family, regular, bold } with font files" })
        .default([]),
    })
    .default({ body: "Noto Sans", embed: false, fallbacks: [] }),
  sizes: z
    .strictObject({
      body: typeSize,
      title: typeSize,
      subtitle: typeSize,
      heading: typeSize,
      subheading: typeSize,
      small: typeSize,
    })
    .default({ body: 10.5, title: 16, subtitle: 12, heading: 12.5, subheading: 11, small: 8.5 }),
  colors: z
    .strictObject({
      primary: hex.default("1F3864"),
      accent: hex.optional(),
      text: hex.default("1A1A1A"),
      muted: hex.default("595959"),
      tableHeaderFill: hex.default("D9E2F3"),
      border: hex.default("7F7F7F"),
      link: hex.default("1F4E9A"),
    })
    .default({
      primary: "1F3864",
      text: "1A1A1A",
      muted: "595959",
      tableHeaderFill: "D9E2F3",
      border: "7F7F7F",
      link: "1F4E9A",
    }),
  organisation: z.string().optional(),
  logo: z
    .strictObject({
      file: path,
      /** For an SVG logo: a PNG or JPEG of it, which the PDF draws and Word shows where SVG is not supported. */
      fallback: path.optional(),
      placement: z
        .enum(["header-left", "header-right", "title"], { error: "must be header-left, header-right or title" })
        .default("header-left"),
      /** Width in points; the height follows the image's proportions. */
      width: points.default(90),
      alt: z.string({ error: "must be a text that describes the logo, for screen readers" }).min(1),
    })
    .optional(),
  header: furniture("left").default({ text: "{title}", align: "left" }),
  footer: furniture("center").default({ text: "{pageOf}", align: "center" }),
  /** How the compte-rendu opens and how its tables look. */
  layout: z
    .strictObject({
      titleAlign: z.enum(["left", "center"]).default("center"),
      /** "grid": every cell bordered (the seed); "lines": horizontal rules only. */
      tables: z.enum(["grid", "lines"]).default("grid"),
      /**
       * An item with no actions still shows its action table, with one "N/A" row (the seed's form). Off by
       * default: an item whose source has no action table prints none.
       */
      emptyActionTable: z.boolean({ error: "must be true or false" }).default(false),
    })
    .default({ titleAlign: "center", tables: "grid", emptyActionTable: false }),
  /** Label overrides per language: `labels: { fr: { agenda: "Ordre du jour" } }`. */
  labels: z
    .record(
      z.string().regex(/^[a-z]{2,3}$/, { error: "must be a language code such as fr or en" }),
      z.record(z.string(), z.string()),
    )
    .default({}),
  draft: z
    .strictObject({
      mark: z.enum(["watermark", "banner"]).default("watermark"),
      /** Default: the label set's word for draft. */
      text: z.string().optional(),
    })
    .default({ mark: "watermark" }),
  /**
   * The signature block at the end of the compte-rendu ("Le Président · Le Secrétaire", names, lines to sign):
   * off by default; `roles` lists who signs, among chair and secretary.
   */
  signatures: z
    .strictObject({
      show: z.boolean({ error: "must be true or false" }).default(false),
      roles: z.array(z.enum(["chair", "secretary"])).default(["chair", "secretary"]),
      /** Print the block on drafts too (by default only once the minutes are approved or have no status). */
      onDrafts: z.boolean({ error: "must be true or false" }).default(true),
    })
    .default({ show: false, roles: ["chair", "secretary"], onDrafts: true }),
});

export type ThemeData = z.infer<typeof themeSchema>;
export type FontData = z.infer<typeof fontSchema>;
