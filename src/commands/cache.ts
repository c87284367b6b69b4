// `minutes cache` shows the per-user cache folder (startup snapshots and V8's code cache, src/user-cache.ts):
// where it is, its size, each folder with what it was made for and what the next clean-up does with it.
// `minutes cache clear` removes everything minutes made there. A folder that cannot be read or emptied is
// said as a problem with a hint (exit 1), never as a stack trace.
import type { Command } from "commander";
import { problemLines, say, sayCount, uiLanguage, type MessageId } from "../i18n/messages.js";
import { cacheRoot, clearCache, readCache, UNUSED_DAYS, type CacheEntry } from "../user-cache.js";
import { whyNotWritten } from "../write-atomically.js";
import type { CommandIo } from "./command-io.js";
import { localToday } from "./cli-dates.js";
import { withExamples } from "./localised-help.js";

/** 23.2 MB, 4,7 Go: decimal units, in the run's language. */
function formatSize(bytes: number): string {
  const [unit, scale] = bytes >= 1e9 ? ["gigabyte", 1e9] : bytes >= 1e6 ? ["megabyte", 1e6] : ["kilobyte", 1e3];
  return new Intl.NumberFormat(uiLanguage(), { style: "unit", unit, maximumFractionDigits: 1 }).format(bytes / scale);
}

const states: Record<CacheEntry["state"], MessageId> = {
  kept: "cache.state.kept",
  busy: "cache.state.busy",
  "node-gone": "cache.state.node-gone",
  "minutes-gone": "cache.state.minutes-gone",
  unused: "cache.state.unused",
};

function holds(entry: CacheEntry): string {
  if (entry.snapshot && entry.codeCache) return say("cache.holds.both");
  return say(entry.snapshot ? "cache.holds.snapshot" : "cache.holds.code-cache");
}

/** Two lines a folder: its name, size, last use and fate; then what it holds and was made for. */
function entryLines(entry: CacheEntry): string {
  const made = entry.madeFor;
  const what = made
    ? say("cache.made-for", {
        holds: holds(entry),
        nodeVersion: made.nodeVersion,
        node: made.node,
        version: made.version,
        folder: made.root,
      })
    : holds(entry);
  const used = say("cache.last-used", { date: localToday(new Date(entry.lastUsed)) });
  const server = entry.server ? `      ${say("cache.server", { pid: entry.server })}\n` : "";
  return `  ${entry.name}  ${formatSize(entry.bytes)}  ${used}  ${say(states[entry.state], { days: UNUSED_DAYS })}\n      ${what}\n${server}`;
}

const total = (entries: readonly CacheEntry[]): number => entries.reduce((sum, entry) => sum + entry.bytes, 0);

/** The system's reason for a refused read or removal, in the run's language (the error code when it has none). */
const why = (error: unknown): string => whyNotWritten(error) ?? String(error);

/**
 * What `use` makes of the cache folder (readCache, clearCache), or undefined when there is none (said as such)
 * or it could not be read (said with the system's reason, and the run exits with 1).
 */
async function inCacheFolder<T>(
  io: CommandIo,
  use: (root: string) => T | Promise<T>,
): Promise<{ root: string; result: T } | undefined> {
  const root = cacheRoot();
  if (!root) {
    io.out(`${say("cache.none")}\n`);
    return undefined;
  }
  try {
    return { root, result: await use(root) };
  } catch (error) {
    io.err(problemLines(say("cache.not-read", { path: root, why: why(error) }), say("cache.not-read.hint")));
    io.setExit(1);
    return undefined;
  }
}

/** The size and the number of folders of a list of entries, as the summary lines say them. */
const amount = (list: readonly CacheEntry[]) => ({
  size: formatSize(total(list)),
  folders: sayCount("count.folder", list.length),
});

async function showCache(io: CommandIo): Promise<void> {
  const found = await inCacheFolder(io, (root) => readCache(root));
  if (!found) return;
  const { root } = found;
  const { entries, others } = found.result;
  io.out(
    entries.length === 0
      ? `${say("cache.empty", { path: root })}\n`
      : `${say("cache.header", { path: root, ...amount(entries) })}\n`,
  );
  for (const entry of entries) io.out(entryLines(entry));
  const stale = entries.filter((entry) => entry.state !== "kept" && entry.state !== "busy");
  if (stale.length > 0) io.out(`${say("cache.to-remove", amount(stale))}\n`);
  if (others > 0) io.out(`${say("cache.others", { count: others })}\n`);
}

async function clear(io: CommandIo): Promise<void> {
  const found = await inCacheFolder(io, (root) => clearCache(root));
  if (!found) return;
  const { root } = found;
  const { removed, failed } = found.result;
  io.out(
    removed.length === 0
      ? `${say("cache.nothing", { path: root })}\n`
      : `${say("cache.cleared", { path: root, ...amount(removed) })}\n`,
  );
  for (const { path, error } of failed)
    io.err(problemLines(say("cache.not-removed", { path, why: why(error) }), say("cache.not-removed.hint")));
  if (failed.length > 0) io.setExit(1);
}

export function registerCacheCommand(program: Command, io: CommandIo): void {
  const examples = [
    ["minutes cache", say("help.example.cache.show")],
    ["minutes cache clear", say("help.example.cache.clear")],
  ] as const;
  const cache = program
    .command("cache")
    .description(say("help.cache"))
    .action(() => showCache(io));
  withExamples(cache, examples);
  withExamples(
    cache
      .command("clear")
      .description(say("help.cache.clear"))
      .action(() => clear(io)),
    examples,
  );
}
