// Writes a file so that readers see either the old bytes or the new ones, never a part: the bytes go
// to a temporary file in the same folder (named .<name>.<pid>-<random>.tmp, never taken for an output),
// which is then renamed into place. The random part keeps worker threads of one process apart.
// Commands check their outputs against their inputs here too (overwritesInput), with one wording, and
// say why the file system refused a write with one table (whyNotWritten, writeFix).
import { randomBytes } from "node:crypto";
import { statSync, type Stats } from "node:fs";
import { constants, copyFile, link, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";

/** Bytes of a name the temporary file keeps: with its 22 added bytes it stays under NAME_MAX (255), so an output whose own name fits never fails on its temporary name. */
const KEPT_NAME_BYTES = 200;

const temporaryFor = (path: string): string => join(dirname(path), `.${shortened(basename(path))}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);

function shortened(name: string): string {
  if (Buffer.byteLength(name) <= KEPT_NAME_BYTES) return name;
  let kept = "";
  for (const character of name) {
    if (Buffer.byteLength(kept + character) > KEPT_NAME_BYTES) break;
    kept += character;
  }
  return kept;
}

/** A write the file system refused: which output, and the system's code (EACCES, ENOSPC, EISDIR…). */
export class WriteFailure extends Error {
  constructor(
    readonly output: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`${code}: ${output}`, { cause });
  }
}

export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await writeAllAtomically([{ path, bytes }]);
}

/**
 * Writes several files as one: every temporary file first, then the renames, so a refused write (disk
 * full, no permission) changes none of them; a folder standing where one goes is refused before anything
 * is written. On failure no temporary file is left, and a file-system error comes back as a WriteFailure
 * naming the output (any other error is thrown as it is).
 */
export async function writeAllAtomically(files: readonly { path: string; bytes: Uint8Array }[]): Promise<void> {
  const staged: { path: string; temporary: string }[] = [];
  let current = files[0]?.path ?? "";
  try {
    for (const { path } of files) {
      current = path;
      if ((await stat(path).catch(() => undefined))?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: "EISDIR" });
    }
    for (const { path, bytes } of files) {
      current = path;
      const temporary = temporaryFor(path);
      staged.push({ path, temporary });
      await writeFile(temporary, bytes);
    }
    while (staged.length > 0) {
      current = staged[0]!.path;
      await rename(staged[0]!.temporary, staged[0]!.path);
      staged.shift();
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    const code = (error as NodeJS.ErrnoException).code;
    throw typeof code === "string" ? new WriteFailure(current, code, error) : error;
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

/**
 * Why the file system refused a write, and what to do, in the user's words: one row per error code, for
 * every command that writes. Neither text names a flag, so each command's message can use both.
 */
const writeFaults: Record<string, { why: string; fix: string }> = {
  EACCES: { why: "permission denied", fix: "Make the folder writable for you (ls -ld shows its owner and mode), or write somewhere else." },
  EPERM: { why: "permission denied", fix: "Make the folder writable for you, close any program that holds the file open, or write somewhere else." },
  EROFS: { why: "the disk is read-only", fix: "Write to a folder on a disk that can be written to." },
  ENOSPC: { why: "the disk is full", fix: "Free some space on that disk, or write to another disk." },
  EDQUOT: { why: "the disk quota is used up", fix: "Free some space within your quota, or write to another disk." },
  EISDIR: { why: "a folder has the output's name", fix: "Move or rename that folder, or write somewhere else." },
  ENOTDIR: { why: "a file is in the way of the output folder", fix: "Move or rename the file that stands where a folder of the path should be, or write somewhere else." },
  EEXIST: { why: "a file is in the way of the output folder", fix: "Move or rename the file that stands where a folder of the path should be, or write somewhere else." },
  ENAMETOOLONG: { why: "the name is too long for the file system", fix: "Use a shorter file name, or a folder with a shorter path." },
  ENOENT: { why: "its folder does not exist", fix: "Create the folder first, or write somewhere else." },
  ELOOP: { why: "the path goes round a loop of symbolic links", fix: "Remove the loop of symbolic links, or write somewhere else." },
  EMFILE: { why: "too many files are open", fix: "Build with fewer --jobs, or raise the limit of open files (ulimit -n)." },
  ENFILE: { why: "too many files are open", fix: "Build with fewer --jobs, or raise the limit of open files (ulimit -n)." },
  EBUSY: { why: "the file is in use by another program", fix: "Close the program that holds it open (a PDF viewer, Word), then run the command again." },
  ETXTBSY: { why: "the file is in use by another program", fix: "Close the program that holds it open, then run the command again." },
  EIO: { why: "the disk reported a read or write error", fix: "Check the disk (dmesg, fsck), and write somewhere else meanwhile." },
};

const codeOf = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : undefined;
};

/** Why the file system refused to write an output, in the user's words; undefined for an error that is not the file system's. */
export function whyNotWritten(error: unknown): string | undefined {
  const code = codeOf(error);
  return code === undefined ? undefined : (writeFaults[code]?.why ?? code);
}

/** What to do about a refused write (the hint beside whyNotWritten). */
export function writeFix(error: unknown): string {
  return writeFaults[codeOf(error) ?? ""]?.fix ?? "Check that the folder can be written to, or write somewhere else.";
}

/** The output a refused write was for: the WriteFailure's, else `fallback` (the folder being made). */
export function failedOutput(error: unknown, fallback: string): string {
  return error instanceof WriteFailure ? error.output : fallback;
}

/**
 * A refused write as a `write-output` error of `file`, with `message` saying what was not written and
 * `why` in it; undefined for an error that is not the file system's (a bug: the caller rethrows it).
 */
export function writeProblem(file: string, error: unknown, message: (why: string) => string): Diagnostic | undefined {
  const why = whyNotWritten(error);
  if (why === undefined) return undefined;
  return { file, line: null, column: null, severity: "error", rule: "write-output", message: message(why), hint: writeFix(error) };
}
