// Builds the add-in once before any test file runs: the pane tests (addin, merge) open dist/ in
// Chromium, and a build inside one test file would wipe dist/ under another running in parallel.
// KAOHE_SKIP_BUILD=1 reuses an existing dist/ (a quick run of one test file that does not open the pane).
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

module.exports = async () => {
  const root = path.join(__dirname, "..");
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
