// Which reporter a run uses: --reporter, else GitHub annotations when GITHUB_ACTIONS=true, else the human
// form (coloured on a terminal).
import { githubReporter } from "./github.js";
import { humanReporter } from "./human.js";
import { jsonReporter } from "./json.js";
import type { Reporter } from "./reporter.js";

export const reporterNames = ["human", "json", "github"] as const;
export type ReporterName = (typeof reporterNames)[number];

export interface ReporterEnvironment {
  env: NodeJS.ProcessEnv;
  /** Whether the message stream (stderr) is a terminal. */
  isTTY: boolean;
}

export function isReporterName(name: string): name is ReporterName {
  return (reporterNames as readonly string[]).includes(name);
}

/** Colour on a terminal; NO_COLOR (any value) turns it off, FORCE_COLOR (other than 0) turns it on. */
export function useColor({ env, isTTY }: ReporterEnvironment): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY;
}

export function chooseReporter(requested: ReporterName | undefined, environment: ReporterEnvironment): Reporter {
  const name = requested ?? (environment.env.GITHUB_ACTIONS === "true" ? "github" : "human");
  if (name === "json") return jsonReporter();
  if (name === "github") return githubReporter();
  return humanReporter({ color: useColor(environment) });
}
