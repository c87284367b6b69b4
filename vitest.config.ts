import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI's messages in English whatever the machine's locale (see the file).
    setupFiles: ["test/helpers/english-messages.ts"],
    // No build server (src/start/build-server.ts) left behind by the CLI runs: test/build-server.test.ts turns it on.
    env: { MINUTES_SERVER: "0" },
    // dist/ built again first when it is older than src/ (the CLI suites run it through bin/minutes.js).
    globalSetup: ["test/helpers/fresh-dist.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
