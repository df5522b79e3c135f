/**
 * The browsers the users have (issue 19): the 信创 browsers run Chromium 80+ or Firefox ESR 78+. Every
 * script we emit — the pane, the functions, the browser app and their chunks — parses at ES2020 and calls
 * no newer built-in; a planted one fails.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { tooNew } from "./helpers/es-level";

const dist = path.join(__dirname, "..", "dist");
const scripts = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? scripts(p) : p.endsWith(".js") ? [p] : [];
  });

describe("every emitted script runs on Chromium 80 and Firefox ESR 78", () => {
  const files = scripts(dist);

  it("covers the pane, the functions and the app with its chunks", () => {
    const names = files.map((f) => path.relative(dist, f).split(path.sep).join("/"));
    expect(names).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "legacy.js"]));
    expect(names.some((n) => /^app\/app\.[0-9a-f]{8}\.js$/.test(n))).toBe(true);
    expect(names.filter((n) => n.startsWith("app/")).length).toBeGreaterThan(3);
  });

  it.each(scripts(dist).map((f) => [path.relative(dist, f)]))("%s: ES2020 syntax, no newer built-in", (rel) => {
    const found = tooNew(readFileSync(path.join(dist, rel), "utf8"));
    expect(found.map((f) => f.what)).toEqual([]);
  });

  it("fails on planted newer syntax and built-ins, and passes their ES2020 forms", () => {
    expect(() => tooNew("class A { #x = 1; }")).toThrow();
    expect(() => tooNew("a ||= b;")).toThrow();
    expect(tooNew("const last = list.at(-1);").map((f) => f.what)).toEqual([".at()"]);
    expect(tooNew('s.replaceAll("a", "b"); Object.hasOwn(o, "k"); structuredClone(x);').map((f) => f.what)).toEqual([
      ".replaceAll()",
      "Object.hasOwn()",
      "structuredClone",
    ]);
    expect(tooNew('const last = list[list.length - 1]; s.split("a").join("b"); o.at = 1; a?.b ?? c;')).toEqual([]);
  });
});
