// `minutes init`: the scaffold builds as it is, with the commands its own CI workflows run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { frontMatterSchema } from "../src/parse/front-matter-schema.js";
import { fillInSample } from "./helpers/clerk.js";
import { tempDir } from "./helpers/minutes-repo.js";
import { itWithTools, pdfText, plainCliEnv } from "./helpers/tools.js";

const bin = join(process.cwd(), "bin/minutes.js");
const cli = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd, env: { ...plainCliEnv(), CI: "true" } });

/** The `minutes …` commands a workflow file runs, in order. */
function minutesCommands(workflow: string): string[][] {
  return [...workflow.matchAll(/^\s*-\s*(?:run:\s*)?minutes (.+)$/gm)].map((m) => m[1]!.trim().split(/\s+/));
}

describe("minutes init", () => {
  const dir = tempDir("init");
  const r = cli(dir, "init", ".", "--language", "fr", "--date", "2025-01-15");

  it("writes the config, .gitignore, template, first meeting (named in the repo's language), schemas, editor settings and CI files", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const path of [
      "minutes.config.yaml",
      ".gitignore",
      ".minutes/template.md",
      "minutes/2025/2025-01-15-exemple.md",
      ".minutes/minutes.schema.json",
      ".minutes/config.schema.json",
      ".vscode/settings.json",
      ".github/workflows/minutes.yml",
      ".gitlab-ci.yml",
    ]) {
      expect(existsSync(join(dir, path)), path).toBe(true);
    }
    const settings = JSON.parse(readFileSync(join(dir, ".vscode/settings.json"), "utf8")) as {
      "yaml.schemas": Record<string, string[]>;
    };
    for (const schema of Object.keys(settings["yaml.schemas"]))
      expect(existsSync(join(dir, schema)), schema).toBe(true);
    const schema = JSON.parse(readFileSync(join(dir, ".minutes/minutes.schema.json"), "utf8")) as {
      required: string[];
      properties: object;
    };
    expect(schema.required).toEqual(["title", "date"]);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(frontMatterSchema.shape));
  });

  it("writes CI files that are YAML, with the check, build and publish steps", () => {
    const github = readFileSync(join(dir, ".github/workflows/minutes.yml"), "utf8");
    const gitlab = readFileSync(join(dir, ".gitlab-ci.yml"), "utf8");
    const gh = parse(github) as { jobs: { build: { steps: { uses?: string }[] }; pages: object } };
    expect(gh.jobs.build.steps.map((s) => s.uses).filter(Boolean)).toEqual([
      "actions/checkout@v5",
      "actions/setup-node@v5",
      "actions/upload-artifact@v6",
      "actions/upload-pages-artifact@v5",
    ]);
    expect(gh.jobs.pages).toBeDefined();
    expect((parse(gitlab) as { pages: { artifacts: { paths: string[] } } }).pages.artifacts.paths).toEqual(["public"]);
    expect(minutesCommands(github)).toEqual([
      ["check", "minutes"],
      ["build", "minutes", "--out", "dist"],
    ]);
  });

  it("its config names the meetings folder and the template, and fails CI on what is missing from a document", () => {
    const config = parse(readFileSync(join(dir, "minutes.config.yaml"), "utf8")) as Record<string, unknown>;
    expect(config).toEqual({
      language: "fr",
      formats: ["docx", "pdf"],
      meetings: "minutes",
      template: ".minutes/template.md",
      strict: "missing",
    });
    expect(
      readFileSync(join(dir, ".gitignore"), "utf8")
        .split("\n")
        .filter((l) => l && !l.startsWith("#")),
    ).toEqual(["dist/", "public/", "*.pdf", "*.docx"]);
  });

  it("the sample's example values fail the workflows' check until they are replaced, naming each at its line", () => {
    // Messages speak the repository's language (the config's `language: fr`).
    const check = cli(dir, "check", "minutes");
    expect(check.status).toBe(1);
    const found = [...check.stderr.matchAll(/^(\S+):(\d+):(\d+): erreur: .* \[(placeholder-left)\]$/gm)].map(
      (m) => `${m[1]}:${m[2]} ${m[4]}`,
    );
    expect(found).toEqual([
      "minutes/2025/2025-01-15-exemple.md:4 placeholder-left",
      "minutes/2025/2025-01-15-exemple.md:8 placeholder-left",
      "minutes/2025/2025-01-15-exemple.md:9 placeholder-left",
      "minutes/2025/2025-01-15-exemple.md:11 placeholder-left",
    ]);
    expect(check.stderr).toContain("Premier participant (Organisation)");
  });

  it("the workflows' own commands succeed on the filled-in scaffold and publish the index", () => {
    fillInSample(dir);
    for (const workflow of [".github/workflows/minutes.yml", ".gitlab-ci.yml"]) {
      for (const args of minutesCommands(readFileSync(join(dir, workflow), "utf8"))) {
        const run = cli(dir, ...args);
        expect(run.status, `${workflow}: minutes ${args.join(" ")}\n${run.stderr}`).toBe(0);
        // The repository is French, so are its messages (config `language: fr`).
        expect(run.stderr, args.join(" ")).not.toMatch(/: (warning|error|avertissement|erreur):/);
      }
    }
    for (const site of ["dist", "public"]) {
      expect(existsSync(join(dir, site, "2025/2025-01-15-exemple.pdf"))).toBe(true);
      expect(existsSync(join(dir, site, "2025/2025-01-15-exemple.docx"))).toBe(true);
      const index = JSON.parse(readFileSync(join(dir, site, "index.json"), "utf8")) as {
        meetings: { title: string; openActions: number }[];
      };
      // The template itself (.minutes/template.md) is not a meeting.
      expect(index.meetings).toEqual([
        expect.objectContaining({ title: "Compte-rendu de la réunion du Comité de pilotage", openActions: 1 }),
      ]);
    }
  });

  itWithTools("pdftotext")("the first meeting reads as a French compte-rendu", () => {
    const text = pdfText(join(dir, "dist/2025/2025-01-15-exemple.pdf"));
    expect(text).toContain("mercredi 15 janvier 2025");
    expect(text).toContain("Diffuser le compte-rendu adopté");
    expect(text).toMatch(/29\/01\/2025|29 janvier 2025|2025-01-29/);
  });

  it("refuses to overwrite: with one existing file it writes nothing and exits 1", () => {
    const other = tempDir("init-again");
    writeFileSync(join(other, ".gitlab-ci.yml"), "mine\n");
    const again = cli(other, "init");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(".gitlab-ci.yml");
    expect(readFileSync(join(other, ".gitlab-ci.yml"), "utf8")).toBe("mine\n");
    expect(existsSync(join(other, "minutes.config.yaml"))).toBe(false);
  });

  it("scaffolds a repository in each language that checks cleanly once its examples are replaced", () => {
    for (const [language, word] of [
      ["en", "example"],
      ["es", "ejemplo"],
      ["pt", "exemplo"],
      ["de", "beispiel"],
    ] as const) {
      const root = tempDir(`init-${language}`);
      expect(cli(root, "init", "repo", "--language", language, "--date", "2025-01-15").status).toBe(0);
      const repo = join(root, "repo");
      expect(existsSync(join(repo, `minutes/2025/2025-01-15-${word}.md`)), language).toBe(true);
      expect(cli(repo, "check", "minutes", "--lang", "en").stderr, language).toContain("4 errors, 0 warnings");
      fillInSample(repo);
      const check = cli(repo, "check", "minutes", "--lang", "en");
      expect(check.stderr, language).toContain("0 errors, 0 warnings");
      expect(check.status).toBe(0);
    }
  });

  it("adds its lines to a .gitignore that exists, keeping what it holds", () => {
    const repo = tempDir("init-gitignore");
    writeFileSync(join(repo, ".gitignore"), "node_modules/\n*.pdf\n");
    const run = cli(repo, "init", ".", "--language", "en");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("added to .gitignore: dist/ public/ *.docx");
    expect(readFileSync(join(repo, ".gitignore"), "utf8")).toBe(
      "node_modules/\n*.pdf\n\n# Built documents: CI builds and publishes them, so they stay out of the repository.\ndist/\npublic/\n*.docx\n",
    );
  });
});
