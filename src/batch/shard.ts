// `--shard i/n`: a deterministic share of the files. A file belongs to the shard its path hashes to,
// so shards stay stable when files are added, and shards 1..n together are exactly the full build.
import { createHash } from "node:crypto";

export interface Shard {
  index: number;
  count: number;
}

/** "2/3" → { index: 2, count: 3 }, or undefined when it is not i/n with 1 ≤ i ≤ n (the CLI says so). */
export function parseShard(value: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/** `key`: the file's path relative to its root, with forward slashes, so every runner agrees. */
export function inShard(key: string, shard: Shard): boolean {
  const hash = createHash("sha1").update(key).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
