// Which file a request of the preview server names, and whether it may be served. The server serves only
// files below its roots (the project folder, and the folder the preview renders into), so the request's
// path is read strictly, before anything touches the disk: it must start with "/", and no part may be
// empty, "." or "..", hidden (".git", ".env"), or hold a separator, a backslash or a NUL once decoded
// (`%2e%2e`, `%2f`, `%5c`), or name a Windows drive. Such a request is answered 404: no file has that name
// below the root. A name that passes is joined to the root, and its real path (symbolic links followed)
// must still be inside the root's real path, else 403: a link in the project that leads out of it is not
// followed. WHATWG URL parsing is not used on purpose: it would turn "/a/%2e%2e/b" into "/b" silently.
import { realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { isInside } from "../safe-path.js";

/** A request path's parts, decoded, or undefined when it cannot name a file below a root. */
export function requestParts(target: string): string[] | undefined {
  // Origin-form only ("/a/b?q"): an absolute URL ("http://host/…") or "*" names no file.
  if (!target.startsWith("/") || target.startsWith("//")) return undefined;
  const path = target.replace(/[?#].*$/s, "");
  if (path.includes("\\")) return undefined;
  const raw = path.slice(1).split("/");
  // "/" itself names the root; a trailing "/" names a folder, which is never served.
  if (raw.length === 1 && raw[0] === "") return [];
  const parts: string[] = [];
  for (const part of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined; // "%zz", or a lone surrogate's bytes
    }
    if (
      decoded === "" ||
      decoded.startsWith(".") ||
      /[/\\\0]/.test(decoded) ||
      /^[a-z]:/i.test(decoded) ||
      decoded.includes("\uFFFD")
    )
      return undefined;
    parts.push(decoded);
  }
  return parts;
}

export type Lookup = { status: 200; path: string } | { status: 403 | 404 };

/** The regular file `parts` name below `root`, when its real path stays inside the root's. */
export function lookUp(root: string, parts: readonly string[]): Lookup {
  if (parts.length === 0) return { status: 404 };
  const path = join(root, ...parts);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { status: 404 };
  }
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { status: 404 };
  }
  if (!isInside(real, realRoot)) return { status: 403 };
  try {
    return statSync(real).isFile() ? { status: 200, path: real } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}
