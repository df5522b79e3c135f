/* eslint-disable no-undef */
// Laid out as Microsoft's Excel custom-functions (shared runtime) template: one page hosts the task
// pane and the functions; functions.json is generated from the JSDoc of src/functions/functions.ts.
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { DEV_BASE, rewriteManifest } = require("./scripts/manifest-url");
const { OwnBuildFolderPlugin } = require("./scripts/own-folder");

// Where the built add-in will be served from; the manifest's URLs are rewritten to it.
const urlProd = process.env.KAOHE_URL || DEV_BASE;

/** office-addin-dev-certs writes these; its own helper aborts when it cannot trust the CA (no sudo). */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file("localhost.crt"))) {
    // One line of what to do, not a stack trace.
    console.error("没有开发证书：请先运行 npx office-addin-dev-certs install（Linux 上信任证书见 README）/ no dev certificates: run npx office-addin-dev-certs install (trusting it on Linux: see the README)");
    process.exit(1);
  }
  return { ca: fs.readFileSync(file("ca.crt")), cert: fs.readFileSync(file("localhost.crt")), key: fs.readFileSync(file("localhost.key")) };
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    // The deployment kit (npm run package) hashes every bundle's name: a WebView2 cache never serves old code.
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: env.hashed ? "[name].[contenthash:8].js" : "[name].js",
      // 回收汇总's reader and consolidation load only when used (taskpane/merge/collect.ts).
      chunkFilename: env.hashed ? "[name].[contenthash:8].js" : "[name].js",
      // Empties the folder first: OwnBuildFolderPlugin refuses one that is not ours (it may hold the user's files).
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json" } } }],
    },
    performance: { hints: false },
    plugins: [
      new OwnBuildFolderPlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"], scriptLoading: "blocking", inject: "body" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/legacy.js", to: "legacy.js" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (dev ? content : rewriteManifest(content.toString(), urlProd)) },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? httpsOptions() : {} },
      port: 3000,
    },
  };
};
