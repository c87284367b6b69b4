// What the file system and git know of a meeting file, for a date written without a year (src/parse/meeting-
// date.ts): the day of the commit that added the file, and the day it was last modified. The parser does no
// I/O, so the caller hands these over; each is read only when asked, since `git log` costs time.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { FileFacts } from "./parse/meeting-date.js";
import { factKinds, type World } from "./world/world.js";

/** A calendar day (YYYY-MM-DD) as written at the start of an ISO date-time. */
const dayOf = (written: string | undefined): string | undefined => /^\d{4}-\d{2}-\d{2}/.exec(written ?? "")?.[0];

// Facts a build's world records when the parser asks for them, so that a rebuild follows them too.
factKinds.set("first-commit-day", (path) => firstCommitDay(path));
factKinds.set("modified-day", (path) => modifiedDay(path));

function modifiedDay(path: string): string | undefined {
  try {
    return dayOf(statSync(path).mtime.toISOString());
  } catch {
    return undefined;
  }
}

/** `world`: the build's, which records each fact asked for (src/world/world.ts). */
export function fileFacts(path: string, world?: World): FileFacts {
  if (world)
    return {
      firstCommit: () => world.fact("first-commit-day", path),
      modified: () => world.fact("modified-day", path),
    };
  return { firstCommit: () => firstCommitDay(path), modified: () => modifiedDay(path) };
}

/**
 * `git log --diff-filter=A --follow --format=%cI -- <file>`, run without a shell and with a time limit in the
 * file's folder: the oldest line is the commit that added it (its committer's day, as their clock wrote it).
 * Nothing when git is missing, the file is not in a repository, or git takes too long.
 */
export function firstCommitDay(path: string, timeout = 5000): string | undefined {
  try {
    const out = execFileSync("git", ["log", "--diff-filter=A", "--follow", "--format=%cI", "--", basename(path)], {
      cwd: dirname(path),
      timeout,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      windowsHide: true,
    });
    return dayOf(out.trim().split("\n").at(-1));
  } catch {
    return undefined;
  }
}
