/**
 * 自检 in Excel: every Office.js call the add-in makes, on a scratch sheet made and removed here, each step
 * passing or failing on its own, with the requirement sets this Excel reports. It also asks this Excel
 * what the adapter assumes of real Excel where that can be tried on a scratch sheet (probes.ts).
 */
import { freeName, OWNER_KEY } from "../../ui/owned";
import { MARK_FORMULA } from "../../ui/marks";
import { expectSame, waitFor, type SelfTestStep } from "../../ui/self-test";
import { probeSteps } from "./probes";
import { readWorkbook } from "./read";

const NAME = "kaohe自检";

export function excelSelfTest(): SelfTestStep[] {
  let scratch = "";
  const onScratch = <T>(work: (ws: Excel.Worksheet, context: Excel.RequestContext) => Promise<T>) =>
    Excel.run(async (context) => {
      if (!scratch) throw new Error("no scratch sheet (its step failed)");
      return work(context.workbook.worksheets.getItem(scratch), context);
    });
  const office = () => (typeof Office === "undefined" ? undefined : Office.context);
  return [
    {
      name: "Office.context.diagnostics / requirements",
      run() {
        const d = office()?.diagnostics;
        const top = ["1.17", "1.14", "1.13", "1.9", "1.7", "1.1"].find((v) =>
          office()?.requirements?.isSetSupported("ExcelApi", v),
        );
        return `${d?.host ?? "?"} ${d?.platform ?? "?"} ${d?.version ?? "?"}; ExcelApi ${top ?? "none"}`;
      },
    },
    {
      name: "worksheets.add（新建临时工作表）",
      run: () =>
        Excel.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name");
          await context.sync();
          scratch = freeName(
            NAME,
            sheets.items.map((s) => s.name),
          );
          sheets.add(scratch);
          await context.sync();
          return scratch;
        }),
    },
    {
      name: "Range.values / formulas 写入与读回",
      run: () =>
        onScratch(async (ws, context) => {
          ws.getRange("A1:B2").values = [
            [1, "甲"],
            [2, "乙"],
          ];
          ws.getRange("C1").formulas = [["=A1+1"]];
          const back = ws.getRange("A1:C2").load("values,formulas");
          await context.sync();
          expectSame(
            "values",
            back.values.map((r) => r.slice(0, 2)),
            [
              [1, "甲"],
              [2, "乙"],
            ],
          );
          expectSame("formula", back.formulas[0][2], "=A1+1");
        }),
    },
    {
      name: "getUsedRange / getMergedAreasOrNullObject",
      run: () =>
        onScratch(async (ws, context) => {
          ws.getRange("A4:B4").merge();
          const used = ws.getUsedRangeOrNullObject(true).load("address");
          const merged = ws.getRange().getMergedAreasOrNullObject().load("address");
          await context.sync();
          return `${used.isNullObject ? "—" : used.address}; ${merged.isNullObject ? "no merges" : merged.address}`;
        }),
    },
    {
      name: "conditionalFormats.add / delete（标记）",
      run: () =>
        onScratch(async (ws, context) => {
          const cf = ws.getRanges("A1,B2").conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = "#F8D7DA";
          await context.sync();
          cf.delete();
          await context.sync();
        }),
    },
    {
      name: "worksheet.customProperties（加载项自己的工作表）",
      run: () =>
        onScratch(async (ws, context) => {
          ws.customProperties.add(OWNER_KEY, "selfTest");
          const props = ws.customProperties.load("items/key,items/value");
          await context.sync();
          expectSame("custom property", props.items.find((p) => p.key === OWNER_KEY)?.value, "selfTest");
        }),
    },
    {
      name: "activate + select（定位）",
      run: () =>
        onScratch(async (ws, context) => {
          ws.activate();
          ws.getRange("B2").select();
          await context.sync();
        }),
    },
    {
      name: "onChanged（边填边查）",
      async run() {
        let heard = "";
        const registered = await onScratch(async (ws, context) => {
          const result = ws.onChanged.add(async (e) => void (heard = e.address));
          await context.sync();
          return result;
        });
        try {
          await onScratch(async (ws, context) => {
            ws.getRange("D1").values = [["x"]];
            await context.sync();
          });
          if (!(await waitFor(() => heard !== ""))) throw new Error("no onChanged heard within 1.5 s");
          return `address ${heard}`;
        } finally {
          // A handler stays until its result is removed, in the context that added it.
          registered.remove();
          await registered.context.sync();
        }
      },
    },
    {
      name: "document settings（设置保存在工作簿）",
      run() {
        const settings = office()?.document?.settings;
        if (!settings) throw new Error("Office.context.document.settings is not there");
        settings.set("kaohe.selfTest", "ok");
        expectSame("setting", settings.get("kaohe.selfTest"), "ok");
        settings.remove("kaohe.selfTest");
      },
    },
    {
      name: "CustomFunctionsRuntime（KH 函数）",
      run() {
        if (!office()?.requirements?.isSetSupported("CustomFunctionsRuntime", "1.1"))
          throw new Error("CustomFunctionsRuntime 1.1 is not supported here");
        if (!(globalThis as { CustomFunctions?: unknown }).CustomFunctions)
          throw new Error("CustomFunctions is not defined in this runtime");
      },
    },
    {
      name: "读取整个工作簿（与校验相同）",
      run: () =>
        Excel.run(async (context) => {
          const read = await readWorkbook(context);
          return `${read.sheets.length} sheets, ${read.syncs} syncs`;
        }),
    },
    ...probeSteps(onScratch),
    {
      name: "删除临时工作表",
      run: () =>
        onScratch(async (ws, context) => {
          ws.delete();
          await context.sync();
          scratch = "";
        }),
    },
  ];
}
