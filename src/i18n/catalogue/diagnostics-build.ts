// Diagnostics of a build run rather than of a file's text: characters no font has (src/render/missing-glyphs.ts)
// and a number of jobs the machine cannot take (src/commands/build.ts); and "a, b and 3 more" for the lists
// such messages give.
import type { Entry } from "../entry.js";

export const buildMessages = {
  "list.more": {
    en: "{items} and {count} more",
    fr: "{items} et {count} autres",
    es: "{items} y {count} más",
    pt: "{items} e mais {count}",
    de: "{items} und {count} weitere",
  },
  "font-missing-glyphs.one": {
    en: "No font has this character, so the PDF draws it as a box: {characters}{where}.",
    fr: "Aucune police ne contient ce caractère, que le PDF dessine donc comme un carré : {characters}{where}.",
    es: "Ninguna fuente tiene este carácter, así que el PDF lo dibuja como un cuadro: {characters}{where}.",
    pt: "Nenhum tipo de letra tem este carácter, por isso o PDF desenha-o como um quadrado: {characters}{where}.",
    de: "Keine Schrift enthält dieses Zeichen, daher zeichnet das PDF es als Kästchen: {characters}{where}.",
  },
  "font-missing-glyphs.many": {
    en: "No font has these {count} characters, so the PDF draws them as boxes: {characters}{where}.",
    fr: "Aucune police ne contient ces {count} caractères, que le PDF dessine donc comme des carrés : {characters}{where}.",
    es: "Ninguna fuente tiene estos {count} caracteres, así que el PDF los dibuja como cuadros: {characters}{where}.",
    pt: "Nenhum tipo de letra tem estes {count} caracteres, por isso o PDF desenha-os como quadrados: {characters}{where}.",
    de: "Keine Schrift enthält diese {count} Zeichen, daher zeichnet das PDF sie als Kästchen: {characters}{where}.",
  },
  "font-missing-glyphs.line": {
    en: " (line {lines})",
    fr: " (ligne {lines})",
    es: " (línea {lines})",
    pt: " (linha {lines})",
    de: " (Zeile {lines})",
  },
  "font-missing-glyphs.lines": {
    en: " (line {lines})",
    fr: " (lignes {lines})",
    es: " (líneas {lines})",
    pt: " (linhas {lines})",
    de: " (Zeilen {lines})",
  },
  "font-missing-glyphs.theme.hint": {
    en: "Name a font that has them under `fonts: fallbacks:` in the theme (a list of { family, regular, bold } with .ttf or .otf files; see docs/themes.md).",
    fr: "Indiquez une police qui les contient sous `fonts: fallbacks:` dans le thème (une liste de { family, regular, bold } avec des fichiers .ttf ou .otf ; voir docs/themes.md).",
    es: "Indique una fuente que los tenga en `fonts: fallbacks:` del tema (una lista de { family, regular, bold } con archivos .ttf u .otf; vea docs/themes.md).",
    pt: "Indique um tipo de letra que os tenha em `fonts: fallbacks:` no tema (uma lista de { family, regular, bold } com ficheiros .ttf ou .otf; veja docs/themes.md).",
    de: "Nennen Sie im Theme unter `fonts: fallbacks:` eine Schrift, die sie enthält (eine Liste von { family, regular, bold } mit .ttf- oder .otf-Dateien; siehe docs/themes.md).",
  },
  "font-missing-glyphs.package.hint": {
    en: "Install the font package minutes looks for: `npm install --global {package}` (beside minutes) or `npm install --save-dev {package}` in the project, or name a font that has them under `fonts: fallbacks:` in the theme (see docs/themes.md).",
    fr: "Installez le paquet de polices que minutes recherche : `npm install --global {package}` (à côté de minutes) ou `npm install --save-dev {package}` dans le projet, ou indiquez une police qui les contient sous `fonts: fallbacks:` dans le thème (voir docs/themes.md).",
    es: "Instale el paquete de fuentes que minutes busca: `npm install --global {package}` (junto a minutes) o `npm install --save-dev {package}` en el proyecto, o indique una fuente que los tenga en `fonts: fallbacks:` del tema (vea docs/themes.md).",
    pt: "Instale o pacote de tipos de letra que o minutes procura: `npm install --global {package}` (ao lado do minutes) ou `npm install --save-dev {package}` no projeto, ou indique um tipo de letra que os tenha em `fonts: fallbacks:` no tema (veja docs/themes.md).",
    de: "Installieren Sie das Schriftpaket, nach dem minutes sucht: `npm install --global {package}` (neben minutes) oder `npm install --save-dev {package}` im Projekt, oder nennen Sie im Theme unter `fonts: fallbacks:` eine Schrift, die sie enthält (siehe docs/themes.md).",
  },
  "jobs-capped.memory": {
    en: "{asked} files at once were asked for; {jobs} are built at once, as {memory} MB of memory is available and each takes about {each} MB.",
    fr: "{asked} fichiers à la fois ont été demandés ; {jobs} sont produits à la fois, car {memory} Mo de mémoire sont disponibles et chacun en prend environ {each} Mo.",
    es: "Se pidieron {asked} archivos a la vez; se generan {jobs} a la vez, porque hay {memory} MB de memoria disponibles y cada uno ocupa unos {each} MB.",
    pt: "Foram pedidos {asked} ficheiros de uma vez; são gerados {jobs} de uma vez, porque há {memory} MB de memória disponíveis e cada um ocupa cerca de {each} MB.",
    de: "Es wurden {asked} Dateien gleichzeitig verlangt; {jobs} werden gleichzeitig erzeugt, da {memory} MB Speicher frei sind und jede etwa {each} MB braucht.",
  },
  "jobs-capped.cores": {
    en: "{asked} files at once were asked for; {jobs} are built at once, as this machine has {cores} cores.",
    fr: "{asked} fichiers à la fois ont été demandés ; {jobs} sont produits à la fois, car cette machine a {cores} cœurs.",
    es: "Se pidieron {asked} archivos a la vez; se generan {jobs} a la vez, porque esta máquina tiene {cores} núcleos.",
    pt: "Foram pedidos {asked} ficheiros de uma vez; são gerados {jobs} de uma vez, porque esta máquina tem {cores} núcleos.",
    de: "Es wurden {asked} Dateien gleichzeitig verlangt; {jobs} werden gleichzeitig erzeugt, da dieser Rechner {cores} Kerne hat.",
  },
  "jobs-capped.hint": {
    en: "Ask for {jobs} or fewer, or leave the number out: the default is as many as the cores and the memory allow.",
    fr: "Demandez-en {jobs} ou moins, ou omettez le nombre : par défaut, minutes en prend autant que les cœurs et la mémoire le permettent.",
    es: "Pida {jobs} o menos, u omita el número: por defecto se usan tantos como permitan los núcleos y la memoria.",
    pt: "Peça {jobs} ou menos, ou omita o número: por omissão, usam-se tantos quantos os núcleos e a memória permitirem.",
    de: "Verlangen Sie {jobs} oder weniger, oder lassen Sie die Zahl weg: Standardmäßig so viele, wie Kerne und Speicher erlauben.",
  },

  "preview-listen.in-use": {
    en: "the preview cannot listen on {where}: another program uses that port",
    fr: "l'aperçu ne peut pas écouter sur {where} : un autre programme utilise ce port",
    es: "la vista previa no puede escuchar en {where}: otro programa usa ese puerto",
    pt: "a pré-visualização não consegue escutar em {where}: outro programa usa essa porta",
    de: "die Vorschau kann nicht auf {where} lauschen: ein anderes Programm nutzt diesen Port",
  },
  "preview-listen.in-use.hint": {
    en: "Give another --port, or leave --port out: the preview then takes the first free port from 4700.",
    fr: "Indiquez un autre --port, ou omettez --port : l'aperçu prend alors le premier port libre à partir de 4700.",
    es: "Indique otro --port, u omita --port: la vista previa toma entonces el primer puerto libre a partir de 4700.",
    pt: "Indique outra --port, ou omita --port: a pré-visualização usa então a primeira porta livre a partir de 4700.",
    de: "Geben Sie einen anderen --port an oder lassen Sie --port weg: die Vorschau nimmt dann den ersten freien Port ab 4700.",
  },
  "preview-listen.other": {
    en: "the preview cannot listen on {where} ({reason})",
    fr: "l'aperçu ne peut pas écouter sur {where} ({reason})",
    es: "la vista previa no puede escuchar en {where} ({reason})",
    pt: "a pré-visualização não consegue escutar em {where} ({reason})",
    de: "die Vorschau kann nicht auf {where} lauschen ({reason})",
  },
  "preview-listen.other.hint": {
    en: "Give an address of this machine to --host (127.0.0.1, the default, or ::1), and a --port from 1024 up.",
    fr: "Donnez à --host une adresse de cette machine (127.0.0.1, par défaut, ou ::1), et un --port à partir de 1024.",
    es: "Indique en --host una dirección de esta máquina (127.0.0.1, por defecto, o ::1), y un --port desde 1024.",
    pt: "Indique em --host um endereço desta máquina (127.0.0.1, por omissão, ou ::1), e uma --port a partir de 1024.",
    de: "Geben Sie bei --host eine Adresse dieses Rechners an (127.0.0.1, Standard, oder ::1) und einen --port ab 1024.",
  },
} satisfies Record<string, Entry>;
