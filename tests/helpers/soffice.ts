/**
 * LibreOffice headless as a second, independent reader of what we write. npm cannot provide it: where
 * `soffice` is missing the tests that need it are skipped with one line saying how to enable them
 * (.ci/run installs it, so CI always runs them).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import * as path from "path";

export const ENABLE_SOFFICE = "apt-get install -y --no-install-recommends libreoffice-calc-nogui";

/** `soffice` on the PATH given (the process's by default), or null. */
export function findSoffice(pathVar = process.env.PATH ?? ""): string | null {
  for (const dir of pathVar.split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "soffice"))) return path.join(dir, "soffice");
  }
  return null;
}

export function skipLine(what: string): string {
  return `skipped: ${what} — LibreOffice (soffice) is not installed; enable with: ${ENABLE_SOFFICE}`;
}

const SOFFICE = findSoffice();

/** `describe` when LibreOffice is here; otherwise skipped, and the skip said in one line. */
export function describeWithSoffice(name: string, fn: () => void): void {
  if (SOFFICE) return describe(name, fn);
  process.stdout.write(skipLine(name) + "\n");
  describe.skip(name, fn);
}

/**
 * A LibreOffice profile that recalculates every formula when a file is loaded (by default it shows the
 * cached values of an .xlsx): what a unit without the add-in sees once LibreOffice computes.
 */
export function recalculatingProfile(profileDir: string): string {
  mkdirSync(path.join(profileDir, "user"), { recursive: true });
  writeFileSync(
    path.join(profileDir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profileDir;
}

/** All sheets as UTF-8 CSV, as LibreOffice ≥ 7.2 writes them: <name>-<sheet>.csv */
export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Converts `file` with LibreOffice headless into `outDir` (a profile of its own under `profileDir`). */
export function soffice(file: string, to: string, outDir: string, profileDir: string): void {
  execFileSync(
    SOFFICE ?? "soffice",
    [`-env:UserInstallation=file://${profileDir}`, "--headless", "--convert-to", to, "--outdir", outDir, file],
    { timeout: 120000, stdio: "pipe" },
  );
}
