// Hostile repositories, class "paths that escape the project": every path written in a file (front matter
// `previous:` and `theme:`, the config's `out:`, `template:` and `theme:`, theme.yaml's fonts and logo)
// must lead inside the project folder once symbolic links are resolved. Each case checks the exit code,
// the file:line:column of the message, and that nothing outside the project was read into an output or
// written. Only the command line may point elsewhere (--out, --from), and --allow-outside widens by exactly
// the path it names.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/build.js";
import { World } from "../../src/world/world.js";
import { isInside, realPath, resolveSafePath } from "../../src/safe-path.js";
import { makePng } from "../helpers/png.js";
import { itWithTools, pdfText, plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: plainCliEnv() });

const SECRET = "TOPSECRET-4417";
const meeting = (front: string) => `---\ntitle: Now\ndate: 2024-02-01\n${front}---\n\n## 1. Budget\n\nText.\n`;
const secretMeeting = `---\ntitle: Secret\ndate: 2024-01-01\n---\n\n## 1. Item\n\n| Action | Responsible | Deadline |\n|---|---|---|\n| ${SECRET} task | Ana | 2024-03-01 |\n`;

/**
 * <root>/outside/secret.md (a meeting whose action text is SECRET) and the project <root>/work/proj, two
 * levels down, so that `../../x` written in the project lands in <root>/x, inside this test's own folder.
 */
function layout(): { root: string; proj: string; outside: string; secret: string } {
  const root = mkdtempSync(join(tmpdir(), "minutes-escape-"));
  const outside = join(root, "outside");
  const proj = join(root, "work", "proj");
  mkdirSync(outside, { recursive: true });
  mkdirSync(proj, { recursive: true });
  const secret = join(outside, "secret.md");
  writeFileSync(secret, secretMeeting);
  return { root, proj, outside, secret };
}

/** Every file under `dir` except `skip`, with the hash of its bytes: what "nothing was written" compares. */
function snapshot(dir: string, skip: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (path === skip) continue;
      if (entry.isDirectory()) visit(path);
      else
        files[relative(dir, path)] = entry.isSymbolicLink()
          ? `-> ${path}`
          : createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  visit(dir);
  return files;
}

describe("previous: in the front matter", () => {
  it.each([
    ["an absolute path", (l: ReturnType<typeof layout>) => l.secret],
    ["a ../.. path", () => "../../outside/secret.md"],
  ])("refuses %s outside the project at its line and column, and writes nothing", (_, target) => {
    const l = layout();
    writeFileSync(join(l.proj, "now.md"), meeting(`previous: ${target(l)}\n`));
    const before = snapshot(l.root, l.proj);
    const r = minutes(l.proj, "build", "now.md", "-f", "json,pdf");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `now.md:4:11: error: \`previous\`: "${target(l)}" points outside the project folder ${l.proj}. [path-outside-project]`,
    );
    expect(r.stderr).toContain(`--allow-outside ${realPath(l.secret)}`);
    expect(existsSync(join(l.proj, "now.json"))).toBe(false);
    expect(existsSync(join(l.proj, "now.pdf"))).toBe(false);
    expect(snapshot(l.root, l.proj)).toEqual(before);
    // check says the same.
    expect(minutes(l.proj, "check", "now.md").status).toBe(1);
  });

  it("refuses a symbolic link inside the project that leads outside", () => {
    const l = layout();
    symlinkSync(l.secret, join(l.proj, "old.md"));
    writeFileSync(join(l.proj, "now.md"), meeting("previous: ./old.md\n"));
    const r = minutes(l.proj, "build", "now.md", "-f", "json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `now.md:4:11: error: \`previous\`: "./old.md" leads through a symbolic link to ${realPath(l.secret)}, outside the project folder ${l.proj}. [path-outside-project]`,
    );
    expect(existsSync(join(l.proj, "now.json"))).toBe(false);
  });

  it("refuses an escape further down the chain, at the line of the meeting that writes it", () => {
    const l = layout();
    writeFileSync(
      join(l.proj, "jan.md"),
      meeting("previous: ../../outside/secret.md\n").replace("2024-02-01", "2024-01-15"),
    );
    writeFileSync(join(l.proj, "now.md"), meeting("previous: ./jan.md\n"));
    const r = minutes(l.proj, "build", "now.md", "-f", "json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'jan.md:4:11: error: `previous`: "../../outside/secret.md" points outside the project folder',
    );
    expect(existsSync(join(l.proj, "now.json"))).toBe(false);
  });

  it("with a config file, the project folder is the config's folder: a sibling folder inside it is fine", () => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), "language: en\n");
    mkdirSync(join(l.proj, "2023"));
    mkdirSync(join(l.proj, "2024"));
    writeFileSync(join(l.proj, "2023", "dec.md"), secretMeeting.replace(SECRET, "December"));
    writeFileSync(join(l.proj, "2024", "now.md"), meeting("previous: ../2023/dec.md\n"));
    const r = minutes(l.proj, "build", "2024/now.md", "-f", "json");
    expect(r.status).toBe(0);
    expect(readFileSync(join(l.proj, "2024", "now.json"), "utf8")).toContain("December task");
  });

  it("--allow-outside lets exactly the named path through, and nothing else", () => {
    const l = layout();
    writeFileSync(join(l.outside, "other.md"), secretMeeting.replace(SECRET, "OTHER"));
    writeFileSync(join(l.proj, "now.md"), meeting("previous: ../../outside/secret.md\n"));
    writeFileSync(join(l.proj, "then.md"), meeting("previous: ../../outside/other.md\n"));
    // The named file passes, and its text reaches the output (this is what the confinement prevents otherwise).
    const allowed = minutes(l.proj, "build", "now.md", "-f", "json", "--allow-outside", l.secret);
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(l.proj, "now.json"), "utf8")).toContain(`${SECRET} task`);
    // A sibling of the named file is still refused.
    const sibling = minutes(l.proj, "build", "then.md", "-f", "json", "--allow-outside", l.secret);
    expect(sibling.status).toBe(1);
    expect(sibling.stderr).toContain("then.md:4:11: error: `previous`");
    expect(existsSync(join(l.proj, "then.json"))).toBe(false);
    // A path prefix counts by folders, not by characters: "outs" does not allow "outside".
    const prefix = minutes(l.proj, "build", "then.md", "-f", "json", "--allow-outside", join(l.root, "outs"));
    expect(prefix.status).toBe(1);
    // A folder allows what is under it; the option is repeatable.
    const folder = minutes(
      l.proj,
      "build",
      "then.md",
      "-f",
      "json",
      "--allow-outside",
      join(l.root, "nowhere"),
      "--allow-outside",
      "../../outside",
    );
    expect(folder.status).toBe(0);
  });

  itWithTools("pdftotext")("the text of an outside file never reaches the PDF", () => {
    const l = layout();
    writeFileSync(join(l.proj, "now.md"), meeting(`previous: ${l.secret}\n`));
    expect(minutes(l.proj, "build", "now.md", "-f", "pdf").status).toBe(1);
    expect(existsSync(join(l.proj, "now.pdf"))).toBe(false);
    expect(minutes(l.proj, "build", "now.md", "-f", "pdf", "--allow-outside", l.outside).status).toBe(0);
    expect(pdfText(join(l.proj, "now.pdf"))).toContain(SECRET);
  });
});

describe("template: in the config (minutes new)", () => {
  it("refuses /etc/passwd, at the config's line and column, and writes no new meeting", () => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), "language: en\ntemplate: /etc/passwd\n");
    const r = minutes(l.proj, "new", "--date", "2024-05-01");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(l.proj, "minutes.config.yaml")}:2:11: error: \`template\`: "/etc/passwd" points outside the project folder ${l.proj}. [path-outside-project]`,
    );
    expect(readdirSync(l.proj)).toEqual(["minutes.config.yaml"]);
  });

  it("refuses templates/meeting.md when it is a symbolic link to a file outside", () => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), "language: en\n");
    mkdirSync(join(l.proj, "templates"));
    symlinkSync(l.secret, join(l.proj, "templates", "meeting.md"));
    const r = minutes(l.proj, "new", "--date", "2024-05-01");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("leads through a symbolic link");
    expect(existsSync(join(l.proj, "2024-05-01.md"))).toBe(false);
  });

  it("refuses a previous: link outside in the --from meeting's chain, but --from itself may be anywhere", () => {
    const l = layout();
    writeFileSync(join(l.proj, "now.md"), meeting("previous: ../../outside/secret.md\n"));
    const refused = minutes(l.proj, "new", "--from", "now.md", "--date", "2024-05-01");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("now.md:4:11: error: `previous`");
    expect(existsSync(join(l.proj, "2024-05-01.md"))).toBe(false);
    // --from is the command line's: a meeting outside the working folder is read.
    const away = minutes(
      l.proj,
      "new",
      "--from",
      join(l.outside, "secret.md"),
      "--date",
      "2024-05-01",
      "--out",
      "next.md",
    );
    expect(away.status).toBe(0);
    expect(readFileSync(join(l.proj, "next.md"), "utf8")).toContain(SECRET);
  });
});

describe("out: in the config (minutes build)", () => {
  it.each([
    ["an absolute folder", (l: ReturnType<typeof layout>) => join(l.root, "elsewhere")],
    ["a ../.. folder", () => "../../x"],
  ])("refuses %s outside the project at its line and column, and writes nothing anywhere", (_, target) => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), `formats: [json]\nout: ${target(l)}\n`);
    writeFileSync(join(l.proj, "now.md"), meeting(""));
    const before = snapshot(l.root, "");
    const r = minutes(l.proj, "build", ".");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(l.proj, "minutes.config.yaml")}:2:6: error: \`out\`: "${target(l)}" points outside the project folder ${l.proj}. [path-outside-project]`,
    );
    expect(snapshot(l.root, "")).toEqual(before);
    expect(existsSync(join(l.root, "elsewhere"))).toBe(false);
    expect(existsSync(join(l.root, "x"))).toBe(false);
  });

  it("refuses an out: folder that is a symbolic link to a folder outside", () => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), "formats: [json]\nout: dist\n");
    writeFileSync(join(l.proj, "now.md"), meeting(""));
    symlinkSync(l.outside, join(l.proj, "dist"));
    const before = snapshot(l.outside, "");
    const r = minutes(l.proj, "build", ".");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `minutes.config.yaml:2:6: error: \`out\`: "dist" leads through a symbolic link to ${realPath(l.outside)}`,
    );
    expect(snapshot(l.outside, "")).toEqual(before);
  });

  it("refuses to write through a symbolic link inside the output folder, whether out: or --out named it", () => {
    const l = layout();
    mkdirSync(join(l.proj, "minutes", "sub"), { recursive: true });
    writeFileSync(join(l.proj, "minutes", "sub", "now.md"), meeting(""));
    mkdirSync(join(l.proj, "dist"));
    symlinkSync(l.outside, join(l.proj, "dist", "sub"));
    const before = snapshot(l.outside, "");
    writeFileSync(join(l.proj, "minutes.config.yaml"), "formats: [json]\nout: dist\n");
    const fromConfig = minutes(l.proj, "build", "minutes");
    expect(fromConfig.status).toBe(1);
    expect(fromConfig.stderr).toContain(`leads through a symbolic link to ${join(realPath(l.outside), "now.json")}`);
    const fromFlag = minutes(l.proj, "build", "minutes", "--out", "dist");
    expect(fromFlag.status).toBe(1);
    expect(fromFlag.stderr).toContain("[path-outside-project]");
    expect(snapshot(l.outside, "")).toEqual(before);
  });

  it("--allow-outside names the folder that out: may lead to", () => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), "formats: [json]\nout: ../../published\n");
    writeFileSync(join(l.proj, "now.md"), meeting(""));
    expect(minutes(l.proj, "build", ".", "--allow-outside", join(l.root, "elsewhere")).status).toBe(1);
    expect(existsSync(join(l.root, "published"))).toBe(false);
    expect(minutes(l.proj, "build", ".", "--allow-outside", join(l.root, "published")).status).toBe(0);
    expect(existsSync(join(l.root, "published", "now.json"))).toBe(true);
  });

  it("a command-line --out may point anywhere", () => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), "formats: [json]\nout: ../../x\n");
    writeFileSync(join(l.proj, "now.md"), meeting(""));
    const target = join(l.root, "cli-out");
    const r = minutes(l.proj, "build", "now.md", "--out", target);
    expect(r.status).toBe(0);
    expect(existsSync(join(target, "now.json"))).toBe(true);
    // The flag replaced the config's out:, which is never used.
    expect(existsSync(join(l.root, "x"))).toBe(false);
    const folder = minutes(l.proj, "build", ".", "--out", join(l.root, "cli-folder"));
    expect(folder.status).toBe(0);
    expect(existsSync(join(l.root, "cli-folder", "now.json"))).toBe(true);
  });
});

describe("theme paths (front matter, config, theme.yaml)", () => {
  function outsideTheme(l: ReturnType<typeof layout>): string {
    const dir = join(l.outside, "house");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "theme.yaml"), "name: house\n");
    return dir;
  }

  it("refuses a front-matter theme: outside the project, at its place", () => {
    const l = layout();
    outsideTheme(l);
    writeFileSync(join(l.proj, "now.md"), meeting("theme: ../../outside/house\n"));
    const r = minutes(l.proj, "check", "now.md");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('now.md:4:8: error: The theme "../../outside/house" points outside the project folder');
    expect(r.stderr).toContain("[path-outside-project]");
  });

  it("refuses a config theme: outside, in build and in the actions register", () => {
    const l = layout();
    const house = outsideTheme(l);
    writeFileSync(join(l.proj, "minutes.config.yaml"), `theme: ${house}\n`);
    writeFileSync(join(l.proj, "now.md"), meeting(""));
    const built = minutes(l.proj, "build", "now.md", "-f", "json");
    expect(built.status).toBe(1);
    expect(built.stderr).toContain(
      `minutes.config.yaml:1:8: error: The theme "${house}" points outside the project folder`,
    );
    const register = minutes(l.proj, "actions", ".", "-f", "pdf", "-o", "register.pdf");
    expect(register.status).toBe(1);
    expect(register.stderr).toContain("[path-outside-project]");
    expect(existsSync(join(l.proj, "register.pdf"))).toBe(false);
    // --theme on the command line may name the same folder.
    expect(minutes(l.proj, "build", "now.md", "-f", "json", "--theme", house).status).toBe(0);
  });

  it("a config theme: / is refused at its place, without a stack trace", () => {
    const l = layout();
    writeFileSync(join(l.proj, "minutes.config.yaml"), "formats: [json]\ntheme: /\n");
    writeFileSync(join(l.proj, "now.md"), meeting(""));
    const r = spawnSync(process.execPath, [bin, "build", "now.md", "--out", "dist"], {
      cwd: l.proj,
      encoding: "utf8",
      env: plainCliEnv(),
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('minutes.config.yaml:2:8: error: The theme "/" points outside the project folder');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("a config theme outside is not read (so not recorded for incremental builds), unless allowed", async () => {
    const l = layout();
    const house = outsideTheme(l);
    writeFileSync(join(l.proj, "minutes.config.yaml"), `theme: ${house}\n`);
    writeFileSync(join(l.proj, "now.md"), meeting(""));
    const recorded = async (allowOutside: string[]) => {
      const world = new World();
      const checked = await check(join(l.proj, "now.md"), { allowOutside }, world);
      return { ok: checked.ok, files: Object.keys(world.record().files) };
    };
    const refused = await recorded([]);
    expect(refused.ok).toBe(false);
    expect(refused.files.filter((f) => f.startsWith(house))).toEqual([]);
    expect(refused.files).toContain(join(l.proj, "minutes.config.yaml"));
    const allowed = await recorded([house]);
    expect(allowed.ok).toBe(true);
    expect(allowed.files).toContain(join(house, "theme.yaml"));
  });

  it("refuses a font or a logo fallback that leaves the project, and one reached through a symbolic link", () => {
    const l = layout();
    writeFileSync(join(l.outside, "logo.png"), makePng(8, 4));
    writeFileSync(join(l.outside, "font.ttf"), "not read");
    mkdirSync(join(l.proj, "house"));
    symlinkSync(join(l.outside, "logo.png"), join(l.proj, "house", "linked.png"));
    writeFileSync(
      join(l.proj, "house", "theme.yaml"),
      "name: house\nfonts:\n  body: { family: X, regular: ../../../outside/font.ttf }\nlogo:\n  file: logo.svg\n  fallback: linked.png\n  alt: Logo\n",
    );
    writeFileSync(
      join(l.proj, "house", "logo.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="4"></svg>',
    );
    writeFileSync(join(l.proj, "now.md"), meeting("theme: ./house\n"));
    const r = minutes(l.proj, "check", "now.md");
    expect(r.status).toBe(1);
    const yaml = join(l.proj, "house", "theme.yaml");
    expect(r.stderr).toContain(
      `${yaml}:3:31: error: \`fonts.body.regular\`: "../../../outside/font.ttf" points outside the project folder`,
    );
    expect(r.stderr).toContain(`${yaml}:6:13: error: \`logo.fallback\`: "linked.png" leads through a symbolic link`);
  });
});

describe("the confinement itself", () => {
  it("compares by folders: a name starting with .. is inside, a sibling with a common prefix is not", () => {
    expect(isInside("/p/..notes/a.md", "/p")).toBe(true);
    expect(isInside("/p", "/p")).toBe(true);
    expect(isInside("/pq/a.md", "/p")).toBe(false);
    expect(isInside("/a.md", "/p")).toBe(false);
  });

  it("on Windows, ignores case, and puts another drive outside", () => {
    expect(isInside("C:\\Minutes\\2024\\a.md", "c:\\minutes", win32)).toBe(true);
    expect(isInside("D:\\Minutes\\a.md", "C:\\Minutes", win32)).toBe(false);
    expect(isInside("C:\\Minutes-old\\a.md", "C:\\Minutes", win32)).toBe(false);
    expect(isInside("\\\\server\\share\\a.md", "C:\\Minutes", win32)).toBe(false);
    expect(isInside("C:\\Minutes\\..\\secret.md", "C:\\Minutes", win32)).toBe(false);
  });

  it("follows a dangling symbolic link to where a write would land", () => {
    const l = layout();
    symlinkSync(join(l.outside, "not-yet.pdf"), join(l.proj, "out.pdf"));
    expect(realPath(join(l.proj, "out.pdf"))).toBe(join(realPath(l.outside), "not-yet.pdf"));
    expect(resolveSafePath("out.pdf", l.proj, { projectDir: l.proj })).toMatchObject({
      ok: false,
      rule: "path-outside-project",
    });
    expect(resolveSafePath("new/deeper/file.md", l.proj, { projectDir: l.proj })).toEqual({
      ok: true,
      path: join(l.proj, "new", "deeper", "file.md"),
    });
    expect(statSync(l.proj).isDirectory()).toBe(true);
  });

  it("never fetches: a web address is refused whatever --allow-outside says", () => {
    expect(resolveSafePath("https://example.org/x.md", "/p", { projectDir: "/p", allowOutside: ["/"] })).toMatchObject({
      ok: false,
      rule: "path-remote",
    });
  });
});
