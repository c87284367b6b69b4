// Writes a file so that readers see either the old bytes or the new ones, never a part: the bytes go
// to a temporary file in the same folder (named .<name>.<pid>-<random>.tmp, never taken for an output),
// which is then renamed into place. The random part keeps worker threads of one process apart.
// Commands check their outputs against their inputs here too (overwritesInput), with one wording.
import { randomBytes } from "node:crypto";
import { statSync, type Stats } from "node:fs";
import { constants, copyFile, link, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";

const temporaryFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);

export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = temporaryFor(path);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a file that must not exist yet (`minutes new`, `minutes init`): complete or not at all, and never
 * over a file, even one made meanwhile: the temporary file is hard-linked into place (EEXIST if taken).
 */
export async function writeNew(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = temporaryFor(path);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    try {
      await link(temporary, path);
    } catch (error) {
      // File systems without hard links (FAT, some network shares): an exclusive copy.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EXDEV") throw error;
      await copyFile(temporary, path, constants.COPYFILE_EXCL);
    }
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Same file: same path, or the same device and inode (a link, another spelling on a case-insensitive disk). */
function sameFile(a: string, aStat: Stats | undefined, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const bStat = aStat && statOrUndefined(b);
  return aStat !== undefined && bStat !== undefined && aStat.ino !== 0 && aStat.dev === bStat.dev && aStat.ino === bStat.ino;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined; // not there, or a file where a folder of its path should be
  }
}

/** The first of `inputs` (files the command read) that writing `output` would overwrite, if any. */
export function overwritesInput(output: string, inputs: readonly string[]): string | undefined {
  const target = statOrUndefined(output);
  return inputs.find((input) => sameFile(output, target, input));
}

/** The one wording, in every command that writes, for an output refused because it is one of the inputs. */
export function overwriteProblem(input: string, output: string): Diagnostic {
  return {
    file: input, line: null, column: null, severity: "error", rule: "output-overwrites-input",
    message: `The output ${output} would overwrite this file, which the command reads; nothing was written.`,
    hint: "Write the output to another file or folder (--out), or rename the input.",
  };
}

/** Why the file system refused to write an output, in the user's words; undefined for an error that is not the file system's. */
export function whyNotWritten(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return undefined;
  const reasons: Record<string, string> = {
    EEXIST: "a file is in the way of the output folder",
    ENOTDIR: "a file is in the way of the output folder",
    EISDIR: "a folder has the output's name",
    ENOENT: "its folder does not exist",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
  };
  return reasons[code] ?? code;
}
