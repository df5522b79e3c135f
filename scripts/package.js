#!/usr/bin/env node
// npm run package -- --url https://kaohe.example.gov.cn/ [--office-js microsoft|21vianet|local]
//                    [--catalog \\server\share] [--out deploy] [--build-dir DIR] [--wps]
// Builds the add-in with content-hashed names and writes the deployment kit (deploy-kit.js). The build does
// not depend on the URL or the office.js choice: with --build-dir, a folder built before is reused.
// Every option is checked before anything is built or written (exit 2); a folder that is not ours is
// never emptied (exit 1).
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { assemble, checkCatalog, officeJsChoice, outRefusal } = require("./deploy-kit");
const { normalizeBase } = require("./manifest-url");
const { buildRefusal } = require("./own-folder");
const samples = require("./deploy-samples");

const ROOT = path.join(__dirname, "..");
const NAMES = new Map([
  ["--url", "url"],
  ["--office-js", "officeJs"],
  ["--catalog", "catalog"],
  ["--out", "out"],
  ["--build-dir", "buildDir"],
]);

function parse(argv) {
  const opts = { url: process.env.KAOHE_URL, officeJs: "microsoft", catalog: "\\\\fileserver\\kaohe", out: "deploy" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--wps") {
      opts.wps = true; // the WPS add-in too (wps/ and web/wps/)
      continue;
    }
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const key = NAMES.get(flag);
    if (!key) throw new Error(`不认识的参数「${argv[i]}」 / unknown option ${argv[i]}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} 缺少取值 / ${flag} needs a value`);
    opts[key] = value;
  }
  if (!opts.url) throw new Error("请用 --url 给出加载项所在的 https 网址 / give the add-in's https base with --url");
  samples.servedPath(new URL(normalizeBase(opts.url)).pathname); // an https URL nginx can serve
  officeJsChoice(opts.officeJs);
  checkCatalog(opts.catalog);
  return opts;
}

/** Why these folders may not be used; null when they may. */
function folderRefusal(out, build) {
  const refused = outRefusal(out) ?? (build ? buildRefusal(build) : null);
  if (refused) return refused;
  const inside = (a, b) => a === b || a.startsWith(b + path.sep);
  if (build && (inside(out, build) || inside(build, out))) {
    return "--out 与 --build-dir 不能是同一目录或互相包含 / --out and --build-dir must not be or hold one another";
  }
  return null;
}

function main() {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const out = path.resolve(ROOT, opts.out);
  const given = opts.buildDir ? path.resolve(opts.buildDir) : null;
  const refused = folderRefusal(out, given);
  if (refused) {
    console.error(refused);
    process.exit(1);
  }
  const build = given ?? fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-build-"));
  // Ours (checked above: empty or marked) and built: reused as it is.
  const reuse = Boolean(given) && fs.existsSync(path.join(build, "taskpane.html"));
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
          "--env",
          `outDir=${build}`,
        ],
        { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, KAOHE_URL: opts.url } },
      );
    const kit = assemble(build, { ...opts, out });
    console.log(
      `部署包已写入 ${out}：web/ 放到 ${kit.base}，manifest.xml 放到 ${opts.catalog}；office.js：${kit.officeJs}；` +
        `网页版 ${kit.base}app/，单文件 web/kaohe.html${opts.wps ? `；WPS 加载项见 wps/` : ""}`,
    );
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  } finally {
    if (!given) fs.rmSync(build, { recursive: true, force: true });
  }
}

main();
