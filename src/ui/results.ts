/** 结果运用清单 from a check: the announcement date as typed, and the two tables the pane writes. */
import { parseDate, resultList, type CheckResult, type Day } from "../engine";
import { resultTables } from "../tables/results";
import { stamp, type Table } from "../tables/table";
import type { Lang } from "./view-model";

/** The typed announcement date: a day, undefined when blank, "bad" when it is not a date. */
export function announcedOf(text: string): Day | undefined | "bad" {
  if (!text) return undefined;
  const d = parseDate(text);
  return d.ok ? d.value : "bad";
}

/** 结果运用清单 and 谈话安排 for one checked workbook, under the ruleset and the time they were made. */
export function resultTablesFor(result: CheckResult, lang: Lang, announced: Day | undefined): Table[] {
  const items = resultList(result.model, result.ruleset, announced ? { announced } : {});
  const rs = result.ruleset;
  return resultTables(items, lang, [
    [lang === "zh" ? "规则集" : "Ruleset", `${rs.id} — ${rs.title[lang]}`],
    [lang === "zh" ? "生成时间" : "Made at", stamp(new Date())],
  ]);
}
