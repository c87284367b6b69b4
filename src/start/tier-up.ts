// When V8 optimises a function with TurboFan. A run of minutes is short and its code is broad (a Markdown
// parser, two document libraries, a font engine): with V8's default thresholds TurboFan compiles many functions
// that are hot for a moment, and that compiling, on a second thread, costs more CPU than the optimised code
// gives back. Waiting sixteen times longer than V8's default keeps TurboFan for loops that stay hot (a very large
// meeting, a long batch). Measured in docs/performance.md. Only node: modules and no I/O: the launcher uses it.

/** The V8 flag for this Node's V8 (each version names it its own way), or none where it did not pay. */
export function tierUpFlags(v8Version: string = process.versions.v8): string[] {
  const major = Number.parseInt(v8Version, 10);
  // V8 11 (Node 20): the bytes of bytecode run before a function is considered for TurboFan (default 67,584).
  if (major === 11) return ["--interrupt-budget=1081344"];
  // V8 12 (Node 22), which has Maglev between: the calls before TurboFan (default 3,000). Node 24's V8 13 gained
  // nothing measurable from it, and keeps its defaults.
  if (major === 12) return ["--invocation-count-for-turbofan=48000"];
  return [];
}
