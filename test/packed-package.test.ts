// The published package, tested as users get it: `npm pack`, installed globally into a fresh prefix with
// install scripts off, then run under every Node version we claim (this one, and the official binaries
// of scripts/node-versions.json that scripts/fetch-nodes.mjs puts in .cache/node/; .ci/run fetches them).
// Under each: --version, a build of the seed, the fast start made on first use, `minutes init`, and the
// shell steps of the scaffolded GitHub and GitLab workflows, read out of their YAML and run as written
// (only the install line is pointed at the local tarball).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fillInSample } from "./helpers/clerk.js";
import { pdfText, useTools } from "./helpers/tools.js";
import { githubSteps, shellScripts } from "./helpers/workflow-steps.js";

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
};
const { versions } = JSON.parse(readFileSync(join(root, "scripts/node-versions.json"), "utf8")) as {
  versions: string[];
};
const work = mkdtempSync(join(tmpdir(), "minutes-packed-"));
const prefix = join(work, "prefix");
let tarball = "";
let contents: string[] = [];

beforeAll(() => {
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], {
      cwd: root,
      encoding: "utf8",
    }),
  ) as { filename: string }[];
  tarball = join(work, packed[0]!.filename);
  contents = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((f) => f.replace(/^package\//, ""));
  execFileSync(
    "npm",
    ["install", "--global", "--prefix", prefix, "--ignore-scripts", "--no-audit", "--no-fund", tarball],
    { encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } },
  );
});

describe("the packed tarball", () => {
  it("holds the bundle, its fonts and licences, templates and examples, and no tests, sources or machine-bound snapshot", () => {
    for (const file of [
      "bin/minutes.js",
      "bin/package.json",
      "dist/launch.cjs",
      "dist/cli-main.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/batch-worker.js",
      "dist/snapshot/minutes-snapshot.cjs",
      "dist/fonts/NotoSans_400Regular.ttf",
      "dist/fonts/noto-sans-LICENSE.txt",
      "dist/fonts/shaping-tables.json",
      "dist/assets/sRGB_IEC61966_2_1.icc",
      "dist/THIRD-PARTY-LICENSES.txt",
      "templates/compte-rendu/theme.yaml",
      "examples/2022-09-23-gtm.md",
      "README.md",
      "LICENSE",
    ]) {
      expect(contents, file).toContain(file);
    }
    const unwanted = contents.filter(
      (f) =>
        /^(test|src|scripts|\.cache|\.ci|node_modules)\//.test(f) ||
        (/\.ts$/.test(f) && !f.endsWith(".d.ts")) ||
        /minutes\.blob$|made-for$/.test(f),
    );
    expect(unwanted).toEqual([]);
    const size = statSync(tarball).size;
    expect(size).toBeLessThan(8 * 1024 * 1024);
  });

  it("has no run-time dependency and no install script: the bundle holds the code", () => {
    const packed = JSON.parse(
      execFileSync("tar", ["xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
    ) as typeof pkg;
    expect(packed.name).toBe("markdown-minutes");
    expect(packed.dependencies ?? {}).toEqual({});
    for (const script of ["preinstall", "install", "postinstall"])
      expect(packed.scripts[script], script).toBeUndefined();
  });
});

/** The Node binaries to run under: this one, and each fetched one (missing: a failure on CI, a skip here). */
const nodes = [
  { version: process.versions.node, bin: process.execPath },
  ...versions.map((version) => ({ version, bin: join(root, ".cache/node", version, "bin/node") })),
];

/** Shell steps of a scaffolded workflow, in order, with the line that installs our package pointed at the tarball. */
function shellSteps(lines: string[]): string[] {
  return lines.map((step) => {
    const install = new RegExp(
      `^(\\s*)npm install --global ${pkg.name}@${pkg.version.replaceAll(".", "\\.")}\\s*$`,
      "m",
    );
    expect(step.includes("npm install") ? install.test(step) : true, step).toBe(true);
    return step.replace(
      install,
      `$1npm install --global --prefix "$MINUTES_PREFIX" --ignore-scripts --no-audit --no-fund "$MINUTES_TARBALL"`,
    );
  });
}

describe.each(nodes)("installed with install scripts off, under Node $version", ({ version, bin }) => {
  const present = existsSync(bin);
  const itNode = present || process.env.CI ? it : it.skip;
  const home = join(work, `home-${version}`);
  const env = (): NodeJS.ProcessEnv => ({
    PATH: `${dirname(bin)}:${join(prefix, "bin")}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    MINUTES_CACHE_DIR: join(home, "cache"),
    MINUTES_PREFIX: prefix,
    MINUTES_TARBALL: tarball,
    SOURCE_DATE_EPOCH: "1700000000",
    MINUTES_TRACE_START: "1",
    NO_COLOR: "1",
    npm_config_update_notifier: "false",
    // The build server has a test of its own below: the others run each command in its own process.
    MINUTES_SERVER: "0",
  });
  const minutes = (args: string[], cwd: string) =>
    spawnSync(join(prefix, "bin", "minutes"), args, { cwd, encoding: "utf8", env: env() });

  itNode("runs --version and builds the seed; the second run starts from the snapshot its first run made", async () => {
    expect(present, `${bin} is missing: run node scripts/fetch-nodes.mjs`).toBe(true);
    mkdirSync(home, { recursive: true });
    const v = minutes(["--version"], home);
    expect(v.stderr).toContain("started from the bundle");
    expect(v.stdout.trim()).toBe(pkg.version);
    const dir = mkdtempSync(join(work, `seed-${version}-`));
    copyFileSync(join(prefix, "lib/node_modules", pkg.name, "examples/2022-09-23-gtm.md"), join(dir, "seed.md"));
    const first = minutes(["build", "seed.md", "--out", "first"], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(join(dir, "first/seed.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(join(dir, "first/seed.docx")).subarray(0, 2).toString()).toBe("PK");
    if (useTools("pdftotext"))
      expect(pdfText(join(dir, "first/seed.pdf"))).toContain("Groupe de Technique sur la Migration");
    // The first runs made the snapshot in the background, into the per-user cache.
    const cache = join(home, "cache");
    const deadline = Date.now() + 100_000;
    const made = () => existsSync(cache) && readdirSync(cache).some((d) => existsSync(join(cache, d, "made-for")));
    while (!made() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(made(), "the snapshot was not made in the cache").toBe(true);
    const second = minutes(["build", "seed.md", "--out", "second"], dir);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain("started from the snapshot");
    expect(second.stderr.replaceAll("second", "first")).toBe(
      first.stderr.replace("minutes: started from the bundle\n", "minutes: started from the snapshot\n"),
    );
    for (const file of ["seed.pdf", "seed.docx"])
      expect(readFileSync(join(dir, "second", file)).equals(readFileSync(join(dir, "first", file))), file).toBe(true);
  });

  itNode("the builds after the first are built by the build server it started, with the same bytes", async () => {
    expect(present, `${bin} is missing: run node scripts/fetch-nodes.mjs`).toBe(true);
    const cache = join(home, "server-cache");
    const withServer = { ...env(), MINUTES_SERVER: "", MINUTES_CACHE_DIR: cache };
    const dir = mkdtempSync(join(work, `server-${version}-`));
    copyFileSync(join(prefix, "lib/node_modules", pkg.name, "examples/2022-09-23-gtm.md"), join(dir, "seed.md"));
    const build = (out: string, extra: NodeJS.ProcessEnv = {}) =>
      spawnSync(join(prefix, "bin", "minutes"), ["build", "seed.md", "--out", out], {
        cwd: dir,
        encoding: "utf8",
        env: { ...withServer, ...extra },
      });
    const first = build("first");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).not.toContain("built by the build server");
    const pidFile = () => {
      const identity = existsSync(cache)
        ? readdirSync(cache).find((d) => existsSync(join(cache, d, "server", "pid")))
        : undefined;
      return identity && join(cache, identity, "server", "pid");
    };
    const deadline = Date.now() + 60_000;
    while (!pidFile() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const file = pidFile();
    expect(file, "no build server started").toBeTruthy();
    const pid = Number(readFileSync(file!, "utf8"));
    try {
      const served = build("served");
      expect(served.status, served.stderr).toBe(0);
      expect(served.stderr).toContain("minutes: built by the build server");
      const alone = build("alone", { MINUTES_SERVER: "0" });
      expect(alone.stderr).not.toContain("built by the build server");
      for (const name of ["seed.pdf", "seed.docx"])
        expect(readFileSync(join(dir, "served", name)).equals(readFileSync(join(dir, "alone", name))), name).toBe(true);
      if (useTools("pdftotext"))
        expect(pdfText(join(dir, "served/seed.pdf"))).toContain("Groupe de Technique sur la Migration");
    } finally {
      process.kill(pid);
    }
  });

  itNode("writes the HTML page, imports the DOCX it built, and makes a convocation and a decision register", () => {
    expect(present, `${bin} is missing: run node scripts/fetch-nodes.mjs`).toBe(true);
    mkdirSync(home, { recursive: true });
    const dir = mkdtempSync(join(work, `new-commands-${version}-`));
    const example = join(prefix, "lib/node_modules", pkg.name, "examples/2024-03-05-steering-committee.md");
    copyFileSync(example, join(dir, "meeting.md"));
    const built = minutes(["build", "meeting.md", "--format", "docx,html"], dir);
    expect(built.status, built.stderr).toBe(0);
    const html = readFileSync(join(dir, "meeting.html"), "utf8");
    expect(html).toContain("Steering Committee");
    expect(html).toContain("@font-face");
    // Self-contained: no stylesheet, script, font or image is fetched from anywhere.
    expect(html).not.toMatch(/<(?:link|script)\b[^>]*\b(?:href|src)=["']https?:/i);
    const imported = minutes(["import", "meeting.docx", "--out", "imported"], dir);
    expect(imported.status, imported.stderr).toBe(0);
    const [file] = readdirSync(join(dir, "imported")).filter((f) => f.endsWith(".md"));
    expect(file).toMatch(/^2024-03-05-/);
    const markdown = readFileSync(join(dir, "imported", file!), "utf8");
    expect(markdown).toContain("date: 2024-03-05");
    expect(markdown).toMatch(/^## .*Budget/m);
    const agenda = minutes(["agenda", "meeting.md", "--format", "html"], dir);
    expect(agenda.status, agenda.stderr).toBe(0);
    expect(readdirSync(dir).some((f) => f.endsWith(".agenda.html"))).toBe(true);
    const decisions = minutes(["decisions", "meeting.md", "--format", "csv"], dir);
    expect(decisions.status, decisions.stderr).toBe(0);
    const csv = decisions.stdout.replace(/^\ufeff/, "");
    expect(csv.split("\n")[0]).toMatch(/^id,meeting_date,/);
    expect(csv).toContain("The draft budget is adopted");
  });

  for (const ci of ["github", "gitlab"] as const) {
    itNode(
      `runs minutes init, then the scaffolded ${ci} workflow's own shell steps, which publish the PDFs and the index`,
      () => {
        expect(present, `${bin} is missing: run node scripts/fetch-nodes.mjs`).toBe(true);
        const dir = mkdtempSync(join(work, `init-${ci}-${version}-`));
        const init = minutes(["init", "repo", "--date", "2025-01-15"], dir);
        expect(init.status, init.stderr).toBe(0);
        const repo = join(dir, "repo");
        // The sample's example values fail the workflow's check (strict: missing) until a clerk replaces them.
        fillInSample(repo);
        const file =
          ci === "github"
            ? join(repo, ".github/workflows", readdirSync(join(repo, ".github/workflows"))[0]!)
            : join(repo, ".gitlab-ci.yml");
        const yamlText = readFileSync(file, "utf8");
        const steps = shellSteps(shellScripts(yamlText));
        /** Where the upload steps take files from: folders, or globs such as dist/**\/*.pdf. */
        const uploads =
          ci === "github"
            ? githubSteps(yamlText)
                .filter((s) => /upload/.test(s.uses ?? ""))
                .flatMap((s) => s.with!.path!.trim().split("\n"))
            : Object.values(
                parse(yamlText) as Record<string, { artifacts?: { paths?: string[] }; rules?: { if?: string }[] }>,
              )
                .filter((job) => job?.artifacts && JSON.stringify(job.rules ?? "").includes("=="))
                .flatMap((job) => job.artifacts!.paths ?? []);
        expect(uploads.length).toBeGreaterThan(0);
        expect(steps.length).toBeGreaterThan(1);
        for (const step of steps) {
          const r = spawnSync("bash", ["-eo", "pipefail", "-c", step], {
            cwd: repo,
            encoding: "utf8",
            env: { ...env(), CI: "true" },
          });
          expect(r.status, `${step}\n${r.stdout}\n${r.stderr}`).toBe(0);
        }
        for (const upload of uploads.map((u) => u.trim())) {
          const wildcard = upload.indexOf("*");
          const base = join(repo, wildcard < 0 ? upload : upload.slice(0, wildcard));
          const files = readdirSync(base, { recursive: true }).map(String);
          if (wildcard >= 0) {
            const ending = upload.slice(upload.lastIndexOf("*") + 1);
            expect(files.filter((f) => f.endsWith(ending)).length, upload).toBeGreaterThan(0);
            continue;
          }
          // A published folder: the index page, and every PDF linked from it.
          expect(files).toContain("index.html");
          const pdfs = files.filter((f) => f.endsWith(".pdf"));
          expect(pdfs.length).toBeGreaterThan(0);
          const index = readFileSync(join(base, "index.html"), "utf8");
          for (const pdf of pdfs) expect(index).toContain(pdf.split(/[\\/]/).pop());
        }
      },
    );
  }
});

/** Whether `version` meets an npm engines range of the forms the lockfile holds (`>=X`, `^X`, `X.x`, `A || B`, `>=X <Y`). */
function satisfies(version: string, range: string): boolean {
  const parts = (v: string) =>
    v
      .replace(/^v/, "")
      .split(".")
      .map((n) => (/^\d+$/.test(n) ? Number(n) : 0));
  const compare = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  return range.split("||").some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~)\s+/g, "$1")
      .split(/\s+/)
      .every((c) => {
        const m = /^(>=|<=|>|<|\^|~)?(.+)$/.exec(c)!;
        const [op, v] = [m[1] ?? "", m[2]!.replace(/\.x$/, "")];
        const d = compare(version, v);
        if (op === ">=") return d >= 0;
        if (op === ">") return d > 0;
        if (op === "<=") return d <= 0;
        if (op === "<") return d < 0;
        if (op === "^") return d >= 0 && parts(version)[0] === parts(v)[0];
        if (op === "~") return d >= 0 && parts(version)[0] === parts(v)[0] && parts(version)[1] === parts(v)[1];
        return parts(version)[0] === parts(v)[0] && (v.split(".").length < 2 || parts(version)[1] === parts(v)[1]);
      }),
  );
}

describe("the Node versions we claim", () => {
  const claimed = ["20.19.0", process.versions.node, "22.13.0", ...versions, "24.0.0"];
  it("are the ones engines says, and the check can fail", () => {
    for (const v of claimed) expect(satisfies(v, pkg.engines.node), v).toBe(true);
    expect(satisfies("18.20.0", pkg.engines.node)).toBe(false);
    expect(satisfies("20.18.0", pkg.engines.node)).toBe(false);
    expect(satisfies("20.20.2", "^22 || ^24 || >=26")).toBe(false);
  });
  it("are accepted by every package npm ci installs, so it prints no engine warning", () => {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refused = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      return range
        ? claimed.filter((v) => !satisfies(v, range)).map((v) => `${path || "(root)"} wants ${range}, not ${v}`)
        : [];
    });
    expect(refused).toEqual([]);
  });
});
