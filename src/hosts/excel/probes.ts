/**
 * 自检 steps that ask this Excel what the adapter assumes of it (issue 24), on the scratch sheet: a batch
 * run with delayForCellEdit, a handler gone after its removal, what a text-formatted cell makes of a number,
 * the 512 merged-area limit and the date system. Each says what it found, so the first real installation
 * confirms or corrects the fake (src/testing/fake-excel).
 */
import { waitFor, type SelfTestStep } from "../../ui/self-test";
import { askDateSystem } from "./dates";
import { mergesByBlocks } from "./merges";
import { requirements, runWhenEditDone } from "./run";

type OnScratch = <T>(work: (ws: Excel.Worksheet, context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Rows of the scratch sheet the merged-area probe uses, clear of the other steps' cells. */
const MERGE_FROM = 20;
const MERGES = 513;

export function probeSteps(onScratch: OnScratch): SelfTestStep[] {
  return [
    {
      name: "Excel.run delayForCellEdit（ExcelApi 1.11，单元格编辑时等待）",
      async run() {
        if (!requirements()?.isSetSupported("ExcelApi", "1.11"))
          return "ExcelApi 1.11 missing: a 边填边查 batch during a cell edit fails and is retried";
        const name = await runWhenEditDone(async (context) => {
          const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
          await context.sync();
          return ws.name;
        });
        return `batch run with delayForCellEdit (active sheet ${name}): 边填边查 waits for a cell edit to end`;
      },
    },
    {
      name: "EventHandlerResult.remove（停止后不再收到事件）",
      async run() {
        let heard = false;
        const registered = await onScratch(async (ws, context) => {
          const result = ws.onChanged.add(async () => void (heard = true));
          await context.sync();
          return result;
        });
        registered.remove();
        await registered.context.sync();
        await onScratch(async (ws, context) => {
          ws.getRange("F1").values = [["removed?"]];
          await context.sync();
        });
        if (await waitFor(() => heard, 800)) throw new Error("a change event still arrived after remove()");
        return "no event after remove()";
      },
    },
    {
      name: "numberFormat @ + values（文本格式的单元格写入数字）",
      run: () =>
        onScratch(async (ws, context) => {
          const cell = ws.getRange("G1");
          cell.numberFormat = [["@"]];
          cell.values = [[5]];
          cell.load("values");
          await context.sync();
          const v = cell.values[0][0];
          return typeof v === "string"
            ? `text: the number came back as "${v}" (so only cells holding text are formatted as text)`
            : `number: the number came back as ${String(v)} (formatting only text cells as text is safe either way)`;
        }),
    },
    {
      name: "getMergedAreasOrNullObject 512（合并区域上限）",
      run: () =>
        onScratch(async (ws, context) => {
          for (let r = MERGE_FROM; r < MERGE_FROM + MERGES; r++) ws.getRangeByIndexes(r, 0, 1, 2).merge();
          await context.sync();
          const all = ws.getRangeByIndexes(MERGE_FROM, 0, MERGES, 2).getMergedAreasOrNullObject().load("address");
          let atOnce: string;
          try {
            await context.sync();
            atOnce = `Excel gave ${all.isNullObject ? 0 : all.address.split(",").length} at once (no limit met)`;
          } catch (e) {
            atOnce = `Excel refused ${MERGES} at once (${(e as { code?: string }).code ?? "error"})`;
          }
          const target = { sheet: 0, name: "", ws, r0: MERGE_FROM, rows: MERGES, c0: 0, cols: 2 };
          const { merges } = await mergesByBlocks([target], () => context.sync());
          const got = merges.get(0)?.length ?? 0;
          if (got !== MERGES) throw new Error(`${atOnce}; read by blocks: ${got} of ${MERGES}`);
          return `${atOnce}; read by blocks: ${got}`;
        }),
    },
    {
      name: "functions.date（日期系统 1900/1904）",
      run: () =>
        onScratch(async (_ws, context) => {
          const answer = askDateSystem(context);
          await context.sync();
          const system = answer();
          if (system === null) throw new Error("DATE(1904,1,1) gave neither 0 nor 1462: the date system is unknown");
          return system ? "1904 date system (dates converted as kaohe check does)" : "1900 date system";
        }),
    },
  ];
}
