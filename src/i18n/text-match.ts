// Loose text comparison for labels and header aliases written by people: case, accents,
// curly apostrophes, spacing and a trailing colon do not matter.

export function normalizeLabel(text: string): string {
  if (text.length > MAX_KEPT_LENGTH) return normalizeUncached(text);
  let normal = normalized.get(text);
  if (normal === undefined) {
    // The labels a meeting is matched against (the catalogue's, the configuration's) come back for every
    // heading, key and table of every meeting: a batch of 200 seed meetings spent 160 ms here. Kept per process,
    // up to a bound, so the long texts of distinct meetings cannot grow the heap.
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    normal = normalizeUncached(text);
    normalized.set(text, normal);
  }
  return normal;
}

const normalized = new Map<string, string>();
const MAX_NORMALIZED = 2_000;
const MAX_KEPT_LENGTH = 200;

function normalizeUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`´]/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .toLowerCase()
    .trim()
    .replace(/\s*:$/, "")
    .trim();
}

/** The number of single-character insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  return distanceBelow(a, b, Number.POSITIVE_INFINITY);
}

/**
 * The edit distance of `a` and `b` when it is below `bound`, else `bound`: a row of the table whose least
 * value reaches the bound ends the count (no later row has a smaller one).
 */
function distanceBelow(a: string, b: string, bound: number): number {
  let previous = new Uint32Array(b.length + 1).map((_, i) => i);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (current[j]! < least) least = current[j]!;
    }
    if (least >= bound) return bound;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, bound);
}

/** The candidate closest to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // A candidate is close enough within a third of its length (one edit at least). One farther than that from
  // `word` for every candidate can be neither returned nor the closest of one that is: the count stops there.
  let loosest = 1;
  for (const candidate of candidates) loosest = Math.max(loosest, Math.floor(candidate.length / 3));
  let best: string | undefined;
  let bestDistance = loosest + 1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // The distance is at least the difference in length: such a candidate cannot beat the best so far.
    const other = candidate.toLowerCase();
    if (Math.abs(other.length - lower.length) >= bestDistance) continue;
    const d = distanceBelow(lower, other, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}
