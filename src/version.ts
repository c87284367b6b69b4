// The package version, replaced at bundle time so the CLI does not read package.json at start-up.
declare const MINUTES_VERSION: string | undefined;
export const version: string = typeof MINUTES_VERSION === "string" ? MINUTES_VERSION : "0.0.0-dev";
