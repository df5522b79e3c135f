#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    console.error("kaohe 尚未构建：请先运行 npm install（或 npm run build:lib） / kaohe is not built yet: run npm install first");
    process.exit(2);
  }
  throw e;
}
// `kaohe … | head`: a closed pipe ends the output, not in a stack trace.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
  throw e;
});
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`kaohe: ${e && e.message ? e.message : e}`); process.exitCode = 2; },
);
