#!/usr/bin/env node
// The `minutes` command, on every platform: see src/start/launch.ts. CommonJS (bin/package.json), so that
// Node starts it without loading its ES module machinery first.
require("../dist/launch.cjs");
