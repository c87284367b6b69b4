import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI's messages in English whatever the machine's locale (see the file).
    setupFiles: ["test/helpers/english-messages.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
