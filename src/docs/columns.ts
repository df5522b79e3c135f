/**
 * docs/columns.md, generated from the code: every column the reader knows, the headers it answers to,
 * what may be typed in it and which rules read it. `npm run docs` writes it; a test keeps it current.
 */
import { CADRE_COLUMNS, CADRE_LABELS, RULES, TEAM_COLUMNS, TEAM_LABELS } from "../engine";
import type { Need } from "../engine/rules/types";

const GRADE = "优秀 / 称职 / 基本称职 / 不称职 / 不定等次（事业单位：优秀 / 合格 / 基本合格 / 不合格）";
const TEAM_GRADE = "优秀 / 良好 / 一般 / 较差（任期制规则集：一类 / 二类 / 三类 / 四类）";
const YES_NO = "是 / 否（Y/N、TRUE/FALSE、✓ 均可）；空白为否";
const SCORE = "0–100 的数字";
const DATE = "日期（Excel 日期，或 2021-05-10、2021年5月10日）";

const CADRE_VALUES: Record<string, string> = {
  unit: "单位名称，须与班子表一致（忽略首尾空格、全角半角）",
  name: "姓名",
  principal: YES_NO,
  grade: GRADE,
  regularScore: SCORE,
  politicalQuality: "好 / 较好 / 一般 / 较差",
  sanction: "处分或处理名称（警告、记过、诫勉…），多个用顿号分隔；空白或“无”为没有",
  sanctionPrev1: "同上，上一年度的",
  sanctionPrev2: "同上，前一年度的",
  faultTolerated: YES_NO,
  proposedPromotion: YES_NO,
  probation: YES_NO,
  underReview: YES_NO,
  appointedOn: DATE,
  predecessorAppointedOn: DATE,
  termNo: "正整数（1、2、第三任…）",
  termEnd: DATE,
  yearEndScore: SCORE,
  surveyScore: SCORE,
  compositeScore: SCORE,
  proposedGrade: GRADE,
  teamGrade: TEAM_GRADE + "（班子等次写在干部表每一行的版式）",
  teamGradePrev: TEAM_GRADE,
  category: "单位类别（市直部门、乡镇、街道…）",
  democraticLow: "百分比（0.25、25 或 25%）",
  check: "模板公式（KH 版），不需填写",
  hint: "模板公式（通用版），不需填写",
};

const TEAM_VALUES: Record<string, string> = {
  unit: "单位名称（每个单位一行）",
  category: "单位类别（市直部门、乡镇、街道…）",
  teamGrade: TEAM_GRADE,
  teamGradePrev: TEAM_GRADE,
  pointsLost: "百分比（0.25、25 或 25%）",
  performance: "单位绩效等次（按规则集的绩效表，如 优秀 / 良好 / 一般 / 较差）",
  participants: "模板公式，不需填写",
  quota: "模板公式，不需填写",
  excellentCount: "模板公式，不需填写",
  status: "模板公式，不需填写",
  yearEndScore: SCORE,
  surveyScore: SCORE,
  compositeScore: SCORE,
  democraticLow: "百分比（0.25、25 或 25%）",
};

function rulesNeeding(match: (n: Need) => boolean): string {
  const ids = RULES.filter((r) => (r.meta.needs ?? []).some(match)).map((r) => r.meta.id);
  return ids.length ? ids.join("、") : "—";
}

/** Columns every cadre rule reads without naming them among its needs. */
const READ_BY_ALL: Record<string, string> = { name: "全部（一行一人）", grade: "全部等次规则（D、Q、L、E、H）" };

const cell = (s: string) => s.replace(/\|/g, "\\|");

const TABLE_HEAD = ["| 标准表头 | 也认作 | 填写 | 读取它的规则 |", "|---|---|---|---|"];

/** One sheet's table: every column, its other headers, what to type, the rules that read it. */
function sheetTable(
  sheet: "cadre" | "team",
  columns: Record<string, { names: string[] }>,
  labels: Record<string, string>,
  values: Record<string, string>,
  readByAll: Record<string, string> = {},
): string[] {
  return Object.entries(columns).map(([id, { names }]) => {
    const label = labels[id];
    const others = names.filter((n) => n !== label);
    const needs = rulesNeeding(
      (n) =>
        (n.sheet === sheet && n.col === id) ||
        (id === "teamGrade" && n.sheet === "teamGrade") ||
        (id === "teamGradePrev" && n.sheet === "teamGradePrev"),
    );
    return `| ${label} | ${cell(others.join("、"))} | ${cell(values[id] ?? "文字")} | ${readByAll[id] ?? needs} |`;
  });
}

export function columnsMarkdown(): string {
  const lines = [
    "# 列参考 · Column reference",
    "",
    "<!-- Generated from src/engine/model/columns.ts and the rule modules by `npm run docs`; do not edit by hand. -->",
    "",
    "表头行在每张表的前 30 行中按列名或同义词查找，列的顺序随意，大小写、全角半角、首尾空格不计。",
    "“读取它的规则”一栏之外，等次列、是否列、分数和日期列中无法识别的值是 D01 / D06，错误值或未计算的公式是 D09。",
    "带年份的等次列（如 `2024年度等次`）按年份当作历史等次；`上年等次`、`前年等次` 同理。",
    "",
    "## 干部表 · Cadres",
    "",
    ...TABLE_HEAD,
    ...sheetTable("cadre", CADRE_COLUMNS, CADRE_LABELS, CADRE_VALUES, READ_BY_ALL),
    "",
    "## 班子表 · Teams",
    "",
    ...TABLE_HEAD,
    ...sheetTable("team", TEAM_COLUMNS, TEAM_LABELS, TEAM_VALUES),
  ];
  return lines.join("\n") + "\n";
}
