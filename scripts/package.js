#!/usr/bin/env node
// npm run package -- --url https://kaohe.example.gov.cn/ [--office-js microsoft|21vianet|local]
//                    [--catalog \\server\share] [--out deploy] [--build-dir DIR]
// Builds the add-in with content-hashed names and writes the deployment kit (deploy-kit.js). The build does
// not depend on the URL or the office.js choice: with --build-dir, a folder built before is reused.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { assemble, OFFICE_JS } = require("./deploy-kit");
const { normalizeBase } = require("./manifest-url");

const ROOT = path.join(__dirname, "..");

function parse(argv) {
  const opts = { url: process.env.KAOHE_URL, officeJs: "microsoft", catalog: "\\\\fileserver\\kaohe", out: "deploy" };
  const names = {
    "--url": "url",
    "--office-js": "officeJs",
    "--catalog": "catalog",
    "--out": "out",
    "--build-dir": "buildDir",
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const key = names[flag];
    if (!key) throw new Error(`不认识的参数「${argv[i]}」 / unknown option ${argv[i]}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} 缺少取值 / ${flag} needs a value`);
    opts[key] = value;
  }
  if (!opts.url) throw new Error("请用 --url 给出加载项所在的 https 网址 / give the add-in's https base with --url");
  normalizeBase(opts.url); // refuses what is not an https URL before anything is built
  if (!OFFICE_JS[opts.officeJs]) {
    throw new Error(
      `--office-js 只能是 ${Object.keys(OFFICE_JS).join("、")}，收到「${opts.officeJs}」 / unknown --office-js`,
    );
  }
  return opts;
}

function main() {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const build = opts.buildDir ? path.resolve(opts.buildDir) : fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-build-"));
  const reuse = Boolean(opts.buildDir) && fs.existsSync(path.join(build, "taskpane.html"));
  try {
    if (!reuse)
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
          "--mode",
          "production",
          "--env",
          "hashed",
          "--output-path",
          build,
        ],
        { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, KAOHE_URL: opts.url } },
      );
    const out = path.resolve(ROOT, opts.out);
    const kit = assemble(build, { ...opts, out });
    console.log(
      `部署包已写入 ${out}：web/ 放到 ${kit.base}，manifest.xml 放到 ${opts.catalog}；office.js：${kit.officeJs}`,
    );
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  } finally {
    if (!opts.buildDir) fs.rmSync(build, { recursive: true, force: true });
  }
}

main();
