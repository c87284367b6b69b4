// A reader that stops early (`minutes actions | head`) closes the pipe: the command stops quietly, as other
// command-line tools do, whether it runs here (run-cli.ts) or prints what the build server sends (server-client.ts).
// Only node: modules: the launcher bundles this file.
export function stopQuietlyWhenPipeCloses(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
}
