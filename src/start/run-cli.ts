// Runs the command line for an entry point (the bundle's cli-main, or the startup snapshot) and turns
// an unexpected exception (a bug) into exit code 70 with its stack. A process the launcher started as a
// build server (MINUTES_SERVE: server-client.ts) serves builds instead.
import { main } from "../cli.js";
import { say } from "../i18n/messages.js";
import { serveBuilds } from "./build-server.js";

export function runCli(argv: string[]): void {
  const serve = process.env.MINUTES_SERVE;
  if (serve) {
    delete process.env.MINUTES_SERVE;
    serveBuilds(serve);
    return;
  }
  // A reader that stops early (`minutes actions | head`) closes the pipe: stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`minutes: ${say("internal-error")}\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
