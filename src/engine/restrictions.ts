/**
 * Who may not be promoted, and why (R03, R04, R06, R07 of rules.md §6). H05 checks a 拟提拔 mark
 * against it; the result-use list states the same restriction with its end date.
 */
import { BASIC, INCOMPETENT, TEAM_FAIR, TEAM_POOR } from "./grades";
import type { CadreRow, Unit } from "./model/types";

export interface PromotionBar {
  rule: "R03" | "R04" | "R06" | "R07";
  /** Years from the announcement during which promotion is barred. */
  years: number;
  zh: string;
  en: string;
}

export function promotionBars(u: Unit | undefined, p: CadreRow, enabled: (id: string) => boolean): PromotionBar[] {
  const bars: PromotionBar[] = [];
  if (enabled("R03") && p.grade === BASIC)
    bars.push({
      rule: "R03",
      years: 1,
      zh: "本年基本称职，一年内不得提拔",
      en: "基本称职 this year: no promotion for one year",
    });
  if (enabled("R04") && p.grade === INCOMPETENT)
    bars.push({
      rule: "R04",
      years: 2,
      zh: "本年不称职，两年内不得提拔",
      en: "不称职 this year: no promotion for two years",
    });
  if (enabled("R04") && p.history[0] === INCOMPETENT)
    bars.push({
      rule: "R04",
      years: 1,
      zh: "上年不称职，两年内不得提拔",
      en: "不称职 last year: no promotion within two years",
    });
  if (enabled("R06") && u?.teamGrade === TEAM_FAIR)
    bars.push({
      rule: "R06",
      years: 1,
      zh: "班子为一般等次，班子成员一年内不得提拔",
      en: "Team 一般: members not promoted for one year",
    });
  if (enabled("R07") && u?.teamGrade === TEAM_POOR)
    bars.push({
      rule: "R07",
      years: 1,
      zh: "班子为较差等次，本单位干部一年内不得提拔",
      en: "Team 较差: no cadre of the unit promoted for one year",
    });
  return bars;
}
