// Issue 18 §1: what a build read is what decides whether it is built again. Each kind of input the world
// records (a theme from the config, from the front matter and from --theme; a font; a logo; a meeting two
// steps back in the previous: chain; a config file created above the input after the first build) is
// changed in turn, and exactly the outputs that read it are built again, in a batch and under --watch. A
// template of `minutes new`, which no build reads, rebuilds nothing. Then the issue's two scenarios,
// --explain, and the follow-up section over a chain of four meetings.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers/minutes-repo.js";
import { findConfig } from "../src/config/config.js";
import { World } from "../src/world/world.js";
import { makePng } from "./helpers/png.js";
import { itWithTools, pdfText, plainCliEnv } from "./helpers/tools.js";

const bin = resolve("bin/minutes.js");
const fonts = resolve("node_modules/@expo-google-fonts/noto-sans-mono");

function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...plainCliEnv(), CI: "true", ...env },
    timeout: 120_000,
  });
}

/** The meetings a run wrote, by name ("a", "c3"), from its "wrote …" lines. */
function written(stdout: string): string[] {
  return [...stdout.matchAll(/^wrote (.+)\.(json|pdf|docx)$/gm)]
    .map((m) => basename(m[1]!))
    .filter((n) => n !== "index")
    .sort();
}

function meeting(title: string, date: string, front = "", body = "Text.\n"): string {
  return `---\ntitle: ${title}\ndate: ${date}\nattendees: [Ana, Ben]\n${front}---\n\n## 1. Point\n\n${body}`;
}

const action = (id: string, text: string, due: string): string =>
  `| Action | Owner | Due |\n|---|---|---|\n| ${text} {#${id}} | Ana | ${due} |\n`;

function write(path: string, text: string | Uint8Array): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

/**
 * A repository: a config naming theme cfg; a.md (config theme), b.md (front-matter theme fm, with a font and
 * a logo), the chain c1 ← c2 ← c3, and deep/sub/d.md; themes/flag for --theme; a template for minutes new.
 */
function repository(): string {
  const dir = tempDir("world");
  mkdirSync(join(dir, ".git"));
  write(join(dir, "minutes.config.yaml"), "theme: themes/cfg\nformats: [json]\ntemplate: templates/meeting.md\n");
  write(join(dir, "themes/cfg/theme.yaml"), 'name: cfg\ncolors:\n  primary: "112233"\n');
  write(
    join(dir, "themes/fm/theme.yaml"),
    "name: fm\nfonts:\n  body: { family: Mono, regular: body.ttf }\nlogo:\n  file: logo.png\n  alt: Logo\n",
  );
  copyFileSync(join(fonts, "400Regular/NotoSansMono_400Regular.ttf"), join(dir, "themes/fm/body.ttf"));
  write(join(dir, "themes/fm/logo.png"), makePng(8, 4));
  write(join(dir, "themes/flag/theme.yaml"), "name: flag\n");
  write(join(dir, "templates/meeting.md"), "---\ntitle: {{title}}\ndate: {{date}}\n---\n\n## 1. Point\n");
  write(join(dir, "minutes/a.md"), meeting("A", "2024-01-10"));
  write(join(dir, "minutes/b.md"), meeting("B", "2024-01-11", "theme: ../themes/fm\n"));
  write(
    join(dir, "minutes/chain/c1.md"),
    meeting("C1", "2024-02-01", "", action("C-1", "Write the first draft", "2024-12-01")),
  );
  write(join(dir, "minutes/chain/c2.md"), meeting("C2", "2024-03-01", "previous: c1.md\n"));
  write(join(dir, "minutes/chain/c3.md"), meeting("C3", "2024-04-01", "previous: c2.md\n"));
  write(join(dir, "minutes/deep/sub/d.md"), meeting("D", "2024-05-01"));
  return dir;
}

const all = ["a", "b", "c1", "c2", "c3", "d"];

/** Each kind of recorded input, changed, and the meetings whose outputs read it. */
const changes: { what: string; change: (dir: string) => void; rebuilt: string[] }[] = [
  {
    what: "a theme named by the config",
    change: (dir) => write(join(dir, "themes/cfg/theme.yaml"), 'name: cfg\ncolors:\n  primary: "445566"\n'),
    rebuilt: ["a", "c1", "c2", "c3", "d"],
  },
  {
    what: "a theme named in the front matter",
    change: (dir) =>
      write(
        join(dir, "themes/fm/theme.yaml"),
        "name: fm\nfonts:\n  body: { family: Mono, regular: body.ttf }\nlogo:\n  file: logo.png\n  alt: The logo\n",
      ),
    rebuilt: ["b"],
  },
  {
    what: "a font of a theme",
    change: (dir) => copyFileSync(join(fonts, "700Bold/NotoSansMono_700Bold.ttf"), join(dir, "themes/fm/body.ttf")),
    rebuilt: ["b"],
  },
  {
    what: "a logo of a theme",
    change: (dir) => write(join(dir, "themes/fm/logo.png"), makePng(16, 8)),
    rebuilt: ["b"],
  },
  {
    what: "the template of minutes new, which no build reads",
    change: (dir) =>
      write(join(dir, "templates/meeting.md"), "---\ntitle: {{title}}\ndate: {{date}}\n---\n\n## 1. Agenda\n"),
    rebuilt: [],
  },
  {
    what: "a meeting two steps back in the previous: chain",
    change: (dir) =>
      write(
        join(dir, "minutes/chain/c1.md"),
        meeting("C1", "2024-02-01", "", action("C-1", "Write the second draft", "2024-12-01")),
      ),
    rebuilt: ["c1", "c2", "c3"],
  },
  {
    what: "a config file created above the input after the first build",
    change: (dir) => write(join(dir, "minutes/deep/minutes.config.yaml"), "formats: [json]\n"),
    rebuilt: ["d"],
  },
];

describe("a batch rebuilds exactly the outputs that read what changed", () => {
  let dir: string;
  beforeAll(() => {
    dir = repository();
    const first = cli(dir, ["build", "minutes", "--out", "out"]);
    expect(first.status, first.stderr).toBe(0);
    expect(written(first.stdout)).toEqual(all);
    expect(written(cli(dir, ["build", "minutes", "--out", "out"]).stdout)).toEqual([]);
  });

  for (const { what, change, rebuilt } of changes) {
    it(`${what}: ${rebuilt.join(", ") || "nothing"}`, () => {
      change(dir);
      const r = cli(dir, ["build", "minutes", "--out", "out"]);
      expect(r.status, r.stderr).toBe(0);
      expect(written(r.stdout)).toEqual(rebuilt);
      // And nothing the next time.
      expect(written(cli(dir, ["build", "minutes", "--out", "out"]).stdout)).toEqual([]);
    });
  }

  it("the meeting two steps back reached the follow-up section of the last one", () => {
    const c3 = readFileSync(join(dir, "out/chain/c3.json"), "utf8");
    expect(c3).toContain("Write the second draft");
    expect(c3).not.toContain("Write the first draft");
  });

  it("a theme from --theme: its change rebuilds every output built with it, and the config's theme (not read) none", () => {
    const theme = ["build", "minutes", "--out", "out-flag", "--theme", "themes/flag"];
    expect(written(cli(dir, theme).stdout)).toEqual(all);
    write(join(dir, "themes/cfg/theme.yaml"), 'name: cfg\ncolors:\n  primary: "778899"\n');
    expect(written(cli(dir, theme).stdout)).toEqual([]);
    write(join(dir, "themes/flag/theme.yaml"), 'name: flag\ncolors:\n  primary: "778899"\n');
    expect(written(cli(dir, theme).stdout)).toEqual(all);
  });
});

describe("--explain", () => {
  it("says which recorded file changed or was created, or that nothing did, in the user's language", () => {
    const dir = repository();
    expect(cli(dir, ["build", "minutes", "--out", "out"]).status).toBe(0);
    write(join(dir, "minutes/chain/c1.md"), meeting("C1", "2024-02-01", "", action("C-1", "Reworded", "2024-12-01")));
    write(join(dir, "minutes/deep/minutes.config.yaml"), "formats: [json]\n");
    const explain = [
      "--explain",
      "minutes/chain/c3.md",
      "--explain",
      "minutes/deep/sub/d.md",
      "--explain",
      "minutes/a.md",
      "--explain",
      "elsewhere.md",
    ];
    const r = cli(dir, ["build", "minutes", "--out", "out", ...explain]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => !l.startsWith("wrote "));
    expect(lines).toContain(
      "minutes/chain/c3.md: rebuilt: minutes/chain/c1.md, which its last build read, has changed",
    );
    expect(lines).toContain(
      "minutes/deep/sub/d.md: rebuilt: minutes/deep/minutes.config.yaml now exists; its last build looked for it and did not find it",
    );
    expect(lines.find((l) => l.startsWith("minutes/a.md: "))).toMatch(
      /^minutes\/a\.md: skipped: nothing its last build read has changed \(files read: [1-9]\d*; looked for in vain and still missing: [1-9]\d*\)$/,
    );
    expect(lines).toContain(
      "elsewhere.md is not one of the meetings this build covers: name it, or a folder that holds it, among the paths to build",
    );
    // The theme's files are part of what a's build read; its config is the repository's.
    const manifest = JSON.parse(readFileSync(join(dir, "out/.minutes-manifest.json"), "utf8")) as {
      version: number;
      files: Record<string, { read: Record<string, string>; missing: string[] }>;
    };
    expect(manifest.version).toBe(2);
    expect(Object.keys(manifest.files["../minutes/a.md"]!.read)).toEqual(
      expect.arrayContaining(["../minutes/a.md", "../minutes.config.yaml", "../themes/cfg/theme.yaml"]),
    );
    expect(Object.keys(manifest.files["../minutes/b.md"]!.read)).toEqual(
      expect.arrayContaining(["../themes/fm/theme.yaml", "../themes/fm/body.ttf", "../themes/fm/logo.png"]),
    );
    expect(manifest.files["../minutes/a.md"]!.missing).toEqual(
      expect.arrayContaining(["../minutes/minutes.config.yaml", "../minutes/minutes.config.json"]),
    );
    // findConfig stops at the repository's root: nothing above it is looked for.
    for (const entry of Object.values(manifest.files))
      expect([...Object.keys(entry.read), ...entry.missing].filter((p) => p.startsWith("../.."))).toEqual([]);

    write(join(dir, "themes/cfg/theme.yaml"), 'name: cfg\ncolors:\n  primary: "000000"\n');
    const fr = cli(
      dir,
      ["build", "minutes", "--out", "out", "--explain", "minutes/a.md", "--force", "--explain", "minutes/b.md"],
      { LANG: "fr_FR.UTF-8" },
    );
    expect(fr.stdout).toContain("minutes/a.md : refait, car --force a été donné");
    const again = cli(dir, ["build", "minutes", "--out", "out", "--explain", "minutes/b.md"], { LANG: "fr_FR.UTF-8" });
    expect(again.stdout).toMatch(
      /^minutes\/b\.md : non refait : rien de ce que la dernière construction a lu n'a changé \(fichiers lus : [1-9]\d* ;/m,
    );
  });
});

describe("--json", () => {
  it("gives each file its reason, and the explanation goes to stderr", () => {
    const dir = repository();
    expect(cli(dir, ["build", "minutes", "--out", "out"]).status).toBe(0);
    write(join(dir, "themes/fm/logo.png"), makePng(4, 4));
    const r = cli(dir, ["build", "minutes", "--out", "out", "--json", "--explain", "minutes/b.md"]);
    const files = (JSON.parse(r.stdout) as { files: { input: string; status: string; reason: unknown }[] }).files;
    expect(files.find((f) => f.input.endsWith("b.md"))).toMatchObject({
      status: "built",
      reason: { kind: "changed", path: join(dir, "themes/fm/logo.png") },
    });
    expect(files.find((f) => f.input.endsWith("a.md"))).toMatchObject({
      status: "unchanged",
      reason: { kind: "up-to-date" },
    });
    expect(r.stderr).toContain("minutes/b.md: rebuilt: themes/fm/logo.png, which its last build read, has changed");
  });
});

describe("findConfig", () => {
  it("stops at the repository's root: a config above the folder that holds .git is not found, nor looked for", () => {
    const home = tempDir("world-home");
    write(join(home, "minutes.config.yaml"), "formats: [json]\n");
    const repo = join(home, "repo");
    mkdirSync(join(repo, "minutes"), { recursive: true });
    expect(findConfig(join(repo, "minutes"))).toBe(join(home, "minutes.config.yaml"));
    mkdirSync(join(repo, ".git"));
    const world = new World();
    expect(findConfig(join(repo, "minutes"), world)).toBeUndefined();
    const { missing } = world.record();
    expect(missing).toContain(join(repo, "minutes.config.yaml"));
    expect(missing.filter((p) => !p.startsWith(repo + sep))).toEqual([]);
  });
});

describe("facts the parser asked for", () => {
  it("a date without a year taken from the file's modification day: another day rebuilds it, with the new year", () => {
    const dir = tempDir("world-fact");
    mkdirSync(join(dir, ".git"));
    const notes = join(dir, "notes.md");
    write(notes, "# Team meeting\n\n## Date\n\n19 Aug, 03:00-04:00pm\n\n## Budget\n\nText.\n");
    utimesSync(notes, new Date("2019-09-01T12:00:00Z"), new Date("2019-09-01T12:00:00Z"));
    const build = () => cli(dir, ["build", "notes.md", "--out", "out", "--format", "json", "--explain", "notes.md"]);
    expect(written(build().stdout)).toEqual(["notes"]);
    expect(readFileSync(join(dir, "out/notes.json"), "utf8")).toContain('"2019-08-19"');
    expect(written(build().stdout)).toEqual([]);
    utimesSync(notes, new Date("2021-09-01T12:00:00Z"), new Date("2021-09-01T12:00:00Z"));
    const r = build();
    expect(written(r.stdout)).toEqual(["notes"]);
    expect(r.stdout).toContain(
      "notes.md: rebuilt: the modified-day of notes.md, which its last build used, has changed",
    );
    expect(readFileSync(join(dir, "out/notes.json"), "utf8")).toContain('"2021-08-19"');
  });
});

describe("the issue's two scenarios", () => {
  it("a theme named in the front matter: a colour changed in its theme.yaml reaches the document", () => {
    const dir = tempDir("world-why-theme");
    mkdirSync(join(dir, ".git"));
    write(join(dir, "themes/house/theme.yaml"), 'name: house\ncolors:\n  primary: "123456"\n');
    write(join(dir, "m1.md"), meeting("M1", "2024-01-10", "theme: themes/house\n"));
    const build = () => cli(dir, ["build", ".", "--out", "dist", "--format", "docx"]);
    expect(written(build().stdout)).toEqual(["m1"]);
    const styles = () =>
      new TextDecoder().decode(unzipSync(readFileSync(join(dir, "dist/m1.docx")))["word/styles.xml"]);
    expect(styles()).toContain('w:val="123456"');
    write(join(dir, "themes/house/theme.yaml"), 'name: house\ncolors:\n  primary: "AB0042"\n');
    const r = build();
    expect(written(r.stdout)).toEqual(["m1"]);
    expect(styles()).toContain('w:val="AB0042"');
    expect(styles()).not.toContain('w:val="123456"');
  });

  itWithTools("pdftotext")(
    "previous:: an action reworded in m1 rebuilds m2, whose follow-up section says the new words",
    () => {
      const dir = tempDir("world-why-previous");
      mkdirSync(join(dir, ".git"));
      write(join(dir, "m1.md"), meeting("M1", "2024-01-10", "", action("P-1", "Book the large room", "2024-12-01")));
      write(join(dir, "m2.md"), meeting("M2", "2024-02-10", "previous: m1.md\n"));
      const build = () => written(cli(dir, ["build", ".", "--out", "dist", "--format", "pdf"]).stdout);
      expect(build()).toEqual(["m1", "m2"]);
      expect(pdfText(join(dir, "dist/m2.pdf"))).toContain("Book the large room");
      write(join(dir, "m1.md"), meeting("M1", "2024-01-10", "", action("P-1", "Book the small room", "2024-12-01")));
      expect(build()).toEqual(["m1", "m2"]);
      const text = pdfText(join(dir, "dist/m2.pdf"));
      expect(text).toContain("Book the small room");
      expect(text).not.toContain("large room");
    },
  );
});

describe("the follow-up section over a chain of four meetings", () => {
  itWithTools("pdftotext")(
    "lists every action still open in the chain, an overdue one of three meetings ago too, and not one closed",
    () => {
      const dir = tempDir("world-chain");
      mkdirSync(join(dir, ".git"));
      const followUp = (rows: string): string =>
        `### Follow-up of previous actions\n\n| ID | Status | Comment |\n|---|---|---|\n${rows}`;
      write(
        join(dir, "m1.md"),
        meeting(
          "M1",
          "2024-01-10",
          "",
          `| Action | Owner | Due |\n|---|---|---|\n| Order the chairs {#A-0} | Ana | 2024-12-01 |\n| Send the overdue report {#A-1} | Ben | 2024-01-20 |\n`,
        ),
      );
      write(
        join(dir, "m2.md"),
        meeting(
          "M2",
          "2024-02-10",
          "previous: m1.md\n",
          `${action("A-2", "Call the printer", "2024-12-01")}\n${followUp("| A-0 | done | ordered |\n")}`,
        ),
      );
      write(
        join(dir, "m3.md"),
        meeting(
          "M3",
          "2024-03-10",
          "previous: m2.md\n",
          `${action("A-3", "Draft the budget", "2024-12-01")}\n${followUp("| A-2 | done | called |\n")}`,
        ),
      );
      write(join(dir, "m4.md"), meeting("M4", "2024-04-10", "previous: m3.md\n"));
      const r = cli(dir, ["build", "m4.md", "--out", "dist", "--format", "pdf"]);
      expect(r.status, r.stderr).toBe(0);
      const text = pdfText(join(dir, "dist/m4.pdf"));
      const section = text.slice(text.indexOf("Follow-up of previous actions"));
      expect(section).toMatch(/A-1 Send the overdue report Ben .*Open \(overdue\)/);
      expect(section).toContain("Draft the budget");
      expect(section).toContain("Call the printer"); // followed up (done) by the previous meeting
      expect(section).not.toContain("Order the chairs"); // closed two meetings ago
    },
  );
});

describe("--watch watches what the builds read", () => {
  // Into an output folder (the manifest on disk), and beside the inputs (a manifest kept in memory).
  for (const out of [["--out", "out"], []]) {
    it(`rebuilds exactly the outputs that read what changed, and picks up a config created above${out.length ? " (--out)" : " (no --out)"}`, async () => {
      const dir = repository();
      const child = spawn(process.execPath, [bin, "build", "minutes", ...out, "--watch"], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...plainCliEnv(), CI: "true" },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      const until = async (condition: () => boolean, what: string, ms = 60_000): Promise<void> => {
        const deadline = Date.now() + ms;
        while (!condition()) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${stderr}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const waiting = (from: number) => stderr.slice(from).includes("(Ctrl-C");
      try {
        await until(() => waiting(0), "the first build");
        expect(written(stdout)).toEqual(all);
        for (const { what, change, rebuilt } of changes) {
          const [out, err] = [stdout.length, stderr.length];
          change(dir);
          if (rebuilt.length === 0) await new Promise((r) => setTimeout(r, 1500));
          else await until(() => waiting(err), `the build after changing ${what}`);
          expect(written(stdout.slice(out)), what).toEqual(rebuilt);
        }
      } finally {
        child.kill("SIGINT");
      }
      expect(await exited).toBe(0);
    });
  }
});
