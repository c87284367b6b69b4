// Writes a file so that readers see either the old bytes or the new ones, never a part: the bytes go
// to a temporary file in the same folder (named .<name>.<pid>-<random>.tmp, never taken for an output),
// which is then renamed into place. The random part keeps worker threads of one process apart.
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Why the file system refused to write an output, in the user's words; undefined for an error that is not the file system's. */
export function whyNotWritten(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return undefined;
  const reasons: Record<string, string> = {
    EEXIST: "a file is in the way of the output folder",
    ENOTDIR: "a file is in the way of the output folder",
    EISDIR: "a folder has the output's name",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
  };
  return reasons[code] ?? code;
}
