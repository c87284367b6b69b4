// Diagnostics of themes: theme.yaml's schema (src/theme/theme-schema.ts; each entry's English is
// "`{key}` " + the schema's message + ".", see schemaMessageId in src/yaml-source.ts), the files a theme
// names (src/theme/load-theme.ts) and what is wrong inside them: fonts and images checked by their
// content (src/theme/check-file.ts, check-png.ts, check-jpeg.ts, clean-svg.ts).
// Words: theme: fr thème, es tema, pt tema, de Theme; font: fr police, es fuente, pt tipo de letra, de Schrift.
import type { Entry } from "../messages.js";

export const themeMessages = {
  "schema.colour": {
    en: "`{key}` must be a colour written RRGGBB, in quotes.",
    fr: "`{key}` doit être une couleur écrite RRGGBB, entre guillemets.",
    es: "`{key}` debe ser un color escrito RRGGBB, entre comillas.",
    pt: "`{key}` deve ser uma cor escrita RRGGBB, entre aspas.",
    de: "`{key}` muss eine Farbe in der Form RRGGBB sein, in Anführungszeichen.",
  },
  "schema.points": {
    en: "`{key}` must be a number of points (1/72 inch).",
    fr: "`{key}` doit être un nombre de points (1/72 de pouce).",
    es: "`{key}` debe ser un número de puntos (1/72 de pulgada).",
    pt: "`{key}` deve ser um número de pontos (1/72 de polegada).",
    de: "`{key}` muss eine Anzahl von Punkten sein (1/72 Zoll).",
  },
  "schema.margin": {
    en: "`{key}` must be at most 216 points (3 inches), or no text fits on the page.",
    fr: "`{key}` doit valoir au plus 216 points (3 pouces), sinon aucun texte ne tient sur la page.",
    es: "`{key}` debe ser como máximo 216 puntos (3 pulgadas); si no, ningún texto cabe en la página.",
    pt: "`{key}` deve ser no máximo 216 pontos (3 polegadas); caso contrário, nenhum texto cabe na página.",
    de: "`{key}` darf höchstens 216 Punkte (3 Zoll) betragen, sonst passt kein Text auf die Seite.",
  },
  "schema.type-size": {
    en: "`{key}` must be a type size in points.",
    fr: "`{key}` doit être une taille de caractères en points.",
    es: "`{key}` debe ser un tamaño de letra en puntos.",
    pt: "`{key}` deve ser um tamanho de letra em pontos.",
    de: "`{key}` muss eine Schriftgröße in Punkten sein.",
  },
  "schema.type-size-min": {
    en: "`{key}` must be at least 4 points.",
    fr: "`{key}` doit valoir au moins 4 points.",
    es: "`{key}` debe ser como mínimo 4 puntos.",
    pt: "`{key}` deve ser pelo menos 4 pontos.",
    de: "`{key}` muss mindestens 4 Punkte betragen.",
  },
  "schema.type-size-max": {
    en: "`{key}` must be at most 72 points.",
    fr: "`{key}` doit valoir au plus 72 points.",
    es: "`{key}` debe ser como máximo 72 puntos.",
    pt: "`{key}` deve ser no máximo 72 pontos.",
    de: "`{key}` darf höchstens 72 Punkte betragen.",
  },
  "schema.theme-path": {
    en: "`{key}` must be a file path relative to theme.yaml.",
    fr: "`{key}` doit être un chemin de fichier relatif à theme.yaml.",
    es: "`{key}` debe ser una ruta de archivo relativa a theme.yaml.",
    pt: "`{key}` deve ser um caminho de ficheiro relativo a theme.yaml.",
    de: "`{key}` muss ein Dateipfad relativ zu theme.yaml sein.",
  },
  "schema.font": {
    en: "`{key}` must be a family name, or { family, regular, bold, italic, boldItalic } with font files.",
    fr: "`{key}` doit être un nom de famille de police, ou { family, regular, bold, italic, boldItalic } avec des fichiers de police.",
    es: "`{key}` debe ser un nombre de familia tipográfica, o { family, regular, bold, italic, boldItalic } con archivos de fuente.",
    pt: "`{key}` deve ser um nome de família tipográfica, ou { family, regular, bold, italic, boldItalic } com ficheiros de tipo de letra.",
    de: "`{key}` muss ein Schriftfamilienname sein oder { family, regular, bold, italic, boldItalic } mit Schriftdateien.",
  },
  "schema.fallback-font": {
    en: "`{key}` must be { family, regular, bold } with font files.",
    fr: "`{key}` doit être { family, regular, bold } avec des fichiers de police.",
    es: "`{key}` debe ser { family, regular, bold } con archivos de fuente.",
    pt: "`{key}` deve ser { family, regular, bold } com ficheiros de tipo de letra.",
    de: "`{key}` muss { family, regular, bold } mit Schriftdateien sein.",
  },
  "schema.fallback-fonts": {
    en: "`{key}` must be a list of { family, regular, bold } with font files.",
    fr: "`{key}` doit être une liste de { family, regular, bold } avec des fichiers de police.",
    es: "`{key}` debe ser una lista de { family, regular, bold } con archivos de fuente.",
    pt: "`{key}` deve ser uma lista de { family, regular, bold } com ficheiros de tipo de letra.",
    de: "`{key}` muss eine Liste von { family, regular, bold } mit Schriftdateien sein.",
  },
  "schema.page-template": {
    en: '`{key}` must be a text such as "{title}" or "Page {page} / {pages}".',
    fr: "`{key}` doit être un texte comme « {title} » ou « Page {page} / {pages} ».",
    es: "`{key}` debe ser un texto como «{title}» o «Página {page} / {pages}».",
    pt: "`{key}` deve ser um texto como «{title}» ou «Página {page} / {pages}».",
    de: "`{key}` muss ein Text wie „{title}“ oder „Seite {page} / {pages}“ sein.",
  },
  "schema.align": {
    en: "`{key}` must be left, center or right.",
    fr: "`{key}` doit valoir left, center ou right.",
    es: "`{key}` debe ser left, center o right.",
    pt: "`{key}` deve ser left, center ou right.",
    de: "`{key}` muss left, center oder right sein.",
  },
  "schema.page-size": {
    en: "`{key}` must be A4 or Letter.",
    fr: "`{key}` doit valoir A4 ou Letter.",
    es: "`{key}` debe ser A4 o Letter.",
    pt: "`{key}` deve ser A4 ou Letter.",
    de: "`{key}` muss A4 oder Letter sein.",
  },
  "schema.logo-placement": {
    en: "`{key}` must be header-left, header-right or title.",
    fr: "`{key}` doit valoir header-left, header-right ou title.",
    es: "`{key}` debe ser header-left, header-right o title.",
    pt: "`{key}` deve ser header-left, header-right ou title.",
    de: "`{key}` muss header-left, header-right oder title sein.",
  },
  "schema.logo-alt": {
    en: "`{key}` must be a text that describes the logo, for screen readers.",
    fr: "`{key}` doit être un texte qui décrit le logo, pour les lecteurs d'écran.",
    es: "`{key}` debe ser un texto que describa el logotipo, para los lectores de pantalla.",
    pt: "`{key}` deve ser um texto que descreva o logótipo, para os leitores de ecrã.",
    de: "`{key}` muss ein Text sein, der das Logo für Bildschirmleser beschreibt.",
  },
  "schema.language-code": {
    en: "`{key}` must be a language code such as fr or en.",
    fr: "`{key}` doit être un code de langue comme fr ou en.",
    es: "`{key}` debe ser un código de idioma como fr o en.",
    pt: "`{key}` deve ser um código de língua como fr ou en.",
    de: "`{key}` muss ein Sprachcode wie fr oder en sein.",
  },
} satisfies Record<string, Entry>;
