// --watch keeps seeing a file that an editor saves by replacing it (vim, gedit, Kate and `sed -i` write a
// new file and rename it over the old one), save after save, for a single file and for a folder.
import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/minutes-repo.js";

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What an editor that replaces the file does: write a new file beside it, then rename it over the old one. */
function saveByReplacing(path: string, edit: (text: string) => string): void {
  writeFileSync(`${path}.swp`, edit(readFileSync(path, "utf8")));
  renameSync(`${path}.swp`, path);
}

describe("minutes build --watch with an editor that replaces the file", () => {
  for (const target of ["file", "folder"] as const) {
    it(`rebuilds after every save of a ${target}, not only the first`, async () => {
      const dir = tempDir(`watch-replace-${target}`);
      const input = join(dir, "2022-09-23-gtm.md");
      copyFileSync("examples/2022-09-23-gtm.md", input);
      const out = join(dir, "out");
      const child = spawn(
        process.execPath,
        ["bin/minutes.js", "build", target === "file" ? input : dir, "--out", out, "--format", "json", "--watch"],
        { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } },
      );
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      const output = join(out, "2022-09-23-gtm.json");
      try {
        await until(() => stderr.includes("(Ctrl-C"), "the first build");
        for (const word of ["Premier", "Deuxième", "Troisième"]) {
          saveByReplacing(input, (text) => text.replace(/^## Ouverture.*$/m, `## Ouverture ${word} {-}`));
          await until(
            () => readFileSync(output, "utf8").includes(`Ouverture ${word}`),
            `the build after the save "${word}"`,
          );
        }
      } finally {
        child.kill("SIGINT");
      }
      expect(await exited).toBe(0);
    });
  }
});
