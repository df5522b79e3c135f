// Compiles the command line into lib/ from a clean folder: a module that was moved or split (fake-excel.ts
// into fake-excel/) would otherwise leave its old .js behind, and Node resolves that file first.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
fs.rmSync(path.join(root, "lib"), { recursive: true, force: true });
const r = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(root, "tsconfig.build.json")],
  { stdio: "inherit" },
);
process.exitCode = r.status ?? 1;
