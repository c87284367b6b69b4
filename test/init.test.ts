// `minutes init`: the scaffold builds as it is, with the commands its own CI workflows run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { frontMatterSchema } from "../src/parse/front-matter-schema.js";
import { tempDir } from "./helpers/minutes-repo.js";
import { itWithTools, pdfText } from "./helpers/tools.js";

const bin = join(process.cwd(), "bin/minutes.js");
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd, env: { ...process.env, CI: "true" } });

/** The `minutes …` commands a workflow file runs, in order. */
function minutesCommands(workflow: string): string[][] {
  return [...workflow.matchAll(/^\s*-\s*(?:run:\s*)?minutes (.+)$/gm)].map((m) => m[1]!.trim().split(/\s+/));
}

describe("minutes init", () => {
  const dir = tempDir("init");
  const r = cli(dir, "init", ".", "--language", "fr", "--date", "2025-01-15");

  it("writes the config, template, first meeting, schemas, editor settings and CI files", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const path of ["minutes.config.yaml", ".minutes/template.md", "minutes/2025/2025-01-15-meeting.md", ".minutes/minutes.schema.json", ".minutes/config.schema.json", ".vscode/settings.json", ".github/workflows/minutes.yml", ".gitlab-ci.yml"]) {
      expect(existsSync(join(dir, path)), path).toBe(true);
    }
    const settings = JSON.parse(readFileSync(join(dir, ".vscode/settings.json"), "utf8")) as { "yaml.schemas": Record<string, string[]> };
    for (const schema of Object.keys(settings["yaml.schemas"])) expect(existsSync(join(dir, schema)), schema).toBe(true);
    const schema = JSON.parse(readFileSync(join(dir, ".minutes/minutes.schema.json"), "utf8")) as { required: string[]; properties: object };
    expect(schema.required).toEqual(["title", "date"]);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(frontMatterSchema.shape));
  });

  it("writes CI files that are YAML, with the check, build and publish steps", () => {
    const github = readFileSync(join(dir, ".github/workflows/minutes.yml"), "utf8");
    const gitlab = readFileSync(join(dir, ".gitlab-ci.yml"), "utf8");
    const gh = parse(github) as { jobs: { build: { steps: { uses?: string }[] }; pages: object } };
    expect(gh.jobs.build.steps.map((s) => s.uses).filter(Boolean)).toEqual(["actions/checkout@v5", "actions/setup-node@v5", "actions/upload-artifact@v6", "actions/upload-pages-artifact@v5"]);
    expect(gh.jobs.pages).toBeDefined();
    expect((parse(gitlab) as { pages: { artifacts: { paths: string[] } } }).pages.artifacts.paths).toEqual(["public"]);
    expect(minutesCommands(github)).toEqual([["check", "minutes"], ["build", "minutes", "--out", "dist"]]);
  });

  it("the workflows' own commands succeed on the scaffold and publish the index", () => {
    for (const workflow of [".github/workflows/minutes.yml", ".gitlab-ci.yml"]) {
      for (const args of minutesCommands(readFileSync(join(dir, workflow), "utf8"))) {
        const run = cli(dir, ...args);
        expect(run.status, `${workflow}: minutes ${args.join(" ")}\n${run.stderr}`).toBe(0);
        // The repository is French, so are its messages (config `language: fr`).
        expect(run.stderr, args.join(" ")).not.toMatch(/: (warning|error|avertissement|erreur):/);
      }
    }
    for (const site of ["dist", "public"]) {
      expect(existsSync(join(dir, site, "2025/2025-01-15-meeting.pdf"))).toBe(true);
      expect(existsSync(join(dir, site, "2025/2025-01-15-meeting.docx"))).toBe(true);
      const index = JSON.parse(readFileSync(join(dir, site, "index.json"), "utf8")) as { meetings: { title: string; openActions: number }[] };
      // The template itself (.minutes/template.md) is not a meeting.
      expect(index.meetings).toEqual([expect.objectContaining({ title: "Compte-rendu de la réunion du Comité de pilotage", openActions: 1 })]);
    }
  });

  itWithTools("pdftotext")("the first meeting reads as a French compte-rendu", () => {
    const text = pdfText(join(dir, "dist/2025/2025-01-15-meeting.pdf"));
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

  it("scaffolds an English repository that checks cleanly", () => {
    const en = tempDir("init-en");
    expect(cli(en, "init", "repo").status).toBe(0);
    const check = cli(join(en, "repo"), "check", "minutes");
    expect(check.status).toBe(0);
    expect(check.stderr).toContain("0 errors, 0 warnings");
  });
});
