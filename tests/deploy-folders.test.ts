/**
 * Nothing of the user's is deleted (issue 22, item 1): a build or kit folder is emptied only when it is
 * empty or carries our marker; anything else is refused in one line and left exactly as it was.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import webpack from "webpack";
import { ROOT, pack, workWithBuild } from "./helpers/kit";

const BASE = "https://kaohe.example.gov.cn/kaohe/";
const work = mkdtempSync(path.join(tmpdir(), "kaohe-folders-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface OwnFolder {
  BUILD_MARKER: string;
  OwnBuildFolderPlugin: new () => webpack.WebpackPluginInstance;
}
const own = require("../scripts/own-folder") as OwnFolder;

/** A folder of the user's: a workbook and a subfolder with a file. */
function usersFolder(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, "子目录"), { recursive: true });
  writeFileSync(path.join(dir, "工作.xlsx"), "keep me");
  writeFileSync(path.join(dir, "子目录", "notes.txt"), "mine too");
  return dir;
}
const untouched = (dir: string) => {
  expect(readdirSync(dir).sort()).toEqual(["子目录", "工作.xlsx"].sort());
  expect(readFileSync(path.join(dir, "工作.xlsx"), "utf8")).toBe("keep me");
  expect(readFileSync(path.join(dir, "子目录", "notes.txt"), "utf8")).toBe("mine too");
};
const oneLine = (text: string) => expect(text.trim().split("\n")).toHaveLength(1);

describe("npm run package -- --build-dir", () => {
  it("refuses a folder holding other files, in one line, before building, and leaves it as it was", () => {
    const dir = usersFolder("build-users");
    const r = pack("--url", BASE, "--out", path.join(work, "kit-a"), "--build-dir", dir);
    expect(r.status).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toContain("不是 kaohe 的构建目录");
    expect(r.stderr).toContain("left alone");
    untouched(dir);
    expect(existsSync(path.join(work, "kit-a"))).toBe(false);
  });

  it("does not publish a folder of someone else's that happens to hold a taskpane.html", () => {
    const dir = usersFolder("page-users");
    writeFileSync(path.join(dir, "taskpane.html"), "<html></html>");
    const r = pack("--url", BASE, "--out", path.join(work, "kit-b"), "--build-dir", dir);
    expect(r.status).toBe(1);
    oneLine(r.stderr);
    expect(existsSync(path.join(work, "kit-b"))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["taskpane.html", "子目录", "工作.xlsx"].sort());
  });

  it("reuses a build of ours and keeps its marker out of the kit", () => {
    const { work: w, build } = workWithBuild("kaohe-folders-build-");
    try {
      const out = path.join(w, "kit");
      const r = pack("--url", BASE, "--out", out, "--build-dir", build);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(existsSync(path.join(build, own.BUILD_MARKER))).toBe(true);
      expect(readdirSync(path.join(out, "web")).filter((f) => f.startsWith("."))).toEqual([]);
    } finally {
      rmSync(w, { recursive: true, force: true });
    }
  });

  it("refuses an --out that is a file", () => {
    const file = path.join(work, "deploy.txt");
    writeFileSync(file, "keep me");
    const r = pack("--url", BASE, "--out", file, "--build-dir", path.join(work, "never-built"));
    expect(r.status).toBe(1);
    oneLine(r.stderr);
    expect(readFileSync(file, "utf8")).toBe("keep me");
  });
});

describe("npm run build (webpack.config.js)", () => {
  it("refuses an output folder holding other files, saying why, and leaves it as it was", () => {
    const dir = usersFolder("webpack-users");
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", dir],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toContain("不是 kaohe 的构建目录");
    untouched(dir);
  }, 60000);

  it("builds with the check in every mode that writes to disk", () => {
    const config = require("../webpack.config.js") as (env: object, argv: object) => webpack.Configuration[];
    for (const mode of ["production", "development"]) {
      // The add-in, the browser app and the WPS add-in: each build's folder checked and marked.
      const builds = config({}, { mode });
      expect(builds.map((c) => c.name)).toEqual(["addin", "app", "wps"]);
      for (const c of builds) expect(c.plugins!.some((p) => p instanceof own.OwnBuildFolderPlugin)).toBe(true);
    }
  });
});

describe("OwnBuildFolderPlugin", () => {
  /** A tiny webpack build with output.clean, as webpack.config.js sets it. */
  function build(out: string): Promise<string | null> {
    const src = path.join(work, "tiny");
    mkdirSync(src, { recursive: true });
    writeFileSync(path.join(src, "a.js"), "console.log(1);\n");
    const compiler = webpack({
      mode: "production",
      context: src,
      entry: "./a.js",
      output: { path: out, filename: "a.js", clean: true },
      plugins: [new own.OwnBuildFolderPlugin()],
    });
    return new Promise((resolve) =>
      compiler.run((err, stats) => {
        const problem = err ? err.message : stats?.hasErrors() ? String(stats.toJson().errors?.[0]?.message) : null;
        compiler.close(() => resolve(problem));
      }),
    );
  }

  it("builds into a missing or empty folder and marks it", async () => {
    const out = path.join(work, "tiny-out");
    expect(await build(out)).toBeNull();
    expect(readdirSync(out).sort()).toEqual([own.BUILD_MARKER, "a.js"].sort());
  });

  it("empties a marked folder of what an earlier build left", async () => {
    const out = path.join(work, "tiny-marked");
    mkdirSync(out);
    writeFileSync(path.join(out, own.BUILD_MARKER), "");
    writeFileSync(path.join(out, "old.12345678.js"), "stale");
    expect(await build(out)).toBeNull();
    expect(readdirSync(out).sort()).toEqual([own.BUILD_MARKER, "a.js"].sort());
  });

  it("refuses a folder holding other files, in one line", async () => {
    const dir = usersFolder("tiny-users");
    const problem = await build(dir);
    expect(problem).toContain("不是 kaohe 的构建目录");
    oneLine(problem!);
    untouched(dir);
  });
});
