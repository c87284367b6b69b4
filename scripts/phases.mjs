// Where the time of one run goes, read from a V8 CPU profile (node --cpu-prof): each sample is given to the
// innermost phase on its stack, found by function name (esbuild keeps names, at most adding a digit), so the
// breakdown needs no marks in the source and reads the snapshot's start and the bundle's alike. Used by
// `npm run bench`; also `node scripts/phases.mjs <file.cpuprofile>…` prints the median breakdown of profiles.
import { readFileSync } from "node:fs";

/** Phases in the order a build runs them; `test` sees a call frame (function name, script URL, line). */
export const phases = [
  {
    name: "module load and compile",
    test: (f) =>
      /^(compileSourceTextModule|loadAndTranslate|moduleStrategy|compileForInternalLoader|wrapSafe|require|importModuleDynamically)$/.test(
        f.functionName,
      ) ||
      (f.lineNumber === 0 && f.columnNumber === 0 && /^file:|\.c?js$/.test(f.url)),
  },
  { name: "configuration", test: (f) => /^(configFor|findConfig|loadConfig)\d*$/.test(f.functionName) },
  { name: "theme", test: (f) => /^(chooseTheme|loadTheme|defaultTheme)\d*$/.test(f.functionName) },
  { name: "parse and validate", test: (f) => /^parseMinutes\d*$/.test(f.functionName) },
  { name: "previous meeting", test: (f) => /^previousActions\d*$/.test(f.functionName) },
  { name: "layout", test: (f) => /^(layoutMinutes|layoutDocument)\d*$/.test(f.functionName) },
  { name: "docx: zip", test: (f) => /^normalisePackage\d*$/.test(f.functionName) },
  { name: "docx", test: (f) => /^renderDocx(Layout)?\d*$/.test(f.functionName) },
  { name: "pdf", test: (f) => /^renderPdf(Layout)?\d*$/.test(f.functionName) },
  { name: "json", test: (f) => /^renderJson\d*$/.test(f.functionName) },
  { name: "write", test: (f) => /^(writeAllAtomically|writeAtomically)\d*$/.test(f.functionName) },
  { name: "garbage collection", test: (f) => f.functionName === "(garbage collector)" },
];
const OTHER = "command line and the rest";

/** Milliseconds per phase in one profile, and the profile's span. */
export function breakdown(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map();
  const classify = (id) => {
    if (phaseOf.has(id)) return phaseOf.get(id);
    const frame = nodes.get(id).callFrame;
    const own = phases.find((p) => p.test(frame))?.name;
    const up = parent.get(id);
    const name = own ?? (up === undefined ? OTHER : classify(up));
    phaseOf.set(id, name);
    return name;
  };
  const ms = Object.fromEntries([...phases.map((p) => p.name), OTHER].map((n) => [n, 0]));
  const idle = new Set(["(idle)", "(program)", "(root)"]);
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const fn = nodes.get(id).callFrame.functionName;
    // Waiting for the file system or a child: counted in the wall time, not as work.
    if (idle.has(fn) && fn !== "(program)") continue;
    ms[classify(id)] += delta;
  }
  return { ms, span: (profile.endTime - profile.startTime) / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of each phase over several profiles of the same run. */
export function medianBreakdown(files) {
  const all = files.map((f) => breakdown(JSON.parse(readFileSync(f, "utf8"))));
  return {
    ms: Object.fromEntries(Object.keys(all[0].ms).map((k) => [k, median(all.map((b) => b.ms[k]))])),
    span: median(all.map((b) => b.span)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ms, span } = medianBreakdown(process.argv.slice(2));
  for (const [name, v] of Object.entries(ms)) console.log(`${name.padEnd(30)} ${v.toFixed(1).padStart(7)} ms`);
  console.log(`${"profile span".padEnd(30)} ${span.toFixed(1).padStart(7)} ms`);
}
