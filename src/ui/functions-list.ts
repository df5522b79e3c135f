/** The KH functions with an example each, shown at the foot of the pane. */
import { h } from "./dom";

const FUNCTIONS: [string, string, string][] = [
  ['=KH.TEAMCAP("一般")', "0.1", "班子一般时干部优秀比例 / share for a team graded 一般"],
  ['=KH.EXCELLENTQUOTA("优秀", 10)', "3", "十人中可评优秀人数 / 优秀 allowed among 10"],
  ['=KH.GRADE(" 优秀等次 ")', "优秀", "规范等次 / canonical grade"],
  ['=KH.ALLOWEDGRADES("一般", "是")', "称职、基本称职…", "可评等次 / allowed grades"],
  ['=KH.CHECK("一般", "优秀", "是")', "L02 …", "本行违反的规则 / first rule broken"],
  ['=KH.STREAK(F2:H2, "优秀")', "3", "连续年数 / years running"],
  ['=KH.CONSEQUENCES("基本称职")', "R03：…", "结果运用 / result-use measures"],
  ["=KH.TERMSTART(DATE(2021,8,15))", "2022-01-01", "任期起算 / term start (T01)"],
  ["=KH.TERMEND(DATE(2021,8,15))", "2026-12-31", "任期届满 / term end (T02)"],
  ['=KH.RULE("L02")', "L02 班子一般的…", "规则条文 / rule text"],
  ["=KH.RULESET()", "jinan-2022 …", "规则集与指纹 / ruleset and fingerprint"],
];

export function functionItems(): HTMLLIElement[] {
  return FUNCTIONS.map(([f, result, what]) => h("li", {}, h("code", {}, f), ` → ${result}\u3000${what}`));
}
