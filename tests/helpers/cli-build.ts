/**
 * The command line compiled once for the whole run by tests/global-setup.js, from the sources under test,
 * into a folder of its own (not lib/, which `npm run demo` and bin/kaohe.js use): tests that run the CLI in a
 * child process — to measure its peak memory or to give it a small heap — share it.
 */
import { existsSync } from "fs";
import * as path from "path";

export function testLib(): string {
  const lib = process.env.KAOHE_TEST_LIB;
  if (!lib || !existsSync(path.join(lib, "cli", "main.js")))
    throw new Error("the CLI was not built for the tests (tests/global-setup.js sets KAOHE_TEST_LIB)");
  return lib;
}

/** The environment for such a child: the build lies outside the tree, so its packages are named. */
export const childEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_PATH: path.join(__dirname, "..", "..", "node_modules"),
});

/** `node <kaohe()> check …`: the command line as bin/kaohe.js runs it. */
export const kaohe = (): string => path.join(testLib(), "kaohe.js");

/** `node <runCheck()> <files…>`: kaohe check --json, then on stderr a last line {code, maxRssKb}. */
export const runCheck = (): string => path.join(testLib(), "run-check.js");
