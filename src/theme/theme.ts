// The theme: page, fonts and colours. Both renderers read only this object, so the DOCX and the
// PDF share one set of measures. The built-in theme is data (templates/compte-rendu/theme.yaml).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { z } from "zod";

export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, { error: "must be a colour written RRGGBB" });
const points = z.number().nonnegative();

const themeSchema = z.object({
  name: z.string(),
  page: z.object({
    size: z.enum(["A4", "Letter"]),
    margins: z.object({ top: points, right: points, bottom: points, left: points }),
  }),
  fonts: z.object({ body: z.literal("Noto Sans"), mono: z.literal("Noto Sans Mono") }),
  sizes: z.object({ body: points, title: points, subtitle: points, heading: points, subheading: points, small: points }),
  colors: z.object({ primary: hex, text: hex, muted: hex, tableHeaderFill: hex, border: hex, link: hex }),
});

type ThemeData = z.infer<typeof themeSchema>;

export interface Theme extends Omit<ThemeData, "fonts"> {
  fonts: {
    /** The family name written into the DOCX and the PDF, and the TTF files that draw it. */
    body: { family: string; files: FontFiles };
    mono: { family: string; files: Pick<FontFiles, "regular"> };
    /** Dingbats and symbols (➤ ✓ ☐ ★) the text faces lack; the PDF falls back to it per character. */
    symbols: { family: string; files: Pick<FontFiles, "regular"> };
  };
}

const require = createRequire(import.meta.url);
const notoSans = (style: string): string => require.resolve(`@expo-google-fonts/noto-sans/${style}/NotoSans_${style}.ttf`);

/** templates/ sits at the package root, two folders up from src/theme/ and one up from dist/. */
function templatePath(name: string): URL {
  for (const up of ["../../", "../"]) {
    const url = new URL(`${up}templates/${name}/theme.yaml`, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error(`built-in theme "${name}" is missing from the package`);
}

let cached: ThemeData | undefined;

export function defaultTheme(): Theme {
  cached ??= themeSchema.parse(parse(readFileSync(templatePath("compte-rendu"), "utf8")));
  const data = structuredClone(cached);
  return {
    ...data,
    fonts: {
      body: {
        family: data.fonts.body,
        files: { regular: notoSans("400Regular"), bold: notoSans("700Bold"), italic: notoSans("400Regular_Italic"), boldItalic: notoSans("700Bold_Italic") },
      },
      mono: {
        family: data.fonts.mono,
        files: { regular: require.resolve("@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf") },
      },
      symbols: {
        family: "Noto Sans Symbols 2",
        files: { regular: require.resolve("@expo-google-fonts/noto-sans-symbols-2/400Regular/NotoSansSymbols2_400Regular.ttf") },
      },
    },
  };
}

/** Page size in points. */
export function pageSize(theme: Theme): { width: number; height: number } {
  return theme.page.size === "Letter" ? { width: 612, height: 792 } : { width: 595.28, height: 841.89 };
}
