/**
 * LibreOffice headless as a second, independent reader of what we write. npm cannot provide it: where
 * `soffice` is missing the tests that need it are skipped with one line saying how to enable them
 * (.ci/run installs it, so CI always runs them).
 */
import { execFileSync } from "child_process";
import { existsSync } from "fs";
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

/** Converts `file` with LibreOffice headless into `outDir` (a profile of its own under `profileDir`). */
export function soffice(file: string, to: string, outDir: string, profileDir: string): void {
  execFileSync(
    SOFFICE ?? "soffice",
    [`-env:UserInstallation=file://${profileDir}`, "--headless", "--convert-to", to, "--outdir", outDir, file],
    { timeout: 120000, stdio: "pipe" },
  );
}
