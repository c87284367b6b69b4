// Whether this run is a CI job: there every job starts on a fresh machine and ends with it, so the launcher
// neither makes a startup snapshot in the background nor leaves a build server behind. `CI` is what most
// services set (GitHub, GitLab, CircleCI, Travis, Bitbucket, Woodpecker…); the others are named by their own
// variable. Only node: modules and no I/O: the launcher bundles it.

/** Variables that only a CI service sets (`CI` itself is read apart: `CI=false` says no). */
export const ciServiceVariables = [
  "JENKINS_URL", // Jenkins
  "TF_BUILD", // Azure Pipelines
  "TEAMCITY_VERSION", // TeamCity
  "BUILDKITE", // Buildkite
  "CODEBUILD_BUILD_ID", // AWS CodeBuild
  "GITHUB_ACTIONS",
  "GITLAB_CI",
  "APPVEYOR",
  "BITBUCKET_BUILD_NUMBER",
];

export function inCi(env: NodeJS.ProcessEnv): boolean {
  if (env.CI) return !/^(false|0)$/i.test(env.CI);
  return ciServiceVariables.some((name) => Boolean(env[name]));
}
