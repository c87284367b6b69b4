// The world of `minutes build FILE --split`: each meeting of the file is served as a file of its own,
// under the name `minutes split` would give it beside the file, though nothing is written. Reading one
// reads (and records) the file itself, whose size and kind stand for the meeting's.
import { resolve } from "node:path";
import type { Stats } from "node:fs";
import { World } from "../world/world.js";

export class SplitWorld extends World {
  private readonly meetings: ReadonlyMap<string, Uint8Array>;

  constructor(
    private readonly source: string,
    meetings: readonly { path: string; text: string }[],
  ) {
    super();
    this.meetings = new Map(meetings.map((m) => [resolve(m.path), new TextEncoder().encode(m.text)]));
  }

  override stat(path: string): Stats | undefined {
    return super.stat(this.meetings.has(resolve(path)) ? this.source : path);
  }

  override read(path: string): Uint8Array {
    const meeting = this.meetings.get(resolve(path));
    if (!meeting) return super.read(path);
    super.read(this.source);
    return meeting;
  }
}
