/* eslint-disable no-undef */
// Two builds from one UI (src/ui) over its hosts:
// - the Excel add-in, laid out as Microsoft's custom-functions (shared runtime) template: one page hosts
//   the task pane and the functions; functions.json is generated from the JSDoc of src/functions/functions.ts;
// - 考核规则网页版 (the browser app) in dist/app/: its own page, content-hashed assets, no office.js;
// - the WPS 表格 add-in in dist/wps/: ribbon.xml, the entry page (ribbon callbacks, KH functions), the pane.
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { DEV_BASE, rewriteManifest } = require("./scripts/manifest-url");
const { APP_CSP, PANE_CSP, WPS_CSP, MICROSOFT_OFFICE_JS } = require("./scripts/page-policy");
const webpack = require("webpack");
const { parseTree } = require("custom-functions-metadata/lib/parseTree");
const { OwnBuildFolderPlugin } = require("./scripts/own-folder");
const { SingleFilePlugin } = require("./scripts/single-file");

// Where the built add-in will be served from; the manifest's URLs are rewritten to it.
const urlProd = process.env.KAOHE_URL || DEV_BASE;

/** office-addin-dev-certs writes these; its own helper aborts when it cannot trust the CA (no sudo). */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file("localhost.crt"))) {
    // One line of what to do, not a stack trace.
    console.error(
      "没有开发证书：请先运行 npx office-addin-dev-certs install（Linux 上信任证书见 README）/ no dev certificates: run npx office-addin-dev-certs install (trusting it on Linux: see the README)",
    );
    process.exit(1);
  }
  return {
    ca: fs.readFileSync(file("ca.crt")),
    cert: fs.readFileSync(file("localhost.crt")),
    key: fs.readFileSync(file("localhost.key")),
  };
}

// Transpiled only (isolatedModules holds every file to that): the types, with the bundles' ES2020 library, are
// checked once by `npm run typecheck` (tsconfig.web.json), not again by each of the three compilers.
const typescript = {
  rules: [
    {
      test: /\.ts$/,
      exclude: /node_modules/,
      use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
    },
  ],
};

/**
 * The reader of older formats (.xls, .et, .ods, .xlsb) loads only when such a file is picked: its chunk
 * (legacy-formats) and SheetJS's, named so that their size is known (npm run bench: legacy_chunk_kb).
 */
const optimization = {
  // Module ids of three digits, as before the reader came: past 50 modules webpack widens every id to four
  // digits (one more byte at each of ~200 references in the pane's first script).
  moduleIds: false,
  splitChunks: {
    cacheGroups: { sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/, name: "sheetjs", chunks: "async" } },
  },
};

const threeDigitIds = () => new webpack.ids.DeterministicModuleIdsPlugin({ maxLength: 3, fixedLength: true });

/** The page template shared by the pane and the app (src/ui/pane.html), filled per host. */
const page = (filename, chunks, params) =>
  new HtmlWebpackPlugin({
    filename,
    template: "./src/ui/pane.html",
    chunks,
    scriptLoading: "blocking",
    inject: "body",
    templateParameters: { title: "考核规则", ...params },
  });

/**
 * What the three builds share: TypeScript through ts-loader, the folder checked and marked as ours
 * (OwnBuildFolderPlugin), content-hashed names unless `hashed` is false (the add-in's dev and test
 * builds), chunks beside the pages (publicPath "").
 */
function bundle({ name, dev, entry, out, hashed = true, clean = true, publicPath, plugins }) {
  const named = hashed ? "[name].[contenthash:8].js" : "[name].js";
  return {
    name,
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: out,
      filename: named,
      chunkFilename: named,
      clean,
      ...(publicPath !== undefined ? { publicPath } : {}),
    },
    resolve: { extensions: [".ts", ".js"] },
    module: typescript,
    optimization,
    performance: { hints: false },
    plugins: [threeDigitIds(), new OwnBuildFolderPlugin(), ...plugins],
  };
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  // --env outDir=… (npm run package): the three builds under one folder, each in its own place.
  const dist = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist");
  const addin = {
    ...bundle({
      name: "addin",
      dev,
      entry: { functions: "./src/functions/functions.ts", taskpane: "./src/taskpane/taskpane.ts" },
      out: dist,
      // The deployment kit (npm run package) hashes every bundle's name: a WebView2 cache never serves old code.
      hashed: Boolean(env.hashed),
      // Emptied first, keeping the app's and WPS's folders and the single file, which are the other builds'.
      clean: { keep: /^(app[\\/]|wps[\\/]|kaohe\.html$)/ },
      plugins: [
        new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
        page("taskpane.html", ["functions", "taskpane"], {
          host: "excel",
          csp: PANE_CSP,
          cspNote: "No network destination but office.js: the workbook's data never leaves the machine.",
          officeJs: MICROSOFT_OFFICE_JS,
          legacy: "legacy.js",
          icon: "assets/icon-32.png",
        }),
        new CopyWebpackPlugin({
          patterns: [
            { from: "assets/*.png", to: "assets/[name][ext]" },
            { from: "src/ui/legacy.js", to: "legacy.js" },
            {
              from: "manifest.xml",
              to: "manifest.xml",
              transform: (content) => (dev ? content : rewriteManifest(content.toString(), urlProd)),
            },
          ],
        }),
      ],
    }),
    devServer: {
      static: { directory: dist },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? httpsOptions() : {} },
      port: 3000,
    },
  };
  // Always content-hashed: the entry page is the only name that stays, so a cached page never pairs with old
  // code; chunks by a path relative to the page, which works served and, inlined, from file:// too.
  const app = bundle({
    name: "app",
    dev,
    entry: { app: "./src/app/app.ts" },
    out: path.join(dist, "app"),
    publicPath: "",
    plugins: [
      page("index.html", ["app"], {
        host: "browser",
        title: "考核规则网页版",
        csp: APP_CSP,
        cspNote: "Nothing leaves the page: no connection, no font or script from elsewhere.",
        officeJs: "",
        legacy: "legacy.js",
        icon: "icon-32.png",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-32.png", to: "icon-32.png" },
          { from: "src/ui/legacy.js", to: "legacy.js" },
        ],
      }),
      new SingleFilePlugin(),
    ],
  });
  // The KH functions' metadata as Excel's functions.json has it, for WPS's AddCustomFunction.
  const functions = parseTree(fs.readFileSync("./src/functions/functions.ts", "utf8"), "functions.ts").functions;
  const wps = bundle({
    name: "wps",
    dev,
    entry: { main: "./src/wps/main.ts", taskpane: "./src/wps/pane.ts" },
    out: path.join(dist, "wps"),
    publicPath: "",
    plugins: [
      new webpack.DefinePlugin({ __KH_FUNCTIONS__: JSON.stringify({ functions }) }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/entry.html",
        chunks: ["main"],
        scriptLoading: "blocking",
        inject: "body",
        templateParameters: { csp: WPS_CSP },
      }),
      page("taskpane.html", ["taskpane"], {
        host: "wps",
        csp: WPS_CSP,
        cspNote: "No network destination at all: the workbook's data never leaves the machine.",
        officeJs: "",
        legacy: "legacy.js",
        icon: "images/kaohe.png",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-32.png", to: "images/kaohe.png" },
          { from: "assets/icon-32.png", to: "images/check.png" },
          { from: "src/ui/legacy.js", to: "legacy.js" },
        ],
      }),
    ],
  });
  return [addin, app, wps];
};
