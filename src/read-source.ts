// Reads an input file as text, refusing what is not a Markdown text file with a clear message:
// directories, files over the size limit, binary data and non-UTF-8 encodings (UTF-16 with a BOM is decoded).
import { readFile, stat } from "node:fs/promises";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import { text, type Text } from "./i18n/messages.js";
import type { World } from "./world/world.js";

/** Larger inputs are refused: real minutes are far smaller, and this bounds memory and time. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type SourceResult =
  | { ok: true; text: string }
  | { ok: false; message: Text; hint: Text; place?: { line: number; column: number } };

/** The one `read` error of an input that could not be read, at the place the refusal names (else 1:1). */
export function unreadable(input: string, source: Extract<SourceResult, { ok: false }>): Diagnostic {
  const { line, column } = source.place ?? { line: 1, column: 1 };
  return diagnostic({
    file: input,
    line,
    column,
    severity: "error",
    rule: "read",
    message: source.message,
    hint: source.hint,
  });
}

/** `world`: the build's, which records the read (see src/world/world.ts); without one, read directly. */
export async function readSource(path: string, world?: World): Promise<SourceResult> {
  let bytes: Uint8Array;
  try {
    const info = world ? (world.stat(path) ?? (await stat(path))) : await stat(path);
    if (info.isDirectory()) return { ok: false, message: text("read.folder"), hint: text("read.folder.hint") };
    // A device or a pipe (/dev/zero, a FIFO) would be read forever.
    if (!info.isFile()) return { ok: false, message: text("read.device"), hint: text("read.device.hint") };
    if (info.size > MAX_INPUT_BYTES)
      return {
        ok: false,
        message: text("read.too-large", { size: (info.size / 1048576).toFixed(1), limit: MAX_INPUT_BYTES / 1048576 }),
        hint: text("read.too-large.hint"),
      };
    bytes = world ? world.read(path) : await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, message: text("read.missing"), hint: text("read.missing.hint") };
    if (code === "EACCES" || code === "EPERM")
      return { ok: false, message: text("read.permission"), hint: text("read.permission.hint") };
    return {
      ok: false,
      message: text("read.error", { code: code ?? text("read.unknown-error") }),
      hint: text("read.error.hint"),
    };
  }
  return decode(bytes);
}

export function decode(bytes: Uint8Array): SourceResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  if (bytes.includes(0)) return { ok: false, message: text("read.binary"), hint: text("read.binary.hint") };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      message: text("read.not-utf8"),
      hint: text("read.not-utf8.hint"),
      place: firstInvalidByte(bytes),
    };
  }
}

/** Line and column of the first byte that is not valid UTF-8, so the user can find it. */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  const decoded = new TextDecoder("utf-8").decode(bytes);
  const at = decoded.indexOf("\ufffd");
  const before = decoded.slice(0, Math.max(0, at)).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
