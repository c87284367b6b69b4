// Links in the minutes that would not be safe to publish (src/parse/safe-links.ts).
import type { Entry } from "../entry.js";

export const linkMessages = {
  "link-unsafe": {
    en: "The link to {url} is printed as text: only web (http, https), mail (mailto), telephone (tel) and relative addresses are published as links.",
    fr: "Le lien vers {url} est imprimé comme texte : seules les adresses web (http, https), de courriel (mailto), de téléphone (tel) et relatives sont publiées comme liens.",
    es: "El enlace a {url} se imprime como texto: solo las direcciones web (http, https), de correo (mailto), de teléfono (tel) y relativas se publican como enlaces.",
    pt: "A ligação para {url} é impressa como texto: só os endereços web (http, https), de correio (mailto), de telefone (tel) e relativos são publicados como ligações.",
    de: "Der Link zu {url} wird als Text gedruckt: nur Web- (http, https), E-Mail- (mailto), Telefon- (tel) und relative Adressen werden als Links veröffentlicht.",
  },
  "link-unsafe.hint": {
    en: "Link to a web page instead, or put the file in the repository and link to it with a relative path.",
    fr: "Faites plutôt un lien vers une page web, ou placez le fichier dans le dépôt et liez-le par un chemin relatif.",
    es: "Enlace más bien a una página web, o ponga el archivo en el repositorio y enlácelo con una ruta relativa.",
    pt: "Em vez disso, crie uma ligação para uma página web, ou coloque o ficheiro no repositório e ligue-o com um caminho relativo.",
    de: "Verlinken Sie stattdessen eine Webseite, oder legen Sie die Datei ins Repository und verlinken Sie sie mit einem relativen Pfad.",
  },
} satisfies Record<string, Entry>;
