/** Requirement-set discipline: no Office.js call above the ExcelApi baseline the manifest declares, unguarded. */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { excelApiUses, unguardedAbove, version, versionText } from "./helpers/api-sets";

const root = path.join(__dirname, "..");
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
const addin = ["taskpane", "ui", "hosts/excel", "functions"].flatMap((d) => sources(path.join(root, "src", d)));
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
const declared = /<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\/>/.exec(manifest);

describe("ExcelApi requirement sets", () => {
  const uses = excelApiUses(addin);

  it("the manifest declares an ExcelApi baseline, at most 1.14 (Office 2021 volume licence)", () => {
    expect(declared).not.toBeNull();
    expect(version(declared![1])).toBeLessThanOrEqual(version("1.14"));
  });

  it("calls nothing above the baseline without an isSetSupported guard, and the baseline is what the code needs", () => {
    const baseline = version(declared![1]);
    expect(uses.length).toBeGreaterThan(20);
    const above = unguardedAbove(uses, baseline).map(
      (u) => `${u.file}:${u.line} ${u.member} (ExcelApi ${versionText(u.version)})`,
    );
    expect(above).toEqual([]);
    // Exactly the baseline: the highest unguarded need is what the manifest asks for.
    const needed = Math.max(...uses.filter((u) => u.guard === null).map((u) => u.version));
    expect(versionText(needed)).toBe(declared![1]);
    // Print setup (1.9) is the guarded one today.
    expect(uses.some((u) => u.member.startsWith("PageLayout.") && u.guard !== null)).toBe(true);
  });

  it("fails on a planted unguarded ExcelApi 1.17 call, and passes it once guarded", () => {
    const planted = path.join(root, "src", "taskpane", "__planted.ts");
    const bare = `export function f(cf: Excel.ConditionalFormat): void { cf.setRanges("A1:B2"); }\n`;
    const found = unguardedAbove(excelApiUses([], { [planted]: bare }), version(declared![1]));
    expect(found.map((u) => [u.member, versionText(u.version)])).toEqual([["ConditionalFormat.setRanges", "1.17"]]);
    const guarded = `export function f(cf: Excel.ConditionalFormat): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.17")) cf.setRanges("A1:B2");
}\n`;
    expect(unguardedAbove(excelApiUses([], { [planted]: guarded }), version(declared![1]))).toEqual([]);
  });
});

describe("what the requirement-set check accepts as a guard, and what it reads", () => {
  const planted = path.join(root, "src", "taskpane", "__planted.ts");
  const found = (source: string) =>
    unguardedAbove(excelApiUses([], { [planted]: source }), version(declared![1])).map((u) => [
      u.member,
      versionText(u.version),
    ]);

  it("a negated isSetSupported is no guard: the call under it runs exactly where the set is missing", () => {
    const negated = `export function f(cf: Excel.ConditionalFormat): void {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.17")) cf.setRanges("A1:B2");
}\n`;
    expect(found(negated)).toEqual([["ConditionalFormat.setRanges", "1.17"]]);
    const helper = `const has = () => !Office.context.requirements.isSetSupported("ExcelApi", "1.17");
export function f(cf: Excel.ConditionalFormat): void {
  if (has()) cf.setRanges("A1:B2");
}\n`;
    expect(found(helper)).toEqual([["ConditionalFormat.setRanges", "1.17"]]);
    const notHelper = `const has = () => Office.context.requirements.isSetSupported("ExcelApi", "1.17");
export function f(cf: Excel.ConditionalFormat): void {
  if (!has()) cf.setRanges("A1:B2");
}\n`;
    expect(found(notHelper)).toEqual([["ConditionalFormat.setRanges", "1.17"]]);
  });

  it('reads the properties named in load("…") strings, through items/ and nested paths', () => {
    const loads = `export function f(ws: Excel.Worksheet, list: Excel.WorksheetCollection): void {
  ws.load("name,tabId");
  list.load("items/name,items/tabId,items/protection/protected");
}\n`;
    expect(found(loads)).toEqual([
      ["Worksheet.tabId", "1.14"],
      ["Worksheet.tabId", "1.14"],
    ]);
    const guarded = `export function f(ws: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.14")) ws.load("tabId");
}\n`;
    expect(found(guarded)).toEqual([]);
    // The add-in's own load strings are read too: a protection's options (1.2) and a worksheet's id (1.1).
    const uses = excelApiUses(addin);
    expect(uses.some((u) => u.member === "WorksheetProtection.protected")).toBe(true);
  });
});
