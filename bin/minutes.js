#!/usr/bin/env node
// The `minutes` command, on every platform: see src/start/launch.ts.
import "../dist/launch.js";
