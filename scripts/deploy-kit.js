// The intranet deployment kit: from a production build (webpack --env hashed) to deploy/ — the static
// files with content-hashed names, the manifest under the served URL, server and catalog samples.
// `npm run package` builds and calls assemble(); tests call it on one build for every office.js choice.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { escapeXml, normalizeBase, rewriteManifest } = require("./manifest-url");
const { BUILD_MARKER, refusal } = require("./own-folder");
const samples = require("./deploy-samples");
const wps = require("./deploy-wps");

const ROOT = path.join(__dirname, "..");
const OFFICE_JS_PACKAGE = path.join(ROOT, "node_modules", "@microsoft", "office-js");
const { MICROSOFT, MICROSOFT_OFFICE_JS } = require("./page-policy");
/** Office 365 operated by 21Vianet serves office.js from its own CDN. */
const VIANET = "https://appsforoffice.cdn.partner.office365.cn";
const OFFICE_JS = {
  microsoft: { url: MICROSOFT_OFFICE_JS, origin: MICROSOFT },
  "21vianet": { url: `${VIANET}/appsforoffice/lib/1/hosted/office.js`, origin: VIANET },
  local: { url: null, origin: null },
};
/** Written into deploy/ so a later run knows it may replace the folder (it never clears anything else). */
const MARKER = ".kaohe-deploy";
const KIT = { zh: "部署包目录", en: "a deployment kit" };
const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

/** The office.js choice by name: own properties only (`__proto__` or `toString` is not a choice). */
function officeJsChoice(name) {
  if (typeof name === "string" && Object.hasOwn(OFFICE_JS, name)) return OFFICE_JS[name];
  throw new Error(
    `--office-js 只能是 ${Object.keys(OFFICE_JS).join("、")}，收到「${name}」 / unknown --office-js ${name}`,
  );
}

/** Throws the catalog's problem (src/deploy/catalog-path.ts, shared with the CLI, built into lib/). */
function checkCatalog(catalog) {
  let check;
  try {
    check = require("../lib/deploy/catalog-path");
  } catch {
    throw new Error(
      "缺少 lib/（npm install 时生成）：请先运行 npm run build:lib / lib/ is missing: run npm run build:lib",
    );
  }
  const problem = check.catalogProblem(String(catalog));
  if (problem) throw new Error(`${problem.zh} / ${problem.en}`);
}

/** Why `out` may not be replaced by a kit, or null. */
const outRefusal = (out) => refusal(out, MARKER, KIT);

function hash8(buf) {
  return crypto.createHash("sha256").update(buf).digest("hex").slice(0, 8);
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

/** The office.js files Excel needs, copied for networks that cannot reach a CDN (Microsoft does not support it). */
function copyOfficeJs(webDir) {
  const version = JSON.parse(fs.readFileSync(path.join(OFFICE_JS_PACKAGE, "package.json"), "utf8")).version;
  const from = path.join(OFFICE_JS_PACKAGE, "dist");
  const rel = `office-js/${version}`;
  const to = path.join(webDir, ...rel.split("/"));
  const wanted = (f) =>
    !f.includes(".debug.") &&
    (/^(office|o15apptofilemappingtable|es6-promise|custom-functions-runtime)\.js$/.test(f) ||
      /^excel[^/]*\.js$/.test(f) ||
      /^(zh-cn|en-us)\//.test(f) ||
      /^telemetry\/oteljs(_agave)?\.js$/.test(f));
  for (const f of listFiles(from).filter(wanted)) {
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    fs.copyFileSync(path.join(from, f), path.join(to, f));
  }
  fs.copyFileSync(path.join(OFFICE_JS_PACKAGE, "LICENSE.md"), path.join(to, "LICENSE.md"));
  return `${rel}/office.js`;
}

/** The page's office.js script and its Content-Security-Policy, following the choice. */
function pageFor(html, choice, localOfficeJs) {
  const { url, origin } = officeJsChoice(choice);
  if (!html.includes(MICROSOFT_OFFICE_JS))
    throw new Error("taskpane.html no longer loads office.js from Microsoft's CDN");
  let out = html.split(MICROSOFT_OFFICE_JS).join(url ?? localOfficeJs);
  // The build minifies the page: attributes may or may not be quoted.
  const meta = /(http-equiv=["']?Content-Security-Policy["']?\s+content=")([^"]*)"/;
  if (!meta.test(out)) throw new Error("taskpane.html has no Content-Security-Policy");
  out = out.replace(meta, (_, open, csp) => {
    const policy = csp
      .split(` ${MICROSOFT}`)
      .join(origin ? ` ${origin}` : "")
      .trim();
    return `${open}${policy}"`;
  });
  return out;
}

function replaceAll(text, map) {
  let out = text;
  for (const [from, to] of map) out = out.split(from).join(to);
  return out;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** src=/href= attributes naming a renamed file, quoted or not. */
function renameReferences(html, renames) {
  let out = html;
  for (const [from, to] of renames) {
    out = out.replace(new RegExp(`(\\s(?:src|href)=)(["']?)${escape(from)}\\2(?=[\\s>/])`, "g"), `$1$2${to}$2`);
  }
  return out;
}

/** The browser app and the WPS add-in are builds of their own beside the add-in's (webpack.config.js). */
const OTHER_BUILDS = /^(app\/|wps\/|kaohe\.html$)/;

/**
 * 考核规则网页版: web/app/ (its entry page keeps its name; the rest is content-hashed, by webpack or here)
 * and the single file web/kaohe.html, both served by the samples' rules for pages and hashed names.
 */
function copyApp(buildDir, web) {
  const from = path.join(buildDir, "app");
  if (!fs.existsSync(path.join(from, "index.html"))) throw new Error(`「${buildDir}」中没有网页版（app/index.html）`);
  const renames = new Map();
  for (const f of listFiles(from)) {
    if (f === BUILD_MARKER) continue;
    const body = fs.readFileSync(path.join(from, f));
    let name = f;
    // A licence file keeps the name its bundle's comment gives it.
    if (f !== "index.html" && !HASHED.test(f) && !f.endsWith(".LICENSE.txt")) {
      const ext = path.posix.extname(f);
      name = `${f.slice(0, -ext.length)}.${hash8(body)}${ext}`;
      renames.set(f, name);
    }
    fs.mkdirSync(path.dirname(path.join(web, "app", name)), { recursive: true });
    fs.writeFileSync(path.join(web, "app", name), body);
  }
  const page = path.join(web, "app", "index.html");
  fs.writeFileSync(page, renameReferences(fs.readFileSync(page, "utf8"), renames));
  fs.copyFileSync(path.join(buildDir, "kaohe.html"), path.join(web, "kaohe.html"));
}

/**
 * The WPS add-in: web/wps/ for desktops whose oem.ini names the server (online mode, with jsplugins.xml),
 * and wps/ with the add-in folder, install scripts and the lines for oem.ini (docs/deployment.md).
 */
function copyWps(buildDir, web, out, base) {
  const from = path.join(buildDir, "wps");
  if (!fs.existsSync(path.join(from, "ribbon.xml"))) throw new Error(`「${buildDir}」中没有 WPS 加载项（wps/ribbon.xml）`);
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const folder = path.join(out, "wps", wps.folderOf(version));
  for (const f of listFiles(from)) {
    if (f === BUILD_MARKER) continue;
    for (const to of [path.join(web, "wps", f), path.join(folder, f)]) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(from, f), to);
    }
  }
  const jsplugins = wps.jspluginsXml(base);
  fs.writeFileSync(path.join(web, "wps", "jsplugins.xml"), jsplugins);
  const kit = (name, body, mode) => fs.writeFileSync(path.join(out, "wps", name), body, { mode });
  kit("jsplugins.xml", jsplugins);
  kit("publish.xml", wps.publishXml(version));
  kit("oem.ini.txt", wps.oemIni(base));
  kit("install.sh", wps.installSh(version), 0o755);
  kit("install.ps1", wps.installPs1(version));
  kit("install.bat", wps.installBat());
  kit("说明.txt", wps.readme(base, version));
}

/**
 * deploy/ from a build folder. Options: url (https base), officeJs ("microsoft" | "21vianet" | "local"),
 * catalog (the shared folder the manifest goes to), out (the folder to write).
 */
function assemble(buildDir, { url, officeJs = "microsoft", catalog = "\\\\fileserver\\kaohe", out, wps: withWps = false }) {
  const choice = officeJsChoice(officeJs);
  const base = normalizeBase(url);
  checkCatalog(catalog);
  const nginx = samples.nginx(base); // refuses a path nginx cannot express before anything is written
  // Only a build of ours is published: a folder of someone else's may hold anything.
  if (!fs.existsSync(path.join(buildDir, BUILD_MARKER)) || !fs.existsSync(path.join(buildDir, "taskpane.html"))) {
    throw new Error(
      `「${buildDir}」不是 kaohe 的构建结果（没有 ${BUILD_MARKER}） / ${buildDir} is not a kaohe build (no ${BUILD_MARKER})`,
    );
  }
  const refused = outRefusal(out);
  if (refused) throw new Error(refused);
  fs.rmSync(out, { recursive: true, force: true });
  const web = path.join(out, "web");
  fs.mkdirSync(web, { recursive: true });
  fs.writeFileSync(path.join(out, MARKER), `${base}\n`);

  // Webpack hashed the bundles (its runtime knows the names); the rest is hashed here.
  const renames = new Map();
  for (const f of listFiles(buildDir)) {
    if (f === "manifest.xml" || f === BUILD_MARKER || f.endsWith(".map")) continue;
    if (OTHER_BUILDS.test(f)) continue; // the app, the single file and WPS: below
    const body = fs.readFileSync(path.join(buildDir, f));
    let name = f;
    if (f !== "taskpane.html" && !HASHED.test(f)) {
      const ext = path.posix.extname(f);
      name = `${f.slice(0, -ext.length)}.${hash8(body)}${ext}`;
      renames.set(f, name);
    }
    fs.mkdirSync(path.dirname(path.join(web, name)), { recursive: true });
    fs.writeFileSync(path.join(web, name), body);
  }
  const localOfficeJs = officeJs === "local" ? copyOfficeJs(web) : null;
  const page = path.join(web, "taskpane.html");
  fs.writeFileSync(page, pageFor(renameReferences(fs.readFileSync(page, "utf8"), renames), officeJs, localOfficeJs));

  // Every manifest URL under the base, pointing at the hashed names.
  const bundles = listFiles(web).filter((f) => /^(functions|taskpane)\.[0-9a-f]{8}\.js$/.test(f));
  const byLogical = new Map([...renames, ...bundles.map((f) => [f.replace(/\.[0-9a-f]{8}\.js$/, ".js"), f])]);
  const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  // The source's comment speaks of the dev server. The URL stays out of the kit's: "--" (a punycode host
  // xn--…, or a path) would end an XML comment early and Office would refuse the manifest.
  const sourceForBase = source.replace(
    /<!--[\s\S]*?-->/,
    "<!-- 考核规则 kaohe: built by npm run package; every URL below is under the base URL it was given -->",
  );
  const inXml = escapeXml(base);
  const manifest = replaceAll(
    rewriteManifest(sourceForBase, base),
    [...byLogical].map(([from, to]) => [`${inXml}${from}"`, `${inXml}${to}"`]),
  );
  fs.writeFileSync(path.join(out, "manifest.xml"), manifest);

  copyApp(buildDir, web);
  if (withWps) copyWps(buildDir, web, out, base);

  const write = (rel, body) => {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), body);
  };
  write("nginx/kaohe.conf", nginx);
  write("iis/web.config", samples.iis(listFiles(web).map((f) => path.posix.extname(f))));
  write("catalog/register-catalog.reg", samples.reg(catalog));
  write("catalog/register-catalog.ps1", samples.powershell(catalog));
  write("部署说明.txt", samples.readme(base, officeJs, catalog, withWps));
  return { base, manifest: path.join(out, "manifest.xml"), web, officeJs: choice.url ?? localOfficeJs };
}

module.exports = { assemble, officeJsChoice, checkCatalog, outRefusal, OFFICE_JS, MARKER };
