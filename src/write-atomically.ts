// Writes a file so that readers see either the old bytes or the new ones, never a part: the bytes go
// to a temporary file in the same folder (named .<name>.<pid>-<random>.tmp, never taken for an output),
// which is then renamed into place. The random part keeps worker threads of one process apart.
// Commands check their outputs against their inputs here too (overwritesInput), with one wording, and
// say why the file system refused a write with one table (whyNotWritten, writeFix).
import { randomBytes } from "node:crypto";
import { statSync, type Stats } from "node:fs";
import { constants, copyFile, link, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { render, text, type MessageId, type Param, type Text } from "./i18n/messages.js";

/** Bytes of a name the temporary file keeps: with its 22 added bytes it stays under NAME_MAX (255), so an output whose own name fits never fails on its temporary name. */
const KEPT_NAME_BYTES = 200;

const temporaryFor = (path: string): string =>
  join(dirname(path), `.${shortened(basename(path))}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);

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
      if ((await stat(path).catch(() => undefined))?.isDirectory())
        throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: "EISDIR" });
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
  return (
    aStat !== undefined && bStat !== undefined && aStat.ino !== 0 && aStat.dev === bStat.dev && aStat.ino === bStat.ino
  );
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // a file where a folder of its path should be
  }
}

/** The first of `inputs` (files the command read) that writing `output` would overwrite, if any. */
export function overwritesInput(output: string, inputs: readonly string[]): string | undefined {
  const target = statOrUndefined(output);
  return inputs.find((input) => sameFile(output, target, input));
}

/** The one wording, in every command that writes, for an output refused because it is one of the inputs. */
export function overwriteProblem(input: string, output: string): Diagnostic {
  return diagnostic({
    file: input,
    line: null,
    column: null,
    severity: "error",
    rule: "output-overwrites-input",
    message: text("output-overwrites-input", { output }),
    hint: text("output-overwrites-input.hint"),
  });
}

/**
 * Why the file system refused a write, and what to do, in the user's words: one row per error code, for
 * every command that writes (entries write.why.* and write.fix.* of the catalogue). Neither text names a
 * flag, so each command's message can use both.
 */
const writeFaults: Record<string, { why: MessageId; fix: MessageId }> = {
  EACCES: { why: "write.why.permission", fix: "write.fix.EACCES" },
  EPERM: { why: "write.why.permission", fix: "write.fix.EPERM" },
  EROFS: { why: "write.why.read-only", fix: "write.fix.EROFS" },
  ENOSPC: { why: "write.why.disk-full", fix: "write.fix.ENOSPC" },
  EDQUOT: { why: "write.why.quota", fix: "write.fix.EDQUOT" },
  EISDIR: { why: "write.why.folder-in-the-way", fix: "write.fix.EISDIR" },
  ENOTDIR: { why: "write.why.file-in-the-way", fix: "write.fix.ENOTDIR" },
  EEXIST: { why: "write.why.file-in-the-way", fix: "write.fix.ENOTDIR" },
  ENAMETOOLONG: { why: "write.why.name-too-long", fix: "write.fix.ENAMETOOLONG" },
  ENOENT: { why: "write.why.no-folder", fix: "write.fix.ENOENT" },
  ELOOP: { why: "write.why.link-loop", fix: "write.fix.ELOOP" },
  EMFILE: { why: "write.why.too-many-files", fix: "write.fix.EMFILE" },
  ENFILE: { why: "write.why.too-many-files", fix: "write.fix.EMFILE" },
  EBUSY: { why: "write.why.in-use", fix: "write.fix.EBUSY" },
  ETXTBSY: { why: "write.why.in-use", fix: "write.fix.ETXTBSY" },
  EIO: { why: "write.why.io-error", fix: "write.fix.EIO" },
};

const codeOf = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : undefined;
};

/** Why the file system refused to write an output (a catalogue text, or the error code it has no entry for); undefined for an error that is not the file system's. */
export function whyNotWrittenText(error: unknown): Text | string | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  const fault = writeFaults[code];
  return fault ? text(fault.why) : code;
}

/** What to do about a refused write (the hint beside whyNotWrittenText). */
export function writeFixText(error: unknown): Text {
  return text(writeFaults[codeOf(error) ?? ""]?.fix ?? "write.fix");
}

/** whyNotWrittenText in the run's language, for a line the command prints itself. */
export function whyNotWritten(error: unknown): string | undefined {
  const why = whyNotWrittenText(error);
  return why === undefined ? undefined : typeof why === "object" ? render(why) : String(why);
}

/** writeFixText in the run's language. */
export function writeFix(error: unknown): string {
  return render(writeFixText(error));
}

/** The output a refused write was for: the WriteFailure's, else `fallback` (the folder being made). */
export function failedOutput(error: unknown, fallback: string): string {
  return error instanceof WriteFailure ? error.output : fallback;
}

/**
 * A refused write as a `write-output` error of `file`, with `message` saying what was not written and
 * `why` in it; undefined for an error that is not the file system's (a bug: the caller rethrows it).
 */
export function writeProblem(file: string, error: unknown, message: (why: Param) => Text): Diagnostic | undefined {
  const why = whyNotWrittenText(error);
  if (why === undefined) return undefined;
  return diagnostic({
    file,
    line: null,
    column: null,
    severity: "error",
    rule: "write-output",
    message: message(why),
    hint: writeFixText(error),
  });
}
