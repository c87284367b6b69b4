// The files `minutes init` writes: config, a first meeting from the template, the editor schema
// settings, and CI workflows for GitHub (Actions + Pages) and GitLab (Pages). Pure: returns contents.
import { z } from "zod";
import { configSchema } from "../config/config.js";
import { frontMatterSchema } from "../parse/front-matter-schema.js";
import { packageName, version } from "../version.js";

export type InitLanguage = "en" | "fr";

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

const texts = {
  en: {
    title: "Steering Committee — Minutes", organisation: "Your organisation", location: "Room A", opening: "Opening", openingText: "The chair opened the meeting and welcomed the participants.",
    item1: "Approval of the previous minutes", discussion: "Key discussion points", decisions: "Decisions", actions: "Action items", point: "The minutes of the previous meeting were read.", decided: "The minutes are approved.",
    head: "| Action | Responsible | Deadline | Status |", row: "| Circulate the approved minutes | Secretariat | {{deadline}} | Open |", item2: "Any other business", none: "N/A", chair: "Chair's name", secretary: "Secretary's name (Secretariat)", attendee: "First attendee (Organisation)",
  },
  fr: {
    title: "Compte-rendu de la réunion du Comité de pilotage", organisation: "Votre organisation", location: "Salle A", opening: "Ouverture", openingText: "La présidence ouvre la séance et souhaite la bienvenue aux participants.",
    item1: "Adoption du compte-rendu précédent", discussion: "Points de discussion clés", decisions: "Décisions", actions: "Points d'action", point: "Le compte-rendu de la réunion précédente est relu.", decided: "Le compte-rendu est adopté.",
    head: "| Point d'action | Responsable | Date limite | Statut |", row: "| Diffuser le compte-rendu adopté | Secrétariat | {{deadline}} | Ouvert |", item2: "Divers", none: "N/A", chair: "Nom de la présidence", secretary: "Nom du secrétariat (Secrétariat)", attendee: "Premier participant (Organisation)",
  },
};

/** The meeting template, with {{date}} and {{deadline}} placeholders. */
function meetingTemplate(language: InitLanguage): string {
  const t = texts[language];
  return `---
title: "${t.title}"
date: {{date}}
organisation: ${t.organisation}
time: "10:00-11:30"
location: ${t.location}
language: ${language}
chair: ${t.chair}
secretary: ${t.secretary}
attendees:
  - ${t.attendee}
---

## ${t.opening} {-}

${t.openingText}

## 1. ${t.item1}

### ${t.discussion}

- ${t.point}

### ${t.decisions}

- ${t.decided}

### ${t.actions}

${t.head}
|---|---|---|---|
${t.row}

## 2. ${t.item2}

### ${t.actions}

${t.none}
`;
}

function fillTemplate(template: string, date: string): string {
  const deadline = new Date(Date.parse(`${date}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  return template.replaceAll("{{date}}", date).replaceAll("{{deadline}}", deadline);
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

/** Relative path → contents, in the order they are written. */
export function scaffoldFiles(options: ScaffoldOptions): [string, string][] {
  const template = meetingTemplate(options.language);
  return [
    ["minutes.config.yaml", `# Settings for every meeting in this repository.\n# yaml-language-server: $schema=.minutes/config.schema.json\nlanguage: ${options.language}\nformats: [docx, pdf]\nstrict: false\n`],
    [templatePath, template],
    [`${meetingsFolder}/${options.date.slice(0, 4)}/${options.date}-meeting.md`, fillTemplate(template, options.date)],
    [".minutes/minutes.schema.json", json({ title: "minutes front matter", ...z.toJSONSchema(frontMatterSchema, { io: "input", unrepresentable: "any" }) })],
    [".minutes/config.schema.json", json({ title: "minutes.config.yaml", ...z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }) })],
    [".vscode/settings.json", json({ "yaml.schemas": { "./.minutes/config.schema.json": ["minutes.config.yaml", "minutes.config.yml"] } })],
    [".github/workflows/minutes.yml", githubWorkflow()],
    [".gitlab-ci.yml", gitlabCi()],
  ];
}
