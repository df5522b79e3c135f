// Builds the add-in once before any test file runs: the pane tests (addin, merge) open dist/ in
// Chromium, and a build inside one test file would wipe dist/ under another running in parallel.
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async () => {
  const root = path.join(__dirname, "..");
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
