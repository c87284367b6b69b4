// What minutes says while it finds the meeting's date (src/parse/meeting-date.ts): sources that disagree, a
// front-matter publication time set aside, a year taken from elsewhere. One entry per text, in every
// language of src/i18n/messages.ts.
import type { Entry } from "../entry.js";

export const dateMessages = {
  "date-source.front-matter": {
    en: "the front matter on line {line} (`{written}`)",
    fr: "l'en-tête YAML à la ligne {line} (`{written}`)",
    es: "el encabezado YAML en la línea {line} (`{written}`)",
    pt: "o cabeçalho YAML na linha {line} (`{written}`)",
    de: "der YAML-Kopf in Zeile {line} (`{written}`)",
  },
  "date-source.title": {
    en: "the title on line {line} (`{written}`)",
    fr: "le titre à la ligne {line} (`{written}`)",
    es: "el título en la línea {line} (`{written}`)",
    pt: "o título na linha {line} (`{written}`)",
    de: "der Titel in Zeile {line} (`{written}`)",
  },
  "date-source.date-line": {
    en: "the date line on line {line} (`{written}`)",
    fr: "la ligne de date à la ligne {line} (`{written}`)",
    es: "la línea de fecha en la línea {line} (`{written}`)",
    pt: "a linha da data na linha {line} (`{written}`)",
    de: "die Datumszeile in Zeile {line} (`{written}`)",
  },
  "date-source.heading": {
    en: "the heading on line {line} (`{written}`)",
    fr: "l'intertitre à la ligne {line} (`{written}`)",
    es: "el encabezado de sección en la línea {line} (`{written}`)",
    pt: "o título de secção na linha {line} (`{written}`)",
    de: "die Überschrift in Zeile {line} (`{written}`)",
  },
  "date-source.prose": {
    en: "the text on line {line} (`{written}`)",
    fr: "le texte à la ligne {line} (`{written}`)",
    es: "el texto en la línea {line} (`{written}`)",
    pt: "o texto na linha {line} (`{written}`)",
    de: "der Text in Zeile {line} (`{written}`)",
  },
  "date-source.file-name": {
    en: "the file name (`{written}`)",
    fr: "le nom du fichier (`{written}`)",
    es: "el nombre del archivo (`{written}`)",
    pt: "o nome do ficheiro (`{written}`)",
    de: "der Dateiname (`{written}`)",
  },
  "date-source.with-date": {
    en: "{source} gives {date}",
    fr: "{source} donne {date}",
    es: "{source} da {date}",
    pt: "{source} dá {date}",
    de: "{source} nennt {date}",
  },
  "date-sources-disagree": {
    en: "The meeting date is not the same everywhere: {sources}. {date} is used, the day that the most sources ({agree}) give.",
    fr: "La date de la réunion n'est pas la même partout : {sources}. La date retenue est {date}, celle que donnent le plus de sources ({agree}).",
    es: "La fecha de la reunión no es la misma en todas partes: {sources}. Se usa {date}, la que dan más fuentes ({agree}).",
    pt: "A data da reunião não é a mesma em todo o lado: {sources}. É usada {date}, a que mais fontes indicam ({agree}).",
    de: "Das Sitzungsdatum ist nicht überall dasselbe: {sources}. Verwendet wird {date}, das Datum, das die meisten Angaben ({agree}) nennen.",
  },
  "date-sources-disagree.hint": {
    en: "Correct the one that is wrong, so that every place gives the same day; `date: {date}` in the front matter states it.",
    fr: "Corrigez celle qui est fausse, pour que tous les endroits donnent le même jour ; `date: {date}` dans l'en-tête l'indique.",
    es: "Corrija la que está mal, para que todos los lugares den el mismo día; `date: {date}` en el encabezado lo indica.",
    pt: "Corrija a que está errada, para que todos os sítios indiquem o mesmo dia; `date: {date}` no cabeçalho indica-o.",
    de: "Korrigieren Sie die falsche Angabe, damit überall derselbe Tag steht; `date: {date}` im Kopf gibt ihn an.",
  },
  "date-from-timestamp": {
    en: "The front matter's `date: {written}` (line {line}) looks like the date the page was published; {source} names another day, {date}, which is taken as the meeting date.",
    fr: "La `date: {written}` de l'en-tête (ligne {line}) ressemble à la date de publication de la page ; {source} indique un autre jour, {date}, retenu comme date de la réunion.",
    es: "La `date: {written}` del encabezado (línea {line}) parece la fecha de publicación de la página; {source} indica otro día, {date}, que se toma como fecha de la reunión.",
    pt: "A `date: {written}` do cabeçalho (linha {line}) parece a data de publicação da página; {source} indica outro dia, {date}, que é tomado como data da reunião.",
    de: "`date: {written}` im Kopf (Zeile {line}) sieht nach dem Veröffentlichungsdatum der Seite aus; {source} nennt einen anderen Tag, {date}, der als Sitzungsdatum gilt.",
  },
  "date-from-timestamp.hint": {
    en: "If the meeting was on {date}, nothing is to be done; otherwise correct the title or the date line.",
    fr: "Si la réunion a eu lieu le {date}, il n'y a rien à faire ; sinon corrigez le titre ou la ligne de date.",
    es: "Si la reunión fue el {date}, no hay nada que hacer; si no, corrija el título o la línea de fecha.",
    pt: "Se a reunião foi a {date}, não há nada a fazer; caso contrário, corrija o título ou a linha da data.",
    de: "Fand die Sitzung am {date} statt, ist nichts zu tun; sonst korrigieren Sie den Titel oder die Datumszeile.",
  },
  "date-year-inferred.file": {
    en: "`{written}` gives no year: {year} is taken from another date in the file, so the meeting date is {date}.",
    fr: "`{written}` ne donne pas l'année : {year} est tirée d'une autre date du fichier, la date de la réunion est donc {date}.",
    es: "`{written}` no indica el año: se toma {year} de otra fecha del archivo, así que la fecha de la reunión es {date}.",
    pt: "`{written}` não indica o ano: {year} é tirado de outra data do ficheiro, pelo que a data da reunião é {date}.",
    de: "`{written}` nennt kein Jahr: {year} stammt aus einem anderen Datum der Datei, das Sitzungsdatum ist also {date}.",
  },
  "date-year-inferred.path": {
    en: "`{written}` gives no year: {year} is taken from the file's path, so the meeting date is {date}.",
    fr: "`{written}` ne donne pas l'année : {year} est tirée du chemin du fichier, la date de la réunion est donc {date}.",
    es: "`{written}` no indica el año: se toma {year} de la ruta del archivo, así que la fecha de la reunión es {date}.",
    pt: "`{written}` não indica o ano: {year} é tirado do caminho do ficheiro, pelo que a data da reunião é {date}.",
    de: "`{written}` nennt kein Jahr: {year} stammt aus dem Pfad der Datei, das Sitzungsdatum ist also {date}.",
  },
  "date-year-inferred.git": {
    en: "`{written}` gives no year: {year} is taken from the file's first commit in git, so the meeting date is {date}.",
    fr: "`{written}` ne donne pas l'année : {year} est tirée du premier commit du fichier dans git, la date de la réunion est donc {date}.",
    es: "`{written}` no indica el año: se toma {year} del primer commit del archivo en git, así que la fecha de la reunión es {date}.",
    pt: "`{written}` não indica o ano: {year} é tirado do primeiro commit do ficheiro no git, pelo que a data da reunião é {date}.",
    de: "`{written}` nennt kein Jahr: {year} stammt aus dem ersten Commit der Datei in git, das Sitzungsdatum ist also {date}.",
  },
  "date-year-inferred.mtime": {
    en: "`{written}` gives no year: {year} is taken from the file's modification time, so the meeting date is {date}.",
    fr: "`{written}` ne donne pas l'année : {year} est tirée de la date de modification du fichier, la date de la réunion est donc {date}.",
    es: "`{written}` no indica el año: se toma {year} de la fecha de modificación del archivo, así que la fecha de la reunión es {date}.",
    pt: "`{written}` não indica o ano: {year} é tirado da data de modificação do ficheiro, pelo que a data da reunião é {date}.",
    de: "`{written}` nennt kein Jahr: {year} stammt aus dem Änderungsdatum der Datei, das Sitzungsdatum ist also {date}.",
  },
  "date-year-inferred.hint": {
    en: "Write the year with the date, or `date: {date}` in the front matter.",
    fr: "Écrivez l'année avec la date, ou `date: {date}` dans l'en-tête.",
    es: "Escriba el año con la fecha, o `date: {date}` en el encabezado.",
    pt: "Escreva o ano com a data, ou `date: {date}` no cabeçalho.",
    de: "Schreiben Sie das Jahr zum Datum, oder `date: {date}` in den Kopf.",
  },
} satisfies Record<string, Entry>;
