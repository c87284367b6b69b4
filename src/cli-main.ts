// The executable entry: runs the CLI and turns an unexpected exception (a bug) into exit code 70.
import { main } from "./cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`minutes: internal error (a bug, please report it with the input file):\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
