/**
 * 自检 in WPS: every ET call the add-in makes, on a scratch sheet made and removed here (events and alerts
 * restored), each step passing or failing on its own.
 */
import { freeName, OWNER_KEY } from "../../ui/owned";
import { MARK_FORMULA } from "../../ui/marks";
import { expectSame, waitFor, type SelfTestStep } from "../../ui/self-test";
import { bgr, rowsOf, sheetAt, XL, type WpsApp } from "./et";
import { readWorkbook } from "./read";
import { getProperty, removeProperty, setProperty } from "./settings";

export function wpsSelfTest(app: WpsApp): SelfTestStep[] {
  let scratch: Et.Worksheet | null = null;
  const ws = () => {
    if (!scratch) throw new Error("no scratch sheet (its step failed)");
    return scratch;
  };
  const names = () => {
    const out: string[] = [];
    for (let i = 1; i <= app.Worksheets.Count; i++) out.push(sheetAt(app.Worksheets, i).Name);
    return out;
  };
  return [
    { name: "Application.Version / Build", run: () => `${app.Version} / ${app.Build}` },
    {
      name: "Worksheets.Add + Name（新建临时工作表）",
      run() {
        const sheets = app.Worksheets;
        scratch = sheets.Add(undefined, sheetAt(sheets, sheets.Count)) as Et.Worksheet;
        scratch.Name = freeName("kaohe自检", names());
        return scratch.Name;
      },
    },
    {
      name: "Range.Value2 写入与读回（二维数组）",
      run() {
        const range = ws().Range("A1:B2");
        range.Value2 = [
          [1, "甲"],
          [2, "乙"],
        ] as unknown as string;
        expectSame("Value2", rowsOf(range.Value2, 2, 2), [
          [1, "甲"],
          [2, "乙"],
        ]);
        const one = ws().Range("A1").Value2;
        expectSame("Value2 of one cell", one, 1);
        return `空单元格读作 ${JSON.stringify(ws().Range("C3").Value2)}`;
      },
    },
    {
      name: "Range.Formula 写入与读回",
      run() {
        ws().Range("C1").Formula = "=A1+1";
        expectSame("Formula", ws().Range("C1").Formula, "=A1+1");
      },
    },
    {
      name: "UsedRange.Address / MergeCells / MergeArea",
      run() {
        const used = ws().UsedRange.Address();
        ws().Range("A4:B4").Merge();
        const merged = ws().Range("A4").MergeArea.Address();
        return `${used}; MergeCells(A1:B4)=${JSON.stringify(ws().Range("A1:B4").MergeCells)}; MergeArea(A4)=${merged}`;
      },
    },
    {
      name: "FormatConditions.Add / Interior.Color / Delete（标记）",
      run() {
        const cf = ws()
          .Range("A1,B2")
          .FormatConditions.Add(XL.expression, undefined, MARK_FORMULA) as Et.FormatCondition;
        cf.Interior.Color = bgr("#F8D7DA");
        expectSame("Formula1", cf.Formula1, MARK_FORMULA);
        cf.Delete();
      },
    },
    {
      name: "Worksheet.CustomProperties（加载项自己的工作表）",
      run() {
        ws().CustomProperties.Add(OWNER_KEY, "selfTest");
        expectSame("CustomProperties.Item(1).Value", ws().CustomProperties.Item(1).Value, "selfTest");
      },
    },
    {
      name: "Worksheet.Activate + Range.Select（定位）",
      run() {
        ws().Activate();
        ws().Range("B2").Select();
      },
    },
    {
      name: "ApiEvent SheetChange（边填边查）",
      async run() {
        let heard = "";
        const handler = (_sheet: Et.Worksheet, target: unknown) => void (heard = (target as Et.Range).Address());
        app.ApiEvent.AddApiEventListener("SheetChange", handler);
        try {
          ws().Range("D1").Value2 = "x";
          if (!(await waitFor(() => heard !== ""))) throw new Error("no SheetChange heard within 1.5 s");
          return `Target ${heard}`;
        } finally {
          app.ApiEvent.RemoveApiEventListener("SheetChange", handler);
        }
      },
    },
    {
      name: "CustomDocumentProperties（设置保存在工作簿）",
      run() {
        const before = getProperty(app, "kaohe.selfTest");
        setProperty(app, "kaohe.selfTest", "ok");
        expectSame("document property", getProperty(app, "kaohe.selfTest"), "ok");
        removeProperty(app, "kaohe.selfTest");
        expectSame("document property removed", getProperty(app, "kaohe.selfTest"), null);
        return before === null ? "" : "（已存在）";
      },
    },
    {
      name: "wps.AddCustomFunction（KH 函数）",
      run() {
        if (typeof app.AddCustomFunction !== "function")
          throw new Error("AddCustomFunction is not there (needs WPS 12.1.0.20540+)");
      },
    },
    {
      name: "Application.FileDialog / FileSystem（回收汇总选择文件）",
      run() {
        if (typeof app.FileDialog !== "function") throw new Error("FileDialog is not there");
        if (typeof app.FileSystem?.ReadFileAsArrayBuffer !== "function")
          throw new Error("FileSystem.ReadFileAsArrayBuffer is not there");
      },
    },
    {
      name: "读取整个工作簿（与校验相同）",
      async run() {
        const read = await readWorkbook(app);
        return `${read.sheets.length} 个工作表，${read.syncs} 次调用`;
      },
    },
    {
      name: "删除临时工作表",
      run() {
        const alerts = app.DisplayAlerts;
        app.DisplayAlerts = false;
        try {
          ws().Delete();
          scratch = null;
        } finally {
          app.DisplayAlerts = alerts;
        }
      },
    },
  ];
}
