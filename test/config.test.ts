import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../src/build.js";
import { configFor, findConfig, loadConfig } from "../src/config/config.js";

const meeting = "---\ntitle: Board\ndate: 2024-01-10\n---\n\n## Item\n\nText.\n";

function repo(config: string, name = "minutes.config.yaml"): { root: string; input: string } {
  const root = mkdtempSync(join(tmpdir(), "minutes-config-"));
  writeFileSync(join(root, name), config);
  mkdirSync(join(root, "2024"));
  const input = join(root, "2024", "2024-01-10-board.md");
  writeFileSync(input, meeting);
  return { root, input };
}

describe("minutes.config.yaml", () => {
  it("is found by walking up from the input", () => {
    const { root, input } = repo("strict: true\n");
    expect(findConfig(join(root, "2024"))).toBe(join(root, "minutes.config.yaml"));
    expect(configFor(input).config).toMatchObject({ strict: true, dir: root });
  });

  it("reads .json too", () => {
    const { input } = repo('{ "language": "fr" }', "minutes.config.json");
    expect(configFor(input).config?.language).toBe("fr");
  });

  it("reports a bad value and an unknown key at their line and column", () => {
    const { root } = repo("theme: compte-rendu\nstrict: yes please\nformat: [pdf]\n");
    const { config, diagnostics } = loadConfig(join(root, "minutes.config.yaml"));
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule])).toEqual([
      [3, 1, "warning", "config-unknown-key"],
      [2, 9, "error", "config-strict"],
    ]);
    expect(diagnostics[0]!.message).toContain("did you mean `formats`?");
  });

  it("reports malformed YAML at its line", () => {
    const { root } = repo("theme: a\ntheme: b\n");
    const { diagnostics } = loadConfig(join(root, "minutes.config.yaml"));
    expect(diagnostics[0]).toMatchObject({ severity: "error", rule: "config-yaml", line: 2 });
  });

  it("applies its language and strictness, below the front matter and the flags", async () => {
    const { input } = repo("language: fr\nstrict: true\n");
    writeFileSync(input, "---\ntitle: Board\ndate: 2024-01-10\natendees: [A]\n---\n\n## Item\n\nText.\n");
    const strict = await check(input);
    expect(strict.minutes?.meeting.language).toBe("fr");
    expect(strict.ok).toBe(false); // the unknown-key warning blocks under strict: true
    expect((await check(input, { strict: false })).ok).toBe(true); // a flag wins over the config
    writeFileSync(input, "---\ntitle: Board\ndate: 2024-01-10\nlanguage: en\n---\n\n## Item\n\nText.\n");
    expect((await check(input)).minutes?.meeting.language).toBe("en"); // front matter wins over the config
  });

  it("an invalid config file blocks the build with its own place", async () => {
    const { input, root } = repo("strict: 3\n");
    const result = await check(input);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ file: join(root, "minutes.config.yaml"), line: 1, column: 9 });
  });
});
