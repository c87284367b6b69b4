// What the command line says outside diagnostics and help texts: severities, hints, what was written,
// progress, summaries, usage errors, the action table. One entry per text, in every language of
// src/i18n/messages.ts. Counted words have a `.one` and an `.other` entry (see sayCount). The help texts
// are in cli-help.ts and merged here.
import type { Entry } from "../entry.js";
import { cliHelpMessages } from "./cli-help.js";

export const cliMessages = {
  ...cliHelpMessages,
  "severity.error": { en: "error", fr: "erreur", es: "error", pt: "erro", de: "Fehler" },
  "severity.warning": { en: "warning", fr: "avertissement", es: "advertencia", pt: "aviso", de: "Warnung" },
  "hint": { en: "hint", fr: "conseil", es: "sugerencia", pt: "dica", de: "Hinweis" },

  // Counted words.
  "count.error.one": { en: "{count} error", fr: "{count} erreur", es: "{count} error", pt: "{count} erro", de: "{count} Fehler" },
  "count.error.other": { en: "{count} errors", fr: "{count} erreurs", es: "{count} errores", pt: "{count} erros", de: "{count} Fehler" },
  "count.warning.one": { en: "{count} warning", fr: "{count} avertissement", es: "{count} advertencia", pt: "{count} aviso", de: "{count} Warnung" },
  "count.warning.other": { en: "{count} warnings", fr: "{count} avertissements", es: "{count} advertencias", pt: "{count} avisos", de: "{count} Warnungen" },
  "count.file.one": { en: "{count} file", fr: "{count} fichier", es: "{count} archivo", pt: "{count} ficheiro", de: "{count} Datei" },
  "count.file.other": { en: "{count} files", fr: "{count} fichiers", es: "{count} archivos", pt: "{count} ficheiros", de: "{count} Dateien" },
  "count.action.one": { en: "{count} action", fr: "{count} action", es: "{count} acción", pt: "{count} ação", de: "{count} Aufgabe" },
  "count.action.other": { en: "{count} actions", fr: "{count} actions", es: "{count} acciones", pt: "{count} ações", de: "{count} Aufgaben" },
  "count.carried.one": { en: "{count} open action", fr: "{count} action en cours reprise", es: "{count} acción abierta", pt: "{count} ação em aberto", de: "{count} offenen Aufgabe" },
  "count.carried.other": { en: "{count} open actions", fr: "{count} actions en cours reprises", es: "{count} acciones abiertas", pt: "{count} ações em aberto", de: "{count} offenen Aufgaben" },

  // What was written, and summaries.
  "wrote": { en: "wrote {path}", fr: "écrit : {path}", es: "escrito: {path}", pt: "gravado: {path}", de: "geschrieben: {path}" },
  "summary.nothing-written": {
    en: "{counts}; nothing was written for the files with errors",
    fr: "{counts} ; rien n'a été écrit pour les fichiers en erreur",
    es: "{counts}; no se ha escrito nada para los archivos con errores",
    pt: "{counts}; nada foi gravado para os ficheiros com erros",
    de: "{counts}; für die Dateien mit Fehlern wurde nichts geschrieben",
  },
  "summary.nothing-written.list": {
    en: "{counts}; nothing was written for the files with errors:",
    fr: "{counts} ; rien n'a été écrit pour les fichiers en erreur :",
    es: "{counts}; no se ha escrito nada para los archivos con errores:",
    pt: "{counts}; nada foi gravado para os ficheiros com erros:",
    de: "{counts}; für die Dateien mit Fehlern wurde nichts geschrieben:",
  },
  "summary.batch": {
    en: "{built} built, {unchanged} unchanged, {failed} failed in {seconds} s",
    fr: "générés : {built}, inchangés : {unchanged}, en échec : {failed}, en {seconds} s",
    es: "generados: {built}, sin cambios: {unchanged}, con errores: {failed}, en {seconds} s",
    pt: "gerados: {built}, sem alterações: {unchanged}, com erros: {failed}, em {seconds} s",
    de: "erstellt: {built}, unverändert: {unchanged}, fehlgeschlagen: {failed}, in {seconds} s",
  },
  "progress.files": { en: "{files}, {toBuild} to build", fr: "{files}, à faire : {toBuild}", es: "{files}, por generar: {toBuild}", pt: "{files}, a gerar: {toBuild}", de: "{files}, zu erstellen: {toBuild}" },
  "progress.failed": { en: "failed {file}", fr: "échec : {file}", es: "error en {file}", pt: "falhou: {file}", de: "fehlgeschlagen: {file}" },

  // --watch.
  "watch.waiting": {
    en: "watching for changes (Ctrl-C to stop)",
    fr: "en attente de modifications (Ctrl-C pour arrêter)",
    es: "esperando cambios (Ctrl-C para detener)",
    pt: "à espera de alterações (Ctrl-C para parar)",
    de: "wartet auf Änderungen (Strg-C zum Beenden)",
  },
  "watch.rebuild-failed": { en: "the rebuild failed: {reason}", fr: "la nouvelle construction a échoué : {reason}", es: "la nueva generación ha fallado: {reason}", pt: "a nova geração falhou: {reason}", de: "die erneute Erstellung ist fehlgeschlagen: {reason}" },
  "watch.cannot-watch": { en: "cannot watch {folder}: {reason}", fr: "impossible de surveiller {folder} : {reason}", es: "no se puede vigilar {folder}: {reason}", pt: "não é possível vigiar {folder}: {reason}", de: "{folder} kann nicht überwacht werden: {reason}" },

  // Usage errors (exit 2).
  "usage.date": {
    en: '{flag} "{value}" must be a date written YYYY-MM-DD',
    fr: "{flag} « {value} » : écrivez la date sous la forme AAAA-MM-JJ, par exemple 2024-03-12",
    es: "{flag} «{value}»: escriba la fecha en la forma AAAA-MM-DD, por ejemplo 2024-03-12",
    pt: "{flag} «{value}»: escreva a data na forma AAAA-MM-DD, por exemplo 2024-03-12",
    de: "{flag} „{value}“: schreiben Sie das Datum als JJJJ-MM-TT, zum Beispiel 2024-03-12",
  },
  "usage.format": {
    en: 'unknown format "{value}": use one or more of {formats}, separated by commas',
    fr: "format inconnu « {value} » : choisissez parmi {formats}, séparés par des virgules",
    es: "formato desconocido «{value}»: elija uno o varios de {formats}, separados por comas",
    pt: "formato desconhecido «{value}»: escolha um ou mais de {formats}, separados por vírgulas",
    de: "unbekanntes Format „{value}“: wählen Sie eines oder mehrere von {formats}, durch Kommas getrennt",
  },
  "usage.jobs": {
    en: '--jobs "{value}" must be a whole number of 1 or more',
    fr: "--jobs « {value} » : donnez un nombre entier, 1 ou plus",
    es: "--jobs «{value}»: indique un número entero, 1 o más",
    pt: "--jobs «{value}»: indique um número inteiro, 1 ou mais",
    de: "--jobs „{value}“: geben Sie eine ganze Zahl ab 1 an",
  },
  "usage.shard": {
    en: '--shard "{value}" must be i/n with 1 ≤ i ≤ n, such as 1/4',
    fr: "--shard « {value} » : écrivez i/n avec 1 ≤ i ≤ n, par exemple 1/4",
    es: "--shard «{value}»: escriba i/n con 1 ≤ i ≤ n, por ejemplo 1/4",
    pt: "--shard «{value}»: escreva i/n com 1 ≤ i ≤ n, por exemplo 1/4",
    de: "--shard „{value}“: schreiben Sie i/n mit 1 ≤ i ≤ n, zum Beispiel 1/4",
  },
  "usage.pdf-standard": {
    en: '--pdf-standard "{value}": use pdfa, ua, pdfa,ua or none',
    fr: "--pdf-standard « {value} » : choisissez pdfa, ua, pdfa,ua ou none",
    es: "--pdf-standard «{value}»: elija pdfa, ua, pdfa,ua o none",
    pt: "--pdf-standard «{value}»: escolha pdfa, ua, pdfa,ua ou none",
    de: "--pdf-standard „{value}“: wählen Sie pdfa, ua, pdfa,ua oder none",
  },
  "usage.reporter": {
    en: 'unknown reporter "{value}": use one of {names}',
    fr: "forme de messages inconnue « {value} » : choisissez parmi {names}",
    es: "forma de mensajes desconocida «{value}»: elija una de {names}",
    pt: "forma de mensagens desconhecida «{value}»: escolha uma de {names}",
    de: "unbekannte Meldungsform „{value}“: wählen Sie eine von {names}",
  },
  "usage.status": {
    en: '--status "{value}" is not a status: use open, in-progress, done or cancelled',
    fr: "--status « {value} » n'est pas un état : choisissez à faire, en cours, fait ou annulé (ou open, in-progress, done, cancelled)",
    es: "--status «{value}» no es un estado: elija open, in-progress, done o cancelled",
    pt: "--status «{value}» não é um estado: escolha open, in-progress, done ou cancelled",
    de: "--status „{value}“ ist kein Zustand: wählen Sie open, in-progress, done oder cancelled",
  },
  "usage.choice": {
    en: '{option} "{value}": use one of {choices}',
    fr: "{option} « {value} » : choisissez parmi {choices}",
    es: "{option} «{value}»: elija uno de {choices}",
    pt: "{option} «{value}»: escolha um de {choices}",
    de: "{option} „{value}“: wählen Sie eines von {choices}",
  },
  "usage.unknown-option": { en: "unknown option {option}", fr: "option inconnue : {option}", es: "opción desconocida: {option}", pt: "opção desconhecida: {option}", de: "unbekannte Option: {option}" },
  "usage.unknown-command": { en: "unknown command {command}", fr: "commande inconnue : {command}", es: "comando desconocido: {command}", pt: "comando desconhecido: {command}", de: "unbekannter Befehl: {command}" },
  "usage.did-you-mean": { en: "did you mean {candidates}?", fr: "vouliez-vous dire {candidates} ?", es: "¿quería decir {candidates}?", pt: "queria dizer {candidates}?", de: "meinten Sie {candidates}?" },
  "usage.missing-argument": { en: "{argument} is missing after the command", fr: "il manque {argument} après la commande", es: "falta {argument} después del comando", pt: "falta {argument} depois do comando", de: "{argument} fehlt nach dem Befehl" },
  "usage.missing-value": { en: "{option} needs a value", fr: "{option} attend une valeur", es: "{option} necesita un valor", pt: "{option} precisa de um valor", de: "{option} braucht einen Wert" },
  "usage.too-many": { en: "too many arguments for this command", fr: "trop d'arguments pour cette commande", es: "demasiados argumentos para este comando", pt: "argumentos a mais para este comando", de: "zu viele Argumente für diesen Befehl" },
  "usage.help": {
    en: "{command} --help shows what it accepts, with examples",
    fr: "{command} --help montre ce qui est accepté, avec des exemples",
    es: "{command} --help muestra lo que acepta, con ejemplos",
    pt: "{command} --help mostra o que é aceite, com exemplos",
    de: "{command} --help zeigt, was möglich ist, mit Beispielen",
  },

  // init.
  "init.not-written": { en: "init could not write into {dir} ({why}).", fr: "init n'a pas pu écrire dans {dir} ({why}).", es: "init no ha podido escribir en {dir} ({why}).", pt: "init não conseguiu gravar em {dir} ({why}).", de: "init konnte nicht in {dir} schreiben ({why})." },
  "init.exists": {
    en: "init writes nothing, because these files already exist:",
    fr: "init n'écrit rien, car ces fichiers existent déjà :",
    es: "init no escribe nada, porque estos archivos ya existen:",
    pt: "init não grava nada, porque estes ficheiros já existem:",
    de: "init schreibt nichts, weil diese Dateien schon existieren:",
  },
  "init.exists.hint": {
    en: "run it in a new folder, or move these files away first.",
    fr: "lancez-la dans un nouveau dossier, ou déplacez d'abord ces fichiers.",
    es: "ejecútelo en una carpeta nueva, o mueva antes estos archivos.",
    pt: "execute-o numa pasta nova, ou mova primeiro estes ficheiros.",
    de: "führen Sie es in einem neuen Ordner aus, oder verschieben Sie diese Dateien zuerst.",
  },
  "init.ready": {
    en: "your minutes folder is ready. Next:",
    fr: "votre dossier de comptes-rendus est prêt. Ensuite :",
    es: "su carpeta de actas está lista. Después:",
    pt: "a sua pasta de atas está pronta. A seguir:",
    de: "Ihr Protokollordner ist bereit. Als Nächstes:",
  },
  "init.next.cd": { en: "go into the folder", fr: "entrez dans le dossier", es: "entre en la carpeta", pt: "entre na pasta", de: "in den Ordner wechseln" },
  "init.next.sample": {
    en: "an example meeting: read it, then delete it (it fails the check until its examples are replaced)",
    fr: "une réunion d'exemple : lisez-la, puis supprimez-la (la vérification échoue tant que ses exemples restent)",
    es: "una reunión de ejemplo: léala y luego bórrela (la verificación falla mientras queden sus ejemplos)",
    pt: "uma reunião de exemplo: leia-a e depois apague-a (a verificação falha enquanto os exemplos ficarem)",
    de: "eine Beispielsitzung: lesen und dann löschen (die Prüfung schlägt fehl, solange ihre Beispiele bleiben)",
  },
  "init.next.new": {
    en: "write the file of the next meeting, to fill in",
    fr: "écrit le fichier de la prochaine réunion, à compléter",
    es: "escribe el archivo de la próxima reunión, para completarlo",
    pt: "escreve o ficheiro da próxima reunião, para preencher",
    de: "schreibt die Datei der nächsten Sitzung, zum Ausfüllen",
  },
  "init.next.build": {
    en: "make the Word and PDF documents, in dist/",
    fr: "fait les documents Word et PDF, dans dist/",
    es: "genera los documentos Word y PDF, en dist/",
    pt: "gera os documentos Word e PDF, em dist/",
    de: "erstellt die Word- und PDF-Dokumente, in dist/",
  },

  // new.
  "new.has-errors": {
    en: "{file} has errors; fix them first, nothing was written",
    fr: "{file} a des erreurs ; corrigez-les d'abord, rien n'a été écrit",
    es: "{file} tiene errores; corríjalos primero, no se ha escrito nada",
    pt: "{file} tem erros; corrija-os primeiro, nada foi gravado",
    de: "{file} hat Fehler; beheben Sie sie zuerst, es wurde nichts geschrieben",
  },
  "new.the-template": { en: "the template", fr: "le modèle", es: "la plantilla", pt: "o modelo", de: "die Vorlage" },
  "new.built-in": { en: "built-in", fr: "intégré", es: "incluida", pt: "incluído", de: "eingebaut" },
  "new.wrote": { en: "wrote {path} (template: {template})", fr: "écrit : {path} (modèle : {template})", es: "escrito: {path} (plantilla: {template})", pt: "gravado: {path} (modelo: {template})", de: "geschrieben: {path} (Vorlage: {template})" },
  "new.wrote-from": {
    en: "wrote {path} with {actions} from {from} (template: {template})",
    fr: "écrit : {path}, avec {actions} de {from} (modèle : {template})",
    es: "escrito: {path}, con {actions} de {from} (plantilla: {template})",
    pt: "gravado: {path}, com {actions} de {from} (modelo: {template})",
    de: "geschrieben: {path}, mit {actions} aus {from} (Vorlage: {template})",
  },

  // themes.
  "themes.bad-name": {
    en: '"{name}" cannot be a theme name: use letters, digits, "-", "_" or "." (no "/")',
    fr: "« {name} » ne peut pas être un nom de thème : utilisez des lettres, des chiffres, « - », « _ » ou « . » (pas de « / »)",
    es: "«{name}» no puede ser un nombre de tema: use letras, cifras, «-», «_» o «.» (sin «/»)",
    pt: "«{name}» não pode ser um nome de tema: use letras, algarismos, «-», «_» ou «.» (sem «/»)",
    de: "„{name}“ kann kein Theme-Name sein: verwenden Sie Buchstaben, Ziffern, „-“, „_“ oder „.“ (kein „/“)",
  },
  "themes.unknown": {
    en: 'no built-in theme "{name}": use one of {themes}',
    fr: "aucun thème fourni ne s'appelle « {name} » : choisissez parmi {themes}",
    es: "no hay ningún tema incluido «{name}»: elija uno de {themes}",
    pt: "não há nenhum tema incluído «{name}»: escolha um de {themes}",
    de: "es gibt kein mitgeliefertes Theme „{name}“: wählen Sie eines von {themes}",
  },
  "themes.exists": {
    en: "{path} already exists; nothing was changed. Choose another name or remove it first.",
    fr: "{path} existe déjà ; rien n'a été modifié. Choisissez un autre nom ou supprimez-le d'abord.",
    es: "{path} ya existe; no se ha cambiado nada. Elija otro nombre o elimínelo antes.",
    pt: "{path} já existe; nada foi alterado. Escolha outro nome ou remova-o primeiro.",
    de: "{path} existiert schon; es wurde nichts geändert. Wählen Sie einen anderen Namen oder entfernen Sie es zuerst.",
  },
  "themes.not-written": {
    en: "the theme could not be written into {dir} ({why}); nothing was written. {fix}",
    fr: "le thème n'a pas pu être écrit dans {dir} ({why}) ; rien n'a été écrit. {fix}",
    es: "el tema no se ha podido escribir en {dir} ({why}); no se ha escrito nada. {fix}",
    pt: "o tema não pôde ser gravado em {dir} ({why}); nada foi gravado. {fix}",
    de: "das Theme konnte nicht in {dir} geschrieben werden ({why}); es wurde nichts geschrieben. {fix}",
  },
  "themes.use-it": {
    en: "use it with: minutes build meeting.md --theme ./{name}  (or theme: ./{name} in the front matter or minutes.config.yaml)",
    fr: "utilisez-le avec : minutes build reunion.md --theme ./{name}  (ou theme: ./{name} dans l'en-tête du compte-rendu ou dans minutes.config.yaml)",
    es: "úselo con: minutes build reunion.md --theme ./{name}  (o theme: ./{name} en el encabezado del acta o en minutes.config.yaml)",
    pt: "use-o com: minutes build reuniao.md --theme ./{name}  (ou theme: ./{name} no cabeçalho da ata ou em minutes.config.yaml)",
    de: "verwenden Sie es mit: minutes build sitzung.md --theme ./{name}  (oder theme: ./{name} im Kopf des Protokolls oder in minutes.config.yaml)",
  },
  "theme.compte-rendu": {
    en: "The institutional look of a French compte-rendu: bordered header table, title repeated in the page header, bold section labels.",
    fr: "L'allure institutionnelle d'un compte-rendu administratif : tableau d'en-tête encadré, titre repris en haut de page, intitulés en gras.",
    es: "El aspecto institucional de un acta administrativa francesa: tabla de encabezado con bordes, título repetido en la cabecera de página, rótulos en negrita.",
    pt: "O aspeto institucional de uma ata administrativa francesa: tabela de cabeçalho com bordas, título repetido no topo da página, rótulos a negrito.",
    de: "Das amtliche Aussehen eines französischen Protokolls: umrandete Kopftabelle, Titel in der Kopfzeile wiederholt, fette Abschnittsbezeichnungen.",
  },
  "theme.default": {
    en: "Clean and modern: title on the left, teal and orange, tables with horizontal rules only.",
    fr: "Sobre et moderne : titre à gauche, bleu canard et orange, tableaux aux seuls filets horizontaux.",
    es: "Limpio y moderno: título a la izquierda, verde azulado y naranja, tablas solo con líneas horizontales.",
    pt: "Limpo e moderno: título à esquerda, azul-petróleo e laranja, tabelas só com linhas horizontais.",
    de: "Schlicht und modern: Titel links, Petrol und Orange, Tabellen nur mit waagerechten Linien.",
  },

  // actions.
  "actions.undated.one": {
    en: "{count} action without a dated deadline is not in the calendar",
    fr: "{count} action sans échéance datée n'est pas dans l'agenda",
    es: "{count} acción sin plazo con fecha no está en el calendario",
    pt: "{count} ação sem prazo com data não está no calendário",
    de: "{count} Aufgabe ohne datierte Frist steht nicht im Kalender",
  },
  "actions.undated.other": {
    en: "{count} actions without a dated deadline are not in the calendar",
    fr: "{count} actions sans échéance datée ne sont pas dans l'agenda",
    es: "{count} acciones sin plazo con fecha no están en el calendario",
    pt: "{count} ações sem prazo com data não estão no calendário",
    de: "{count} Aufgaben ohne datierte Frist stehen nicht im Kalender",
  },
  "actions.wrote": { en: "wrote {path} ({actions})", fr: "écrit : {path} ({actions})", es: "escrito: {path} ({actions})", pt: "gravado: {path} ({actions})", de: "geschrieben: {path} ({actions})" },
  // The terminal table (CSV, JSON and Markdown keep their English column names, for programs).
  "table.id": { en: "ID", fr: "ID", es: "ID", pt: "ID", de: "ID" },
  "table.status": { en: "STATUS", fr: "ÉTAT", es: "ESTADO", pt: "ESTADO", de: "STATUS" },
  "table.deadline": { en: "DEADLINE", fr: "ÉCHÉANCE", es: "PLAZO", pt: "PRAZO", de: "FRIST" },
  "table.responsible": { en: "RESPONSIBLE", fr: "RESPONSABLE", es: "RESPONSABLE", pt: "RESPONSÁVEL", de: "VERANTWORTLICH" },
  "table.action": { en: "ACTION", fr: "ACTION", es: "ACCIÓN", pt: "AÇÃO", de: "AUFGABE" },
  "state.open": { en: "open", fr: "à faire", es: "abierta", pt: "aberta", de: "offen" },
  "state.in-progress": { en: "in-progress", fr: "en cours", es: "en curso", pt: "em curso", de: "in Arbeit" },
  "state.done": { en: "done", fr: "fait", es: "hecha", pt: "concluída", de: "erledigt" },
  "state.cancelled": { en: "cancelled", fr: "annulé", es: "cancelada", pt: "cancelada", de: "gestrichen" },

  // split.
  "count.meeting.one": { en: "{count} meeting", fr: "{count} réunion", es: "{count} reunión", pt: "{count} reunião", de: "{count} Sitzung" },
  "count.meeting.other": { en: "{count} meetings", fr: "{count} réunions", es: "{count} reuniones", pt: "{count} reuniões", de: "{count} Sitzungen" },
  "split.wrote": {
    en: "wrote {path} (meeting of {date}, line {line} of the file)",
    fr: "écrit : {path} (réunion du {date}, ligne {line} du fichier)",
    es: "escrito: {path} (reunión del {date}, línea {line} del archivo)",
    pt: "gravado: {path} (reunião de {date}, linha {line} do ficheiro)",
    de: "geschrieben: {path} (Sitzung vom {date}, Zeile {line} der Datei)",
  },
  "split.done": {
    en: "{meetings} written; {source} is unchanged",
    fr: "{meetings} écrites ; {source} est inchangé",
    es: "{meetings} escritas; {source} no ha cambiado",
    pt: "{meetings} gravadas; {source} não foi alterado",
    de: "{meetings} geschrieben; {source} ist unverändert",
  },

  // A bug.
  "internal-error": {
    en: "internal error (a bug, please report it with the input file):",
    fr: "erreur interne (un défaut du programme ; merci de le signaler avec le fichier en cause) :",
    es: "error interno (un fallo del programa; por favor, comuníquelo con el archivo de entrada):",
    pt: "erro interno (uma falha do programa; por favor, comunique-a com o ficheiro de entrada):",
    de: "interner Fehler (ein Programmfehler; bitte melden Sie ihn mit der Eingabedatei):",
  },
} satisfies Record<string, Entry>;
