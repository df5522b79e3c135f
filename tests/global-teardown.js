// The command line compiled for this run (tests/global-setup.js) is removed with it.
const fs = require("fs");

module.exports = async () => {
  const lib = process.env.KAOHE_TEST_LIB;
  if (lib && /kaohe-test-lib-/.test(lib)) fs.rmSync(lib, { recursive: true, force: true });
};
