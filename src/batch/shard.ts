// `--shard i/n`: a deterministic share of the files. A file belongs to the shard its path hashes to,
// so shards stay stable when files are added, and shards 1..n together are exactly the full build.
import { createHash } from "node:crypto";

export interface Shard {
  index: number;
  count: number;
}

/** "2/3" → { index: 2, count: 3 }, or an error message. */
export function parseShard(value: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) return `--shard "${value}" must be i/n with 1 ≤ i ≤ n, such as 1/4`;
  return { index, count };
}

/** `key`: the file's path relative to its root, with forward slashes, so every runner agrees. */
export function inShard(key: string, shard: Shard): boolean {
  const hash = createHash("sha1").update(key).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
