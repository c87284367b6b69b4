// A reader that stops early (`minutes actions --help | head`, `minutes actions -f csv | true`) closes the pipe:
// the command stops quietly, without the stack trace of an unhandled EPIPE.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { plainCliEnv } from "./helpers/tools.js";

describe("a closed pipe", () => {
  it.each([
    ["--help", "actions --help"],
    ["the register as CSV", "actions -f csv examples"],
    ["the register as JSON", "actions -f json examples"],
  ])("%s into `true`: no stack trace", (_, args) => {
    // `true` exits without reading, so every write after it has gone fails with EPIPE; several runs, as it is a race.
    for (let run = 0; run < 3; run++) {
      const r = spawnSync("sh", ["-c", `node bin/minutes.js ${args} | true`], {
        encoding: "utf8",
        env: plainCliEnv(),
      });
      expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|^\s+at /m);
    }
  });
});
