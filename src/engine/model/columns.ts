/**
 * Columns of the 干部 and 班子 sheets (workbook.md), found by name and synonym, never by position.
 * Names are compared folded (no spaces, half-width, upper case); "单位 (Unit)" matches 单位 and Unit.
 */
import { fold } from "../text";

export type CadreCol =
  | "seq"
  | "unit"
  | "name"
  | "idNumber"
  | "position"
  | "principal"
  | "grade"
  | "regularScore"
  | "politicalQuality"
  | "sanction"
  | "sanctionPrev1"
  | "sanctionPrev2"
  | "faultTolerated"
  | "proposedPromotion"
  | "probation"
  | "underReview"
  | "appointedOn"
  | "predecessorAppointedOn"
  | "termNo"
  | "termEnd"
  | "yearEndScore"
  | "surveyScore"
  | "compositeScore"
  | "proposedGrade"
  | "teamGrade"
  | "teamGradePrev"
  | "category"
  | "democraticLow"
  | "note"
  | "check"
  | "hint"
  | "teamRegularScore"
  | "teamPoliticalQuality";

export type TeamCol =
  | "unit"
  | "regularScore"
  | "politicalQuality"
  | "category"
  | "teamGrade"
  | "teamGradePrev"
  | "pointsLost"
  | "performance"
  | "participants"
  | "quota"
  | "excellentCount"
  | "status"
  | "yearEndScore"
  | "surveyScore"
  | "compositeScore"
  | "democraticLow";

/** Every header a column is known by; the standard one (labels.ts) is listed first. */
type Synonyms<C extends string> = Record<C, { names: string[] }>;

export const CADRE_COLUMNS: Synonyms<CadreCol> = {
  seq: { names: ["序号", "No.", "No", "编号"] },
  unit: { names: ["单位", "所在单位", "单位名称", "Unit"] },
  name: { names: ["姓名", "Name"] },
  idNumber: { names: ["身份证号", "证件号码", "身份证号码", "ID number", "ID"] },
  position: { names: ["职务", "现任职务", "职务职级", "Position"] },
  principal: { names: ["是否正职", "正职", "班子正职", "是否班子正职", "Principal"] },
  grade: {
    names: ["本年等次", "年度考核等次", "考核等次", "等次", "本年度等次", "年度等次", "本年度考核等次", "Grade"],
  },
  regularScore: { names: ["平时考核得分", "平时考核", "平时成绩", "平时考核成绩", "Regular score"] },
  politicalQuality: { names: ["政治素质", "政治素质等次", "政治素质考察", "Political quality"] },
  sanction: { names: ["处分或处理", "处分", "受处分情况", "处分处理", "本年处分", "Sanction"] },
  sanctionPrev1: { names: ["上年处分", "上年处分或处理", "上年度处分", "Sanction -1"] },
  sanctionPrev2: { names: ["前年处分", "前年处分或处理", "Sanction -2"] },
  faultTolerated: { names: ["容错认定", "容错", "是否容错", "Fault tolerated"] },
  proposedPromotion: { names: ["拟提拔", "拟提拔使用", "是否拟提拔", "Proposed for promotion"] },
  probation: { names: ["试用期", "是否试用期", "新录用试用期", "Probation"] },
  underReview: { names: ["立案审查调查", "立案审查", "是否立案审查", "是否立案审查调查", "Under review"] },
  appointedOn: { names: ["任职时间", "任现职时间", "任职决定时间", "Appointed on"] },
  predecessorAppointedOn: { names: ["前任任职时间", "前任任职决定时间", "Predecessor appointed on"] },
  termNo: { names: ["任期届次", "第几任期", "任期", "Term no."] },
  termEnd: { names: ["任期届满时间", "届满时间", "任期届满", "Term end"] },
  yearEndScore: { names: ["年终考核得分", "年终考核", "Year-end", "Year-end score"] },
  surveyScore: { names: ["民意调查得分", "民意调查", "Survey"] },
  compositeScore: { names: ["综合得分", "年度综合得分", "Composite"] },
  proposedGrade: { names: ["拟定等次", "建议等次", "得分等次", "Proposed grade"] },
  teamGrade: { names: ["班子等次", "本年班子等次", "领导班子等次", "Team grade"] },
  teamGradePrev: { names: ["上年班子等次", "Team grade last year"] },
  category: { names: ["单位类别", "类别", "单位类型", "Category"] },
  democraticLow: {
    names: ["民主测评基本称职及不称职比例", "民主测评差评率", "民主测评不称职率", "Democratic low share"],
  },
  note: { names: ["备注", "说明", "Note"] },
  check: { names: ["校验", "Check"] },
  hint: { names: ["提示", "Hint"] },
  // The team's own figures in a one-sheet layout (team grade on every cadre row): Gansu judges teams too.
  teamRegularScore: { names: ["班子平时考核得分", "班子平时考核", "Team regular score"] },
  teamPoliticalQuality: { names: ["班子政治素质", "班子政治素质等次", "Team political quality"] },
};

export const TEAM_COLUMNS: Synonyms<TeamCol> = {
  unit: { names: ["单位", "单位名称", "被考核单位", "部门", "Unit"] },
  // Gansu assesses teams too (002): the same headers as on 干部.
  regularScore: { names: ["平时考核得分", "平时考核", "平时成绩", "平时考核成绩", "Regular score"] },
  politicalQuality: { names: ["政治素质", "政治素质等次", "政治素质考察", "Political quality"] },
  category: { names: ["单位类别", "类别", "单位类型", "Category"] },
  teamGrade: { names: ["本年班子等次", "班子等次", "领导班子等次", "年度考核等次", "Team grade"] },
  teamGradePrev: { names: ["上年班子等次", "上年度班子等次", "Team grade last year"] },
  pointsLost: { names: ["指标失分率", "失分比例", "Points lost"] },
  performance: { names: ["单位绩效", "绩效等次", "单位绩效等次", "单位绩效情况", "Performance"] },
  participants: { names: ["参评人数", "Participants"] },
  quota: { names: ["优秀上限", "Quota"] },
  excellentCount: { names: ["已定优秀", "Excellent"] },
  status: { names: ["状态", "Status"] },
  yearEndScore: { names: ["年终考核得分", "年终考核", "Year-end", "Year-end score"] },
  surveyScore: { names: ["民意调查得分", "民意调查", "Survey"] },
  compositeScore: { names: ["综合得分", "年度综合得分", "Composite"] },
  democraticLow: {
    names: ["民主测评基本称职及不称职比例", "民主测评差评率", "民主测评不称职率", "Democratic low share"],
  },
};

/** Named history columns of the cadre sheet: years back from the appraisal year. */
export const CADRE_HISTORY: Record<string, number> = {
  上年等次: 1,
  上年度等次: 1,
  前年等次: 2,
  大前年等次: 3,
  "GRADE-1": 1,
  "GRADE-2": 2,
  "GRADE-3": 3,
};

const YEAR_CADRE_GRADE = /^(\d{4})年度?(考核)?等次$/;
const YEAR_TEAM_GRADE = /^(\d{4})年度?(领导)?班子(考核)?等次$/;

/** The forms under which a header cell is looked up: whole, and without or inside its brackets. */
export function headerKeys(text: string): string[] {
  const f = fold(text)
    .replace(/[*＊:：]+$/, "")
    .toUpperCase();
  if (!f) return [];
  const m = /^(.*?)[(（[](.*?)[)）\]]$/.exec(f);
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
  { kind: "col"; id: C } | { kind: "history"; back: number } | { kind: "year"; year: number };

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

export { a1, columnLetter, parseA1 } from "./a1";
