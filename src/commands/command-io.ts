// What a command writes and its exit code go through this object, which cli.ts makes: cli.ts is the only
// module that touches the process's streams, so a command can be run in a test with strings for streams.
import type { Streams } from "../batch/progress.js";

export interface CommandIo {
  out: (text: string | Uint8Array) => void;
  err: (text: string) => void;
  setExit: (code: number) => void;
  /** The streams themselves, for what draws as it goes (the progress bar of a batch needs the terminal's width). */
  streams: Streams;
}
