// Generated minutes repositories for batch tests: copies of the seed with varied dates, in year folders.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const seed = "examples/2022-09-23-gtm.md";

/** `count` seed meetings under <dir>/<year>/, dated one week apart from 2021-01-04; returns their paths. */
export function generateRepo(dir: string, count: number): string[] {
  const text = readFileSync(seed, "utf8");
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(2021, 0, 4 + 7 * i)).toISOString().slice(0, 10);
    const folder = join(dir, date.slice(0, 4));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${date}-gtm.md`);
    writeFileSync(path, text.replace("date: 2022-09-23", `date: ${date}`));
    paths.push(path);
  }
  return paths;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `minutes-${prefix}-`));
}
