// How many files a batch builds at once: the number asked (--jobs, `jobs:` in the config, else the number
// of cores), capped at the cores, since rendering is CPU work and more builders than cores only take more
// memory, and at the memory available, since each worker thread takes its own V8 heap. `jobs: 5000` took
// 5.3 GB before it was capped.
import { readFileSync } from "node:fs";
import { availableParallelism, freemem } from "node:os";

/**
 * Memory of one more builder, measured: peak RSS of 200 seed meetings (DOCX + PDF) grows by 70–79 MB
 * with each builder added (--jobs 1…4, and 6: 174, 248, 319, 398, 549 MB).
 */
export const BUILDER_MB = 80;
/** Builders may take this share of the memory available; the rest is for this thread's own growth and the system. */
const MEMORY_SHARE = 0.75;

export interface Machine {
  cores: number;
  /** Memory available to this process, in MB: the system's, or what is left under a cgroup's limit when lower. */
  availableMb: number;
}

export interface PoolSize {
  asked: number;
  /** Builders used: this thread and jobs − 1 worker threads. */
  jobs: number;
  /** Why fewer than asked, if so. */
  limitedBy?: "cores" | "memory";
  /** The figures it was decided on. */
  machine: Machine;
}

export function poolSize(asked: number, machine: Machine): PoolSize {
  const byMemory = 1 + Math.floor((machine.availableMb * MEMORY_SHARE) / BUILDER_MB);
  const jobs = Math.max(1, Math.min(asked, machine.cores, byMemory));
  if (jobs === asked) return { asked, jobs, machine };
  return { asked, jobs, limitedBy: machine.cores <= byMemory ? "cores" : "memory", machine };
}

type Read = (path: string) => string | undefined;
const readOrUndefined: Read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

/** This machine: its cores, and the memory it has available (os.freemem(), bounded by a cgroup limit when one is set). */
export function thisMachine(
  read: Read = readOrUndefined,
  free: number = freemem(),
  cores: number = availableParallelism(),
): Machine {
  const left = cgroupMemoryLeft(read);
  const available = left === undefined ? free : Math.min(free, left);
  return { cores, availableMb: Math.floor(available / 2 ** 20) };
}

/** Bytes a cgroup (v2, else v1) still lets this process take; undefined when there is no limit or no cgroup file. */
export function cgroupMemoryLeft(read: Read): number | undefined {
  const v2 = [read("/sys/fs/cgroup/memory.max"), read("/sys/fs/cgroup/memory.current")];
  const v1 = [read("/sys/fs/cgroup/memory/memory.limit_in_bytes"), read("/sys/fs/cgroup/memory/memory.usage_in_bytes")];
  for (const [limit, used] of [v2, v1]) {
    const max = Number(limit?.trim());
    // "max" (v2) or a huge number (v1, 2^63 rounded to pages) means no limit.
    if (!Number.isFinite(max) || max <= 0 || max >= 2 ** 60) continue;
    return Math.max(0, max - (Number(used?.trim()) || 0));
  }
  return undefined;
}
