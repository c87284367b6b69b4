// The import graph of src/: no cycle between modules or between folders, and each layer imports only the
// layers below it (.dependency-cruiser.cjs, ARCHITECTURE.md "Layers"). The checker is shown failing on a
// small tree with a cycle, a folder cycle and a renderer that imports the parser.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const depcruise = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

interface Cruise {
  modules: { source: string; dependencies: { resolved: string; coreModule: boolean }[] }[];
  summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[] };
}

function cruise(cwd: string): Cruise {
  const run = spawnSync(
    process.execPath,
    [depcruise, "src", "--config", join(root, ".dependency-cruiser.cjs"), "--output-type", "json"],
    {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (!run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Cruise;
}

/** A folder of src/ (or a top-level module): the unit of the layers. */
const unit = (path: string): string => path.split("/")[1]!.replace(/\.ts$/, "");

/** Cycles between folders: the strongly connected components of the folder graph with more than one folder. */
function folderCycles(graph: Cruise): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const m of graph.modules.filter((m) => m.source.startsWith("src/"))) {
    const from = unit(m.source);
    const to = edges.get(from) ?? edges.set(from, new Set()).get(from)!;
    for (const d of m.dependencies)
      if (!d.coreModule && d.resolved.startsWith("src/") && unit(d.resolved) !== from) to.add(unit(d.resolved));
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component = stack.splice(stack.indexOf(v));
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

const describeViolation = (v: Cruise["summary"]["violations"][number]): string =>
  `${v.rule.name}: ${v.cycle ? [v.from, ...v.cycle.map((c) => c.name)].join(" → ") : `${v.from} → ${v.to}`}`;

describe("the import graph of src/", () => {
  const graph = cruise(root);

  it("has no import cycle and no import from a higher layer", () => {
    expect(graph.modules.filter((m) => m.source.startsWith("src/")).length).toBeGreaterThan(150);
    expect(graph.summary.violations.map(describeViolation)).toEqual([]);
  });

  it("has no cycle between folders", () => {
    expect(folderCycles(graph)).toEqual([]);
  });
});

describe("the checker", () => {
  it("fails on a module cycle, a folder cycle and a renderer that reads the parser", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutes-import-graph-"));
    const files: Record<string, string> = {
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }),
      "src/parse/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "src/parse/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
      "src/render/draw.ts": 'import { a } from "../parse/a.js";\nexport const draw = a;\n',
      "src/build.ts": 'import { many } from "./batch/run.js";\nexport const one = many;\n',
      "src/batch/run.ts": 'import type { one } from "../build.js";\nexport const many = (f: typeof one) => f;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const bad = cruise(dir);
    const rules = bad.summary.violations.map((v) => `${v.rule.name} ${v.from}`);
    expect(rules).toContain("no-circular src/parse/a.ts");
    expect(rules).toContain("render-reads-model-layout-theme src/render/draw.ts");
    expect(rules).toContain("build-below-batch src/build.ts");
    expect(folderCycles(bad)).toEqual([["batch", "build"]]);
  });
});

describe("who prints", () => {
  /** Modules that may write to the process's streams: the CLI, the entry points, and the start-up traces of worker threads (MINUTES_TRACE_START). */
  const allowed = /^src\/(cli\.ts|start\/.*|batch\/batch-worker\.ts|batch\/worker-pool\.ts)$/;
  const writes = /process\.(stdout|stderr)\.write|console\.(log|error|warn|info)/;

  const printers = (files: string[], read: (file: string) => string): string[] =>
    files.filter(
      (file) =>
        !allowed.test(file) &&
        read(file)
          .split("\n")
          .some((line) => writes.test(line) && !/MINUTES_TRACE_START/.test(line)),
    );

  it("is cli.ts only: the commands write through the CommandIo it gives them", () => {
    const graph = cruise(root);
    const files = graph.modules.map((m) => m.source).filter((s) => s.startsWith("src/") && s.endsWith(".ts"));
    expect(printers(files, (file) => readFileSync(join(root, file), "utf8"))).toEqual([]);
  });

  it("finds a command that prints", () => {
    const sources: Record<string, string> = {
      "src/commands/x.ts": 'export const x = () => process.stdout.write("hi");',
      "src/cli.ts": "process.stderr.write('ok');",
    };
    expect(printers(Object.keys(sources), (file) => sources[file]!)).toEqual(["src/commands/x.ts"]);
  });
});
