// Runs the command line for an entry point (the bundle's cli-main, or the startup snapshot) and turns
// an unexpected exception (a bug) into exit code 70 with its stack. A process the launcher started as a
// build server (MINUTES_SERVE: server-client.ts) serves builds instead.
import { main, reportBug } from "../cli.js";
import { serveBuilds } from "./build-server.js";
import { stopQuietlyWhenPipeCloses } from "./closed-pipe.js";

export function runCli(argv: string[]): void {
  const serve = process.env.MINUTES_SERVE;
  if (serve) {
    delete process.env.MINUTES_SERVE;
    serveBuilds(serve);
    return;
  }
  stopQuietlyWhenPipeCloses();
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportBug(error);
    },
  );
}
