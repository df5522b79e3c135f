/**
 * Deployment kits for tests without another webpack build: `npm run package --build-dir` reuses a copy of
 * dist/ (built once by jest's globalSetup), so each kit takes a fraction of a second.
 */
import { spawnSync } from "child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");

/** `npm run package -- …args`: exit status and what it wrote. */
export function pack(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "package.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding a copy of dist/ as `build/`, marked as a build of ours. */
export function workWithBuild(prefix: string): { work: string; build: string } {
  const dist = path.join(ROOT, "dist");
  if (!existsSync(path.join(dist, "taskpane.html")))
    throw new Error("dist/ is not built: run jest without KAOHE_SKIP_BUILD");
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const build = path.join(work, "build");
  cpSync(dist, build, { recursive: true });
  // A dist/ built before builds carried the marker has none; this copy is ours all the same.
  writeFileSync(path.join(build, ".kaohe-build"), "");
  return { work, build };
}

/** Every file under `dir`, relative, with forward slashes. */
export function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? filesUnder(full, base)
      : [path.relative(base, full).split(path.sep).join("/")];
  });
}
