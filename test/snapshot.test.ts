// bin/minutes.js starts from the V8 startup snapshot made by the build (dist/snapshot/) when it was made for
// this Node binary and this folder, and from the bundle otherwise. Both starts must behave identically.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, mkdtempSync, readFileSync, symlinkSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainCliEnv } from "./helpers/tools.js";

const root = process.cwd();
const launcher = join(root, "bin/minutes.js");
const seed = join(root, "examples/2022-09-23-gtm.md");

function run(args: string[], env: NodeJS.ProcessEnv = {}, cwd = root, command = launcher, before: string[] = []) {
  return spawnSync(command, [...before, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...plainCliEnv(), MINUTES_TRACE_START: "1", SOURCE_DATE_EPOCH: "1700000000", ...env },
  });
}

const started = (stderr: string): string | undefined => /minutes: started from the (\w+)/.exec(stderr)?.[1];
const withoutTrace = (stderr: string): string => stderr.replace(/minutes: started from the \w+\n/, "");

describe("startup snapshot", () => {
  it("is made by the build for this Node binary and folder", () => {
    const madeFor = readFileSync(join(root, "dist/snapshot/made-for"), "utf8").split("\n");
    expect(madeFor[0]).toContain(`node ${process.execPath} `);
    expect(madeFor[0]).toContain(` ${process.version} `);
    expect(madeFor[0]).toContain(` in ${root}, minutes `);
    expect(readFileSync(join(root, "dist/snapshot/minutes.blob")).length).toBeGreaterThan(1_000_000);
  });

  it("starts from the bundle when NODE_OPTIONS is set: V8 refuses a snapshot under other flags", () => {
    const out = mkdtempSync(join(tmpdir(), "minutes-node-options-"));
    const r = run(["build", seed, "--out", out, "--format", "json"], { NODE_OPTIONS: "--max-old-space-size=512" });
    expect(r.status, r.stderr).toBe(0);
    expect(started(r.stderr)).toBe("bundle");
  });

  it("starts the CLI from the snapshot, and writes the same bytes and messages as the bundle", () => {
    const outs = {
      snapshot: mkdtempSync(join(tmpdir(), "minutes-snap-")),
      bundle: mkdtempSync(join(tmpdir(), "minutes-bundle-")),
    };
    const formats = ["--format", "docx,pdf,html"];
    const fromSnapshot = run(["build", seed, "--out", outs.snapshot, ...formats]);
    const fromBundle = run(["build", seed, "--out", outs.bundle, ...formats], { MINUTES_NO_SNAPSHOT: "1" });
    expect(started(fromSnapshot.stderr)).toBe("snapshot");
    expect(started(fromBundle.stderr)).toBe("bundle");
    expect(fromSnapshot.status).toBe(0);
    expect(fromBundle.status).toBe(0);
    expect(withoutTrace(fromSnapshot.stderr).replaceAll(outs.snapshot, "OUT")).toBe(
      withoutTrace(fromBundle.stderr).replaceAll(outs.bundle, "OUT"),
    );
    for (const file of ["2022-09-23-gtm.pdf", "2022-09-23-gtm.docx", "2022-09-23-gtm.html"]) {
      expect(readFileSync(join(outs.snapshot, file)).equals(readFileSync(join(outs.bundle, file))), file).toBe(true);
    }
  });

  it("gives the same exit code and file:line:column message for a broken file", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "minutes-snap-broken-")), "bad.md");
    copyFileSync(join(root, "test/fixtures/broken/impossible-date.md"), broken);
    const out = mkdtempSync(join(tmpdir(), "minutes-snap-broken-out-"));
    const fromSnapshot = run(["build", broken, "--out", out]);
    const fromBundle = run(["build", broken, "--out", out], { MINUTES_NO_SNAPSHOT: "1" });
    expect(started(fromSnapshot.stderr)).toBe("snapshot");
    expect(fromSnapshot.status).toBe(1);
    expect(fromBundle.status).toBe(1);
    expect(withoutTrace(fromSnapshot.stderr)).toMatch(/bad\.md:\d+:\d+: error: /);
    expect(withoutTrace(fromSnapshot.stderr)).toBe(withoutTrace(fromBundle.stderr));
  });

  it("starts check, --version and other commands that draw nothing from the bundle, which is quicker for them", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "minutes-snap-check-")), "bad.md");
    copyFileSync(join(root, "test/fixtures/broken/impossible-date.md"), broken);
    const check = run(["check", broken]);
    expect(started(check.stderr)).toBe("bundle");
    expect(check.status).toBe(1);
    expect(withoutTrace(check.stderr)).toMatch(/bad\.md:\d+:\d+: error: /);
    const version = run(["--version"]);
    expect(started(version.stderr)).toBe("bundle");
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const agenda = run(["agenda", seed, "--out", mkdtempSync(join(tmpdir(), "minutes-snap-agenda-"))]);
    expect(started(agenda.stderr)).toBe("snapshot");
  });

  it("works through a symbolic link (node_modules/.bin) and from another working folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-snap-link-"));
    symlinkSync(launcher, join(dir, "minutes"));
    copyFileSync(seed, join(dir, "meeting.md"));
    const r = run(["build", "meeting.md", "--format", "json"], {}, dir, join(dir, "minutes"));
    expect(started(r.stderr)).toBe("snapshot");
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "meeting.json"), "utf8")).meeting.date).toBe("2022-09-23");
  });

  it("builds a folder, several files or --watch from the bundle, whose worker threads take less memory", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-snap-many-"));
    copyFileSync(seed, join(dir, "2022-09-23-a.md"));
    copyFileSync(seed, join(dir, "2022-09-24-b.md"));
    const folder = run(["build", dir, "--out", join(dir, "dist"), "--format", "json", "--jobs", "2", "--quiet"]);
    expect(started(folder.stderr)).toBe("bundle");
    expect(folder.status).toBe(0);
    expect(readFileSync(join(dir, "dist/2022-09-24-b.json"), "utf8")).toContain('"date": "2022-09-23"');
    const files = run(["build", "2022-09-23-a.md", "2022-09-24-b.md", "--format", "json", "--quiet"], {}, dir);
    expect(started(files.stderr)).toBe("bundle");
    // One file, with an existing folder as the value of --out: still the snapshot.
    const one = run(["build", "2022-09-23-a.md", "--out", join(dir, "dist"), "--format", "json", "--force"], {}, dir);
    expect(started(one.stderr)).toBe("snapshot");
  });

  it("starts worker threads from the snapshot too, when asked to build several files directly", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-snap-workers-"));
    copyFileSync(seed, join(dir, "2022-09-23-a.md"));
    copyFileSync(seed, join(dir, "2022-09-24-b.md"));
    copyFileSync(seed, join(dir, "2022-09-25-c.md"));
    const flags = readFileSync(join(root, "dist/snapshot/made-for"), "utf8").split("\n")[1]!.split(" ").filter(Boolean);
    const r = spawnSync(
      process.execPath,
      [
        ...flags,
        "--snapshot-blob",
        join(root, "dist/snapshot/minutes.blob"),
        root,
        "build",
        dir,
        "--out",
        join(dir, "dist"),
        "--format",
        "pdf",
        "--jobs",
        "2",
        "--json",
      ],
      { encoding: "utf8", env: { ...process.env, MINUTES_TRACE_START: "1" } },
    );
    expect(r.status).toBe(0);
    // A pool of 2 (capped at the cores: two here) is this thread and a worker thread, which started (a
    // worker that fails is replaced by this thread, and would not print this line).
    expect(r.stderr.match(/worker thread started/g)?.length).toBe(1);
    // The worker builds one of the three files, or two when it is free before this thread takes the last.
    const inWorker = r.stderr.match(/built in a worker thread/g)?.length ?? 0;
    expect(inWorker).toBeGreaterThanOrEqual(1);
    expect(inWorker).toBeLessThanOrEqual(2);
    const summary = JSON.parse(r.stdout) as { files: { status: string }[] };
    expect(summary.files.map((f) => f.status)).toEqual(["built", "built", "built"]);
  });

  it("starts from the bundle when the node running it is not the one the snapshot was made for", () => {
    const bin = mkdtempSync(join(tmpdir(), "minutes-other-node-"));
    copyFileSync(process.execPath, join(bin, "node"));
    chmodSync(join(bin, "node"), 0o755);
    const r = run(["--version"], { MINUTES_CACHE_DIR: join(bin, "cache"), CI: "true" }, root, join(bin, "node"), [
      launcher,
    ]);
    expect(started(r.stderr)).toBe("bundle");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("reads its fonts' files again when it starts, and says which one is gone or changed", () => {
    // The snapshot keeps the parsed fonts but not their files' bytes (font-book.ts, setFontFilesAside): a copy of
    // the package gets its own snapshot, then loses a font file; the original package is left alone.
    const pkg = mkdtempSync(join(tmpdir(), "minutes-snapshot-fonts-"));
    for (const part of ["bin", "dist", "examples", "templates", "package.json"])
      cpSync(join(root, part), join(pkg, part), {
        recursive: true,
        filter: (from) => !/[\\/]snapshot[\\/]minutes\.blob$|made-for$/.test(from),
      });
    const made = spawnSync(process.execPath, [join(pkg, "dist/launch.cjs")], {
      encoding: "utf8",
      env: { ...plainCliEnv(), MINUTES_MAKE_SNAPSHOT: join(pkg, "dist/snapshot") },
    });
    expect(made.status, made.stderr).toBe(0);
    const out = mkdtempSync(join(tmpdir(), "minutes-snapshot-fonts-out-"));
    const ok = run(["build", seed, "--out", out], {}, root, join(pkg, "bin/minutes.js"));
    expect(started(ok.stderr)).toBe("snapshot");
    expect(ok.status, ok.stderr).toBe(0);
    const fromBundle = mkdtempSync(join(tmpdir(), "minutes-snapshot-fonts-bundle-"));
    expect(run(["build", seed, "--out", fromBundle], { MINUTES_NO_SNAPSHOT: "1" }).status).toBe(0);
    expect(
      readFileSync(join(out, "2022-09-23-gtm.pdf")).equals(readFileSync(join(fromBundle, "2022-09-23-gtm.pdf"))),
    ).toBe(true);
    const font = join(pkg, "dist/fonts/NotoSans_400Regular.ttf");
    truncateSync(font, 1000);
    const broken = run(["build", seed, "--out", out, "--force"], {}, root, join(pkg, "bin/minutes.js"));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`made with ${font}, which is gone or has changed`);
    expect(broken.stderr).toContain("MINUTES_NO_SNAPSHOT=1");
    // In the user's language, as every message.
    const inFrench = run(
      ["build", seed, "--out", out, "--force", "--lang", "fr"],
      {},
      root,
      join(pkg, "bin/minutes.js"),
    );
    expect(inFrench.status).toBe(2);
    expect(inFrench.stderr).toContain(`fait avec le fichier de police ${font}, qui a disparu ou changé`);
    expect(inFrench.stderr).toContain("  conseil: réinstallez minutes");
  });

  it("refuses to run for another folder than the one it was made in", () => {
    const flags = readFileSync(join(root, "dist/snapshot/made-for"), "utf8").split("\n")[1]!.split(" ").filter(Boolean);
    const r = spawnSync(
      process.execPath,
      [...flags, "--snapshot-blob", join(root, "dist/snapshot/minutes.blob"), "/elsewhere", "--version"],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("bin/minutes.js");
  });
});
