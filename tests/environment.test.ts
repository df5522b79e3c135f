/** What the test suite needs from the machine: nothing but npm's packages (LibreOffice optional). */
import { mkdtempSync, writeFileSync, chmodSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { findChromium } from "../src/testing/browser";
import { ENABLE_SOFFICE, findSoffice, skipLine } from "./helpers/soffice";

describe("the machine the tests run on", () => {
  it("gets a Chromium from npm when the PATH and the usual places have none", async () => {
    const saved = { path: process.env.PATH, chromium: process.env.CHROMIUM_PATH };
    process.env.PATH = "/nonexistent";
    delete process.env.CHROMIUM_PATH;
    try {
      const found = await findChromium();
      if (found.from === "npm") expect(found.executablePath).not.toMatch(/^\/usr\//);
      else expect(found.executablePath).toMatch(/^\/usr\/bin\//); // a system one at a fixed place still wins
      expect(found.args).toContain("--no-sandbox");
      expect(found.args).not.toContain("--disable-web-security");
    } finally {
      process.env.PATH = saved.path;
      if (saved.chromium) process.env.CHROMIUM_PATH = saved.chromium;
    }
  }, 60000);

  it("finds soffice only where it is, and says how to enable the tests that need it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kaohe-path-"));
    expect(findSoffice(dir)).toBeNull();
    writeFileSync(path.join(dir, "soffice"), "#!/bin/sh\n");
    chmodSync(path.join(dir, "soffice"), 0o755);
    expect(findSoffice(`/nonexistent${path.delimiter}${dir}`)).toBe(path.join(dir, "soffice"));
    const line = skipLine("a second reader");
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toContain(ENABLE_SOFFICE);
    expect(line).toContain("a second reader");
  });
});
