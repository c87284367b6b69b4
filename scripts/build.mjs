// Bundles src/ into dist/ with esbuild: one start-up chunk for the CLI, and separate chunks for the
// PDF and DOCX renderers so that a run loads only the formats it writes.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { fflateWithoutWorkers, lazyStubs, patchFiles } from "./dependency-patches.mjs";
import { writeShapingTables } from "./shaping-tables.mjs";

const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));

// A hash of the sources, built-in templates and dependency patches: incremental builds (the manifest) rebuild everything
// after minutes itself changed, even when the version number did not.
const buildHash = createHash("sha256");
for (const dir of ["src", "templates", "patches"]) {
  for (const file of (await readdir(new URL(`../${dir}`, import.meta.url), { recursive: true })).sort()) {
    const url = new URL(`../${dir}/${file}`, import.meta.url);
    if ((await stat(url)).isFile()) buildHash.update(file).update(await readFile(url));
  }
}
buildHash.update(JSON.stringify(pkg.devDependencies)); // the bundled code

/**
 * Fonts, their licences and pdfkit's sRGB profile (src/package/shipped-files.json) are copied from their npm
 * packages into dist/, so that the published package has no run-time dependency: its code is bundled.
 */
async function copyShippedFiles() {
  const shipped = JSON.parse(await readFile(new URL("../src/package/shipped-files.json", import.meta.url), "utf8"));
  const copy = async (folder, spec, name = basename(spec)) => {
    await mkdir(new URL(`../dist/${folder}/`, import.meta.url), { recursive: true });
    await copyFile(
      new URL(`../node_modules/${spec}`, import.meta.url),
      new URL(`../dist/${folder}/${name}`, import.meta.url),
    );
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
  await writeFile(
    new URL("../dist/THIRD-PARTY-LICENSES.txt", import.meta.url),
    `The minutes bundle (dist/) contains code from these npm packages.\n\n${sections.join("\n----------------------------------------\n\n")}`,
  );
}

/** One CommonJS file (.cjs) per entry, for Node 20. */
const commonJs = {
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
};

await rm(new URL("../dist", import.meta.url), { recursive: true, force: true });
await copyShippedFiles();
// The shipped text faces' pre-computed shaping (dist/fonts/shaping-tables.json, src/render/pdf/shaping-table.ts).
await writeShapingTables();
await build({ ...commonJs, entryPoints: { "brotli-decompress": "brotli/decompress.js" }, outdir: "dist" });
// Node 20's start from the bundle through V8's code cache runs the snapshot's script below; its pool's workers
// start from this small file (src/start/cached-worker.ts: only node: modules).
await build({ ...commonJs, entryPoints: { "cached-worker": "src/start/cached-worker.ts" }, outdir: "dist" });
const define = {
  MINUTES_VERSION: JSON.stringify(pkg.version),
  MINUTES_BUILD_ID: JSON.stringify(buildHash.digest("hex").slice(0, 16)),
};
const main = await build({
  metafile: true,
  entryPoints: {
    "cli-main": "src/start/cli-main.ts",
    index: "src/index.ts",
    "batch-worker": "src/batch/batch-worker.ts",
  },
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
  banner: {
    js: "import { createRequire as __minutesRequire } from 'node:module'; const require = __minutesRequire(import.meta.url);",
  },
  // patches/*.patch, and brotli and linebreak loaded on first use (scripts/dependency-patches.mjs).
  plugins: [patchFiles(), lazyStubs, fflateWithoutWorkers],
  logLevel: "warning",
});

await writeThirdPartyLicences(main.metafile);

// The command's launcher (bin/minutes.js, src/start/launch.ts): CommonJS, so that Node starts it without its ES
// module loader (about 40 ms of every run on Node 20, docs/performance.md). It bundles only node: modules; it
// imports dist/cli-main.js by its path when it starts from the bundle.
await build({
  ...commonJs,
  entryPoints: { launch: "src/start/launch.ts" },
  outdir: "dist",
  define: { ...define, "import.meta.url": "__minutesLaunchUrl" },
  banner: { js: "var __minutesLaunchUrl = require('node:url').pathToFileURL(__filename).href;" },
});

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
  // node --build-snapshot runs this file without a `module`; Node 20's start through the code cache (launch.ts)
  // gives it one, and reads its exports.
  banner: {
    js: "var module = typeof module == 'object' ? module : { exports: {} }; var __minutesModuleUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'cli-main.js')).href;",
  },
  plugins: [patchFiles(), lazyStubs, fflateWithoutWorkers],
});
// A script with one character above U+00FF is held by V8 as a two-byte string: a few typographic quotes and
// dashes in regular expressions (which esbuild leaves as they are) doubled the snapshot's copy of the source,
// 10.6 MB of its 30 MB. Written as \u escapes they mean the same inside a regular expression, a string and a
// String.raw given to RegExp, which is where they occur. With minifyWhitespace: a blob of 22.5 MB instead of
// 29.8 MB, and --version from the snapshot 0.1 s faster (docs/performance.md).
{
  const file = new URL("../dist/snapshot/minutes-snapshot.cjs", import.meta.url);
  const source = await readFile(file, "utf8");
  await writeFile(
    file,
    source.replace(/[^\0-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  );
}
if (!process.argv.includes("--no-snapshot")) await import("./make-snapshot.mjs");
