// The embedded default theme: page, fonts and colours. Both renderers read only this object,
// so the DOCX and the PDF share one set of measures. Issue #4 will load themes from templates/.
import { createRequire } from "node:module";

export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export interface Theme {
  name: string;
  page: {
    size: "A4" | "Letter";
    /** Margins in points (1/72 inch). */
    margins: { top: number; right: number; bottom: number; left: number };
  };
  fonts: {
    /** The family name written into the DOCX and the PDF. */
    body: { family: string; files: FontFiles };
    mono: { family: string; files: Pick<FontFiles, "regular"> };
  };
  /** Sizes in points. */
  sizes: { body: number; title: number; subtitle: number; heading: number; subheading: number; small: number };
  /** Colours as RRGGBB hex, without '#'. */
  colors: { primary: string; text: string; muted: string; tableHeaderFill: string; border: string; link: string };
}

const require = createRequire(import.meta.url);
const notoSans = (style: string): string =>
  require.resolve(`@expo-google-fonts/noto-sans/${style}/NotoSans_${style}.ttf`);

export function defaultTheme(): Theme {
  return {
    name: "compte-rendu",
    page: { size: "A4", margins: { top: 72, right: 62, bottom: 64, left: 62 } },
    fonts: {
      body: {
        family: "Noto Sans",
        files: {
          regular: notoSans("400Regular"),
          bold: notoSans("700Bold"),
          italic: notoSans("400Regular_Italic"),
          boldItalic: notoSans("700Bold_Italic"),
        },
      },
      mono: {
        family: "Noto Sans Mono",
        files: { regular: require.resolve("@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf") },
      },
    },
    sizes: { body: 10.5, title: 16, subtitle: 12, heading: 12.5, subheading: 11, small: 8.5 },
    colors: {
      primary: "1F3864",
      text: "1A1A1A",
      muted: "595959",
      tableHeaderFill: "D9E2F3",
      border: "7F7F7F",
      link: "1F4E9A",
    },
  };
}

/** Page size in points. */
export function pageSize(theme: Theme): { width: number; height: number } {
  return theme.page.size === "Letter" ? { width: 612, height: 792 } : { width: 595.28, height: 841.89 };
}
