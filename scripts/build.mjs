// Bundles src/ into dist/ with esbuild: one start-up chunk for the CLI, and separate chunks for the
// PDF and DOCX renderers so that a run loads only the formats it writes.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));

// A hash of the sources and built-in templates: incremental builds (the manifest) rebuild everything
// after minutes itself changed, even when the version number did not.
const buildHash = createHash("sha256");
for (const dir of ["src", "templates"]) {
  for (const file of (await readdir(new URL(`../${dir}`, import.meta.url), { recursive: true })).sort()) {
    const url = new URL(`../${dir}/${file}`, import.meta.url);
    if ((await stat(url)).isFile()) buildHash.update(file).update(await readFile(url));
  }
}
buildHash.update(JSON.stringify(pkg.devDependencies)); // the bundled code

/**
 * `source` with `from` replaced by `to`, which must occur exactly `count` times: the build fails when a
 * dependency changed under the patch.
 */
function patch(source, from, to, where, count = 1) {
  const found = source.split(from).length - 1;
  if (found !== count) throw new Error(`scripts/build.mjs: "${from}" found ${found} times in ${where}, not ${count}; update the patch`);
  return source.replaceAll(from, to);
}

// pdfkit loads its standard fonts through its own package.json "imports" ("#standard-fonts/…"),
// which no longer resolve once the code lives in dist/; point them at pdfkit's public exports.
// `snapshot`: the startup snapshot's bundle, whose require() loads only Node's own modules at run time.
const pdfkitForBundle = (snapshot) => ({
  name: "pdfkit-for-bundle",
  setup(b) {
    b.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      let source = (await readFile(args.path, "utf8")).replaceAll("'#standard-fonts/", "'pdfkit/standard-fonts/");
      source = quadraticLayout(source, args.path);
      // The sRGB profile for PDF/A ships in dist/assets/ (copied below), beside the bundle: the installed
      // package needs no pdfkit. Both bundles resolve import.meta.url to a file in dist/.
      source = patch(source, "new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.url).href", "new URL('./assets/sRGB_IEC61966_2_1.icc', import.meta.url).href", args.path);
      if (snapshot) return { contents: source, loader: "js" };
      // linebreak serves only pdfkit's own line wrapping, which minutes never uses (it breaks lines itself
      // and draws with lineBreak: false): its Unicode tables are decoded on first use, not at start-up.
      source = patch(source, "import LineBreaker from 'linebreak';", "const LineBreaker = function (...args) { const linebreak = require('linebreak'); return new (linebreak.default ?? linebreak)(...args); };", args.path);
      return { contents: source, loader: "js" };
    });
  },
});

// Two loops in the renderers' dependencies copy everything built so far at each step, so their cost grows with
// the square of a line's words or an element's attributes. They are rewritten as appends, with the same
// result; the bytes written are unchanged (test/bundle-patches.test.ts compares the bundle with the sources).
// On the seed they were ~12% of all the memory a build allocates (2.7 of 23 MB), which young-generation
// collections then copy and promote.
/** pdfkit's EmbeddedFont.layout concatenates the glyph and position arrays again for every word of a line. */
function quadraticLayout(source, where) {
  source = patch(source, "glyphs = glyphs.concat(run.glyphs);", "for (const glyph of run.glyphs) glyphs.push(glyph);", where);
  source = patch(source, "positions = positions.concat(run.positions);", "for (const position of run.positions) positions.push(position);", where);
  return patch(source, "[' ', '\\t'].includes(needle)", "(needle === ' ' || needle === '\\t')", where);
}
/** docx's attribute lists (w:rFonts, w:spacing, w:ind…) copy the attributes gathered so far for each one added. */
const docxAttributes = {
  name: "docx-attributes",
  setup(b) {
    b.onLoad({ filter: /docx[\\/]dist[\\/]index\.mjs$/ }, async (args) => ({
      contents: patch(
        await readFile(args.path, "utf8"),
        "return { _attr: Object.values(this.root).filter(({ value }) => value !== void 0).reduce((acc, { key, value }) => _objectSpread2(_objectSpread2({}, acc), {}, { [key]: value }), {}) };",
        "const attrs = {}; for (const { key, value } of Object.values(this.root)) if (value !== void 0) attrs[key] = value; return { _attr: attrs };",
        args.path,
      ),
      loader: "js",
    }));
  },
};

// fflate's Node build loads node:worker_threads when it loads, for async APIs minutes does not use; its
// browser build is the same code without that. A worker module loaded while the startup snapshot is made
// leaves the snapshot's process unable to start worker threads (the batch pool), so both bundles take it.
const fflateWithoutWorkers = {
  name: "fflate-without-workers",
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, () => ({ path: fileURLToPath(new URL("../node_modules/fflate/esm/browser.js", import.meta.url)) }));
  },
};

// fontkit, two edits. `lazyBrotli` (the ESM bundle): fontkit needs brotli only to read WOFF2 fonts, yet its
// import runs brotli's dictionary (a 122,000-number array literal, ~1.4 MB of the PDF chunk) at start-up.
// Load brotli from its own file on first use instead: the PDF chunk then parses and runs without it, and
// WOFF2 fonts still work. Both bundles: the anchor tables of GPOS mark positioning (MarkBase, MarkLig,
// MarkMark) are decoded only when a mark glyph needs them. fontkit decoded them with their lookup, which
// it does for every text, as it checks whether the text has marks at all: ~2.9 MB of objects per Noto
// Sans face, 8.6 MB of a PDF render's live heap (23.6 → 15.0 MB), for text that seldom has a combining mark.
const fontkitForBundle = (lazyBrotli) => ({
  name: "fontkit-for-bundle",
  setup(b) {
    b.onLoad({ filter: /fontkit[\\/]dist[\\/]module\.mjs$/ }, async (args) => {
      let source = await readFile(args.path, "utf8");
      if (lazyBrotli) source = patch(source, 'import $52ZIf$brotlidecompressjs from "brotli/decompress.js";', 'const $52ZIf$brotlidecompressjs = (...args) => require("./brotli-decompress.cjs")(...args);', args.path);
      const lazy = (array, count) => {
        source = patch(source, `new $52ZIf$Pointer($52ZIf$uint16, $47e0e8ef515d9903$var$${array})`, `new $52ZIf$Pointer($52ZIf$uint16, $47e0e8ef515d9903$var$${array}, { lazy: true })`, args.path, count);
      };
      lazy("MarkArray", 3);
      lazy("BaseArray", 2);
      lazy("LigatureArray", 1);
      return { contents: source, loader: "js" };
    });
    if (lazyBrotli) b.onResolve({ filter: /^\.\/brotli-decompress\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
});

/**
 * Fonts, their licences and pdfkit's sRGB profile (src/package/shipped-files.json) are copied from their npm
 * packages into dist/, so that the published package has no run-time dependency: its code is bundled.
 */
async function copyShippedFiles() {
  const shipped = JSON.parse(await readFile(new URL("../src/package/shipped-files.json", import.meta.url), "utf8"));
  const copy = async (folder, spec, name = basename(spec)) => {
    await mkdir(new URL(`../dist/${folder}/`, import.meta.url), { recursive: true });
    await copyFile(new URL(`../node_modules/${spec}`, import.meta.url), new URL(`../dist/${folder}/${name}`, import.meta.url));
  };
  for (const spec of Object.values(shipped.fonts)) await copy("fonts", spec);
  for (const [name, spec] of Object.entries(shipped.licences)) await copy("fonts", spec, `${name}-LICENSE.txt`);
  for (const spec of Object.values(shipped.assets)) await copy("assets", spec);
}

/** dist/THIRD-PARTY-LICENSES.txt: the licence of every npm package whose code the bundle holds. */
async function writeThirdPartyLicences(metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  const sections = [];
  for (const name of [...packages].sort()) {
    const folder = new URL(`../node_modules/${name}/`, import.meta.url);
    const { version, license } = JSON.parse(await readFile(new URL("package.json", folder), "utf8"));
    const file = (await readdir(folder)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? await readFile(new URL(file, folder), "utf8") : `${license} (no licence file in the package)`;
    sections.push(`${name}@${version} (${license})\n\n${text.trim()}\n`);
  }
  await writeFile(new URL("../dist/THIRD-PARTY-LICENSES.txt", import.meta.url), `The minutes bundle (dist/) contains code from these npm packages.\n\n${sections.join("\n----------------------------------------\n\n")}`);
}

// yaml reads process.env.LOG_STREAM / LOG_TOKENS (its debugging switches) once per token it parses; each
// read of process.env asks the C library's getenv. That was ~6 ms of a single build from the snapshot
// (the front matter, the config and the theme): read them once, when the module loads.
const yamlDebugOnce = {
  name: "yaml-debug-once",
  setup(b) {
    b.onLoad({ filter: /yaml[\\/]dist[\\/](compose[\\/]composer|parse[\\/]parser)\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const name = /composer\.js$/.test(args.path) ? "LOG_STREAM" : "LOG_TOKENS";
      return { contents: `const ${name}_ONCE = !!require('process').env.${name};\n${patch(source, `if (node_process.env.${name})`, `if (${name}_ONCE)`, args.path)}`, loader: "js" };
    });
  },
};

// micromark, two loops whose cost grows with the square of a paragraph (issue 15, hostile input): with them,
// 50,000 × "[a](<" (250 KB) parsed in 34 s, 8,000 × "]" (8 KB) in 1.5 s and 16,000 × "]" in 6 s; now 1.4 s
// and a few milliseconds. Same events, same tree (test/bundle-patches.test.ts builds with both).
// - Text's resolver merges each run of adjacent data events with Array#splice, which moves the rest of the
//   list every time: it now compacts the list in place in one pass.
// - The GFM footnote extension looks for an image label start (`![^1]`) on every "]" by walking back
//   through all the events of the paragraph. When no label start is pending (core's label end has just
//   popped them all), the walk can only find a closed one, whose text since then holds an unescaped "]",
//   which no footnote label has: the answer is "no" without walking.
const micromarkLinear = {
  name: "micromark-linear",
  setup(b) {
    b.onLoad({ filter: /micromark[\\/]lib[\\/]initialize[\\/]text\.js$/ }, async (args) => ({
      contents: patch(
        await readFile(args.path, "utf8"),
        `    let index = -1;
    /** @type {number | undefined} */
    let enter;

    // A rather boring computation (to merge adjacent \`data\` events) which
    // improves mm performance by 29%.
    while (++index <= events.length) {
      if (enter === undefined) {
        if (events[index] && events[index][1].type === "data") {
          enter = index;
          index++;
        }
      } else if (!events[index] || events[index][1].type !== "data") {
        // Don’t do anything if there is one data token.
        if (index !== enter + 2) {
          events[enter][1].end = events[index - 1][1].end;
          events.splice(enter + 2, index - enter - 2);
          index = enter + 2;
        }
        enter = undefined;
      }
    }`,
        `    let read = 0;
    let write = 0;
    while (read < events.length) {
      if (events[read][1].type === "data") {
        let end = read + 2;
        while (end < events.length && events[end][1].type === "data") end++;
        if (end !== read + 2) events[read][1].end = events[end - 1][1].end;
        events[write++] = events[read];
        events[write++] = events[read + 1];
        read = end;
      } else events[write++] = events[read++];
    }
    events.length = write;`,
        args.path,
      ),
      loader: "js",
    }));
    b.onLoad({ filter: /micromark-extension-gfm-footnote[\\/]lib[\\/]syntax\.js$/ }, async (args) => ({
      contents: patch(
        await readFile(args.path, "utf8"),
        `  let index = self.events.length;
  const defined = self.parser.gfmFootnotes || (self.parser.gfmFootnotes = []);`,
        `  let index = self._labelStarts && self._labelStarts.length > 0 ? self.events.length : 0;
  const defined = self.parser.gfmFootnotes || (self.parser.gfmFootnotes = []);`,
        args.path,
      ),
      loader: "js",
    }));
  },
};

/** One CommonJS file (.cjs) per entry, for Node 20. */
const commonJs = { outExtension: { ".js": ".cjs" }, bundle: true, format: "cjs", platform: "node", target: "node20", legalComments: "none", logLevel: "warning" };

await rm(new URL("../dist", import.meta.url), { recursive: true, force: true });
await copyShippedFiles();
await build({ ...commonJs, entryPoints: { "brotli-decompress": "brotli/decompress.js" }, outdir: "dist" });
const define = { MINUTES_VERSION: JSON.stringify(pkg.version), MINUTES_BUILD_ID: JSON.stringify(buildHash.digest("hex").slice(0, 16)) };
const main = await build({
  metafile: true,
  entryPoints: { launch: "src/start/launch.ts", "cli-main": "src/start/cli-main.ts", index: "src/index.ts", "batch-worker": "src/batch/batch-worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  define,
  // Some bundled CommonJS dependencies call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __minutesRequire } from 'node:module'; const require = __minutesRequire(import.meta.url);" },
  plugins: [pdfkitForBundle(false), fontkitForBundle(true), fflateWithoutWorkers, docxAttributes, yamlDebugOnce, micromarkLinear],
  logLevel: "warning",
});

await writeThirdPartyLicences(main.metafile);

// The startup snapshot's entry: everything in one CommonJS file (a snapshot cannot load modules), with
// import.meta.url standing for dist/cli-main.js so that paths resolve as they do from the bundle.
await build({
  ...commonJs,
  entryPoints: { "minutes-snapshot": "src/start/snapshot-entry.ts" },
  outdir: "dist/snapshot",
  // The snapshot holds this file's text as a string (V8 compiles functions from it lazily): without comments and
  // indentation it is 3.3 MB instead of 5.3 MB.
  minifyWhitespace: true,
  define: { ...define, "import.meta.url": "__minutesModuleUrl" },
  banner: { js: "var __minutesModuleUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'cli-main.js')).href;" },
  plugins: [pdfkitForBundle(true), fontkitForBundle(false), fflateWithoutWorkers, docxAttributes, yamlDebugOnce, micromarkLinear],
});
// A script with one character above U+00FF is held by V8 as a two-byte string: a few typographic quotes and
// dashes in regular expressions (which esbuild leaves as they are) doubled the snapshot's copy of the source,
// 10.6 MB of its 30 MB. Written as \u escapes they mean the same inside a regular expression, a string and a
// String.raw given to RegExp, which is where they occur. With minifyWhitespace: a blob of 22.5 MB instead of
// 29.8 MB, and --version from the snapshot 0.1 s faster (docs/performance.md).
{
  const file = new URL("../dist/snapshot/minutes-snapshot.cjs", import.meta.url);
  const source = await readFile(file, "utf8");
  await writeFile(file, source.replace(/[^\0-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}
if (!process.argv.includes("--no-snapshot")) await import("./make-snapshot.mjs");
