// The executable entry of the bundle (bin/minutes.js, and bin/minutes when there is no startup snapshot).
import { runCli } from "./run-cli.js";

if (process.env.MINUTES_TRACE_START) process.stderr.write("minutes: started from the bundle\n");
runCli(process.argv.slice(2));
