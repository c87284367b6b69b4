// The package version, replaced at bundle time so the CLI does not read package.json at start-up.
declare const MINUTES_VERSION: string | undefined;
export const version: string = typeof MINUTES_VERSION === "string" ? MINUTES_VERSION : "0.0.0-dev";

/** The npm package's name (the command is `minutes`); test/scaffold-workflows.test.ts checks it is package.json's. */
export const packageName = "markdown-minutes";

declare const MINUTES_BUILD_ID: string | undefined;
/** A hash of the sources the bundle was built from ("dev" when running from the sources). */
export const buildId: string = typeof MINUTES_BUILD_ID === "string" ? MINUTES_BUILD_ID : "dev";
