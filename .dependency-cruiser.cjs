// Import rules, checked by `npm run lint` and test/import-graph.test.ts: no cycles between modules, and
// the layers of ARCHITECTURE.md ("Layers"), each folder importing only the layers below it.
// dependency-cruiser reads the TypeScript with swc (TypeScript 7 has no JavaScript API).

/** Folders and top-level modules, by layer: a module may import its own layer and those below, never above. */
const up = (...names) => `^src/(${names.join("|")})(/|\\.ts$)`;
const entry = ["cli", "index", "start"];
const commandsAndUp = ["commands", "new-meeting", "init", "split", "import", ...entry];
const previewAndUp = ["preview", ...commandsAndUp];
const batchAndUp = ["batch", ...previewAndUp];
const buildAndUp = ["build", ...batchAndUp];

const layer = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle: move the shared piece down a layer.",
      from: {},
      to: { circular: true },
    },
    layer(
      "model-imports-nothing",
      "^src/model/",
      "^src/(?!model/)",
      "The model is the contract between stages: it imports no other part of minutes.",
    ),
    layer("i18n-below-everything", "^src/i18n/", "^src/(?!i18n/|model/)", "Labels and messages sit under every stage."),
    layer(
      "parse-below-build",
      "^src/parse/",
      up("render", "layout", "theme", "config", "register", "world", "read-source", "write-atomically", ...buildAndUp),
      "The parser turns text into the model: no I/O, no rendering, nothing above it.",
    ),
    layer(
      "validate-reads-the-model",
      "^src/validate/",
      up("parse", "render", "layout", "theme", "config", "register", "world", ...buildAndUp),
      "Validation rules read the model only (parse-minutes.ts runs them).",
    ),
    layer(
      "render-reads-model-layout-theme",
      "^src/render/",
      up("parse", "validate", "config", "register", "report", ...buildAndUp),
      "Renderers draw the layout of a model with a theme: never the parser, the build or the batch.",
    ),
    layer(
      "layout-reads-model-and-theme",
      "^src/layout/",
      up("parse", "validate", "config", "register", "report", "render", ...buildAndUp),
      "The layout decides from the model and the theme.",
    ),
    layer(
      "theme-below-build",
      "^src/theme/",
      up("parse", "validate", "render", "layout", "register", "report", ...buildAndUp),
      "Themes are data, read below the build.",
    ),
    layer(
      "import-reads-word",
      "^src/import/",
      up(
        "render",
        "layout",
        "theme",
        "config",
        "register",
        "report",
        "build",
        "batch",
        "commands",
        "new-meeting",
        "init",
        ...entry,
      ),
      "The importer turns a .docx into Markdown: the parser's words, the model, the world; never a renderer, the build or a command.",
    ),
    layer(
      "register-below-build",
      "^src/register/",
      up(...buildAndUp),
      "The register and the previous: chain are read by build.ts; loading meetings for the register is a command's job.",
    ),
    layer(
      "build-below-batch",
      "^src/build\\.ts$",
      up(...batchAndUp),
      "build.ts builds one file; the batch and the commands call it.",
    ),
    layer(
      "batch-below-commands",
      "^src/batch/",
      up(...commandsAndUp),
      "The batch runs builds; commands and the CLI call it.",
    ),
    layer(
      "preview-below-commands",
      "^src/preview/",
      up(...commandsAndUp),
      "The preview serves and watches builds (build.ts, batch/); the preview command and the CLI call it.",
    ),
    layer(
      "only-entries-import-cli",
      "^src/(?!start/)",
      "^src/cli\\.ts$",
      "cli.ts is the entry: only src/start/ runs it.",
    ),
  ],
  options: {
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json"] },
  },
};
