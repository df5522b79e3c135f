/**
 * The 结果运用清单 and 谈话安排 sheets: measures grouped by measure, then unit, each row linking to
 * the person's (or team's) row.
 */
import { talks, type ResultItem } from "../engine";
import type { Table } from "./table";

type Lang = "zh" | "en";

const HEAD = {
  zh: ["规则", "措施", "单位", "姓名", "执行", "期限", "位置"],
  en: ["Rule", "Measure", "Unit", "Person", "By", "Until", "Row"],
};

/** Grouped by measure (in the order the rules give them), then by unit (in workbook order); stable. */
export function groupedItems(items: ResultItem[]): ResultItem[] {
  const measureAt = new Map<string, number>();
  const unitAt = new Map<string, number>();
  for (const i of items) {
    if (!measureAt.has(i.measure)) measureAt.set(i.measure, measureAt.size);
    if (!unitAt.has(i.unit)) unitAt.set(i.unit, unitAt.size);
  }
  return items
    .map((it, n) => ({ it, n }))
    .sort(
      (a, b) =>
        measureAt.get(a.it.measure)! - measureAt.get(b.it.measure)! ||
        unitAt.get(a.it.unit)! - unitAt.get(b.it.unit)! ||
        a.n - b.n,
    )
    .map((x) => x.it);
}

function table(
  kind: "results" | "talks",
  name: string,
  items: ResultItem[],
  lang: Lang,
  meta: [string, string][],
): Table {
  const zh = lang === "zh";
  return {
    kind,
    name,
    meta,
    header: HEAD[lang],
    rows: groupedItems(items).map((i) => [
      i.rule,
      zh ? i.measure : i.measureEn,
      i.unit,
      i.person ?? "",
      (zh ? i.by : i.byEn) ?? "",
      i.until ?? "",
      i.sheet && i.cell ? { text: `${i.sheet}!${i.cell}`, sheet: i.sheet, cell: i.cell } : "",
    ]),
    widths: [6, 44, 20, 10, 26, 12, 14],
  };
}

export function resultTables(items: ResultItem[], lang: Lang, meta: [string, string][] = []): Table[] {
  return [table("results", "结果运用清单", items, lang, meta), table("talks", "谈话安排", talks(items), lang, meta)];
}
