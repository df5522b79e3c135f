// dist/kaohe.html: the browser app in one file that works opened from disk (file://, no server, network
// off) — what an IT office puts on a USB stick or a shared drive. The entry script and legacy.js run
// inline; every other chunk (the reader, the writers) travels base64-encoded in a holder and is decoded on
// first use (src/app/inline-chunks.ts). The page's CSP allows exactly these scripts, by hash, and nothing else.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** A script that can sit between <script> and </script> as it is. */
function inlineable(name, text) {
  if (/<\/script|<!--/i.test(text))
    throw new Error(`kaohe.html: ${name} holds "</script" or "<!--" and cannot be inlined`);
  return text;
}

const CSP = (hashes) =>
  `default-src 'none'; script-src ${hashes.join(" ")}; style-src 'unsafe-inline'; img-src data:; ` +
  "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

/** The single page from the app build's assets (name → text or bytes). */
function singleFile(assets) {
  const text = (name) => assets.get(name).toString("utf8");
  let html = text("index.html");
  const hashes = [];
  const inlined = new Set(["index.html"]);
  html = html.replace(/<script src=["']?([^"'\s>]+)["']?><\/script>/g, (_, src) => {
    const body = inlineable(src, text(src));
    hashes.push(sha256(body));
    inlined.add(src);
    return `<script>${body}</script>`;
  });
  html = html.replace(/(<img[^>]*\ssrc=)["']?([^"'\s>]+\.png)["']?/g, (_, open, src) => {
    inlined.add(src);
    return `${open}"data:image/png;base64,${assets.get(src).toString("base64")}"`;
  });
  const holders = [...assets.keys()]
    .filter((name) => name.endsWith(".js") && !inlined.has(name))
    .sort()
    .map((name) => {
      hashes.push(sha256(text(name))); // what runs is the decoded text
      return `<script type="application/octet-stream" data-chunk="${name}">${assets.get(name).toString("base64")}</script>`;
    });
  const meta = /(<meta http-equiv=["']?Content-Security-Policy["']?\s+content=)("[^"]*"|[^\s>]+)/;
  if (!meta.test(html)) throw new Error("kaohe.html: the app page has no Content-Security-Policy");
  html = html.replace(meta, (_, open) => `${open}"${CSP(hashes)}"`);
  // Before any script runs: the entry looks the holders up as it starts.
  return html.replace("</head>", `${holders.join("")}</head>`);
}

/** Writes dist/kaohe.html beside the app's folder once the app build is emitted. */
class SingleFilePlugin {
  constructor(target) {
    this.target = target;
  }
  apply(compiler) {
    let page = null;
    compiler.hooks.thisCompilation.tap("SingleFilePlugin", (compilation) => {
      // The last stage: the scripts are minified and named by their final hashes.
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: "SingleFilePlugin", stage }, (assets) => {
        const bytes = new Map();
        for (const [name, source] of Object.entries(assets)) {
          if (name.startsWith(".")) continue;
          const s = source.source();
          bytes.set(name, Buffer.isBuffer(s) ? s : Buffer.from(s, "utf8"));
        }
        page = singleFile(bytes);
      });
    });
    compiler.hooks.afterEmit.tap("SingleFilePlugin", () => {
      if (page) fs.writeFileSync(this.target ?? path.join(compiler.options.output.path, "..", "kaohe.html"), page);
    });
  }
}

module.exports = { singleFile, SingleFilePlugin };
