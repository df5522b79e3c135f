/**
 * What a unit should do about each finding (怎么改), for the notes and the 校验意见 sheet of a copy sent back
 * for correction. Info findings ask for nothing: they are what the department will do with the results.
 */
type Advice = { zh: string; en: string };

const ADVICE: Record<string, Advice> = {
  D01: {
    zh: "改为可识别的值（等次如 优秀/称职/基本称职/不称职/不定等次；是/否）",
    en: "Type a value the column accepts (a grade, 是/否, a listed sanction)",
  },
  D02: { zh: "按模板补上缺少的列（表头名称见说明）", en: "Add the missing column as the template has it" },
  D03: {
    zh: "在班子表补上该单位一行，或核对单位名称是否一致",
    en: "Add the unit's row to the teams sheet, or make the unit names agree",
  },
  D04: { zh: "删去重复的一行，或核对姓名、身份证号", en: "Remove the duplicate row, or correct the name or ID number" },
  D05: { zh: "在「是否正职」列标明唯一的一名正职", en: "Mark exactly one principal in 是否正职" },
  D06: { zh: "填写 0–100 之间的数字", en: "Type a number from 0 to 100" },
  D07: { zh: "填写本年等次", en: "Fill in this year's grade" },
  D08: { zh: "同一单位只填一个班子等次，核对后统一", en: "Give the unit one team grade" },
  D09: {
    zh: "改为具体的值（不要留错误值或未计算的公式）",
    en: "Replace the error value or uncalculated formula with a value",
  },
  Q01: { zh: "核减优秀人数至上限以内，或核对班子等次", en: "Bring 优秀 within the quota, or check the team grade" },
  Q02: {
    zh: "核减优秀人数；确需超过一般比例的，附批准材料",
    en: "Reduce 优秀, or attach the approval for a higher share",
  },
  Q03: { zh: "核减优秀人数至规定比例以内", en: "Bring 优秀 within the share allowed" },
  Q04: { zh: "核减优秀人数至规定比例以内", en: "Bring 优秀 within the share allowed" },
  Q05: { zh: "按单位绩效对应的比例核减优秀人数", en: "Bring 优秀 within the share for the unit's performance" },
  L01: { zh: "核对正职等次；确不为优秀的，请附说明", en: "Check the principal's grade; explain if not 优秀" },
  L02: {
    zh: "将正职等次改为称职及以下，或核对班子等次",
    en: "Grade the principal 称职 or below, or check the team grade",
  },
  L03: {
    zh: "将正职等次改为基本称职或不称职，或核对班子等次",
    en: "Grade the principal 基本称职 or 不称职, or check the team grade",
  },
  L04: {
    zh: "将其他干部的优秀改为称职及以下，或核对班子等次",
    en: "No other 优秀 in this unit, or check the team grade",
  },
  L05: { zh: "核对正职等次；原则上为基本称职并予诫勉", en: "Check the principal's grade (in principle 基本称职)" },
  L06: { zh: "班子及正职不得为优秀：核对等次", en: "The team and its principal may not be 优秀: check the grades" },
  E01: {
    zh: "平时考核不足规定分数的，不得评为优秀：改正等次或核对得分",
    en: "Change the grade, or check the regular score",
  },
  E02: { zh: "政治素质不是“好”的，不得评为优秀：改正等次", en: "Change the grade: political quality is not 好" },
  E03: { zh: "降低年度考核等次，或核对政治素质", en: "Lower the grade, or check political quality" },
  E04: { zh: "班子及正职不得评为优秀：改正等次或核对失分率", en: "Change the grade, or check the points lost" },
  E05: {
    zh: "按处分或处理对等次的限制改正等次，或核对处分",
    en: "Grade within what the sanction allows, or check the sanction",
  },
  E06: { zh: "试用期人员改为不定等次", en: "Grade staff in probation 不定等次" },
  E07: { zh: "立案审查调查未结案的改为不定等次", en: "Grade 不定等次 while the case review is open" },
  E08: { zh: "无需修改：容错认定已记录", en: "Nothing to change: the tolerated mistake is on record" },
  H01: { zh: "无需修改：供结果运用（记功）", en: "Nothing to change: for the use of results (merit)" },
  H02: { zh: "无需修改：供结果运用（组织调整或处理）", en: "Nothing to change: for the use of results" },
  H03: { zh: "无需修改：供结果运用（辞退）", en: "Nothing to change: for the use of results" },
  H04: { zh: "无需修改：供结果运用（工资档次、级别）", en: "Nothing to change: for the use of results (salary)" },
  H05: { zh: "撤销拟提拔，或核对本年及往年等次", en: "Withdraw the promotion proposal, or check the grades" },
  H06: { zh: "无需修改：供结果运用（不再任用）", en: "Nothing to change: for the use of results" },
  H07: {
    zh: "按组织部门的往年结果改正该年等次，或提供依据",
    en: "Type the grade the department's record gives, or send the evidence",
  },
  T01: { zh: "核对任职时间", en: "Check the appointment date" },
  T02: { zh: "核对任职时间和任期届满时间", en: "Check the appointment date and the term end" },
  T03: {
    zh: "核对任期届次；届满两个任期的应交流或改任",
    en: "Check the term number; after two terms the principal moves",
  },
  T04: { zh: "核对前任任职时间和任期届满时间", en: "Check the predecessor's appointment and the term end" },
  S01: { zh: "核对综合得分与平时考核得分", en: "Check the composite and regular scores" },
  S02: { zh: "核对班子得分与民意调查得分", en: "Check the team score and the survey score" },
  S03: { zh: "核对各评价主体权重，合计应为 100%", en: "Make the evaluator weights add up to 100%" },
  S04: { zh: "核对高质量发展指标权重", en: "Check the high-quality-development weight" },
  A01: {
    zh: "不要改动「规则」表：请用下发的模板重新填写，或说明改动依据",
    en: "Do not change the 规则 sheet: use the template as sent",
  },
  A02: { zh: "使用下发的模板（规则集）填写", en: "Fill the template as sent (its ruleset)" },
  A03: { zh: "恢复该列的公式（不要手填数值）", en: "Put the column's formula back (no typed value)" },
  A04: { zh: "恢复与本列其他行相同的公式", en: "Use the same formula as the rest of the column" },
  A05: { zh: "恢复只引用本行的公式", en: "Use a formula that refers to its own row only" },
  A06: {
    zh: "重新计算（F9）或恢复公式，不要粘贴数值",
    en: "Recalculate (F9) or restore the formula; do not paste values",
  },
};

const INFO: Advice = { zh: "无需修改：供参考", en: "Nothing to change: for information" };
const CHECK: Advice = { zh: "请核对并改正", en: "Check and correct" };

export function adviceFor(rule: string, severity: "error" | "warning" | "info", lang: "zh" | "en"): string {
  const a = ADVICE[rule] ?? (severity === "info" ? INFO : CHECK);
  return a[lang];
}
