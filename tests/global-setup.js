// Builds the add-in once before any test file runs: the pane tests (addin, merge) open dist/ in
// Chromium, and a build inside one test file would wipe dist/ under another running in parallel.
// KAOHE_SKIP_BUILD=1 reuses an existing dist/ (a quick run of one test file that does not open the pane).
// The command line is compiled once too, into a folder of the run's own (tests/helpers/cli-build.ts):
// the tests that run it in a child process (peak memory, a small heap) share it.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const RUN_CHECK = `const { main } = require("./cli/main.js");
main(["check", ...process.argv.slice(2), "--json"]).then((code) => {
  process.stderr.write("\\n" + JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");
  process.exitCode = code;
});
`;

// bin/kaohe.js over this folder.
const KAOHE = `require("./cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
`;

module.exports = async () => {
  const root = path.join(__dirname, "..");
  const lib = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-test-lib-"));
  // Type errors elsewhere in the tree do not stop tsc's emit (the typecheck is lint's); a missing main.js does.
  try {
    execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules", "typescript", "bin", "tsc"),
        "-p",
        path.join(root, "tsconfig.build.json"),
        "--outDir",
        lib,
      ],
      { stdio: "pipe" },
    );
  } catch {
    // said below if nothing was emitted
  }
  if (!fs.existsSync(path.join(lib, "cli", "main.js"))) throw new Error("the command line did not build for the tests");
  fs.writeFileSync(path.join(lib, "run-check.js"), RUN_CHECK);
  fs.writeFileSync(path.join(lib, "kaohe.js"), KAOHE);
  // Test files run in workers started after this: they inherit the variable.
  process.env.KAOHE_TEST_LIB = lib;

  if (process.env.KAOHE_SKIP_BUILD === "1" && fs.existsSync(path.join(root, "dist", "taskpane.html"))) return;
  // The metadata plugin fails the build on metadata errors: a failed build stops the run here.
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
    {
      cwd: root,
      stdio: "pipe",
    },
  );
};
