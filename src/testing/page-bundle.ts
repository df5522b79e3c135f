/**
 * Joins a folder of TypeScript modules into one script for a page (the fake hosts injected into
 * Chromium): each file transpiled to CommonJS and wrapped; `./x` requires resolve within the folder.
 * The fakes import nothing outside their folder, so no bundler is needed.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import * as ts from "typescript";

/** A JavaScript expression whose value is the entry module's exports. */
export function pageBundle(dir: string, entry = "index"): string {
  const defs = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => {
      const js = ts.transpileModule(readFileSync(path.join(dir, f), "utf8"), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
      }).outputText;
      return `${JSON.stringify(f.slice(0, -3))}: function (module, exports, require) {\n${js}\n}`;
    });
  return `(function () {
  var defs = {${defs.join(",\n")}};
  var cache = {};
  function req(name) {
    var key = name.replace(/^\\.\\//, "");
    if (!defs[key]) throw new Error("page bundle: no module " + name);
    if (cache[key]) return cache[key].exports;
    var m = { exports: {} };
    cache[key] = m;
    defs[key](m, m.exports, req);
    return m.exports;
  }
  return req(${JSON.stringify(entry)});
})()`;
}
