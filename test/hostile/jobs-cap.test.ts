// Hostile repositories, class "damaged or hostile inputs": `jobs: 5000` in a repository's config (or
// --jobs 5000) started one worker thread per file and took 5.3 GB. The pool is capped at the cores and at
// the memory available, with a warning that says the number asked, the number used and why.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILDER_MB, cgroupMemoryLeft, poolSize, thisMachine } from "../../src/batch/pool-size.js";
import { jobsCapped } from "../../src/commands/build.js";
import { plainDiagnostic } from "../../src/diagnostics.js";
import { generateRepo, tempDir } from "../helpers/minutes-repo.js";
import { plainCliEnv } from "../helpers/tools.js";

const bin = resolve("bin/minutes.js");
const minutes = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...plainCliEnv(), CI: "true", MINUTES_TRACE_START: "1" },
  });
/** The pool this machine allows (the test runs where the command does). */
const allowed = () => poolSize(5000, thisMachine()).jobs;

describe("a number of jobs beyond the machine", () => {
  it("--jobs 5000: a pool of as many builders as the cores allow, and a warning that says so", () => {
    const repo = tempDir("jobs-flag");
    generateRepo(repo, 8);
    const r = minutes("build", repo, "--out", tempDir("jobs-flag-out"), "--format", "json", "--jobs", "5000", "--json");
    expect(r.status, r.stderr).toBe(0); // a warning, not an error
    const used = Math.min(allowed(), 8);
    expect(r.stderr).toContain(`minutes: a pool of ${used} builders: this thread and ${used - 1} worker thread`);
    expect(r.stderr.match(/worker thread started/g)?.length ?? 0).toBe(used - 1);
    expect(r.stderr).toContain(
      `--jobs: warning: 5000 files at once were asked for; ${used} are built at once, as this machine has ${thisMachine().cores} cores. [jobs-capped]`,
    );
    expect(r.stderr).toContain(`hint: Ask for ${used} or fewer, or leave the number out`);
    // The JSON summary on stdout is untouched by the warning.
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, totals: { files: 8, built: 8 } });
  });

  it("jobs: 5000 in the config: the same cap, the warning at the config's line and column", () => {
    const repo = tempDir("jobs-config");
    generateRepo(repo, 8);
    writeFileSync(join(repo, "minutes.config.yaml"), "language: fr\njobs: 5000\n");
    const r = minutes("build", repo, "--out", tempDir("jobs-config-out"), "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    const used = Math.min(allowed(), 8);
    expect(r.stderr).toContain(`minutes: a pool of ${used} builders`);
    expect(r.stderr).toContain(
      `${join(repo, "minutes.config.yaml")}:2:7: warning: 5000 files at once were asked for; ${used} are built at once`,
    );
  });

  it("says nothing when the number asked would not have mattered: one file, --quiet, or no number asked", () => {
    const repo = tempDir("jobs-quiet");
    const [first] = generateRepo(repo, 3);
    expect(
      minutes("build", first!, "--out", tempDir("jobs-one"), "--format", "json", "--jobs", "5000").stderr,
    ).not.toContain("jobs-capped");
    const quiet = minutes("build", repo, "--out", tempDir("jobs-q"), "--format", "json", "--jobs", "5000", "--quiet");
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).not.toContain("jobs-capped");
    const plain = minutes("build", repo, "--out", tempDir("jobs-default"), "--format", "json");
    expect(plain.stderr).not.toContain("jobs-capped");
    expect(plain.stderr).toContain(`minutes: a pool of ${Math.min(allowed(), 3)} builders`);
  });
});

describe("the pool size", () => {
  const machine = (cores: number, availableMb: number) => ({ cores, availableMb });

  it("is the number asked, capped at the cores and at 3/4 of the memory available per builder", () => {
    expect(poolSize(4, machine(8, 16_000))).toEqual({ asked: 4, jobs: 4, machine: machine(8, 16_000) });
    expect(poolSize(5000, machine(8, 16_000))).toMatchObject({ jobs: 8, limitedBy: "cores" });
    // 400 MB: this thread and floor(300 / 80) = 3 workers.
    expect(poolSize(5000, machine(64, 400))).toMatchObject({ jobs: 4, limitedBy: "memory" });
    expect(poolSize(5000, machine(64, 0))).toMatchObject({ jobs: 1, limitedBy: "memory" });
    expect(poolSize(1, machine(1, 0))).toMatchObject({ jobs: 1 });
  });

  it("says how much memory it counted in the warning, when memory is what limits", () => {
    const pool = poolSize(5000, machine(64, 400));
    expect(plainDiagnostic(jobsCapped(pool, { file: "minutes.config.yaml", line: 2, column: 7 }))).toEqual({
      file: "minutes.config.yaml",
      line: 2,
      column: 7,
      severity: "warning",
      rule: "jobs-capped",
      message: `5000 files at once were asked for; 4 are built at once, as 400 MB of memory is available and each takes about ${BUILDER_MB} MB.`,
      hint: "Ask for 4 or fewer, or leave the number out: the default is as many as the cores and the memory allow.",
    });
  });

  it("counts the memory left under a cgroup limit (v2, else v1), and none when there is no limit", () => {
    const files = (entries: Record<string, string>) => (path: string) => entries[path];
    const MB = 2 ** 20;
    expect(
      cgroupMemoryLeft(files({ "/sys/fs/cgroup/memory.max": "max\n", "/sys/fs/cgroup/memory.current": "5000000\n" })),
    ).toBeUndefined();
    expect(
      cgroupMemoryLeft(
        files({ "/sys/fs/cgroup/memory.max": `${512 * MB}\n`, "/sys/fs/cgroup/memory.current": `${200 * MB}\n` }),
      ),
    ).toBe(312 * MB);
    expect(
      cgroupMemoryLeft(
        files({
          "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n",
          "/sys/fs/cgroup/memory/memory.usage_in_bytes": "1\n",
        }),
      ),
    ).toBeUndefined();
    expect(
      cgroupMemoryLeft(
        files({
          "/sys/fs/cgroup/memory/memory.limit_in_bytes": `${256 * MB}`,
          "/sys/fs/cgroup/memory/memory.usage_in_bytes": `${300 * MB}`,
        }),
      ),
    ).toBe(0);
    expect(cgroupMemoryLeft(files({}))).toBeUndefined();
    // The lower of the system's free memory and the cgroup's.
    expect(
      thisMachine(
        files({ "/sys/fs/cgroup/memory.max": `${512 * MB}`, "/sys/fs/cgroup/memory.current": `${200 * MB}` }),
        8000 * MB,
        4,
      ),
    ).toEqual({ cores: 4, availableMb: 312 });
    expect(thisMachine(files({}), 8000 * MB, 4)).toEqual({ cores: 4, availableMb: 8000 });
  });
});
