/**
 * Who may not be promoted, and why: the measures of the result-use table marked `barsPromotion`
 * (R03, R04, R06, R07 of rules.md §6). H05 checks a 拟提拔 mark against them; the result-use list
 * states the same measures with their end dates.
 */
import { gradeLabel } from "./grades";
import type { CadreRow, Unit } from "./model/types";
import { MEASURES, measuresFor } from "./results/measures";

export interface PromotionBar {
  rule: string;
  /** Years from the announcement during which promotion is barred. */
  years: number;
  zh: string;
  en: string;
}

export function promotionBars(u: Unit | undefined, p: CadreRow, enabled: (id: string) => boolean): PromotionBar[] {
  const bars: PromotionBar[] = [];
  for (const mr of measuresFor(p.grade, u?.teamGrade ?? null, enabled)) {
    for (const m of mr.measures) if (m.barsPromotion) bars.push({ rule: mr.rule, years: m.years!, zh: m.zh, en: m.en });
  }
  // A bar of several years still holds this year when last year's grade set it (R04: 不称职, two years).
  const lastYear = p.history[0];
  if (lastYear !== null && lastYear !== undefined) {
    for (const mr of MEASURES) {
      if (mr.of !== "cadre" || mr.grade !== lastYear || !enabled(mr.rule)) continue;
      for (const m of mr.measures) {
        if (m.barsPromotion && m.years! > 1)
          bars.push({
            rule: mr.rule,
            years: m.years! - 1,
            zh: `上年${gradeLabel(mr.grade, "cadre")}：${m.zh}`,
            en: `${gradeLabel(mr.grade, "cadre")} last year: ${m.en}`,
          });
      }
    }
  }
  return bars;
}
