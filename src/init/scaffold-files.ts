// The files `minutes init` writes: config, a .gitignore, the meeting template and a sample meeting in the
// repository's language (src/i18n/sample-meeting.ts), the editor schema settings, and CI workflows for
// GitHub (Actions + Pages) and GitLab (Pages). Pure: returns contents.
import { z } from "zod";
import { configSchema } from "../config/config.js";
import { fillTemplate } from "../new-meeting/fill-template.js";
import { frontMatterSchema } from "../parse/front-matter-schema.js";
import { packageName, version } from "../version.js";
import { exampleWord, meetingTemplate, meetingWord, type InitLanguage } from "../i18n/sample-meeting.js";

export { initLanguages, type InitLanguage } from "../i18n/sample-meeting.js";

export interface ScaffoldOptions {
  language: InitLanguage;
  /** The first meeting's date, YYYY-MM-DD. */
  date: string;
}

/**
 * The Node both workflows set up: 24, the maintained LTS supported longest (to April 2028; 22 ends in
 * April 2027), and one of the versions the packed package is tested on. A fixed major rather than
 * 'lts/*', so a new LTS cannot change a repository's CI before minutes is tested on it.
 */
const nodeMajor = 24;
/** The line that installs this very version of minutes: the scaffold and its CI stay in step. */
const installLine = `npm install --global ${packageName}@${version}`;

/** Where meetings live in a scaffolded repository, and where the site is built. */
const meetingsFolder = "minutes";
const siteFolder = "dist";
const templatePath = ".minutes/template.md";

/** The comments of the config file and the .gitignore, in the repository's language. */
const comments: Record<InitLanguage, { settings: string; meetings: string; strict: string; ignore: string }> = {
  en: {
    settings: "Settings for every meeting in this repository.",
    meetings: "`minutes new` writes each meeting to {folder}/<year>/<date>-{word}.md, from this template.",
    strict:
      "missing: check and build fail, here and on CI, while a document lacks something (an unknown key, a placeholder or example value left, an action with no responsible). true: every warning fails; false: none.",
    ignore: "Built documents: CI builds and publishes them, so they stay out of the repository.",
  },
  fr: {
    settings: "Réglages de toutes les réunions de ce dépôt.",
    meetings: "`minutes new` écrit chaque réunion dans {folder}/<année>/<date>-{word}.md, à partir de ce modèle.",
    strict:
      "missing : check et build échouent, ici et en CI, tant qu'il manque quelque chose à un document (une clé inconnue, un champ ou un exemple à remplacer, une action sans responsable). true : tout avertissement échoue ; false : aucun.",
    ignore: "Documents construits : la CI les construit et les publie, ils restent donc hors du dépôt.",
  },
  es: {
    settings: "Ajustes de todas las reuniones de este repositorio.",
    meetings: "`minutes new` escribe cada reunión en {folder}/<año>/<fecha>-{word}.md, a partir de esta plantilla.",
    strict:
      "missing: check y build fallan, aquí y en la CI, mientras a un documento le falte algo (una clave desconocida, un marcador o ejemplo por sustituir, una acción sin responsable). true: toda advertencia falla; false: ninguna.",
    ignore: "Documentos generados: la CI los genera y los publica, así que quedan fuera del repositorio.",
  },
  pt: {
    settings: "Definições de todas as reuniões deste repositório.",
    meetings: "`minutes new` escreve cada reunião em {folder}/<ano>/<data>-{word}.md, a partir deste modelo.",
    strict:
      "missing: check e build falham, aqui e na CI, enquanto faltar algo a um documento (uma chave desconhecida, um marcador ou exemplo por substituir, uma ação sem responsável). true: qualquer aviso falha; false: nenhum.",
    ignore: "Documentos gerados: a CI gera-os e publica-os, por isso ficam fora do repositório.",
  },
  de: {
    settings: "Einstellungen für alle Sitzungen dieses Repositorys.",
    meetings: "`minutes new` schreibt jede Sitzung nach {folder}/<Jahr>/<Datum>-{word}.md, aus dieser Vorlage.",
    strict:
      "missing: check und build schlagen fehl, hier und in der CI, solange einem Dokument etwas fehlt (ein unbekannter Schlüssel, ein Platzhalter oder Beispielwert, eine Aufgabe ohne Verantwortliche). true: jede Warnung schlägt fehl; false: keine.",
    ignore: "Erzeugte Dokumente: die CI erzeugt und veröffentlicht sie, daher bleiben sie außerhalb des Repositorys.",
  },
};

function configFile(language: InitLanguage): string {
  const c = comments[language];
  return `# ${c.settings}
# yaml-language-server: $schema=.minutes/config.schema.json
language: ${language}
formats: [docx, pdf]
# ${c.meetings.replace("{folder}", meetingsFolder).replace("{word}", meetingWord(language))}
meetings: ${meetingsFolder}
template: ${templatePath}
# ${c.strict}
strict: missing
`;
}

/** What .gitignore must hold: the site folders the workflows build, and documents built beside their Markdown. */
export const ignoredOutputs = [`${siteFolder}/`, "public/", "*.pdf", "*.docx"] as const;

function gitignore(language: InitLanguage): string {
  return `# ${comments[language].ignore}\n${ignoredOutputs.join("\n")}\n`;
}

// Each action at a version tag, at the first major that runs on GitHub's Node 24 action runtime (GitHub
// deprecated Node 20 actions in 2025 and runs them on Node 24 since June 2026). test/scaffold-workflows.test.ts checks the tags.
function githubWorkflow(): string {
  return `# Checks the minutes, builds DOCX + PDF and the index page, and publishes them.
# The PDFs are uploaded as an artifact on every run, and to GitHub Pages from the main branch
# (Settings → Pages → Source: GitHub Actions).
name: minutes
on:
  push:
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version: ${nodeMajor}
      - run: ${installLine}
      - run: minutes check ${meetingsFolder}
      - run: minutes build ${meetingsFolder} --out ${siteFolder}
      - uses: actions/upload-artifact@v6
        with:
          name: minutes
          path: |
            ${siteFolder}/**/*.pdf
            ${siteFolder}/**/*.docx
      - uses: actions/upload-pages-artifact@v5
        if: github.ref == 'refs/heads/main'
        with:
          path: ${siteFolder}
  pages:
    if: github.ref == 'refs/heads/main'
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
`;
}

function gitlabCi(): string {
  return `# Checks the minutes, builds DOCX + PDF and the index page; the "pages" job publishes them on
# GitLab Pages from the default branch, and keeps the PDFs as job artifacts.
image: node:${nodeMajor}
stages: [check, build]
before_script:
  - ${installLine}
check:
  stage: check
  script:
    - minutes check ${meetingsFolder}
pages:
  stage: build
  script:
    - minutes build ${meetingsFolder} --out public
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
build:
  stage: build
  script:
    - minutes build ${meetingsFolder} --out ${siteFolder}
  artifacts:
    paths: ["${siteFolder}/**/*.pdf", "${siteFolder}/**/*.docx"]
  rules:
    - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH
`;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The file that may already exist (a repository made on GitHub has one): init adds its lines to it. */
export const mergedFile = ".gitignore";

/** Relative path → contents, in the order they are written. */
export function scaffoldFiles(options: ScaffoldOptions): [string, string][] {
  const template = meetingTemplate(options.language);
  return [
    ["minutes.config.yaml", configFile(options.language)],
    [mergedFile, gitignore(options.language)],
    [templatePath, template],
    [samplePath(options), fillTemplate(template, { date: options.date })],
    [
      ".minutes/minutes.schema.json",
      json({
        title: "minutes front matter",
        ...z.toJSONSchema(frontMatterSchema, { io: "input", unrepresentable: "any" }),
      }),
    ],
    [
      ".minutes/config.schema.json",
      json({ title: "minutes.config.yaml", ...z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }) }),
    ],
    [
      ".vscode/settings.json",
      json({ "yaml.schemas": { "./.minutes/config.schema.json": ["minutes.config.yaml", "minutes.config.yml"] } }),
    ],
    [".github/workflows/minutes.yml", githubWorkflow()],
    [".gitlab-ci.yml", gitlabCi()],
  ];
}

/** Where `init` puts the sample meeting: minutes/<year>/<date>-example.md, in the repository's language. */
export function samplePath(options: { language: InitLanguage; date: string }): string {
  return `${meetingsFolder}/${options.date.slice(0, 4)}/${options.date}-${exampleWord(options.language)}.md`;
}
