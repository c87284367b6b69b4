// The CI that `minutes init` writes and the repository's GitHub Action (action.yml) install our package and
// nothing else: `markdown-minutes` at package.json's exact version (the npm name `minutes` is someone
// else's), with every action pinned to a version tag. The action's inputs reach the shell as data.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { packageName } from "../src/version.js";
import { fillInSample } from "./helpers/clerk.js";
import { tempDir } from "./helpers/minutes-repo.js";
import { foreignPackages, githubSteps, shellScripts, unpinnedActions } from "./helpers/workflow-steps.js";

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
const ours = `${pkg.name}@${pkg.version}`;

// The bundle's `minutes init`, whose version is package.json's (the sources say 0.0.0-dev).
const repo = tempDir("scaffold-ci");
const init = spawnSync(
  process.execPath,
  [join(root, "bin/minutes.js"), "init", ".", "--language", "en", "--date", "2025-01-15"],
  { cwd: repo, encoding: "utf8" },
);
const github = readFileSync(join(repo, ".github/workflows/minutes.yml"), "utf8");
const gitlab = readFileSync(join(repo, ".gitlab-ci.yml"), "utf8");
const actionText = readFileSync(join(root, "action.yml"), "utf8");

describe("the package name", () => {
  it("is package.json's, in the sources and the published files", () => {
    expect(init.status, init.stderr).toBe(0);
    expect(packageName).toBe(pkg.name);
    expect(pkg.name).toBe("markdown-minutes");
  });

  it("names the current version wherever the docs pin it, and nowhere the other package 'minutes'", () => {
    const docs = [
      "README.md",
      "action.yml",
      ...readdirSync(join(root, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    ];
    const problems: string[] = [];
    for (const file of docs) {
      const text = readFileSync(join(root, file), "utf8");
      for (const m of text.matchAll(/markdown-minutes@v?(\d[\w.-]*)/g))
        if (m[1]!.replace(/\.$/, "") !== pkg.version) problems.push(`${file}: ${m[0]}`);
      // `minutes@1.0`, `from "minutes"`, `npx minutes …` would all reach the unrelated npm package.
      for (const m of text.matchAll(
        /(?<![\w-])minutes@\S*|from ["']minutes["']|\b(?:npx|npm exec|pnpm dlx|yarn dlx|bunx)\s+(?:--?[\w-]+\s+)*minutes\b/g,
      ))
        problems.push(`${file}: ${m[0]}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("the scaffolded workflows", () => {
  it("install no npm package but ours, at this exact version, each install on a line of its own", () => {
    for (const [file, text] of [
      ["github", github],
      ["gitlab", gitlab],
    ] as const) {
      const scripts = shellScripts(text);
      const installs = scripts.filter((s) => s.includes("npm install"));
      expect(installs.length, file).toBeGreaterThan(0);
      expect(
        installs.map((s) => s.trim()),
        file,
      ).toEqual(installs.map(() => `npm install --global ${ours}`));
      expect(foreignPackages(scripts, pkg.name, pkg.version), file).toEqual([]);
    }
  });

  it("pin every action to a version tag, set up a maintained Node, and write no ${{ }} into a shell step", () => {
    const steps = githubSteps(github);
    expect(steps.filter((s) => s.uses).length).toBeGreaterThan(3);
    expect(unpinnedActions(steps)).toEqual([]);
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with?.["node-version"]).toBe(24);
    expect((parse(gitlab) as { image: string }).image).toBe("node:24");
    expect(shellScripts(github).filter((s) => s.includes("${{"))).toEqual([]);
  });

  it("the checkers find what a bad workflow installs or runs, and actions not pinned", () => {
    const bad = `jobs:
  build:
    steps:
      - uses: actions/checkout@main
      - uses: actions/setup-node
      - uses: someone/action@0123456789abcdef0123456789abcdef01234567
      - uses: actions/upload-artifact@v6.1
      - run: npm install --global minutes@${pkg.version}
      - run: npm i -g ${pkg.name}@latest && npx cowsay hello
      - run: |
          sudo npm install --global ${ours} left-pad
          pnpm dlx create-thing my-app; yarn global add serve
          bunx prettier --write . | tee log
          npm exec --package=other -- tool
          npx -p ${ours} minutes check minutes
          npm install --registry https://registry.example ${ours}
          env CI=1 npm add \\
            lodash
          pnpm add ${ours}
          npm ci
`;
    expect(unpinnedActions(githubSteps(bad))).toEqual(["actions/checkout@main", "actions/setup-node"]);
    expect(foreignPackages(shellScripts(bad), pkg.name, pkg.version)).toEqual([
      `minutes@${pkg.version}`,
      `${pkg.name}@latest`,
      "cowsay",
      "left-pad",
      "create-thing",
      "serve",
      "prettier",
      "other",
      "--registry https://registry.example",
      "lodash",
    ]);
    const badGitlab = `image: node:24\nbefore_script:\n  - npm install --global ${ours}\njob:\n  script:\n    - npx minutes build minutes\n  after_script:\n    - "yarn dlx 'some-tool@1'"\n`;
    expect(foreignPackages(shellScripts(badGitlab), pkg.name, pkg.version)).toEqual(["minutes", "some-tool@1"]);
  });
});

type Input = { default?: string };
const action = parse(actionText) as {
  inputs: Record<string, Input>;
  runs: {
    using: string;
    steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[];
  };
};

/**
 * Runs the action's shell steps as the runner would (bash -eo pipefail, `${{ inputs.x }}` in `env:` given
 * the input or its default), with `npm` and `minutes` replaced by programs that log their arguments, one per line.
 */
function runAction(
  inputs: Record<string, string>,
  options: { minutes?: string; cwd?: string } = {},
): { status: number | null; stdout: string; npm: string[][]; minutes: string[][]; cwd: string } {
  const logs = tempDir("action");
  const cwd = options.cwd ?? logs;
  const bin = join(logs, "bin");
  mkdirSync(bin);
  const logger = (name: string) =>
    `#!/bin/sh\n{ for a in "$@"; do printf '%s\\n' "$a"; done; echo ---; } >> "${join(logs, name)}.log"\n`;
  writeFileSync(join(bin, "npm"), logger("npm"));
  writeFileSync(join(bin, "minutes"), options.minutes ?? logger("minutes"));
  for (const name of ["npm", "minutes"]) chmodSync(join(bin, name), 0o755);
  const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? "";
  let stdout = "";
  let status: number | null = 0;
  for (const step of action.runs.steps.filter((s) => s.run)) {
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [
        k,
        v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => value(name)),
      ]),
    );
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env },
    });
    stdout += r.stdout + r.stderr;
    status = r.status;
    if (status !== 0) break;
  }
  return { status, stdout, npm: calls(logs, "npm"), minutes: calls(logs, "minutes"), cwd };
}

function calls(dir: string, name: string): string[][] {
  const log = join(dir, `${name}.log`);
  return existsSync(log)
    ? readFileSync(log, "utf8")
        .split("---\n")
        .slice(0, -1)
        .map((c) => c.split("\n").slice(0, -1))
    : [];
}

describe("the GitHub Action (action.yml)", () => {
  it("is a composite action whose defaults install this package's own version under a maintained Node", () => {
    expect(action.runs.using).toBe("composite");
    // A release that bumps package.json must bump the action's default too.
    expect(action.inputs.version?.default).toBe(pkg.version);
    expect(action.inputs["node-version"]?.default).toBe("24");
    expect(Object.keys(action.inputs).sort()).toEqual([
      "check",
      "format",
      "node-version",
      "out",
      "paths",
      "shard",
      "theme",
      "version",
    ]);
    expect(unpinnedActions(action.runs.steps)).toEqual([]);
    expect(action.runs.steps[0]?.uses).toMatch(/^actions\/setup-node@/);
    expect(action.runs.steps[0]?.with?.["node-version"]).toBe("${{ inputs.node-version }}");
    // Inputs reach the scripts through env: only.
    expect(action.runs.steps.filter((s) => s.run?.includes("${{"))).toEqual([]);
  });

  it("with the defaults, installs our pinned package, checks, then builds minutes into dist", () => {
    const r = runAction({});
    expect(r.status, r.stdout).toBe(0);
    expect(r.npm).toEqual([["install", "--global", "--no-audit", "--no-fund", ours]]);
    expect(
      foreignPackages(
        shellScripts(actionText).map((s) => s.replaceAll("$INPUT_VERSION", pkg.version)),
        pkg.name,
        pkg.version,
      ),
    ).toEqual([]);
    expect(r.minutes).toEqual([
      ["check", "--", "minutes"],
      ["build", "--out", "dist", "--", "minutes"],
    ]);
  });

  it("passes every input as one argument, adds optional flags only when given, and runs nothing an input says", () => {
    const r = runAction({
      paths: "minutes/2025\n  Comité de pilotage/*.md  \n\n",
      out: "site",
      format: "pdf",
      theme: "$(touch pwned) `touch pwned2`; touch pwned3",
      shard: "1/2",
      check: "false",
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.minutes).toEqual([
      [
        "build",
        "--theme",
        "$(touch pwned) `touch pwned2`; touch pwned3",
        "--out",
        "site",
        "--format",
        "pdf",
        "--shard",
        "1/2",
        "--",
        "minutes/2025",
        "Comité de pilotage/*.md",
      ],
    ]);
    expect(readdirSync(r.cwd).filter((f) => f.startsWith("pwned"))).toEqual([]);
    expect(runAction({ out: "", theme: "compte-rendu" }).minutes).toEqual([
      ["check", "--theme", "compte-rendu", "--", "minutes"],
      ["build", "--theme", "compte-rendu", "--", "minutes"],
    ]);
  });

  it("refuses a version that is not exact, and a check that is not true or false, before running anything", () => {
    const version = runAction({ version: "latest; touch pwned" });
    expect(version.status).toBe(1);
    expect(version.stdout).toContain("::error title=markdown-minutes::version must be an exact version such as 1.2.3");
    expect(version.npm).toEqual([]);
    const check = runAction({ check: "yes" });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("check must be true or false, not 'yes'");
    expect(check.minutes).toEqual([]);
    expect(runAction({ paths: " \n" }).stdout).toContain("paths is empty");
  });

  it("builds a scaffolded repository with the real command: PDFs, DOCX and the index page, whose generator names the package", () => {
    const real = `#!/bin/sh\nexec "${process.execPath}" "${join(root, "bin/minutes.js")}" "$@"\n`;
    // The sample's example values fail the check (strict: missing) until the clerk replaces them.
    expect(runAction({}, { minutes: real, cwd: repo }).status).toBe(1);
    fillInSample(repo);
    const r = runAction({}, { minutes: real, cwd: repo });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain("0 errors, 0 warnings");
    for (const file of ["2025/2025-01-15-example.pdf", "2025/2025-01-15-example.docx", "index.html"])
      expect(existsSync(join(repo, "dist", file)), file).toBe(true);
    expect(readFileSync(join(repo, "dist/index.html"), "utf8")).toContain(
      `<meta name="generator" content="${pkg.name} ${pkg.version}">`,
    );
  });
});
