/**
 * Columns of the 干部 and 班子 sheets (workbook.md), found by name and synonym, never by position.
 * Names are compared folded (no spaces, half-width, upper case); "单位 (Unit)" matches 单位 and Unit.
 */
import { fold } from "../text";

export type CadreCol =
  | "seq" | "unit" | "name" | "idNumber" | "position" | "principal" | "grade"
  | "regularScore" | "politicalQuality" | "sanction" | "sanctionPrev1" | "sanctionPrev2"
  | "faultTolerated" | "proposedPromotion" | "probation" | "underReview"
  | "appointedOn" | "predecessorAppointedOn" | "termNo" | "termEnd" | "yearEndScore" | "surveyScore" | "compositeScore"
  | "proposedGrade" | "teamGrade" | "teamGradePrev" | "category" | "note" | "check";

export type TeamCol =
  | "unit" | "category" | "teamGrade" | "teamGradePrev" | "pointsLost" | "performance"
  | "participants" | "quota" | "excellentCount" | "status" | "yearEndScore" | "surveyScore"
  | "compositeScore" | "democraticLow";

type Synonyms<C extends string> = Record<C, { zh: string; names: string[] }>;

export const CADRE_COLUMNS: Synonyms<CadreCol> = {
  seq: { zh: "序号", names: ["序号", "No.", "No", "编号"] },
  unit: { zh: "单位", names: ["单位", "所在单位", "单位名称", "Unit"] },
  name: { zh: "姓名", names: ["姓名", "Name"] },
  idNumber: { zh: "身份证号", names: ["身份证号", "证件号码", "身份证号码", "ID number", "ID"] },
  position: { zh: "职务", names: ["职务", "现任职务", "职务职级", "Position"] },
  principal: { zh: "是否正职", names: ["是否正职", "正职", "班子正职", "是否班子正职", "Principal"] },
  grade: { zh: "本年等次", names: ["本年等次", "年度考核等次", "考核等次", "等次", "本年度等次", "年度等次", "本年度考核等次", "Grade"] },
  regularScore: { zh: "平时考核得分", names: ["平时考核得分", "平时考核", "平时成绩", "平时考核成绩", "Regular score"] },
  politicalQuality: { zh: "政治素质", names: ["政治素质", "政治素质等次", "政治素质考察", "Political quality"] },
  sanction: { zh: "处分或处理", names: ["处分或处理", "处分", "受处分情况", "处分处理", "本年处分", "Sanction"] },
  sanctionPrev1: { zh: "上年处分", names: ["上年处分", "上年处分或处理", "上年度处分", "Sanction -1"] },
  sanctionPrev2: { zh: "前年处分", names: ["前年处分", "前年处分或处理", "Sanction -2"] },
  faultTolerated: { zh: "容错认定", names: ["容错认定", "容错", "是否容错", "Fault tolerated"] },
  proposedPromotion: { zh: "拟提拔", names: ["拟提拔", "拟提拔使用", "是否拟提拔", "Proposed for promotion"] },
  probation: { zh: "试用期", names: ["试用期", "是否试用期", "新录用试用期", "Probation"] },
  underReview: { zh: "立案审查调查", names: ["立案审查调查", "立案审查", "是否立案审查", "是否立案审查调查", "Under review"] },
  appointedOn: { zh: "任职时间", names: ["任职时间", "任现职时间", "任职决定时间", "Appointed on"] },
  predecessorAppointedOn: { zh: "前任任职时间", names: ["前任任职时间", "前任任职决定时间", "Predecessor appointed on"] },
  termNo: { zh: "任期届次", names: ["任期届次", "第几任期", "任期", "Term no."] },
  termEnd: { zh: "任期届满时间", names: ["任期届满时间", "届满时间", "任期届满", "Term end"] },
  yearEndScore: { zh: "年终考核得分", names: ["年终考核得分", "年终考核", "Year-end", "Year-end score"] },
  surveyScore: { zh: "民意调查得分", names: ["民意调查得分", "民意调查", "Survey"] },
  compositeScore: { zh: "综合得分", names: ["综合得分", "年度综合得分", "Composite"] },
  proposedGrade: { zh: "拟定等次", names: ["拟定等次", "建议等次", "得分等次", "Proposed grade"] },
  teamGrade: { zh: "班子等次", names: ["班子等次", "本年班子等次", "领导班子等次", "Team grade"] },
  teamGradePrev: { zh: "上年班子等次", names: ["上年班子等次", "Team grade last year"] },
  category: { zh: "单位类别", names: ["单位类别", "类别", "单位类型", "Category"] },
  note: { zh: "备注", names: ["备注", "说明", "Note"] },
  check: { zh: "校验", names: ["校验", "Check"] },
};

export const TEAM_COLUMNS: Synonyms<TeamCol> = {
  unit: { zh: "单位", names: ["单位", "单位名称", "被考核单位", "部门", "Unit"] },
  category: { zh: "单位类别", names: ["单位类别", "类别", "单位类型", "Category"] },
  teamGrade: { zh: "本年班子等次", names: ["本年班子等次", "班子等次", "领导班子等次", "年度考核等次", "Team grade"] },
  teamGradePrev: { zh: "上年班子等次", names: ["上年班子等次", "上年度班子等次", "Team grade last year"] },
  pointsLost: { zh: "指标失分率", names: ["指标失分率", "失分比例", "Points lost"] },
  performance: { zh: "单位绩效", names: ["单位绩效", "绩效等次", "单位绩效等次", "单位绩效情况", "Performance"] },
  participants: { zh: "参评人数", names: ["参评人数", "Participants"] },
  quota: { zh: "优秀上限", names: ["优秀上限", "Quota"] },
  excellentCount: { zh: "已定优秀", names: ["已定优秀", "Excellent"] },
  status: { zh: "状态", names: ["状态", "Status"] },
  yearEndScore: { zh: "年终考核得分", names: ["年终考核得分", "年终考核", "Year-end", "Year-end score"] },
  surveyScore: { zh: "民意调查得分", names: ["民意调查得分", "民意调查", "Survey"] },
  compositeScore: { zh: "综合得分", names: ["综合得分", "年度综合得分", "Composite"] },
  democraticLow: { zh: "民主测评基本称职及不称职比例", names: ["民主测评基本称职及不称职比例", "民主测评差评率", "民主测评不称职率", "Democratic low share"] },
};

/** Named history columns of the cadre sheet: years back from the appraisal year. */
export const CADRE_HISTORY: Record<string, number> = { 上年等次: 1, 上年度等次: 1, 前年等次: 2, 大前年等次: 3, "GRADE-1": 1, "GRADE-2": 2, "GRADE-3": 3 };

const YEAR_CADRE_GRADE = /^(\d{4})年度?(考核)?等次$/;
const YEAR_TEAM_GRADE = /^(\d{4})年度?(领导)?班子(考核)?等次$/;

/** The forms under which a header cell is looked up: whole, and without or inside its brackets. */
export function headerKeys(text: string): string[] {
  const f = fold(text).replace(/[*＊:：]+$/, "").toUpperCase();
  if (!f) return [];
  const m = /^(.*?)[(（\[](.*?)[)）\]]$/.exec(f);
  return m ? [f, m[1], m[2]].filter(Boolean) : [f];
}

function index<C extends string>(cols: Synonyms<C>): Map<string, C> {
  const m = new Map<string, C>();
  for (const [id, def] of Object.entries(cols) as [C, { names: string[] }][]) {
    for (const n of def.names) if (!m.has(fold(n).toUpperCase())) m.set(fold(n).toUpperCase(), id);
  }
  return m;
}

const CADRE_INDEX = index(CADRE_COLUMNS);
const TEAM_INDEX = index(TEAM_COLUMNS);

export type HeaderMatch<C> =
  | { kind: "col"; id: C }
  | { kind: "history"; back: number }
  | { kind: "year"; year: number };

export function matchCadreHeader(text: string): HeaderMatch<CadreCol> | null {
  for (const k of headerKeys(text)) {
    if (k in CADRE_HISTORY) return { kind: "history", back: CADRE_HISTORY[k] };
    const id = CADRE_INDEX.get(k);
    if (id) return { kind: "col", id };
    const y = YEAR_CADRE_GRADE.exec(k);
    if (y) return { kind: "year", year: Number(y[1]) };
    const t = YEAR_TEAM_GRADE.exec(k);
    if (t) return { kind: "col", id: "teamGrade" };
  }
  return null;
}

export function matchTeamHeader(text: string): HeaderMatch<TeamCol> | null {
  for (const k of headerKeys(text)) {
    const id = TEAM_INDEX.get(k);
    if (id) return { kind: "col", id };
    const t = YEAR_TEAM_GRADE.exec(k);
    if (t) return { kind: "year", year: Number(t[1]) };
  }
  return null;
}

/** A1 column letters of a 0-based index. */
export function columnLetter(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** "B3" → {row: 2, col: 1} (0-based). */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
