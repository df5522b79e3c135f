/**
 * Every ET member the WPS host uses exists in et-jsapi-declare (WPS's own declarations): the host is
 * typed by them, and no access slips through a receiver typed `any`. A planted misspelling fails.
 */
import { readdirSync } from "fs";
import * as path from "path";
import { etUses } from "./helpers/et-members";

const dir = path.join(__dirname, "..", "src", "hosts", "wps");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join(dir, f));

describe("the WPS host against et-jsapi-declare", () => {
  const uses = etUses(files);

  it("uses the ET members the host needs, each declared by WPS's type package", () => {
    const members = new Set(uses.filter((u) => u.declaredByWps).map((u) => u.member));
    for (const m of [
      "Worksheets",
      "UsedRange",
      "Value2",
      "Formula",
      "Address",
      "MergeCells",
      "MergeArea",
      "FormatConditions",
      "CustomProperties",
      "ProtectContents",
      "EnableEvents",
      "ApiEvent",
      "AddApiEventListener",
      "CustomDocumentProperties",
      "FileDialog",
      "ReadFileAsArrayBuffer",
      "Select",
      "Activate",
    ])
      expect(members).toContain(m);
    const wrong = uses.filter((u) => !u.declaredByWps && !u.untyped).map((u) => `${u.file}:${u.line} ${u.member}`);
    expect(wrong).toEqual([]);
  });

  it("reaches no ET member through a receiver typed any", () => {
    expect(uses.filter((u) => u.untyped).map((u) => `${u.file}:${u.line} ${u.member}`)).toEqual([]);
  });

  it("fails on a planted misspelling through any, and on a member the package does not declare", () => {
    const planted = path.join(dir, "__planted.ts");
    const source = `/// <reference types="et-jsapi-declare" />
export function f(ws: Et.Worksheet): unknown { return (ws.UsedRange as any).Valu2; }\n`;
    const found = etUses([], { [planted]: source });
    expect(found.filter((u) => u.untyped).map((u) => u.member)).toEqual(["Valu2"]);
    expect(found.find((u) => u.member === "UsedRange")!.declaredByWps).toBe(true);
  });
});
