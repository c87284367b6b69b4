// Reading CI files as a runner does: the shell steps of a GitHub workflow, a GitLab pipeline or a composite
// action (parsed with `yaml`), the actions they use, and every npm-registry package their shell installs or runs.
import { parse } from "yaml";

interface GithubStep {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
type GitlabJob = { before_script?: string[]; script?: string[]; after_script?: string[] };

/** The shell steps of a GitHub workflow (every job) or of a composite action's `runs:`, in order. */
export function githubSteps(text: string): GithubStep[] {
  const file = parse(text) as { jobs?: Record<string, { steps?: GithubStep[] }>; runs?: { steps?: GithubStep[] } };
  return [...Object.values(file.jobs ?? {}).flatMap((job) => job.steps ?? []), ...(file.runs?.steps ?? [])];
}

/** Each job's commands in the order GitLab runs them: the job's (else the default) before_script, script, after_script. */
export function gitlabScripts(text: string): string[] {
  const pipeline = parse(text) as Record<string, unknown> & GitlabJob & { default?: GitlabJob };
  const defaults: GitlabJob = {
    ...pipeline.default,
    ...(pipeline.before_script ? { before_script: pipeline.before_script } : {}),
    ...(pipeline.after_script ? { after_script: pipeline.after_script } : {}),
  };
  const jobs = Object.entries(pipeline)
    .filter(
      ([name, job]) =>
        name !== "default" && !!job && typeof job === "object" && Array.isArray((job as GitlabJob).script),
    )
    .map(([, job]) => job as GitlabJob);
  return jobs.flatMap((job) => [
    ...(job.before_script ?? defaults.before_script ?? []),
    ...job.script!,
    ...(job.after_script ?? defaults.after_script ?? []),
  ]);
}

/** The shell scripts of a CI file: GitHub `run:` (workflow or composite action), else GitLab scripts. */
export function shellScripts(text: string): string[] {
  const github = githubSteps(text);
  return github.length > 0 ? github.flatMap((s) => (s.run ? [s.run] : [])) : gitlabScripts(text);
}

/** Simple commands of a script: continued lines joined, split at newlines, ;, &&, || and |. */
function commands(script: string): string[][] {
  return script
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n|;|&&|\|\||\|/)
    .map(words)
    .filter((c) => c.length > 0);
}

/** A command's words, quotes removed (no expansion: `$X` stays as written). */
function words(command: string): string[] {
  return [...command.matchAll(/(?:"[^"]*"|'[^']*'|[^\s"']+)+/g)].map((m) =>
    m[0].replace(/"([^"]*)"|'([^']*)'/g, "$1$2"),
  );
}

/** Sub-commands that install packages, and those that fetch and run one (its first operand is the package). */
const installers: Record<string, { install: string[]; run: string[] }> = {
  npm: {
    install: ["install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add"],
    run: ["exec", "x", "init", "create"],
  },
  pnpm: { install: ["add", "install", "i"], run: ["dlx", "create"] },
  yarn: { install: ["add"], run: ["dlx", "create"] },
  bun: { install: ["add", "install", "i"], run: ["x", "create"] },
};
const runners = new Set(["npx", "bunx", "pnpx"]);
const wrappers = new Set(["sudo", "env", "command", "exec", "time", "nice", "nohup"]);

/** Options whose value is a package (npx -p, npm exec --package, pnpm dlx -p…). */
const packageOptions = new Set(["-p", "--package"]);

/**
 * Every package argument of an install or fetch-and-run command (npm install/i/add, npx, npm exec, pnpm
 * add/dlx, yarn add/dlx, bunx…) that is not `${name}@${version}`, as written; also any option that points
 * the command at another registry. Empty when the scripts install and run our exact package only. An
 * option's value written apart (`--prefix /x`) counts as an operand: an unknown option is reported, not missed.
 */
export function foreignPackages(scripts: readonly string[], name: string, version: string): string[] {
  const ours = `${name}@${version}`;
  const found: string[] = [];
  for (const command of scripts.flatMap(commands)) {
    // Words before the command: variable assignments and wrappers (sudo npx …, env X=1 npm i …).
    const start = command.findIndex((w) => !/^[A-Za-z_]\w*=/.test(w) && !wrappers.has(w));
    let [tool, ...args] = command.slice(start < 0 ? command.length : start);
    if (tool === "yarn" && args[0] === "global") args = args.slice(1);
    const sub = args[0] ?? "";
    const kind = runners.has(tool!)
      ? "run"
      : installers[tool!]?.install.includes(sub)
        ? "install"
        : installers[tool!]?.run.includes(sub)
          ? "run"
          : undefined;
    if (!kind) continue;
    if (!runners.has(tool!)) args = args.slice(1);
    const packages: string[] = [];
    const operands: string[] = [];
    let byOption = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const [option, value] =
        arg.startsWith("--") && arg.includes("=")
          ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
          : [arg, undefined];
      if (packageOptions.has(option)) {
        packages.push(value ?? args[++i] ?? "");
        byOption = true;
      } else if (option === "--registry" || /^--@[^:]+:registry$/.test(option)) {
        found.push(value === undefined ? `${arg} ${args[++i] ?? ""}` : arg);
      } else if (!arg.startsWith("-")) {
        operands.push(arg);
      }
    }
    // npx pkg args…: the first operand is the package, the rest its arguments; with -p, the first operand
    // is a command of those packages. An install's operands are all packages.
    if (kind === "install") packages.push(...operands);
    else if (!byOption && operands[0] !== undefined) packages.push(operands[0]);
    found.push(...packages.filter((p) => p !== ours));
  }
  return found;
}

/** The `uses:` of steps that are not pinned to a version tag (v4, v4.1, v4.1.2) or a full commit hash. */
export function unpinnedActions(steps: readonly GithubStep[]): string[] {
  return steps.flatMap((s) =>
    s.uses && !/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(s.uses) ? [s.uses] : [],
  );
}
