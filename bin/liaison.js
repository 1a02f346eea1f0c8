#!/usr/bin/env node
// The `liaison` command: runs the bundle that `npm ci` builds (the `prepare` script).
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const bundle = path.join(__dirname, "..", "dist", "cli", "liaison.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write("liaison: 命令行尚未构建,请先运行 npm run build:cli / the command line is not built yet: run `npm run build:cli` first.\n");
  process.exitCode = 2;
} else {
  require(bundle);
}
